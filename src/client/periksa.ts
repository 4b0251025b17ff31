/**
 * The file check in the browser. The file is read where it lies (papaparse streams it in chunks
 * from the File object, no upload), its rows go into a scratch table of DuckDB-WASM, and the build's
 * own SQL classifies and counts them; names are matched with the build's NameMatcher over the
 * published areas; the counts are set beside the published figures. Errors are listed as
 * FILE:LINE:COLUMN like the build, without quoting any value from the file.
 */
import Papa from 'papaparse';
import { browserEngine, startDb } from '../lib/db/browser.ts';
import { escapeHtml, formatNumber, formatPercent, formatPeriod, t, toHtml, type Lang, type MessageKey } from '../lib/i18n.ts';
import { periksaBandingSql, PERIKSA_DESA } from '../lib/queries/periksa.ts';
import { IssueLog } from '../pipeline/issues.ts';
import { mapHeader, fieldCountIssue } from '../pipeline/csv/read.ts';
import { EPPGBM_COLUMNS as C, EPPGBM_SPEC } from '../pipeline/kinds.ts';
import { ERROR_KINDS } from '../pipeline/sql/by-name.ts';
import { LEVEL_LABEL, NameMatcher, type NameTuple } from '../pipeline/names.ts';
import { UPLOAD_TABLE, gazetteerFromRows, keptCells, ruleStatements, uploadAggregateSql, uploadColumns, uploadLayout, uploadRowSql } from '../components/alat/periksa.ts';

