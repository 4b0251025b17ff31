/**
 * Cakupan program: for each programme target against realisation by area and period, coverage
 * judged against its indicator's national 2024 target, the gaps, and how many stunted children
 * a programme reached, per regency.
 */
import { rateHidden } from '../../lib/domain/suppression.ts';
import { jangkauanChart } from '../../charts/jangkauan.ts';
import { peringkatChart } from '../../charts/peringkat.ts';
import { tabelHtml } from '../../charts/tabel.ts';
import type { Connector } from '../../lib/db/connector.ts';
import { escapeHtml, formatNumber, formatPercent, formatPercentPoints, formatPeriod, t, textHtml, type Lang } from '../../lib/i18n.ts';
import { jangkauanSql, periodeRutinSql, programRingkasanSql, programWilayahSql, type PeriodeRutin } from '../../lib/queries/index.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import type { Province } from '../../lib/province.ts';
import { countCell, figureHtml, optionsHtml, rateCell } from './html.ts';
import type { JangkauanRow, ProgramRow, ProgramWilayahRow } from './rows.ts';
import { labelWilayah, wilayahHref } from './shared.ts';
import type { PageModule, SlotContext } from './types.ts';
import { loadPeta, petaCakupan, type PetaData } from './peta.ts';
import { keep } from './memo.ts';

/** Programmes whose realisation counts children who may be stunted (for "reached"). */
export const PROGRAM_ANAK = ['BAAS', 'PMT'] as const;
export const TEAL = '#00737a';

export interface CakupanModel {
  ringkasan: ProgramRow[];
  programs: { program: string; nama: string; nama_en: string }[];
  program: string | undefined;
  periods: string[];
  periode: string | undefined;
  rows: ProgramWilayahRow[];
  jangkauanProgram: string | undefined;
  jangkauanPeriode: string | undefined;
  periodeRutin: string | undefined;
  jangkauan: JangkauanRow[];
  peta: PetaData;
}

/** The months a programme period covers: "2024" → 01–12, "2024-S1" → 01–06, "2024-Q3" → 07–09. */
export function bulanDalam(periode: string): [string, string] {
  const y = periode.slice(0, 4);
  const m = /^\d{4}-(S|Q)?(\d{1,2})$/.exec(periode);
  if (!m) return [`${y}-01`, `${y}-12`];
  const n = Number(m[2]);
  const pad = (x: number) => `${y}-${String(x).padStart(2, '0')}`;
  if (m[1] === 'S') return [pad(n === 1 ? 1 : 7), pad(n === 1 ? 6 : 12)];
  if (m[1] === 'Q') return [pad(3 * n - 2), pad(3 * n)];
  return [pad(n), pad(n)];
}

/**
 * The routine month giving the number of stunted children beside a programme period: the latest
 * complete month inside the period, else the latest complete one before its end, else (no
 * complete month at all) the latest inside or before it.
 */
export function periodeRutinUntuk(periods: readonly Pick<PeriodeRutin, 'periode' | 'lengkap'>[], periodeProgram: string): string | undefined {
  const [from, to] = bulanDalam(periodeProgram);
  const sorted = [...periods].sort((a, b) => (a.periode < b.periode ? -1 : 1));
  const inside = (r: { periode: string }) => r.periode >= from && r.periode <= to;
  const before = (r: { periode: string }) => r.periode <= to;
  return (
    sorted.filter((r) => r.lengkap && inside(r)).at(-1) ??
    sorted.filter((r) => r.lengkap && before(r)).at(-1) ??
    sorted.filter(inside).at(-1) ??
    sorted.filter(before).at(-1)
  )?.periode;
}

export async function load(conn: Connector, state: AtlasState, province: Province): Promise<CakupanModel> {
  const [ringkasan, routine] = await Promise.all([conn.query<ProgramRow>(programRingkasanSql({ kode: province.kode })), conn.query<PeriodeRutin>(periodeRutinSql())]);
  const programs = [...new Map(ringkasan.map((r) => [r.program, { program: r.program, nama: r.nama_program, nama_en: r.nama_program_en }])).values()];
  const wanted = state.indicator?.toUpperCase();
  const program = programs.find((p) => p.program === wanted)?.program ?? programs[0]?.program;
  const periods = ringkasan.filter((r) => r.program === program).map((r) => r.periode).sort();
  const periode = state.period && periods.includes(state.period) ? state.period : periods.at(-1);
  // The lower chart follows the chosen programme and period; a programme that does not count
  // children (families, brides-to-be) is never set beside the number of stunted children.
  const jangkauanProgram = (PROGRAM_ANAK as readonly string[]).includes(program ?? '') ? program : undefined;
  const jangkauanPeriode = jangkauanProgram ? periode : undefined;
  const periodeRutin = jangkauanPeriode ? periodeRutinUntuk(routine, jangkauanPeriode) : undefined;
  const [rows, jangkauan, peta] = await Promise.all([
    program && periode ? conn.query<ProgramWilayahRow>(programWilayahSql({ program, periode, induk: province.kode })) : Promise.resolve([]),
    jangkauanProgram && jangkauanPeriode && periodeRutin
      ? conn.query<JangkauanRow>(jangkauanSql({ periode: periodeRutin, program: jangkauanProgram, periodeProgram: jangkauanPeriode, induk: province.kode }))
      : Promise.resolve([]),
    loadPeta(province),
  ]);
  return { ringkasan, programs, program, periods, periode, rows, jangkauanProgram, jangkauanPeriode, periodeRutin, jangkauan, peta };
}

