/** Ringkasan (overview, "/"): headline routine figures, trend, survey series, priority regencies. */
import { peringkatChart } from '../../charts/peringkat.ts';
import { surveiChart, type SurveiRow } from '../../charts/survei.ts';
import { tabelHtml } from '../../charts/tabel.ts';
import { trenChart } from '../../charts/tren.ts';
import type { Connector } from '../../lib/db/connector.ts';
import { escapeHtml, formatNumber, formatPercent, formatPeriod, formatPrevalenceThresholds, t, type Lang } from '../../lib/i18n.ts';
import { KELENGKAPAN_PARAMS, periodeLengkap } from '../../lib/domain/kelengkapan.ts';
import { MIN_DENOMINATOR_FOR_RATE, SMALL_COUNT_MAX } from '../../lib/domain/suppression.ts';
import { perbandinganSql, periodeBawaan, periodeRutinSql, periodeSebelumnyaLengkap, ringkasanSql, surveiSeriSql, targetSql, trenSql, type PeriodeRutin } from '../../lib/queries/index.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import { areaName, provinceName, type Province } from '../../lib/province.ts';
import { cardsHtml, countCell, figureHtml, rateCell } from './html.ts';
import { loadPeta, loadSurveiKabupaten, petaRutinKabupaten, petaSurveiKabupaten, type PetaData, type SurveiKabRow } from './peta.ts';
import { keep } from './memo.ts';
import type { PageModule, SlotContext } from './types.ts';
import type { AreaRow, RingkasanRow, SurveiSeriRow, TargetRow, TrenRow } from './rows.ts';
import { labelWilayah, periodeHref, regencyRows, targetLabel, wilayahHref } from './shared.ts';

export interface RingkasanModel {
  periods: string[];
  /** Every month with whether it is complete for the province. */
  periodRows: PeriodeRutin[];
  periode: string | undefined;
  sebelumnya: string | undefined;
  ringkasan: RingkasanRow | undefined;
  tren: TrenRow[];
  survei: SurveiSeriRow[];
  targets: TargetRow[];
  kabupaten: AreaRow[];
  peta: PetaData;
  surveiKab: SurveiKabRow[];
}

export async function load(conn: Connector, state: AtlasState, province: Province): Promise<RingkasanModel> {
  const kode = province.kode;
  const periodRows = await conn.query<PeriodeRutin>(periodeRutinSql());
  const periods = periodRows.map((r) => r.periode);
  const periode = state.period && periods.includes(state.period) ? state.period : periodeBawaan(periodRows);
  const sebelumnya = periode ? periodeSebelumnyaLengkap(periodRows, periode) : undefined;
  const [ringkasan, tren, survei, targets, kabupaten, peta, surveiKab] = await Promise.all([
    periode ? conn.query<RingkasanRow>(ringkasanSql({ kode, periode })) : Promise.resolve([]),
    conn.query<TrenRow>(trenSql({ kode })),
    conn.query<SurveiSeriRow>(surveiSeriSql({ kode: [kode, 'ID'] })),
    conn.query<TargetRow>(targetSql({ kode: ['ID', kode] })),
    periode ? conn.query<AreaRow>(perbandinganSql({ induk: kode, periode, periodeSebelumnya: sebelumnya })) : Promise.resolve([]),
    loadPeta(province),
    loadSurveiKabupaten(conn, province),
  ]);
  return { periods, periodRows, periode, sebelumnya, ringkasan: ringkasan[0], tren, survei, targets, kabupaten, peta, surveiKab };
}

export function stateOf(m: RingkasanModel): AtlasState {
  return m.periode ? { period: m.periode } : {};
}

/**
 * A note above the headline figures when the month is incomplete for the area: how many villages
 * reported and (for an area with regencies or districts below it) which of them, so that one
 * city's figure is never read as the province's. '' for a complete month.
 */
