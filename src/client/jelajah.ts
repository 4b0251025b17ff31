/**
 * The explorer in the browser: controls -> URL state -> SQL (src/lib/queries/jelajah.ts) on
 * DuckDB-WASM -> table. The view built into the HTML is kept until the user changes something (or
 * the URL asks for another view). Every view has its own link; back/forward restore it.
 */
import { browserDb } from '../lib/db/browser.ts';
import { formatNumber, formatPeriod, localePath, t, type Lang } from '../lib/i18n.ts';
import { applyPatch } from '../lib/url-state.ts';
import { bandingSql, formatJelajahFilter, jelajahSql, namaWilayahSql, parseJelajahFilter, type BandingRow, type JelajahOp, type JelajahRow } from '../lib/queries/jelajah.ts';
import { BANDING_MAKS } from '../lib/queries/jelajah.ts';
import { fileName, pageFlags, saveFile } from '../lib/unduh.ts';
import { copyLink } from './bagikan.ts';
import { licenceText } from '../lib/cite.ts';
import { filterLabel, jelajahArgs, jelajahCsv, jelajahCsvRows, jelajahSearch, jelajahTableHtml, parseJelajahState, type JelajahState } from '../components/alat/jelajah.ts';

interface Config {
  periods: string[];
  period: string;
  lang: Lang;
  base: string;
}

const root = document.querySelector<HTMLElement>('[data-jelajah]');
if (root) start(root);

