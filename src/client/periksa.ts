/**
 * The file check in the browser. The file is read where it lies (papaparse streams it in chunks from
 * the File object and yields between them, no upload), the columns the rules need go into a scratch
 * table of DuckDB-WASM, and the build's own SQL checks and counts them: a by-name export with
 * src/pipeline/sql/by-name.ts, a village-count CSV with src/pipeline/sql/table-checks.ts. Names are
 * matched with the build's NameMatcher over the published areas, messages come from the build's
 * catalogue (src/pipeline/issues.ts), and the counts are set beside the published figures. Errors are
 * listed as FILE:LINE:COLUMN like the build; no value that names or identifies a child is shown.
 */
import Papa from 'papaparse';
import { browserEngine, dbStatus, onDbProgress, onDbStatus, startDb } from '../lib/db/browser.ts';
import { escapeHtml, formatNumber, formatPercent, formatPeriod, t, toHtml, type Lang, type MessageKey } from '../lib/i18n.ts';
import { periksaBandingSql, PERIKSA_DESA } from '../lib/queries/periksa.ts';
import { MIN_DENOMINATOR_FOR_RATE } from '../lib/domain/suppression.ts';
import type { Head } from '../pipeline/csv/prescan.ts';
import { reportRejects } from '../pipeline/csv/read.ts';
import { IssueLog } from '../pipeline/issues.ts';
import { KINDS } from '../pipeline/kinds.ts';
import { NameMatcher } from '../pipeline/names.ts';
import { BY_NAME_VILLAGE_COLUMNS, BY_NAME_VILLAGE_SQL, matchNames, reportRowErrors, reportUnmatched, rowErrorExtra, ROW_ERROR_COLUMNS, rowSql } from '../pipeline/sql/by-name.ts';
import { checkDuplicates, validateFile, type SqlRunner } from '../pipeline/sql/table-checks.ts';
import { BN_NAMA_BULAN } from '../pipeline/tables.ts';
import {
  desaTypedSql, detectKind, gazetteerFromRows, keptCells, recordLines, ruleStatements, UPLOAD_ID, UPLOAD_TABLE, uploadAggregateSql, uploadColumns, uploadLayout, uploadRowSql, type UploadKind,
} from '../components/alat/periksa.ts';

/** Bytes parsed per step: 1 MB keeps every step of the main thread short (4 MB froze frames for up to ~0.9 s). */
const CHUNK = 1024 * 1024;
const MAX_ISSUES_SHOWN = 300;
const SCRATCH = [UPLOAD_TABLE, BN_NAMA_BULAN, 'bn_desa_bulan', 'bn_match', 'bn_excluded', 'bn_unmatched', PERIKSA_DESA, `in_${KINDS.eppgbmDesa.id}`];

interface BandingRow {
  kode_wilayah: string;
  nama_wilayah: string | null;
  periode: string;
  diukur_berkas: number;
  stunting_berkas: number;
  prevalensi_berkas: number | null;
  diukur_terbit: number | null;
  stunting_terbit: number | null;
  prevalensi_terbit: number | null;
  ditekan: boolean | null;
  ada_terbit: boolean;
}

interface Totals {
  baris: number;
  diukur: number;
  duplikat: number;
  usia: number;
  tidak_masuk_akal: number;
  haz_kosong: number;
  galat: number;
  tidak_cocok: number;
}

const root = document.querySelector<HTMLElement>('[data-periksa]');
if (root) start(root);