export function incompleteNotice(lang: Lang, r: RingkasanRow | undefined, periode: string | undefined, anak: readonly Pick<AreaRow, 'kode_wilayah' | 'nama_wilayah' | 'desa_melapor'>[] = []): string {
  if (!r || !periode || periodeLengkap(r)) return '';
  // no village reported (a village's month without a report): not "only 0 of – villages"
  if (!r.desa_melapor && r.diukur == null) {
    return `<p class="notice-incomplete" role="note" data-tanpa-angka="laporan">${escapeHtml(t(lang, 'lengkap.noticeTanpaLaporan', { periode: formatPeriod(lang, periode), nama: r.nama_wilayah }))}</p>`;
  }
  const reporting = anak.filter((a) => (a.desa_melapor ?? 0) > 0);
  const daftar = reporting.length && reporting.length < anak.length ? t(lang, 'lengkap.noticeDaftar', { daftar: reporting.map((a) => labelWilayah(a.kode_wilayah, a.nama_wilayah)).join(', ') }) : '';
  return `<p class="notice-incomplete" role="note">${escapeHtml(t(lang, 'lengkap.notice', {
    periode: formatPeriod(lang, periode), nama: r.nama_wilayah, melapor: formatNumber(lang, r.desa_melapor ?? 0), total: formatNumber(lang, r.desa_total), daftar,
  }))}</p>`;
}

export function headlineCards(lang: Lang, r: RingkasanRow | undefined, periode: string | undefined): string {
  const p = formatPeriod(lang, periode);
  const lengkap = !r || periodeLengkap(r);
  const source = lengkap ? t(lang, 'src.rutin', { periode: p }) : t(lang, 'lengkap.cardSource', { periode: p });
  // A hidden count says so; a count that does not exist is a dash.
  const hidden = (v: number | null | undefined) => v == null && !!r?.ditekan;
  const n = (v: number | null | undefined) => (hidden(v) ? t(lang, 'chart.suppressed') : formatNumber(lang, v));
  // A detail sentence with a hidden count in it says once that its numbers are hidden, rather than
  // "suppressed stunted, suppressed severely stunted". The target population and the village
  // counts are never hidden (the small-number rule hides children measured and stunted).
  const detail = (key: 'card.stuntingDetail' | 'card.prevalensiDetail' | 'card.cakupanDetail', counts: Record<string, number | null | undefined>, sasaran?: string) =>
    Object.values(counts).some(hidden) ? t(lang, 'card.detailDitekan') : t(lang, key, { ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, formatNumber(lang, v)])), ...(sasaran === undefined ? {} : { sasaran }) });
  const sasaran = formatNumber(lang, r?.sasaran);
  return cardsHtml(lang, [
    { label: t(lang, 'card.diukur'), value: n(r?.diukur), detail: t(lang, 'card.diukurDetail', { sasaran }), source },
    // stunted = moderately stunted (pendek) + severely stunted (sangat pendek): src/lib/domain/stunting.ts
    { label: t(lang, 'card.stunting'), value: n(r?.stunting), detail: detail('card.stuntingDetail', { pendek: r?.pendek, sangat: r?.sangat_pendek }), source },
    { label: t(lang, lengkap ? 'card.prevalensi' : 'lengkap.cardPrevalensi'), value: rateCell(lang, r?.prevalensi, r?.ditekan, [r?.stunting, r?.diukur]), detail: detail('card.prevalensiDetail', { stunting: r?.stunting, diukur: r?.diukur }), source },
    { label: t(lang, 'card.cakupan'), value: rateCell(lang, r?.cakupan, r?.ditekan, [r?.diukur]), detail: detail('card.cakupanDetail', { diukur: r?.diukur }, sasaran), source },
    { label: t(lang, 'card.desa'), value: formatNumber(lang, r?.desa_melapor), detail: t(lang, 'card.desaDetail', { total: formatNumber(lang, r?.desa_total) }), source: t(lang, 'src.kualitas', { periode: p }) },
  ]);
}

/**
 * The routine trend of one area. `href(periode)`: the page of that area at that month; each month's
 * dot links there (the overview for the province, the profile for any other area).
 */
