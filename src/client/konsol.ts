/**
 * The SQL console in the browser. Opening the page starts the engine (the only page that does so
 * without a click), with its download shown byte by byte. A query is checked (checkKonsolSql) and
 * run by DuckDB-WASM; DuckDB's own message is shown when it fails. The query is in the URL (?sql=).
 */
import { browserDb, dbStatus, onDbProgress, onDbStatus, startDb } from '../lib/db/browser.ts';
import { escapeHtml, formatNumber, t, type Lang, type MessageKey } from '../lib/i18n.ts';
import { toCsv } from '../lib/csv.ts';
import { checkKonsolSql } from '../lib/queries/konsol.ts';
import { fileName, pageFlags, saveFile } from '../lib/unduh.ts';
import { copyLink } from './bagikan.ts';

/** Rows drawn in the table (the CSV has all of them). */
const SHOWN = 1000;

const root = document.querySelector<HTMLElement>('[data-konsol]');
if (root) start(root);

function start(root: HTMLElement) {
  const { lang } = JSON.parse(root.dataset.konsol!) as { lang: Lang };
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const engine = q<HTMLElement>('[data-engine]');
  const progress = q<HTMLProgressElement>('[data-progress]');
  const engineText = q<HTMLElement>('[data-engine-text]');
  const examples = q<HTMLSelectElement>('[data-examples]');
  const editor = q<HTMLTextAreaElement>('[data-editor]');
  const run = q<HTMLButtonElement>('[data-run]');
  const csv = q<HTMLButtonElement>('[data-csv]');
  const copy = q<HTMLButtonElement>('[data-copy-link]');
  const message = q<HTMLElement>('[data-message]');
  const errorBox = q<HTMLElement>('[data-error]');
  const result = q<HTMLElement>('[data-result]');
  let last: { columns: string[]; rows: Record<string, unknown>[] } | undefined;
  let token = 0;

  const fromUrl = new URLSearchParams(location.search).get('sql');
  if (fromUrl) editor.value = fromUrl.slice(0, 20_000);

  // ------------------------------------------------------------------------------ the engine
  const mb = (bytes: number) => formatNumber(lang, bytes / 1e6, { digits: 1 });
  const offProgress = onDbProgress((loaded, total) => {
    progress.max = total;
    progress.value = loaded;
    engineText.textContent = loaded < total ? t(lang, 'konsol.downloading', { loaded: mb(loaded), total: mb(total) }) : t(lang, 'konsol.starting');
  });
  const showStatus = (status: string) => {
    engine.dataset.state = status;
    if (status === 'ready') {
      engineText.textContent = t(lang, 'konsol.ready');
      run.disabled = false;
      offProgress();
    } else if (status === 'failed') {
      engineText.textContent = t(lang, 'konsol.failed', { pesan: window.__atlas?.dbError ?? '' });
      run.disabled = false; // a click retries
    }
  };
  onDbStatus(showStatus);
  showStatus(dbStatus());
  startDb().catch(() => undefined);

  // --------------------------------------------------------------------------------- queries
  function cell(v: unknown): string {
    if (v === null || v === undefined) return '<td class="null">NULL</td>';
    // every digit as DuckDB returned it, with the page's decimal sign (no grouping: years stay 2024); the CSV keeps points
    if (typeof v === 'number') return `<td class="num">${escapeHtml(lang === 'id' ? String(v).replace('.', ',') : String(v))}</td>`;
    if (typeof v === 'bigint') return `<td class="num">${escapeHtml(String(v))}</td>`;
    if (v instanceof Date) return `<td>${escapeHtml(v.toISOString().slice(0, 10))}</td>`;
    if (typeof v === 'object') return `<td>${escapeHtml(JSON.stringify(v))}</td>`;
    return `<td>${escapeHtml(String(v))}</td>`;
  }

  function showError(title: string, text: string) {
    errorBox.hidden = false;
    errorBox.innerHTML = `<strong>${escapeHtml(title)}</strong><pre>${escapeHtml(text)}</pre>`;
  }

  async function execute() {
    const my = ++token;
    errorBox.hidden = true;
    errorBox.replaceChildren();
    const text = editor.value;
    history.replaceState(null, '', `${location.pathname}?${new URLSearchParams({ sql: text })}${location.hash}`);
    const check = checkKonsolSql(text);
    if (!check.ok) {
      message.textContent = '';
      showError(t(lang, 'konsol.refused'), t(lang, `konsol.refused.${check.reason}` as MessageKey, { detail: check.detail }));
      root.dataset.outcome = 'refused';
      return;
    }
    run.disabled = true;
    message.textContent = t(lang, 'konsol.running');
    const started = performance.now();
    try {
      const rows = await browserDb.query<Record<string, unknown>>(check.sql);
      if (my !== token) return;
      const ms = Math.round(performance.now() - started);
      const columns = rows.length ? Object.keys(rows[0]!) : [];
      last = { columns, rows };
      csv.disabled = false;
      const n = formatNumber(lang, rows.length);
      message.textContent = rows.length === 0 ? t(lang, 'konsol.noRows') : rows.length > SHOWN ? t(lang, 'konsol.rowsShown', { n, ms, shown: formatNumber(lang, SHOWN) }) : t(lang, 'konsol.rows', { n, ms });
      result.innerHTML = rows.length
        ? `<table class="result-table"><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${rows
            .slice(0, SHOWN)
            .map((r) => `<tr>${columns.map((c) => cell(r[c])).join('')}</tr>`)
            .join('')}</tbody></table>`
        : '';
      root.dataset.outcome = 'rows';
    } catch (error) {
      if (my !== token) return;
      message.textContent = '';
      result.replaceChildren();
      last = undefined;
      csv.disabled = true;
      showError(t(lang, 'konsol.error'), String((error as Error)?.message ?? error));
      root.dataset.outcome = 'error';
    } finally {
      if (my === token) run.disabled = false;
    }
  }

  run.addEventListener('click', () => void execute());
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void execute();
    }
  });
  examples.addEventListener('change', () => {
    const option = examples.selectedOptions[0];
    if (!option?.dataset.sql) return;
    editor.value = option.dataset.sql;
    editor.focus();
  });
  csv.addEventListener('click', () => {
    if (!last) return;
    const flags = pageFlags();
    const data = toCsv(last.columns, last.rows.map((r) => last!.columns.map((c) => {
      const v = r[c];
      return v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v);
    })), { bom: true });
    saveFile(fileName(['sql', flags.demo ? 'sintetis' : undefined], 'csv', flags), data, 'text/csv;charset=utf-8');
  });
  copy.addEventListener('click', () => {
    history.replaceState(null, '', `${location.pathname}?${new URLSearchParams({ sql: editor.value })}`);
    void copyLink(copy, location.href, lang);
  });
  // A shared link runs its query once the engine is ready.
  if (fromUrl) {
    const go = () => void execute();
    if (dbStatus() === 'ready') go();
    else {
      const off = onDbStatus((s) => {
        if (s === 'ready') {
          off();
          go();
        }
      });
    }
  }
}