const CHUNK = 4 * 1024 * 1024;
const MAX_ISSUES_SHOWN = 200;

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
  const say = (key: MessageKey, params?: Record<string, string | number>) => (status.textContent = t(lang, key, params));

  // The engine and the two published tables the comparison needs load now, so checking a file
  // makes no request at all.
  startDb({ tables: ['wilayah', 'gizi_balita'] }).catch(() => undefined);

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

  async function check(file: File) {
    const started = performance.now();
    root.removeAttribute('data-done');
    root.setAttribute('aria-busy', 'true');
    out.replaceChildren();
    progress.hidden = false;
    progress.max = file.size || 1;
    progress.value = 0;
    try {
      say('periksa.starting');
      const [engine, { Table, Utf8, Int32, vectorFromArray }] = await Promise.all([browserEngine(), import('apache-arrow')]);
      await engine.exec(`DROP TABLE IF EXISTS ${UPLOAD_TABLE}`);
      await engine.exec(`DROP TABLE IF EXISTS ${PERIKSA_DESA}`);
      for (const statement of ruleStatements()) await engine.exec(statement);

      const log = new IssueLog(20);
      let header: string[] | undefined;
      let delimiter: ',' | ';' = ',';
      let map: Map<string, number> | null = null;
      let kept: number[] = [];
      let line = 1; // physical line of the last record (header = 1)
      let rows = 0;
      let created = false;
      let failure: string | undefined;

      await new Promise<void>((resolve, reject) => {
        Papa.parse<string[]>(file, {
          chunkSize: CHUNK,
          skipEmptyLines: false,
          chunk: (result, parser) => {
            parser.pause();
            void (async () => {
              let data = result.data;
              if (!header) {
                header = (data[0] ?? []).map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
                delimiter = result.meta.delimiter === ';' ? ';' : ',';
                data = data.slice(1);
                map = mapHeader({ path: file.name, bom: false, crlf: false, delimiter, header }, EPPGBM_SPEC, file.name, log);
                if (!map) {
                  failure = 'header';
                  parser.abort();
                  return;
                }
                kept = uploadColumns(map, header.length);
              }
              const cols: (string | null)[][] = [...kept, 0].map(() => []);
              const lines: number[] = [];
              for (const fields of data) {
                line++;
                if (fields.length === 1 && fields[0] === '') continue; // a blank line is not a row
                const cells = keptCells(fields, kept, header.length);
                for (let c = 0; c < cells.length; c++) cols[c]!.push(cells[c]!);
                lines.push(line);
              }
              if (lines.length) {
                const vectors: Record<string, unknown> = {};
                kept.forEach((k, c) => (vectors[`c${k}`] = vectorFromArray(cols[c]!, new Utf8())));
                vectors.cx = vectorFromArray(cols[kept.length]!, new Utf8());
                vectors.ln = vectorFromArray(lines, new Int32());
                await engine.insertArrow(UPLOAD_TABLE, new Table(vectors as never), !created);
                created = true;
                rows += lines.length;
              }
              progress.value = Math.min(result.meta.cursor, file.size);
              say('periksa.reading', { mb: formatNumber(lang, result.meta.cursor / 1e6, { digits: 1 }), total: formatNumber(lang, file.size / 1e6, { digits: 1 }), rows: formatNumber(lang, rows) });
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

      if (failure || !header || !map) {
        showIssues(log, file.name, 0, performance.now() - started);
        return;
      }
      if (!created) {
        log.error(file.name, { line: 2 }, 'the file has a header but no rows', 'export the data again');
        showIssues(log, file.name, 0, performance.now() - started);
        return;
      }
      // (assigned in the parser's callback, which the type checker cannot follow)
      const cmap = map as Map<string, number>;
      const layout = uploadLayout(file.name, header, delimiter, cmap);
      say('periksa.classifying', { rows: formatNumber(lang, rows) });

      // Row-level errors: where, which column, what and how to fix (no value quoted).
      const bad = await engine.exec<Record<string, unknown> & { ln: number }>(
        `SELECT ln, e_kolom, e_kolom_lebih, ${ERROR_KINDS.map((e) => e.flag).join(', ')} FROM (${uploadRowSql(layout)}) WHERE alasan = 'galat' ORDER BY ln LIMIT 500`,
      );
      const shape = fieldCountIssue({ path: file.name, bom: false, crlf: false, delimiter, header });
      for (const b of bad) {
        if (b.e_kolom) {
          log.error(file.name, { line: b.ln }, shape.what(Boolean(b.e_kolom_lebih)), shape.fix(Boolean(b.e_kolom_lebih)), 'e_kolom');
          continue;
        }
        for (const e of ERROR_KINDS) if (b[e.flag]) log.error(file.name, { line: b.ln, column: cmap.get(e.column) }, e.what, e.fix, e.flag);
      }

      // Counts per names and month: the build's aggregation.
      const agg = await engine.exec<{ prov: string | null; kab: string | null; kec: string | null; desa: string | null; periode: string | null; diukur: number; pendek: number; sangat_pendek: number; baris: number; tidak_masuk_akal: number; usia: number; duplikat: number; haz_kosong: number; galat: number }>(uploadAggregateSql(layout));

      // Names -> codes with the build's matcher, over the published areas.
      const areas = await engine.exec<{ kode_wilayah: string; nama_wilayah: string; tingkat: string; kode_induk: string | null; jenis: string }>(`SELECT kode_wilayah, nama_wilayah, tingkat, kode_induk, jenis FROM wilayah`);
      const matcher = new NameMatcher(gazetteerFromRows(areas, province));
      const codeOf = new Map<string, string | null>();
      const unmatched = new Map<string, { what: string; fix: string; rows: number; tuple: NameTuple; column: number | undefined }>();
      for (const r of agg) {
        if (r.prov === null || r.kab === null || r.kec === null || r.desa === null) continue;
        const tuple: NameTuple = [r.prov, r.kab, r.kec, r.desa];
        const key = tuple.join('\u0000');
        if (codeOf.has(key)) continue;
        const m = matcher.match(tuple);
        if (m.ok) {
          codeOf.set(key, m.kode);
          continue;
        }
        codeOf.set(key, null);
        const label = LEVEL_LABEL[m.level];
        const where = m.parent ? `${m.parent.nama} (${m.parent.kode})` : `province ${province}`;
        const u = unmatched.get(`${m.level}|${m.parent?.kode}|${m.name}`) ?? {
          what: m.ambiguous ? `${label} name matches several areas in ${where}: ${m.ambiguous.join(', ')}` : `${label} name not found in ${where}${m.suggestions.length ? `; did you mean ${m.suggestions.map((s) => `"${s}"`).join(', ')}?` : ''}`,
          fix: 'correct the spelling, or add a line to reference/crosswalk.csv for the build',
          rows: 0,
          tuple,
          column: cmap.get(m.level === 'provinsi' ? C.prov : m.level === 'kabupaten_kota' ? C.kab : m.level === 'kecamatan' ? C.kec : C.desa),
        };
        unmatched.set(`${m.level}|${m.parent?.kode}|${m.name}`, u);
      }
      for (const r of agg) {
        if (r.prov === null) continue;
        const key = [r.prov, r.kab, r.kec, r.desa].join('\u0000');
        if (codeOf.get(key) !== null) continue;
        for (const u of unmatched.values()) if (u.tuple.join('\u0000') === key) u.rows += Number(r.baris);
      }
      for (const u of [...unmatched.values()].slice(0, 50)) {
        // the first line with these names (names are matched, never shown back)
        const [hit] = await engine.exec<{ ln: number | null }>(
          `SELECT min(ln) AS ln FROM (${uploadRowSql(layout)}) WHERE nm.p = ${lit(u.tuple[0])} AND nm.kb = ${lit(u.tuple[1])} AND nm.kc = ${lit(u.tuple[2])} AND nm.ds = ${lit(u.tuple[3])}`,
        );
        log.error(file.name, { line: hit?.ln ?? undefined, column: u.column }, `${u.what} (${u.rows} ${u.rows === 1 ? 'row' : 'rows'})`, u.fix, `unmatched:${u.what}`);
      }

      // Counts per village code and month, then beside the published figures.
      const perDesa = new Map<string, { kode: string; periode: string; diukur: number; pendek: number; sangat_pendek: number }>();
      const totals = { baris: 0, diukur: 0, tidak_masuk_akal: 0, usia: 0, duplikat: 0, haz_kosong: 0, galat: 0, tidak_cocok: 0 };
      for (const r of agg) {
        totals.baris += Number(r.baris);
        totals.tidak_masuk_akal += Number(r.tidak_masuk_akal);
        totals.usia += Number(r.usia);
        totals.duplikat += Number(r.duplikat);
        totals.haz_kosong += Number(r.haz_kosong);
        totals.galat += Number(r.galat);
        const kode = r.prov === null ? null : codeOf.get([r.prov, r.kab, r.kec, r.desa].join('\u0000'));
        if (!kode) {
          if (r.prov !== null) totals.tidak_cocok += Number(r.baris); // names not recognised
          continue;
        }
        if (!r.periode) continue; // rows without a measurement month are errors, listed above
        totals.diukur += Number(r.diukur);
        const k = `${kode}|${r.periode}`;
        const d = perDesa.get(k) ?? { kode, periode: r.periode, diukur: 0, pendek: 0, sangat_pendek: 0 };
        d.diukur += Number(r.diukur);
        d.pendek += Number(r.pendek);
        d.sangat_pendek += Number(r.sangat_pendek);
        perDesa.set(k, d);
      }
      let banding: BandingRow[] = [];
      if (perDesa.size) {
        await engine.exec(`CREATE TABLE ${PERIKSA_DESA} (kode_wilayah VARCHAR, periode VARCHAR, diukur BIGINT, pendek BIGINT, sangat_pendek BIGINT)`);
        const values = [...perDesa.values()];
        const vectors = {
          kode_wilayah: vectorFromArray(values.map((v) => v.kode), new Utf8()),
          periode: vectorFromArray(values.map((v) => v.periode), new Utf8()),
          diukur: vectorFromArray(values.map((v) => v.diukur), new Int32()),
          pendek: vectorFromArray(values.map((v) => v.pendek), new Int32()),
          sangat_pendek: vectorFromArray(values.map((v) => v.sangat_pendek), new Int32()),
        };
        await engine.insertArrow(PERIKSA_DESA, new Table(vectors as never), false);
        banding = await engine.exec<BandingRow>(periksaBandingSql());
      }
      // The uploaded rows are no longer needed: drop them (they stay in this tab only anyway).
      await engine.exec(`DROP TABLE IF EXISTS ${UPLOAD_TABLE}`);
      showResult(file.name, log, totals, banding, performance.now() - started);
    } catch (error) {
      status.textContent = t(lang, 'periksa.failed', { pesan: String((error as Error)?.message ?? error) });
      status.classList.add('error');
    } finally {
      root.removeAttribute('aria-busy');
      progress.hidden = true;
    }
  }

  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

  function issuesHtml(log: IssueLog): string {
    const list = log.lines().slice(0, MAX_ISSUES_SHOWN).map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('');
    return `<h2>${escapeHtml(t(lang, 'periksa.issues', { n: formatNumber(lang, log.issues.length) }))}</h2><ol class="issues" data-issues>${list}</ol>`;
  }

  function showIssues(log: IssueLog, name: string, rows: number, ms: number) {
    root.dataset.ms = String(Math.round(ms));
    say('periksa.doneIssues', { file: name, rows: formatNumber(lang, rows) });
    out.innerHTML = issuesHtml(log);
    root.dataset.done = 'issues';
  }

  function showResult(name: string, log: IssueLog, totals: Record<string, number>, banding: BandingRow[], ms: number) {
    root.dataset.ms = String(Math.round(ms));
    say('periksa.done', { file: name, rows: formatNumber(lang, totals.baris!), s: formatNumber(lang, ms / 1000, { digits: 1 }) });
    const n = (v: number | null | undefined) => toHtml(lang, formatNumber(lang, v, { digits: 0 }));
    const p = (v: number | null | undefined) => toHtml(lang, formatPercent(lang, v));
    const summary = `<dl class="ringkas" data-summary>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.rows'))}</dt><dd data-k="baris">${n(totals.baris)}</dd></div>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.measured'))}</dt><dd data-k="diukur">${n(totals.diukur)}</dd></div>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.duplicate'))}</dt><dd>${n(totals.duplikat)}</dd></div>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.age'))}</dt><dd>${n(totals.usia)}</dd></div>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.implausible'))}</dt><dd>${n(totals.tidak_masuk_akal)}</dd></div>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.noHaz'))}</dt><dd>${n(totals.haz_kosong)}</dd></div>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.errors'))}</dt><dd data-k="galat">${n(totals.galat)}</dd></div>
      <div><dt>${escapeHtml(t(lang, 'periksa.sum.unmatched'))}</dt><dd>${n(totals.tidak_cocok)}</dd></div>
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
    const monthRows = [...months.entries()]
      .map(([periode, m]) => `<tr data-periode="${escapeHtml(periode)}"><th scope="row">${escapeHtml(formatPeriod(lang, periode))}</th><td class="num">${n(m.desa)}</td><td class="num">${n(m.diukur)}</td><td class="num">${n(m.stunting)}</td><td class="num">${p(m.diukur ? (100 * m.stunting) / m.diukur : null)}</td><td class="num">${n(m.desa - m.tanpa)}</td><td class="num">${n(m.cd)} / ${n(m.pd)}</td><td class="num">${n(m.cs)} / ${n(m.ps)}</td><td class="num" data-k="sama">${n(m.sama)}</td><td class="num">${n(m.tanpa)}</td></tr>`)
      .join('');
    const monthTable = `<h2>${escapeHtml(t(lang, 'periksa.compareTitle'))}</h2><p class="muted">${escapeHtml(t(lang, 'periksa.compareText'))}</p>
      <div class="table-scroll" tabindex="0"><table class="data-table" data-months><thead><tr>
      <th scope="col">${escapeHtml(t(lang, 'col.periode'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.desa'))}</th>
      <th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.diukurBerkas'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.stuntingBerkas'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.prevBerkas'))}</th>
      <th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.desaTerbit'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.diukurBanding'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.stuntingBanding'))}</th>
      <th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.sama'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.tanpa'))}</th></tr></thead><tbody>${monthRows}</tbody></table></div>`;
    // Villages whose counts differ most from the published ones first.
    const diff = (r: BandingRow) => (r.diukur_terbit === null ? -1 : Math.abs(r.diukur_terbit - r.diukur_berkas) + Math.abs((r.stunting_terbit ?? 0) - r.stunting_berkas));
    const villages = [...banding].sort((a, b) => diff(b) - diff(a) || a.kode_wilayah.localeCompare(b.kode_wilayah)).slice(0, 300);
    const villageTable = `<details class="desa"><summary>${escapeHtml(t(lang, 'periksa.villages', { n: formatNumber(lang, banding.length) }))}</summary><div class="table-scroll" tabindex="0"><table class="data-table" data-villages><thead><tr>
      <th scope="col">${escapeHtml(t(lang, 'jelajah.col.kode'))}</th><th scope="col">${escapeHtml(t(lang, 'jelajah.col.nama'))}</th><th scope="col">${escapeHtml(t(lang, 'col.periode'))}</th>
      <th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.diukurBerkas'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.diukurTerbit'))}</th>
      <th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.stuntingBerkas'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.stuntingTerbit'))}</th>
      <th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.prevBerkas'))}</th><th scope="col" class="num">${escapeHtml(t(lang, 'periksa.col.prevTerbit'))}</th></tr></thead><tbody>${villages
        .map((r) => `<tr><td><code>${escapeHtml(r.kode_wilayah)}</code></td><th scope="row">${escapeHtml(r.nama_wilayah ?? '')}</th><td>${escapeHtml(formatPeriod(lang, r.periode))}</td><td class="num">${n(r.diukur_berkas)}</td><td class="num">${n(r.diukur_terbit)}</td><td class="num">${n(r.stunting_berkas)}</td><td class="num">${n(r.stunting_terbit)}</td><td class="num">${p(r.prevalensi_berkas)}</td><td class="num">${p(r.prevalensi_terbit)}</td></tr>`)
        .join('')}</tbody></table></div></details>`;
    out.innerHTML = summary + (log.issues.length ? issuesHtml(log) : `<p class="ok" data-issues-none>${escapeHtml(t(lang, 'periksa.noIssues'))}</p>`) + monthTable + villageTable;
    root.dataset.done = 'result';
  }
}