export function trenFigure(ctx: SlotContext, rows: TrenRow[], periode: string | undefined, nama: string, href?: (periode: string) => string, dijelaskan = false): string {
  const { lang, document, width } = ctx;
  const first = rows[0]?.periode;
  const last = rows.at(-1)?.periode;
  const anyIncomplete = rows.some((r) => r.lengkap === false);
  // No month with a prevalence (many villages: every month hidden by the small-number rule): a
  // sentence that says why instead of an empty chart, and the table open with what is published.
  const tanpaTren = !rows.some((r) => typeof r.prevalensi === 'number');
  return figureHtml({
    name: 'tren',
    lang,
    title: t(lang, 'fig.tren.title', { nama }),
    caption: t(lang, 'fig.tren.caption', { dari: formatPeriod(lang, first), sampai: formatPeriod(lang, last) }) + (anyIncomplete ? ' ' + t(lang, 'lengkap.trenNote', KELENGKAPAN_PARAMS) : ''),
    open: tanpaTren,
    chart: tanpaTren ? tanpaTrenNote(document, lang, rows, nama, dijelaskan) : trenChart(href ? rows.map((r) => ({ ...r, href: href(r.periode) })) : rows, { lang, document, width, label: t(lang, 'fig.tren.title', { nama }), axisLabel: t(lang, 'axis.prevRutin'), sorot: periode }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.periode'), value: (r: TrenRow) => formatPeriod(lang, r.periode) },
      { label: t(lang, 'col.diukur'), value: (r) => countCell(lang, r.diukur, r.ditekan), angka: true },
      { label: t(lang, 'col.stunting'), value: (r) => countCell(lang, r.stunting, r.ditekan), angka: true },
      { label: t(lang, 'col.prevRutin'), value: (r) => rateCell(lang, r.prevalensi, r.ditekan, [r.stunting, r.diukur]), angka: true },
      { label: t(lang, 'col.cakupan'), value: (r) => formatPercent(lang, r.cakupan), angka: true },
      { label: t(lang, 'dq.desaMelapor'), value: (r) => `${formatNumber(lang, r.desa_melapor)} / ${formatNumber(lang, r.desa_total)}`, angka: true },
      { label: t(lang, 'lengkap.col'), value: (r) => t(lang, r.lengkap ? 'lengkap.ya' : 'lengkap.tidak') },
    ], rows),
  });
}

/**
 * Why a trend has no line: months reported but each one's prevalence hidden (small numbers, or
 * fewer children measured than a prevalence needs), or no month reported at all. `dijelaskan`: the
 * page already says why at its top (a profile with nothing published): a short pointer, not the same words twice.
 */
function tanpaTrenNote(document: Document, lang: Lang, rows: readonly TrenRow[], nama: string, dijelaskan = false): Element {
  const p = document.createElement('p');
  p.setAttribute('class', 'chart-tanpa-angka');
  p.setAttribute('role', 'note');
  const ditekan = rows.some((r) => r.ditekan || (r.diukur ?? 0) > 0);
  p.setAttribute('data-tanpa-tren', ditekan ? 'ditekan' : 'laporan');
  p.textContent = dijelaskan ? t(lang, 'tren.lihatAtas', { nama }) : ditekan ? t(lang, 'tren.semuaDitekan', { nama, min: MIN_DENOMINATOR_FOR_RATE, maks: SMALL_COUNT_MAX }) : t(lang, 'tren.tanpaLaporan', { nama });
  return p;
}

/**
 * The province's survey series beside Indonesia's, with the targets. Figures and targets that exist
 * only for some provinces are shown when the data hold them, and the caption says when they do not.
 */
export function surveiFigure(ctx: SlotContext, rows: SurveiSeriRow[], targets: TargetRow[]): string {
  const { lang, document, width, province } = ctx;
  const provinsi = provinceName(province, lang);
  const tg = targets.filter((x) => x.tahun === 2024).map((x) => ({ ...x, label: targetLabel(lang, x) }));
  const byYear = [...new Set(rows.map((r) => `${r.survei} ${r.tahun}`))];
  const cell = (kode: string, key: string) => {
    const r = rows.find((x) => x.kode_wilayah === kode && `${x.survei} ${x.tahun}` === key);
    return formatPercent(lang, r?.prevalensi);
  };
  const title = t(lang, 'fig.survei.title', { provinsi });
  const target = t(lang, targets.some((x) => x.kode_wilayah === province.kode) ? 'fig.survei.targetBoth' : 'fig.survei.targetNational', { provinsi });
  const hasProvince = rows.some((r) => r.kode_wilayah === province.kode && r.prevalensi !== null);
  const caption = t(lang, 'fig.survei.caption', { survei: byYear.join(', ') || '–', target }) + (hasProvince ? '' : ` ${t(lang, 'fig.survei.noProvince', { provinsi })}`);
  return figureHtml({
    name: 'survei',
    lang,
    title,
    caption,
    // The province's dots link to its profile page (Indonesia has none).
    chart: surveiChart(rows.map((r) => ({ ...r, nama_wilayah: areaName(province, lang, r), href: r.kode_wilayah === province.kode ? wilayahHref(lang, ctx.base, r.kode_wilayah) : null })) as SurveiRow[], tg, { lang, document, width, label: title, axisLabel: t(lang, 'axis.prevSurvei') }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.survei'), value: (k: string) => k },
      { label: provinsi, value: (k) => cell(province.kode, k), angka: true },
      { label: 'Indonesia', value: (k) => cell('ID', k), angka: true },
    ], byYear) +
      tabelHtml(lang, [
        { label: t(lang, 'col.target'), value: (x: TargetRow) => targetLabel(lang, x) },
        { label: t(lang, 'col.nilai'), value: (x) => formatPercent(lang, x.target, { digits: Number.isInteger(x.target * 10) ? 1 : 2 }), angka: true },
        // quoted as the source names it (Indonesian)
        { label: t(lang, 'col.dasarHukum'), value: (x) => x.dasar_hukum ?? '–', lang: 'id', lebar: true },
      ], targets),
  });
}