export function stateOf(m: CakupanModel): AtlasState {
  return { ...(m.program ? { indicator: m.program.toLowerCase() } : {}), ...(m.periode ? { period: m.periode } : {}) };
}

/** A programme's name in the page's language (an English page without an English name shows the Indonesian one). */
export function programName(lang: Lang, r: { nama_program?: string; nama_program_en?: string | null; nama?: string; nama_en?: string | null }): string {
  const id = r.nama_program ?? r.nama;
  return (lang === 'en' ? (r.nama_program_en ?? r.nama_en ?? id) : id) ?? '–';
}

/** Province summary: each programme in its latest period. */
/** Coverage above 100 %: realisation exceeded the target population (a note names where). */
export function overNote(lang: Lang, names: readonly string[]): string {
  return names.length ? t(lang, 'cak.overNote', { daftar: names.join(', ') }) : '';
}

export function ringkasanTable(lang: Lang, rows: ProgramRow[]): string {
  const latest = [...new Map(rows.map((r) => [r.program, r])).values()];
  const over = overNote(lang, latest.filter((r) => (r.cakupan ?? 0) > 100).map((r) => r.program));
  return (over ? `<p class="explain">${escapeHtml(over)}</p>` : '') + tabelHtml(lang, [
    { label: t(lang, 'cak.colProgram'), value: (r: ProgramRow) => programName(lang, r) },
    { label: t(lang, 'col.periode'), value: (r) => formatPeriod(lang, r.periode) },
    { label: t(lang, 'cak.colSasaran'), value: (r) => `${formatNumber(lang, r.sasaran)} ${r.satuan ? satuanText(lang, r.satuan) : ''}`.trim(), angka: true },
    { label: t(lang, 'cak.colRealisasi'), value: (r) => formatNumber(lang, r.realisasi), angka: true },
    { label: t(lang, 'cak.colCakupan'), value: (r) => formatPercent(lang, r.cakupan) + ((r.cakupan ?? 0) > 100 ? ' *' : ''), angka: true },
    { label: t(lang, 'cak.colTarget'), value: (r) => (r.target === null ? t(lang, 'cak.noTarget') : formatPercent(lang, r.target)), angka: true },
    { label: t(lang, 'cak.colSelisih'), value: (r) => formatPercentPoints(lang, r.selisih_target), angka: true },
    { label: t(lang, 'cak.colKesenjangan'), value: (r) => formatNumber(lang, r.kesenjangan), angka: true },
  ], latest);
}

export function slots(m: CakupanModel, ctx: SlotContext): Record<string, string> {
  const { lang, document, width, base } = ctx;
  const prog = m.programs.find((p) => p.program === m.program);
  const nama = prog ? programName(lang, prog) : '–';
  const p = formatPeriod(lang, m.periode);
  const target = m.rows.find((r) => r.target !== null)?.target ?? null;
  const over = overNote(lang, m.rows.filter((r) => (r.cakupan ?? 0) > 100).map((r) => labelWilayah(r.kode_wilayah, r.nama_wilayah)));
  const cakupan = figureHtml({
    name: 'cakupan',
    lang,
    title: t(lang, 'cak.chartTitle', { program: nama, periode: p }),
    caption: [t(lang, 'cak.chartCaption', { program: m.program ?? '–', periode: p }), target !== null ? t(lang, 'cak.targetNote', { target: formatPercent(lang, target) }) : t(lang, 'cak.noTargetNote'), over].filter(Boolean).join(' '),
    chart: peringkatChart(
      m.rows.map((r) => ({ kode: r.kode_wilayah, nama: labelWilayah(r.kode_wilayah, r.nama_wilayah), value: r.cakupan, ditekan: rateHidden(r.cakupan, r.ditekan, [r.realisasi, r.sasaran]), keterangan: r.sasaran !== null ? `${formatNumber(lang, r.realisasi)} / ${formatNumber(lang, r.sasaran)}` : undefined, href: wilayahHref(lang, base, r.kode_wilayah) })),
      {
        lang, document, width, ukuran: 'persen', sumber: 'rutin', warna: TEAL,
        label: t(lang, 'cak.chartTitle', { program: nama, periode: p }),
        axisLabel: t(lang, 'cak.axis', { program: m.program ?? '' }),
        rule: target !== null ? { value: target, label: t(lang, 'cak.ruleLabel', { target: formatPercent(lang, target) }) } : undefined,
      },
    ),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: ProgramWilayahRow) => r.nama_wilayah, link: (r) => wilayahHref(lang, base, r.kode_wilayah) },
      { label: t(lang, 'cak.colSasaran'), value: (r) => countCell(lang, r.sasaran, r.ditekan), angka: true },
      { label: t(lang, 'cak.colRealisasi'), value: (r) => countCell(lang, r.realisasi, r.ditekan), angka: true },
      { label: t(lang, 'cak.colCakupan'), value: (r) => rateCell(lang, r.cakupan, r.ditekan, [r.realisasi, r.sasaran]) + ((r.cakupan ?? 0) > 100 ? ' *' : ''), angka: true },
      { label: t(lang, 'cak.colSelisih'), value: (r) => formatPercentPoints(lang, r.selisih_target), angka: true },
      { label: t(lang, 'cak.colKesenjangan'), value: (r) => formatNumber(lang, r.kesenjangan), angka: true },
    ], m.rows),
  });
  const jangkauan = jangkauanSection(m, ctx, nama);
  return {
    'period-options': optionsHtml([...m.periods].reverse().map((x) => ({ value: x, label: formatPeriod(lang, x) })), m.periode),
    'ringkasan-program': ringkasanTable(lang, m.ringkasan),
    cakupan,
    'peta-cakupan': m.program ? keep(m.rows, `cakupan|${lang}`, () => petaCakupan(ctx, m.peta, m.rows, m.program!, nama, m.periode)) : '',
    jangkauan,
  };
}

