/**
 * Profil wilayah: one area's trend, headline figures, programmes, data quality and its place among
 * its siblings. The area is fixed per page (from the URL path); the period is interactive.
 */
import { kualitasChart } from '../../charts/kualitas.ts';
import { peringkatChart } from '../../charts/peringkat.ts';
import { tabelHtml } from '../../charts/tabel.ts';
import { trenSorot } from '../../charts/tren.ts';
import type { Connector } from '../../lib/db/connector.ts';
import { escapeHtml, formatNumber, formatPercent, formatPercentPoints, formatPeriod, t, type Lang } from '../../lib/i18n.ts';
import {
  anakBerprofilSql,
  kualitasSql,
  perbandinganSql,
  periodeBawaan,
  periodeRutinSql,
  periodeSebelumnyaLengkap,
  programAreaSql,
  ringkasanSql,
  surveiWilayahSql,
  trenSql,
  wilayahIndukSql,
  type PeriodeRutin,
} from '../../lib/queries/index.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import { countCell, figureHtml, notesHtml, rateCell } from './html.ts';
import { rateHidden } from '../../lib/domain/suppression.ts';
import { keep } from './memo.ts';
import { programName } from './cakupan.ts';
import { headlineCards, incompleteNotice, trenFigure } from './ringkasan.ts';
import type { AreaRow, KualitasRow, ProgramRow, RingkasanRow, SurveiSeriRow, TrenRow, WilayahRow } from './rows.ts';
import { periodeHref, regencyRows, wilayahHref } from './shared.ts';
import type { PageModule, SlotContext } from './types.ts';
import { loadPetaProfil, petaProfil, type PetaProfil } from './peta.ts';
import { areaName, type Province } from '../../lib/province.ts';

export interface ProfilModel {
  kode: string;
  chain: WilayahRow[];
  periods: string[];
  /** Every month with whether it is complete for this area. */
  periodRows: PeriodeRutin[];
  periode: string | undefined;
  sebelumnya: string | undefined;
  /** The month the siblings' change is measured from: the parent's last complete month before `periode` (as on the parent's page), the same on every sibling's page. */
  sebelumnyaInduk: string | undefined;
  ringkasan: RingkasanRow | undefined;
  tren: TrenRow[];
  saudara: AreaRow[];
  anak: AreaRow[];
  anakBerprofil: string[];
  survei: SurveiSeriRow[];
  program: ProgramRow[];
  kualitas: KualitasRow[];
  peta: PetaProfil | null;
}

export async function load(conn: Connector, state: AtlasState, province: Province): Promise<ProfilModel> {
  const kode = state.area!;
  const [chain, periodRows] = await Promise.all([conn.query<WilayahRow>(wilayahIndukSql({ kode })), conn.query<PeriodeRutin>(periodeRutinSql({ kode }))]);
  const periods = periodRows.map((r) => r.periode);
  const periode = state.period && periods.includes(state.period) ? state.period : periodeBawaan(periodRows);
  const sebelumnya = periode ? periodeSebelumnyaLengkap(periodRows, periode) : undefined;
  const self = chain.at(-1);
  const parent = self?.kode_induk ?? undefined;
  const isDesa = self?.tingkat === 'desa_kelurahan';
  const none = <T,>() => Promise.resolve([] as T[]);
  // the siblings' change from the parent's last complete month (as on the parent's page), not this area's
  const saudaraOf = async (induk: string, p: string) => {
    const sebelumnyaInduk = periodeSebelumnyaLengkap(await conn.query<PeriodeRutin>(periodeRutinSql({ kode: induk })), p);
    return { sebelumnyaInduk, rows: await conn.query<AreaRow>(perbandinganSql({ induk, periode: p, periodeSebelumnya: sebelumnyaInduk })) };
  };
  const [ringkasan, tren, saudara, anak, anakBerprofil, survei, program, kualitas, peta] = await Promise.all([
    periode ? conn.query<RingkasanRow>(ringkasanSql({ kode, periode })) : none<RingkasanRow>(),
    conn.query<TrenRow>(trenSql({ kode })),
    parent && periode ? saudaraOf(parent, periode) : Promise.resolve({ sebelumnyaInduk: undefined, rows: [] as AreaRow[] }),
    !isDesa && periode ? conn.query<AreaRow>(perbandinganSql({ induk: kode, periode, periodeSebelumnya: sebelumnya })) : none<AreaRow>(),
    !isDesa ? conn.query<{ kode_wilayah: string }>(anakBerprofilSql({ induk: kode })) : none<{ kode_wilayah: string }>(),
    self && ['provinsi', 'kabupaten_kota'].includes(self.tingkat) ? conn.query<SurveiSeriRow>(surveiWilayahSql({ kode })) : none<SurveiSeriRow>(),
    conn.query<ProgramRow>(programAreaSql({ kode })),
    conn.query<KualitasRow>(kualitasSql({ kode })),
    loadPetaProfil(conn, province, kode, self?.tingkat, periode),
  ]);
  return { kode, chain, periods, periodRows, periode, sebelumnya, sebelumnyaInduk: saudara.sebelumnyaInduk, ringkasan: ringkasan[0], tren, saudara: saudara.rows, anak, anakBerprofil: anakBerprofil.map((r) => r.kode_wilayah), survei, program, kualitas, peta };
}