export function prioritasFigure(ctx: SlotContext, rows: AreaRow[], periode: string | undefined, top = 10): string {
  const { lang, document, width, base } = ctx;
  const ranked = rows.filter((r) => r.prevalensi !== null).sort((a, b) => b.prevalensi! - a.prevalensi!).slice(0, top);
  const p = formatPeriod(lang, periode);
  const incomplete = rows.filter((r) => r.diukur !== null && !r.lengkap).map((r) => labelWilayah(r.kode_wilayah, r.nama_wilayah));
  return figureHtml({
    name: 'prioritas',
    lang,
    title: t(lang, 'fig.prioritas.title', { periode: p }),
    caption: t(lang, 'fig.prioritas.caption', { periode: p, ambang: formatPrevalenceThresholds(lang) }) + (incomplete.length ? ' ' + t(lang, 'lengkap.rankNote', { daftar: incomplete.join(', ') }) : ''),
    chart: peringkatChart(regencyRows(rows, 'prevalensi', lang, base), {
      lang, document, width, ukuran: 'prevalensi', sumber: 'rutin',
      label: t(lang, 'fig.prioritas.title', { periode: p }),
      axisLabel: t(lang, 'axis.prevRutinPeriode', { periode: p }),
    }),
    table: areaTable(lang, ranked, base),
  });
}

export function areaTable(lang: Lang, rows: AreaRow[], base: string): string {
  return tabelHtml(lang, [
    { label: t(lang, 'col.wilayah'), value: (r: AreaRow) => r.nama_wilayah, link: (r) => wilayahHref(lang, base, r.kode_wilayah) },
    { label: t(lang, 'col.diukur'), value: (r) => countCell(lang, r.diukur, r.ditekan), angka: true },
    { label: t(lang, 'col.stunting'), value: (r) => countCell(lang, r.stunting, r.ditekan), angka: true },
    { label: t(lang, 'col.prevRutin'), value: (r) => rateCell(lang, r.prevalensi, r.ditekan, [r.stunting, r.diukur]), angka: true },
    { label: t(lang, 'col.cakupan'), value: (r) => formatPercent(lang, r.cakupan), angka: true },
  ], rows);
}

export function slots(m: RingkasanModel, ctx: SlotContext): Record<string, string> {
  const { lang } = ctx;
  return {
    'judul-periode': formatPeriod(lang, m.periode),
    cards: incompleteNotice(lang, m.ringkasan, m.periode, m.kabupaten) + headlineCards(lang, m.ringkasan, m.periode),
    // keyed by page too: the province's profile draws the same rows with links to itself
    tren: keep(m.tren, `ringkasan|${lang}|${ctx.width}|${m.periode}`, () => trenFigure(ctx, m.tren, m.periode, provinceName(ctx.province, lang), (p) => periodeHref(lang, ctx.base, null, p))),
    survei: keep(m.survei, `ringkasan|${lang}|${ctx.width}`, () => surveiFigure(ctx, m.survei, m.targets)),
    prioritas: prioritasFigure(ctx, m.kabupaten, m.periode),
    peta: keep(m.kabupaten, `ringkasan|${lang}|${m.periode}`, () => petaRutinKabupaten(ctx, m.peta, m.kabupaten, m.periode)),
    'peta-survei': keep(m.surveiKab, `ringkasan|${lang}`, () => petaSurveiKabupaten(ctx, m.peta, m.surveiKab)),
  };
}

export const page: PageModule<RingkasanModel> = { load, stateOf, slots };