function start(root: HTMLElement) {
  const { lang, province } = JSON.parse(root.dataset.periksa!) as { lang: Lang; province: string };
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const input = q<HTMLInputElement>('input[type=file]');
  const zone = q<HTMLElement>('[data-drop]');
  const progress = q<HTMLProgressElement>('[data-progress]');
  const status = q<HTMLElement>('[data-status]');
  const out = q<HTMLElement>('[data-result]');
  const engineBox = q<HTMLElement>('[data-engine]');
  const engineBar = q<HTMLProgressElement>('[data-engine-progress]');
  const engineText = q<HTMLElement>('[data-engine-text]');
  const say = (key: MessageKey, params?: Record<string, string | number>) => (status.textContent = t(lang, key, params));
  const mb = (bytes: number) => formatNumber(lang, bytes / 1e6, { digits: 1 });

  // The engine, apache-arrow and the two published tables the comparison needs load now (with the
  // download shown byte by byte), so checking a file makes no request at all.
  const offProgress = onDbProgress((loaded, total) => {
    engineBar.max = total;
    engineBar.value = loaded;
    engineText.textContent = loaded < total ? t(lang, 'konsol.downloading', { loaded: mb(loaded), total: mb(total) }) : t(lang, 'konsol.starting');
  });
  const showStatus = (s: string) => {
    if (engineBox.dataset.state === 'ready') return;
    // 'ready' only once the published tables are in too (below)
    engineBox.dataset.state = s === 'ready' ? 'tables' : s;
    if (s === 'ready') {
      offProgress();
      engineText.textContent = t(lang, 'periksa.tables');
    }
    if (s === 'failed') engineText.textContent = t(lang, 'konsol.failed', { pesan: window.__atlas?.dbError ?? '' });
  };
  onDbStatus(showStatus);
  showStatus(dbStatus());
  const arrow = import('apache-arrow');
  const ready = startDb({ tables: ['wilayah', 'gizi_balita'] }).then(() => {
    engineText.textContent = t(lang, 'konsol.ready');
    engineBox.dataset.state = 'ready';
  });
  ready.catch(() => undefined);

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void check(file);
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) void check(file);
  });

  let macros = false;
  let busy = false;

  async function check(file: File) {
    if (busy) return;
    busy = true;
    const started = performance.now();
    root.removeAttribute('data-done');
    root.setAttribute('aria-busy', 'true');
    status.classList.remove('error');
    out.replaceChildren();
    progress.hidden = false;
    progress.max = file.size || 1;
    progress.value = 0;
    try {
      say('periksa.starting');
      await ready;
      const [engine, { Table, Utf8, Int32, vectorFromArray }] = await Promise.all([browserEngine(), arrow]);
      for (const name of SCRATCH) await engine.exec(`DROP TABLE IF EXISTS ${name}`);
      await engine.exec('DROP VIEW IF EXISTS gazetir');
      if (!macros) {
        for (const statement of ruleStatements()) await engine.exec(statement);
        macros = true;
      }
      const runner: SqlRunner = { all: <T>(sql: string) => engine.exec<T>(sql) };
      const log = new IssueLog();
      const name = file.name;
      if (file.size === 0) {
        log.report('empty-file', name, {});
        return showIssues(log, name, performance.now() - started);
      }

      // ---------------------------------------------------------------- stream the rows in
      let head: Head | undefined;
      let detected: { kind: UploadKind; map: Map<string, number> } | null = null;
      let kept: number[] = [];
      let line = 1; // physical line where the next record starts (the header is line 1)
      let rows = 0;
      let created = false;
      await new Promise<void>((resolve, reject) => {
        Papa.parse<string[]>(file, {
          chunkSize: CHUNK,
          skipEmptyLines: false,
          chunk: (result, parser) => {
            parser.pause();
            void (async () => {
              let data = result.data;
              let first = 0;
              if (!head) {
                const raw = data[0] ?? [];
                const bom = (raw[0] ?? '').startsWith('\uFEFF');
                const header = raw.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
                const h: Head = { path: name, bom, crlf: result.meta.linebreak === '\r\n', delimiter: result.meta.delimiter === ';' ? ';' : ',', header };
                head = h;
                line += recordLines(raw); // the first record starts on the line after the header
                first = 1;
                detected = detectKind(h, name, log);
                if (!detected) {
                  parser.abort();
                  return;
                }
                kept = uploadColumns(detected.map, header.length);
              }
              const headerLength = head!.header.length;
              const cols: (string | null)[][] = [...kept, 0].map(() => []);
              const lines: number[] = [];
              const numbers: number[] = [];
              const errorAt = new Map<number, Papa.ParseError>();
              for (const e of result.errors) if (e.row !== undefined && e.row !== null) errorAt.set(e.row, e);
              for (let r = first; r < data.length; r++) {
                const fields = data[r]!;
                const at = line;
                line += recordLines(fields);
                if (fields.length === 1 && fields[0] === '') continue; // a blank line is not a row
                const e = errorAt.get(r);
                if (e) {
                  // the build's reader stops at such a row too: reported at its line, not counted
                  if (e.code === 'MissingQuotes') log.report('unclosed-quote', name, { line: at });
                  else reportRejects([{ line: at, column_idx: null, error_type: 'UNQUOTED VALUE', error_message: e.message }], name, log);
                  continue;
                }
                rows++;
                const cells = keptCells(fields, kept, headerLength);
                for (let c = 0; c < cells.length; c++) cols[c]!.push(cells[c]!);
                lines.push(at);
                numbers.push(rows);
              }
              if (lines.length) {
                const vectors: Record<string, unknown> = {};
                kept.forEach((k, c) => (vectors[`c${k}`] = vectorFromArray(cols[c]!, new Utf8())));
                vectors.cx = vectorFromArray(cols[kept.length]!, new Utf8());
                vectors.rn = vectorFromArray(numbers, new Int32());
                vectors.ln = vectorFromArray(lines, new Int32());
                await engine.insertArrow(UPLOAD_TABLE, new Table(vectors as never), !created);
                created = true;
              }
              progress.value = Math.min(result.meta.cursor, file.size);
              say('periksa.reading', { mb: mb(result.meta.cursor), total: mb(file.size), rows: formatNumber(lang, rows) });
              parser.resume();
            })().catch((error) => {
              parser.abort();
              reject(error);
            });
          },
          complete: () => resolve(),
          error: (error) => reject(error),
        });
      });
      if (!head || !detected) return showIssues(log, name, performance.now() - started);
      const { kind, map } = detected as { kind: UploadKind; map: Map<string, number> };
      if (!created) {
        log.report('no-rows', name, {});
        return showIssues(log, name, performance.now() - started);
      }
      say('periksa.classifying', { rows: formatNumber(lang, rows) });
      const totals: Totals = { baris: rows, diukur: 0, duplikat: 0, usia: 0, tidak_masuk_akal: 0, haz_kosong: 0, galat: 0, tidak_cocok: 0 };

      if (kind === 'by-name') {
        const layout = uploadLayout(head, map);
        // Row-level errors: where, which column, what and how to fix (the build's messages).
        const bad = await engine.exec<Record<string, unknown> & { ln: number }>(
          `SELECT ln, ${ROW_ERROR_COLUMNS} FROM (${uploadRowSql(layout, rowErrorExtra(map))}) WHERE alasan = 'galat' ORDER BY ln LIMIT 200`,
        );
        for (const b of bad) reportRowErrors(log, name, b.ln, head, map, b, false);

        // Counts per names and month: the build's aggregation (again with another salt when two
        // name tuples share a hash, as the build does).
        for (let salt = 0; ; salt++) {
          await engine.exec(`CREATE OR REPLACE TABLE ${BN_NAMA_BULAN} AS ${uploadAggregateSql(layout, salt)}`);
          const [{ bentrok }] = await engine.exec<{ bentrok: boolean }>(`SELECT coalesce(bool_or(bentrok), false) AS bentrok FROM ${BN_NAMA_BULAN}`);
          if (!bentrok) break;
          if (salt === 3) throw new Error('two different area-name tuples kept the same hash with every salt tried');
        }

        // Names -> codes with the build's matcher, over the published areas.
        const areas = await engine.exec<{ kode_wilayah: string; nama_wilayah: string; tingkat: string; kode_induk: string | null; jenis: string }>(
          `SELECT kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis FROM wilayah`,
        );
        const matcher = new NameMatcher(gazetteerFromRows(areas, province));
        const names = await engine.exec<{ prov: string; kab: string; kec: string; desa: string; baris: number }>(
          `SELECT prov, kab, kec, desa, sum(baris) AS baris FROM ${BN_NAMA_BULAN}
           WHERE prov IS NOT NULL AND kab IS NOT NULL AND kec IS NOT NULL AND desa IS NOT NULL GROUP BY ALL ORDER BY ALL`,
        );
        const { matches, unmatched } = matchNames(names, matcher, province);
        const strings = (values: string[]) => vectorFromArray(values, new Utf8());
        const tuples = (list: string[][], extra: Record<string, unknown> = {}) =>
          new Table({ prov: strings(list.map((x) => x[0]!)), kab: strings(list.map((x) => x[1]!)), kec: strings(list.map((x) => x[2]!)), desa: strings(list.map((x) => x[3]!)), ...extra } as never);
        if (unmatched.size) {
          // the first line with each unknown name (names are matched, never shown back beyond the area name)
          const list = [...unmatched.values()].flatMap((u, i) => u.tuples.map((x) => ({ x, i })));
          await engine.insertArrow('bn_unmatched', tuples(list.map((l) => l.x), { u: vectorFromArray(list.map((l) => l.i), new Int32()) }), true);
          const hits = await engine.exec<{ u: number; ln: number }>(
            `SELECT x.u, min(r.ln) AS ln FROM (SELECT ln, nm FROM (${uploadRowSql(layout)})) r
             JOIN bn_unmatched x ON r.nm.p = x.prov AND r.nm.kb = x.kab AND r.nm.kc = x.kec AND r.nm.ds = x.desa GROUP BY x.u`,
          );
          const first = new Map(hits.map((h) => [h.u, h.ln]));
          reportUnmatched(log, unmatched, (u) => (first.has(u) ? { file: name, line: first.get(u)!, map } : undefined));
        }
        await engine.exec(`CREATE TABLE bn_match (prov VARCHAR, kab VARCHAR, kec VARCHAR, desa VARCHAR, kode VARCHAR)`);
        if (matches.length) {
          await engine.insertArrow('bn_match', tuples(matches.map((m) => m.t), { kode: strings(matches.map((m) => m.kode ?? province)) }), false);
        }
        await engine.exec(`CREATE TABLE bn_excluded (prov VARCHAR, kab VARCHAR, kec VARCHAR, desa VARCHAR)`);
        const excluded = matches.filter((m) => m.excluded);
        if (excluded.length) await engine.insertArrow('bn_excluded', tuples(excluded.map((m) => m.t)), false);
        await engine.exec(`CREATE TABLE bn_desa_bulan ${BY_NAME_VILLAGE_COLUMNS}`);
        await engine.exec(`INSERT INTO bn_desa_bulan ${BY_NAME_VILLAGE_SQL}`);
        await engine.exec(`CREATE TABLE ${PERIKSA_DESA} AS SELECT kode_wilayah, periode, diukur, pendek, sangat_pendek FROM bn_desa_bulan WHERE diukur > 0 OR baris > 0`);

        const [s] = await engine.exec<Record<string, number>>(
          `SELECT coalesce(sum(baris), 0) AS baris, coalesce(sum(tidak_masuk_akal), 0) AS tidak_masuk_akal, coalesce(sum(usia), 0) AS usia,
             coalesce(sum(duplikat), 0) AS duplikat, coalesce(sum(haz_kosong), 0) AS haz_kosong, coalesce(sum(galat), 0) AS galat FROM ${BN_NAMA_BULAN}`,
        );
        const [d] = await engine.exec<{ diukur: number; tidak_cocok: number }>(`SELECT coalesce(sum(diukur), 0) AS diukur, coalesce(sum(tidak_cocok), 0) AS tidak_cocok FROM bn_desa_bulan`);
        const unknownRows = [...unmatched.values()].reduce((a, u) => a + u.rows, 0);
        Object.assign(totals, s, { diukur: d!.diukur, tidak_cocok: d!.tidak_cocok + unknownRows });
      } else {
        // A village-count file: the build's checks of an aggregated input, on the same rows.
        await engine.exec(`CREATE VIEW gazetir AS SELECT kode_wilayah, tingkat FROM wilayah`);
        const kindSpec = KINDS.eppgbmDesa;
        await validateFile(runner, UPLOAD_ID, name, kindSpec, map, 'ln', head, log);
        await engine.exec(desaTypedSql(map, name));
        await checkDuplicates(runner, kindSpec, log);
        await engine.exec(`CREATE TABLE ${PERIKSA_DESA} AS
          SELECT kode_wilayah, periode, jumlah_balita_diukur AS diukur, jumlah_balita_pendek AS pendek, jumlah_balita_sangat_pendek AS sangat_pendek
          FROM in_${kindSpec.id} WHERE kode_wilayah IS NOT NULL AND periode IS NOT NULL
            AND jumlah_balita_diukur >= 0 AND jumlah_balita_pendek >= 0 AND jumlah_balita_sangat_pendek >= 0`);
        const [s] = await engine.exec<{ diukur: number; galat: number }>(
          `SELECT coalesce(sum(diukur), 0) AS diukur, (SELECT count(*) FROM in_${kindSpec.id}) - count(*) AS galat FROM ${PERIKSA_DESA}`,
        );
        totals.diukur = s!.diukur;
        totals.galat = s!.galat;
      }
      const banding = await engine.exec<BandingRow>(periksaBandingSql());
      // The uploaded rows are no longer needed: drop them (they stay in this tab only anyway).
      for (const table of SCRATCH) await engine.exec(`DROP TABLE IF EXISTS ${table}`);
      showResult(name, kind, log, totals, banding, performance.now() - started);
    } catch (error) {
      status.textContent = t(lang, 'periksa.failed', { pesan: String((error as Error)?.message ?? error).split('\n')[0]!.replace(/Original Line:.*/, '') });
      status.classList.add('error');
      root.dataset.done = 'failed';
    } finally {
      root.removeAttribute('aria-busy');
      progress.hidden = true;
      input.value = '';
      busy = false;
    }
  }

  function issuesHtml(log: IssueLog): string {
    const lines = log.lines();
    const list = lines
      .slice(0, MAX_ISSUES_SHOWN)
      .map((text) => `<li><code>${escapeHtml(text)}</code></li>`)
      .join('');
    const issues = log.sorted();
    const data = JSON.stringify(issues.map((i) => ({ line: i.line ?? null, column: i.column ?? null, type: i.type, severity: i.severity })));
    return `<h2>${escapeHtml(t(lang, 'periksa.issues', { n: formatNumber(lang, lines.length) }))}</h2><p class="muted">${escapeHtml(t(lang, 'periksa.issuesNote'))}</p><ol class="issues" data-issues='${escapeHtml(data)}'>${list}</ol>`;
  }

  function showIssues(log: IssueLog, name: string, ms: number) {
    root.dataset.ms = String(Math.round(ms));
    say('periksa.doneIssues', { file: name });
    out.innerHTML = issuesHtml(log);
    root.dataset.done = 'issues';
  }

  function showResult(name: string, kind: UploadKind, log: IssueLog, totals: Totals, banding: BandingRow[], ms: number) {
    root.dataset.ms = String(Math.round(ms));
    say('periksa.done', { file: name, rows: formatNumber(lang, totals.baris), s: formatNumber(lang, ms / 1000, { digits: 1 }) });
    const n = (v: number | null | undefined) => toHtml(lang, formatNumber(lang, v, { digits: 0 }));
    const p = (v: number | null | undefined) => toHtml(lang, formatPercent(lang, v));
    const item = (key: MessageKey, v: number, k: string) => `<div><dt>${escapeHtml(t(lang, key))}</dt><dd data-k="${k}">${n(v)}</dd></div>`;
    const summary = `<p class="muted" data-kind="${kind}">${escapeHtml(t(lang, kind === 'by-name' ? 'periksa.kind.byName' : 'periksa.kind.desa'))}</p><dl class="ringkas" data-summary>
      ${item('periksa.sum.rows', totals.baris, 'baris')}
      ${item(kind === 'by-name' ? 'periksa.sum.measured' : 'periksa.sum.measuredDesa', totals.diukur, 'diukur')}
      ${kind === 'by-name' ? [item('periksa.sum.duplicate', totals.duplikat, 'duplikat'), item('periksa.sum.age', totals.usia, 'usia'), item('periksa.sum.implausible', totals.tidak_masuk_akal, 'tidak_masuk_akal'), item('periksa.sum.noHaz', totals.haz_kosong, 'haz_kosong')].join('') : ''}
      ${item('periksa.sum.errors', totals.galat, 'galat')}
      ${kind === 'by-name' ? item('periksa.sum.unmatched', totals.tidak_cocok, 'tidak_cocok') : ''}
    </dl>`;
    // Per month: the file's villages, and the published figures of the same villages and month.
    const months = new Map<string, { desa: number; diukur: number; stunting: number; cd: number; cs: number; pd: number; ps: number; tanpa: number; sama: number }>();
    for (const r of banding) {
      const m = months.get(r.periode) ?? { desa: 0, diukur: 0, stunting: 0, cd: 0, cs: 0, pd: 0, ps: 0, tanpa: 0, sama: 0 };
      m.desa++;
      m.diukur += r.diukur_berkas;
      m.stunting += r.stunting_berkas;
      if (r.diukur_terbit !== null && r.stunting_terbit !== null) {
        // like with like: the file's counts of the villages that have published figures
        m.cd += r.diukur_berkas;
        m.cs += r.stunting_berkas;
        m.pd += r.diukur_terbit;
        m.ps += r.stunting_terbit;
        if (r.diukur_terbit === r.diukur_berkas && r.stunting_terbit === r.stunting_berkas) m.sama++;
      } else m.tanpa++;
      months.set(r.periode, m);
    }
    const th = (key: MessageKey, num = true) => `<th scope="col"${num ? ' class="num"' : ''}>${escapeHtml(t(lang, key))}</th>`;
    const monthRows = [...months.entries()]
      .map(
        ([periode, m]) =>
          `<tr data-periode="${escapeHtml(periode)}"><th scope="row">${escapeHtml(formatPeriod(lang, periode))}</th><td class="num">${n(m.desa)}</td><td class="num">${n(m.diukur)}</td><td class="num">${n(m.stunting)}</td><td class="num">${p(m.diukur >= MIN_DENOMINATOR_FOR_RATE ? (100 * m.stunting) / m.diukur : null)}</td><td class="num">${n(m.desa - m.tanpa)}</td><td class="num">${n(m.cd)} / ${n(m.pd)}</td><td class="num">${n(m.cs)} / ${n(m.ps)}</td><td class="num" data-k="sama">${n(m.sama)}</td><td class="num">${n(m.tanpa)}</td></tr>`,
      )
      .join('');
    const monthTable = banding.length
      ? `<h2>${escapeHtml(t(lang, 'periksa.compareTitle'))}</h2><p class="muted">${escapeHtml(t(lang, 'periksa.compareText'))}</p>
      <div class="table-scroll" tabindex="0"><table class="data-table" data-months><thead><tr>
      ${th('col.periode', false)}${th('periksa.col.desa')}${th('periksa.col.diukurBerkas')}${th('periksa.col.stuntingBerkas')}${th('periksa.col.prevBerkas')}
      ${th('periksa.col.desaTerbit')}${th('periksa.col.diukurBanding')}${th('periksa.col.stuntingBanding')}${th('periksa.col.sama')}${th('periksa.col.tanpa')}</tr></thead><tbody>${monthRows}</tbody></table></div>`
      : '';
    // Villages whose counts differ most from the published ones first.
    const diff = (r: BandingRow) => (r.diukur_terbit === null ? -1 : Math.abs(r.diukur_terbit - r.diukur_berkas) + Math.abs((r.stunting_terbit ?? 0) - r.stunting_berkas));
    const villages = [...banding].sort((a, b) => diff(b) - diff(a) || a.periode.localeCompare(b.periode) || a.kode_wilayah.localeCompare(b.kode_wilayah)).slice(0, 2000);
    const villageTable = banding.length
      ? `<details class="desa"><summary>${escapeHtml(t(lang, 'periksa.villages', { n: formatNumber(lang, banding.length) }))}</summary><div class="table-scroll" tabindex="0"><table class="data-table" data-villages><thead><tr>
      ${th('jelajah.col.kode', false)}${th('jelajah.col.nama', false)}${th('col.periode', false)}${th('periksa.col.diukurBerkas')}${th('periksa.col.diukurTerbit')}${th('periksa.col.stuntingBerkas')}${th('periksa.col.stuntingTerbit')}${th('periksa.col.prevBerkas')}${th('periksa.col.prevTerbit')}</tr></thead><tbody>${villages
        .map(
          (r) =>
            `<tr data-kode="${escapeHtml(r.kode_wilayah)}" data-periode="${escapeHtml(r.periode)}" data-diukur="${r.diukur_berkas}" data-stunting="${r.stunting_berkas}"><td><code>${escapeHtml(r.kode_wilayah)}</code></td><th scope="row">${escapeHtml(r.nama_wilayah ?? '')}</th><td>${escapeHtml(formatPeriod(lang, r.periode))}</td><td class="num">${n(r.diukur_berkas)}</td><td class="num">${n(r.diukur_terbit)}</td><td class="num">${n(r.stunting_berkas)}</td><td class="num">${n(r.stunting_terbit)}</td><td class="num">${p(r.prevalensi_berkas)}</td><td class="num">${p(r.prevalensi_terbit)}</td></tr>`,
        )
        .join('')}</tbody></table></div></details>`
      : '';
    out.innerHTML = summary + (log.issues.length ? issuesHtml(log) : `<p class="ok" data-issues-none>${escapeHtml(t(lang, 'periksa.noIssues'))}</p>`) + monthTable + villageTable;
    root.dataset.done = 'result';
  }
}