export function stateOf(m: ProfilModel): AtlasState {
  return m.periode ? { period: m.periode } : {};
}

export function levelName(lang: Lang, tingkat: string | undefined): string {
  return t(lang, `tingkat.${(tingkat ?? 'provinsi') as 'provinsi'}`);
}

/**
 * Levels whose ranking among their siblings is the same on each sibling's page: no name of the
 * page's area in it and no outline in the drawing (saudaraCss outlines it from the page), so the
 * build writes it once per parent and period (`shared`) and a browser keeps it from one sibling
 * to the next. A regency's ranking names and outlines the regency itself: it has an embed page,
 * which shows the figure alone.
 */
const SAUDARA_BERSAMA: readonly string[] = ['kecamatan', 'desa_kelurahan'];
const saudaraBersama = (m: ProfilModel) => SAUDARA_BERSAMA.includes(m.chain.at(-1)?.tingkat ?? '');

/** Slots the same on every page that shows them, for the same state (PageModule.shared). */
export function shared(m: ProfilModel): string[] {
  return saudaraBersama(m) ? ['saudara'] : [];
}

/** The heading above a shared ranking (outside its slot): the page's area among its siblings, or '' when the figure names it itself. */
export function saudaraHeading(lang: Lang, m: ProfilModel, province?: Province): string {
  const self = m.chain.at(-1);
  const parent = m.chain.at(-2);
  if (!self || !parent || !m.saudara.length || !saudaraBersama(m)) return '';
  return t(lang, 'profil.siblingsHeading', { nama: self.nama_wilayah, induk: province ? areaName(province, lang, parent) : parent.nama_wilayah });
}

/** A link to an area's profile; links carry the period once the page has run (`?period=`), hence `*=`. */
const linkTo = (kode: string) => `a[href*="/wilayah/${kode}/"]`;
/** The links to an area's profile in the ranking of its siblings (bars, table rows). */
export const saudaraLinks = (kode: string): string => `[data-slot="saudara"] ${linkTo(kode)}`;

/**
 * The page's rule that marks its own area in the ranking of its siblings (its bar outlined, or its
 * "suppressed" in bold; its table row shaded): written in the page, outside the slot, so the slot
 * stays the same on every sibling's page.
 */
export function saudaraCss(kode: string): string {
  const links = saudaraLinks(kode);
  return `${links} rect{stroke:#000;stroke-width:1.5px}${links} text{font-weight:700}[data-slot="saudara"] tr:has(${linkTo(kode)}){background:var(--accent-bg)}`;
}

function saudaraFigure(m: ProfilModel, ctx: SlotContext): string {
  const { lang, document, width, base } = ctx;
  const self = m.chain.at(-1);
  const parent = m.chain.at(-2);
  if (!self || !parent || !m.saudara.length) return '';
  const p = formatPeriod(lang, m.periode);
  const bersama = saudaraBersama(m);
  const title = bersama
    ? t(lang, 'profil.siblingsTitleShared', { tingkat: t(lang, `jamak.${self.tingkat as 'kecamatan'}`), induk: areaName(ctx.province, lang, parent), periode: p })
    : t(lang, 'profil.siblingsTitle', { nama: self.nama_wilayah, induk: areaName(ctx.province, lang, parent), periode: p });
  return figureHtml({
    name: 'saudara',
    lang,
    title,
    caption: t(lang, 'profil.siblingsCaption', { periode: p }),
    chart: peringkatChart(regencyRows(m.saudara, 'prevalensi', lang, base, bersama ? undefined : m.kode), {
      lang, document, width, ukuran: 'prevalensi', sumber: 'rutin', label: title, axisLabel: t(lang, 'axis.prevRutinPeriode', { periode: p }),
    }),
    table: childTable(lang, base, m.saudara, null),
  });
}