function start(root: HTMLElement) {
  const config = JSON.parse(root.dataset.jelajah!) as Config;
  const { lang, base } = config;
  const defaults = { period: config.period, periods: config.periods };
  const form = root.querySelector<HTMLFormElement>('[data-controls]')!;
  const el = {
    level: form.elements.namedItem('level') as HTMLSelectElement,
    period: form.elements.namedItem('period') as HTMLSelectElement,
    area: form.elements.namedItem('area') as HTMLSelectElement,
    q: form.elements.namedItem('q') as HTMLInputElement,
    fcol: form.elements.namedItem('fcol') as HTMLSelectElement,
    fop: form.elements.namedItem('fop') as HTMLSelectElement,
    fval: form.elements.namedItem('fval') as HTMLInputElement,
  };
  const table = root.querySelector<HTMLElement>('[data-table]')!;
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const filters = root.querySelector<HTMLElement>('[data-filters]')!;
  const compare = root.querySelector<HTMLElement>('[data-compare]')!;
  const compareChips = root.querySelector<HTMLElement>('[data-compare-chips]')!;
  const compareHint = root.querySelector<HTMLElement>('[data-compare-hint]')!;

  let state = parseJelajahState(location.search, defaults);
  let rows: JelajahRow[] = JSON.parse(root.dataset.rows ?? '[]');
  const names = new Map<string, string>(rows.map((r) => [r.kode_wilayah, r.nama_wilayah]));
  let token = 0;
  let compareToken = 0;

  const builtSearch = '';
  const setStatus = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };

  function syncControls(s: JelajahState) {
    el.level.value = s.level;
    el.period.value = s.period;
    el.area.value = s.area && [...el.area.options].some((o) => o.value === s.area) ? s.area : '';
    if (document.activeElement !== el.q) el.q.value = s.q ?? '';
    filters.replaceChildren(
      ...s.f.map((f, i) => {
        const li = document.createElement('li');
        li.dataset.filter = formatJelajahFilter(f);
        const label = filterLabel(lang, f);
        li.append(label);
        const x = document.createElement('button');
        x.type = 'button';
        x.textContent = '×';
        x.setAttribute('aria-label', t(lang, 'jelajah.removeCondition', { syarat: label }));
        x.addEventListener('click', () => update({ f: state.f.filter((_, j) => j !== i) }));
        li.append(x);
        return li;
      }),
    );
  }

  /** Applies a change: new URL (pushed, or replaced while typing) and a new view. */
  function update(patch: Partial<JelajahState>, { replace = false } = {}) {
    state = { ...state, ...patch };
    const url = `${location.pathname}${jelajahSearch(state, defaults)}${location.hash}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    syncControls(state);
    void render();
  }

  async function render() {
    const my = ++token;
    const sql = jelajahSql(jelajahArgs(state));
    root.setAttribute('aria-busy', 'true');
    const slow = setTimeout(() => my === token && setStatus(t(lang, 'jelajah.loading')), 150);
    try {
      const result = await browserDb.query<JelajahRow>(sql);
      if (my !== token) return;
      rows = result;
      for (const r of rows) names.set(r.kode_wilayah, r.nama_wilayah);
      table.innerHTML = jelajahTableHtml(rows, { lang, base, state });
      count.textContent = t(lang, 'jelajah.count', { n: formatNumber(lang, rows.length) });
      setStatus('');
      root.dataset.rendered = jelajahSearch(state, defaults) || '?';
      performance.mark('chart-updated');
    } catch (error) {
      if (my === token) setStatus(t(lang, 'jelajah.failed', { pesan: String((error as Error)?.message ?? error) }), true);
    } finally {
      clearTimeout(slow);
      if (my === token) root.removeAttribute('aria-busy');
    }
    void renderCompare();
  }

  async function renderCompare() {
    const my = ++compareToken;
    const codes = state.cmp;
    compareHint.hidden = codes.length >= 2;
    if (!codes.length) {
      compareChips.replaceChildren();
      compare.replaceChildren();
      return;
    }
    try {
      const missing = codes.filter((k) => !names.has(k));
      if (missing.length) for (const r of await browserDb.query<{ kode_wilayah: string; nama_wilayah: string }>(namaWilayahSql({ kode: missing }))) names.set(r.kode_wilayah, r.nama_wilayah);
      if (my !== compareToken) return;
      compareChips.replaceChildren(
        ...codes.map((k) => {
          const li = document.createElement('li');
          li.dataset.kode = k;
          const nama = names.get(k) ?? k;
          li.append(`${nama} (${k})`);
          const x = document.createElement('button');
          x.type = 'button';
          x.textContent = '×';
          x.setAttribute('aria-label', t(lang, 'jelajah.compareRemove', { nama }));
          x.addEventListener('click', () => update({ cmp: state.cmp.filter((c) => c !== k) }));
          li.append(x);
          return li;
        }),
      );
      const [series, { trenChart }, { tabelHtml }] = await Promise.all([
        browserDb.query<BandingRow>(bandingSql({ kode: codes })),
        import('../charts/tren.ts'),
        import('../charts/tabel.ts'),
      ]);
      if (my !== compareToken) return;
      const label = t(lang, 'jelajah.compareChart', { nama: codes.map((k) => names.get(k) ?? k).join(', ') });
      const width = Math.min(compare.clientWidth || 680, 900);
      const chart = trenChart(
        // each dot links to its area's profile at that month
        series.map((r) => ({ periode: r.periode, prevalensi: r.prevalensi, diukur: r.diukur, cakupan: r.cakupan, nama: r.nama_wilayah, href: `${localePath(lang, `/wilayah/${r.kode_wilayah}/`, base)}${applyPatch('', { period: r.periode })}` })),
        { lang, width, document, label, axisLabel: t(lang, 'axis.prevRutin'), height: 300 },
      );
      const figure = document.createElement('figure');
      figure.className = 'chart';
      figure.dataset.figure = 'banding';
      const title = document.createElement('p');
      title.className = 'chart-title';
      title.textContent = label;
      const body = document.createElement('div');
      body.className = 'chart-body';
      body.append(chart);
      const caption = document.createElement('figcaption');
      caption.textContent = t(lang, 'jelajah.compareCaption');
      const details = document.createElement('details');
      details.innerHTML = `<summary>${t(lang, 'fig.showTable')}</summary><div class="table-scroll">${tabelHtml(lang, [
        { label: t(lang, 'jelajah.col.nama'), value: (r: BandingRow) => r.nama_wilayah },
        { label: t(lang, 'col.periode'), value: (r) => formatPeriod(lang, r.periode) },
        { label: t(lang, 'col.diukur'), value: (r) => formatNumber(lang, r.diukur), angka: true },
        { label: t(lang, 'col.stunting'), value: (r) => formatNumber(lang, r.stunting), angka: true },
        { label: t(lang, 'jelajah.col.prevalensi'), value: (r) => formatNumber(lang, r.prevalensi, { digits: 1 }), angka: true },
      ], series)}</div>`;
      figure.append(title, body, caption, details);
      compare.replaceChildren(figure);
      document.dispatchEvent(new CustomEvent('atlas:figure', { detail: figure }));
      performance.mark('compare-updated');
    } catch (error) {
      if (my === compareToken) setStatus(t(lang, 'jelajah.failed', { pesan: String((error as Error)?.message ?? error) }), true);
    }
  }

  // ----------------------------------------------------------------------------------- wiring
  el.level.addEventListener('change', () => update({ level: el.level.value as JelajahState['level'] }));
  el.period.addEventListener('change', () => update({ period: el.period.value }));
  el.area.addEventListener('change', () => update({ area: el.area.value || undefined }));
  let typing: ReturnType<typeof setTimeout> | undefined;
  el.q.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ q: el.q.value.trim() || undefined }, { replace: true }), 250);
  });
  const addFilter = () => {
    const value = el.fval.value.trim().replace(',', '.');
    const f = parseJelajahFilter(`${el.fcol.value}.${el.fop.value as JelajahOp}.${value}`);
    if (!f) {
      el.fval.focus();
      el.fval.setCustomValidity?.(t(lang, 'jelajah.value'));
      el.fval.reportValidity?.();
      return;
    }
    el.fval.setCustomValidity?.('');
    el.fval.value = '';
    update({ f: [...state.f.filter((x) => formatJelajahFilter(x) !== formatJelajahFilter(f)), f] });
  };
  root.querySelector('[data-add-filter]')!.addEventListener('click', addFilter);
  el.fval.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addFilter();
    }
  });
  table.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-sort]');
    if (!button) return;
    const kolom = button.dataset.sort as NonNullable<JelajahState['sort']>['kolom'];
    const current = state.sort ?? { kolom: 'kode_wilayah', turun: false };
    // First click on a figure sorts largest first; on a name or code, A→Z. A second click flips.
    const turun = current.kolom === kolom ? !current.turun : kolom !== 'kode_wilayah' && kolom !== 'nama_wilayah';
    update({ sort: kolom === 'kode_wilayah' && !turun ? undefined : { kolom, turun } });
  });
  table.addEventListener('change', (e) => {
    const box = (e.target as Element).closest<HTMLInputElement>('input[data-cmp]');
    if (!box) return;
    const kode = box.dataset.cmp!;
    names.set(kode, box.dataset.nama ?? kode);
    const cmp = box.checked ? [...state.cmp.filter((k) => k !== kode), kode].slice(0, BANDING_MAKS) : state.cmp.filter((k) => k !== kode);
    state = { ...state, cmp };
    history.pushState(null, '', `${location.pathname}${jelajahSearch(state, defaults)}${location.hash}`);
    // Enable/disable the other boxes without redrawing the table.
    for (const other of table.querySelectorAll<HTMLInputElement>('input[data-cmp]')) other.disabled = cmp.length >= BANDING_MAKS && !other.checked;
    void renderCompare();
  });
  root.querySelector('[data-csv]')!.addEventListener('click', () => {
    const flags = pageFlags();
    const area = state.area ? (names.get(state.area) ?? state.area) : undefined;
    saveFile(fileName(['jelajah', state.level, area, state.period, flags.demo ? 'sintetis' : undefined], 'csv', flags), jelajahCsv(lang, rows), 'text/csv;charset=utf-8');
  });
  root.querySelector('[data-xlsx]')!.addEventListener('click', async () => {
    const flags = pageFlags();
    const area = state.area ? (names.get(state.area) ?? state.area) : undefined;
    const { toXlsx, XLSX_TYPE } = await import('../lib/xlsx.ts');
    const { header, rows: cells } = jelajahCsvRows(lang, rows);
    const caption = table.querySelector('caption')?.textContent ?? '';
    const intro = [flags.internal ? t(lang, 'dl.internal') : flags.demo ? t(lang, 'dl.demo') : '', t(lang, 'jelajah.title'), caption, location.href, t(lang, 'lisensi.file', { lisensi: licenceText(lang) })].filter(Boolean);
    saveFile(fileName(['jelajah', state.level, area, state.period, flags.demo ? 'sintetis' : undefined], 'xlsx', flags), await toXlsx({ name: t(lang, 'jelajah.title'), intro, header, rows: cells }), XLSX_TYPE);
  });
  const copyButton = root.querySelector<HTMLButtonElement>('[data-copy-link]')!;
  copyButton.addEventListener('click', () => void copyLink(copyButton, location.href, lang));
  window.addEventListener('popstate', () => {
    state = parseJelajahState(location.search, defaults);
    syncControls(state);
    void render();
  });

  syncControls(state);
  if (jelajahSearch(state, defaults) !== builtSearch) void render();
}