/**
 * "How many stunted children were reached, and where" for the chosen programme and period. The
 * two counts come from different systems and are not matched child by child: they are shown side
 * by side and as "reached per 100 stunted", never as "x of y" (613 of 334 would read as a rate).
 */
function jangkauanSection(m: CakupanModel, ctx: SlotContext, nama: string): string {
  const { lang, document, width, base } = ctx;
  if (!m.jangkauanProgram) {
    const prog = m.ringkasan.find((r) => r.program === m.program);
    // A programme that counts children but not stunted ones (the measurement drive: every
    // under-five measured) must not read "counts children, not children".
    const key = prog?.satuan === 'anak' ? 'cak.reachAllChildren' : 'cak.reachNotChildren';
    return `<p class="explain">${textHtml(lang, t(lang, key, { program: nama, satuan: satuanText(lang, prog?.satuan ?? null), daftar: PROGRAM_ANAK.join(', ') }))}</p>`;
  }
  const areas = m.jangkauan.filter((r) => r.kode_wilayah !== null);
  const total = m.jangkauan.find((r) => r.kode_wilayah === null);
  const jPer = formatPeriod(lang, m.jangkauanPeriode);
  const rPer = formatPeriod(lang, m.periodeRutin);
  const prog = m.jangkauanProgram;
  const per100 = (r: JangkauanRow) => (r.persen_terjangkau === null ? '–' : formatNumber(lang, Math.round(r.persen_terjangkau)));
  const figure = figureHtml({
    name: 'jangkauan',
    lang,
    title: t(lang, 'cak.reachTitle', { program: nama, periode: jPer }),
    caption: t(lang, 'cak.reachCaption', { program: prog, periode: jPer, rutin: rPer }),
    chart: jangkauanChart(areas.map((r) => ({ kode: r.kode_wilayah!, nama: labelWilayah(r.kode_wilayah!, r.nama_wilayah!), stunting: r.stunting, realisasi: r.realisasi, href: wilayahHref(lang, base, r.kode_wilayah!) })), {
      lang, document, width, label: t(lang, 'cak.reachTitle', { program: nama, periode: jPer }),
      axisLabel: t(lang, 'cak.reachAxis'), stuntingLabel: t(lang, 'cak.reachStunting', { periode: rPer }), reachedLabel: t(lang, 'cak.reachReached', { program: prog }),
    }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: JangkauanRow) => r.nama_wilayah ?? t(lang, 'cak.total'), link: (r) => (r.kode_wilayah ? wilayahHref(lang, base, r.kode_wilayah) : null) },
      { label: t(lang, 'cak.reachStunting', { periode: rPer }), value: (r) => formatNumber(lang, r.stunting), angka: true },
      { label: t(lang, 'cak.reachReached', { program: prog }), value: (r) => formatNumber(lang, r.realisasi), angka: true },
      { label: t(lang, 'cak.reachShare'), value: per100, angka: true },
    ], m.jangkauan),
  });
  const totalText = total && total.stunting !== null && total.realisasi !== null
    ? `<p class="explain">${escapeHtml(t(lang, 'cak.reachTotal', { reached: formatNumber(lang, total.realisasi), stunting: formatNumber(lang, total.stunting), per100: per100(total), program: prog, periode: jPer, rutin: rPer }))}</p>`
    : '';
  return figure + totalText;
}

/** A programme's unit in the page's language ("keluarga" → "families"). */
export function satuanText(lang: Lang, satuan: string | null): string {
  if (!satuan) return '–';
  const key = `satuan.${satuan}`;
  const text = t(lang, key as 'satuan.anak');
  return text === key ? satuan : text;
}

export const page: PageModule<CakupanModel> = { load, stateOf, slots };