function childTable(lang: Lang, base: string, rows: AreaRow[], linkable: Set<string> | null): string {
  const link = (r: AreaRow) => (linkable === null || linkable.has(r.kode_wilayah) ? wilayahHref(lang, base, r.kode_wilayah) : null);
  return tabelHtml(lang, [
    { label: t(lang, 'col.wilayah'), value: (r: AreaRow) => r.nama_wilayah, link },
    { label: t(lang, 'col.diukur'), value: (r) => countCell(lang, r.diukur, r.ditekan), angka: true },
    { label: t(lang, 'col.stunting'), value: (r) => countCell(lang, r.stunting, r.ditekan), angka: true },
    { label: t(lang, 'col.prevRutin'), value: (r) => rateCell(lang, r.prevalensi, r.ditekan, [r.stunting, r.diukur]), angka: true },
    { label: t(lang, 'prio.colPerubahan'), value: (r) => formatPercentPoints(lang, r.perubahan), angka: true },
    { label: t(lang, 'col.cakupan'), value: (r) => formatPercent(lang, r.cakupan), angka: true },
  ], rows);
}

function kualitasFigure(m: ProfilModel, ctx: SlotContext): string {
  const { lang, document, width } = ctx;
  if (!m.kualitas.length) return `<p>${t(lang, 'profil.noQuality')}</p>`;
  const title = t(lang, 'profil.qualityTitle');
  return figureHtml({
    name: 'kualitas',
    lang,
    title,
    caption: t(lang, 'profil.qualityCaption'),
    chart: kualitasChart(m.kualitas, { lang, document, width, label: title, axisLabel: t(lang, 'profil.qualityAxis') }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.periode'), value: (r: KualitasRow) => formatPeriod(lang, r.periode) },
      { label: t(lang, 'dq.dibaca'), value: (r) => formatNumber(lang, r.baris_dibaca), angka: true },
      { label: t(lang, 'dq.tidakMasukAkal'), value: (r) => formatNumber(lang, r.dikecualikan_tidak_masuk_akal), angka: true },
      { label: t(lang, 'dq.usia'), value: (r) => formatNumber(lang, r.dikecualikan_usia), angka: true },
      { label: t(lang, 'dq.duplikat'), value: (r) => formatNumber(lang, r.dikecualikan_duplikat_bulan), angka: true },
      { label: t(lang, 'dq.hazKosong'), value: (r) => formatNumber(lang, r.dikecualikan_haz_kosong), angka: true },
      { label: t(lang, 'dq.wilayah'), value: (r) => formatNumber(lang, r.dikecualikan_wilayah_tidak_cocok), angka: true },
      { label: t(lang, 'dq.desaMelapor'), value: (r) => `${formatNumber(lang, r.desa_melapor)} / ${formatNumber(lang, r.desa_total)}`, angka: true },
    ], m.kualitas),
  });
}

function programTable(m: ProfilModel, lang: Lang): string {
  if (!m.program.length) return `<p>${t(lang, 'profil.noProgram')}</p>`;
  // One row per programme, one column per reporting period: coverage (realisation / target).
  const periods = [...new Set(m.program.map((r) => r.periode))].sort();
  const programs = [...new Map(m.program.map((r) => [r.program, r])).values()];
  const cell = (p: ProgramRow, periode: string) => {
    const r = m.program.find((x) => x.program === p.program && x.periode === periode);
    if (!r) return '–';
    if (rateHidden(r.cakupan, r.ditekan, [r.realisasi, r.sasaran])) return t(lang, 'chart.suppressed');
    return `${formatPercent(lang, r.cakupan)} (${formatNumber(lang, r.realisasi)}/${formatNumber(lang, r.sasaran)})`;
  };
  return `<p class="explain">${t(lang, 'profil.programLead')}</p><div class="table-scroll" tabindex="0">${tabelHtml(lang, [
    { label: t(lang, 'cak.colProgram'), value: (r: ProgramRow) => `${r.program}: ${programName(lang, r)}` },
    ...periods.map((periode) => ({ label: formatPeriod(lang, periode), value: (r: ProgramRow) => cell(r, periode), angka: true })),
    { label: t(lang, 'cak.colTarget'), value: (r: ProgramRow) => (r.target === null ? t(lang, 'cak.noTarget') : formatPercent(lang, r.target)), angka: true },
  ], programs)}</div>`;
}

function surveiTable(m: ProfilModel, lang: Lang): string {
  if (!m.survei.length) return '';
  const notes = m.survei.filter((r) => r.catatan).map((r) => ({ who: `${r.survei} ${r.tahun}`, text: r.catatan! }));
  return `<h2>${t(lang, 'profil.surveyTitle')}</h2><p class="explain">${t(lang, 'profil.surveyLead')}</p>${tabelHtml(lang, [
    { label: t(lang, 'col.survei'), value: (r: SurveiSeriRow) => `${r.survei} ${r.tahun}` },
    { label: t(lang, 'col.nilai'), value: (r) => formatPercent(lang, r.prevalensi), angka: true },
    { label: t(lang, 'col.sumber'), value: (r) => r.sumber ?? '–', lang: 'id', lebar: true },
  ], m.survei)}${notesHtml(t(lang, 'dua.catatanSurvei'), notes)}`;
}

/**
 * Why an area has no published routine figure, or '' when it has one: no month with children
 * measured (no reports), or reports whose every number is hidden by the small-number rule.
 */
export function tanpaAngka(lang: Lang, m: Pick<ProfilModel, 'tren' | 'chain'>): string {
  const nama = m.chain.at(-1)?.nama_wilayah ?? '–';
  const jenis = tanpaAngkaJenis(m);
  if (jenis === 'laporan') return `<p class="notice-incomplete" role="note" data-tanpa-angka="laporan">${escapeHtml(t(lang, 'profil.tanpaLaporan', { nama }))}</p>`;
  if (jenis === 'ditekan') return `<p class="notice-incomplete" role="note" data-tanpa-angka="ditekan">${escapeHtml(t(lang, 'profil.semuaDitekan', { nama }))}</p>`;
  return '';
}

/** tanpaAngka's reason: no month reported, every reported number hidden, or null (something published). */
export function tanpaAngkaJenis(m: Pick<ProfilModel, 'tren'>): 'laporan' | 'ditekan' | null {
  const reported = m.tren.filter((r) => (r.diukur ?? 0) > 0 || r.ditekan);
  if (!reported.length) return 'laporan';
  return reported.every((r) => r.prevalensi === null && r.stunting === null && r.diukur === null) ? 'ditekan' : null;
}

export function slots(m: ProfilModel, ctx: SlotContext): Record<string, string> {
  const { lang, base } = ctx;
  const self = m.chain.at(-1);
  const childLevel = m.anak[0]?.tingkat;
  const linkable = new Set(m.anakBerprofil);
  return {
    'judul-periode': formatPeriod(lang, m.periode),
    // a profile with nothing published says why once, at the top: not again for the month, nor in the trend
    cards: tanpaAngka(lang, m) + (tanpaAngkaJenis(m) ? '' : incompleteNotice(lang, m.ringkasan, m.periode, m.anak)) + headlineCards(lang, m.ringkasan, m.periode),
    // one drawing for every period without a figure (many villages': suppressed small numbers)
    tren: keep(m.tren, `profil|${m.kode}|${lang}|${ctx.width}|${trenSorot(m.tren, m.periode)}`, () => trenFigure(ctx, m.tren, m.periode, self?.nama_wilayah ?? '–', (p) => periodeHref(lang, base, m.kode, p), tanpaAngkaJenis(m) !== null)),
    peta: self && m.peta ? keep(m.peta.desa.length ? m.peta.desa : m.anak, `profil|${m.kode}|${lang}|${m.periode}`, () => petaProfil(ctx, m.peta!, self, m.anak, m.periode)) : '',
    saudara: saudaraFigure(m, ctx),
    anak: m.anak.length
      ? `<h2>${t(lang, 'profil.childrenTitle', { tingkat: t(lang, `jamak.${(childLevel ?? 'kecamatan') as 'kecamatan'}`), periode: formatPeriod(lang, m.periode) })}</h2><p class="explain">${t(lang, 'profil.childrenLead')}</p><div class="table-scroll" tabindex="0">${childTable(lang, base, m.anak, linkable)}</div>`
      : '',
    survei: keep(m.survei, `profil|${m.kode}|${lang}`, () => surveiTable(m, lang)),
    program: keep(m.program, `profil|${m.kode}|${lang}`, () => programTable(m, lang)),
    kualitas: keep(m.kualitas, `profil|${m.kode}|${lang}|${ctx.width}`, () => kualitasFigure(m, ctx)),
  };
}

export const page: PageModule<ProfilModel> = { load, stateOf, slots, shared };
