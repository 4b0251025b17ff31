/**
 * Prioritas: regencies ranked by routine prevalence, number of stunted children, change since the
 * previous period and gap to the national target; prevalence against burden; the villages with
 * the most stunted children in a regency; and, in a separate panel, the survey ranking.
 */
import { kuadranChart } from '../../charts/kuadran.ts';
import { peringkatChart, type Ukuran } from '../../charts/peringkat.ts';
import { tabelHtml } from '../../charts/tabel.ts';
import type { Connector } from '../../lib/db/connector.ts';
import { formatNumber, formatPercent, formatPercentPoints, formatPeriod, t, type Lang } from '../../lib/i18n.ts';
import {
  desaPrioritasSql,
  lokusBandingSql,
  perbandinganSql,
  periodeBawaan,
  periodeRutinSql,
  periodeSebelumnyaLengkap,
  surveiPeringkatSql,
  surveiPilihanSql,
  loadBandingPrioritas,
  type BandingPrioritasModel,
  type PeriodeRutin,
} from '../../lib/queries/index.ts';
import { bandingPrioritasHtml } from './banding-prioritas.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import type { Province } from '../../lib/province.ts';
import { surveiKey, surveiLabel, type SurveiPilihan } from './dua-angka.ts';
import { countCell, figureHtml, notesHtml, rateCell } from './html.ts';
import { keep } from './memo.ts';
import type { AreaRow, DesaRow, LokusBandingRow, SurveiPeringkatRow } from './rows.ts';
import { labelWilayah, regencyRows, wilayahHref, type AreaMeasure } from './shared.ts';
import type { PageModule, SlotContext } from './types.ts';

export const MEASURES: readonly AreaMeasure[] = ['prevalensi', 'stunting', 'perubahan', 'selisih_target'];

/**
 * The measures offered: the gap to a target only when a target set for routine prevalence exists
 * (src/lib/domain/target.ts); the survey targets are never applied to routine figures.
 */
export function measuresFor(kabupaten: readonly Pick<AreaRow, 'target'>[]): AreaMeasure[] {
  const routineTarget = kabupaten.some((k) => k.target !== null);
  return MEASURES.filter((m) => m !== 'selisih_target' || routineTarget);
}
const UKURAN: Record<AreaMeasure, Ukuran> = { prevalensi: 'prevalensi', stunting: 'jumlah', perubahan: 'perubahan', selisih_target: 'perubahan' };

export interface PrioritasModel {
  periods: string[];
  periodRows: PeriodeRutin[];
  periode: string | undefined;
  sebelumnya: string | undefined;
  measure: AreaMeasure;
  kabupaten: AreaRow[];
  area: string | undefined;
  desa: DesaRow[];
  lokus: LokusBandingRow[];
  surveys: SurveiPilihan[];
  survey: SurveiPilihan | undefined;
  surveiRows: SurveiPeringkatRow[];
  /** The province's priority regencies side by side (empty list when it has none). */
  banding: BandingPrioritasModel;
}

export async function load(conn: Connector, state: AtlasState, province: Province): Promise<PrioritasModel> {
  const [periodRows, surveyRows] = await Promise.all([conn.query<PeriodeRutin>(periodeRutinSql()), conn.query<SurveiPilihan>(surveiPilihanSql())]);
  const periods = periodRows.map((r) => r.periode);
  const periode = state.period && periods.includes(state.period) ? state.period : periodeBawaan(periodRows);
  const sebelumnya = periode ? periodeSebelumnyaLengkap(periodRows, periode) : undefined;
  const surveys = surveyRows.filter((s) => s.jumlah > 2);
  const survey = surveys.find((s) => surveiKey(s) === state.tab) ?? surveys.at(-1);
  const kabupaten = periode ? await conn.query<AreaRow>(perbandinganSql({ induk: province.kode, periode, periodeSebelumnya: sebelumnya })) : [];
  const measure = (measuresFor(kabupaten) as readonly string[]).includes(state.indicator ?? '') ? (state.indicator as AreaMeasure) : 'prevalensi';
  // Default regency for the village list: the most stunted children in the default (latest
  // complete) period, so it does not jump when only the period changes.
  const latest = periodeBawaan(periodRows);
  const burdenRows = latest && latest !== periode ? await conn.query<AreaRow>(perbandinganSql({ induk: province.kode, periode: latest })) : kabupaten;
  const byBurden = [...burdenRows].sort((a, b) => (b.stunting ?? -1) - (a.stunting ?? -1));
  const area = kabupaten.some((k) => k.kode_wilayah === state.area) ? state.area : byBurden[0]?.kode_wilayah;
  const [desa, lokus, surveiRows] = await Promise.all([
    area && periode ? conn.query<DesaRow>(desaPrioritasSql({ kode: area, periode, limit: 15 })) : Promise.resolve([]),
    area && periode ? conn.query<LokusBandingRow>(lokusBandingSql({ kode: area, periode })) : Promise.resolve([]),
    survey ? conn.query<SurveiPeringkatRow>(surveiPeringkatSql({ survei: survey.survei, tahun: survey.tahun, induk: province.kode })) : Promise.resolve([]),
  ]);
  const banding = await loadBandingPrioritas(conn, { province, periode, periodRows });
  return { periods, periodRows, periode, sebelumnya, measure, kabupaten, area, desa, lokus, surveys, survey, surveiRows, banding };
}

export function stateOf(m: PrioritasModel): AtlasState {
  return {
    ...(m.periode ? { period: m.periode } : {}),
    ...(m.area ? { area: m.area } : {}),
    indicator: m.measure,
    ...(m.survey ? { tab: surveiKey(m.survey) } : {}),
  };
}

export function measureLabel(lang: Lang, measure: AreaMeasure, m: Pick<PrioritasModel, 'periode' | 'sebelumnya' | 'kabupaten'>): string {
  const p = formatPeriod(lang, m.periode);
  const target = m.kabupaten.find((k) => k.target !== null);
  return t(lang, `prio.measure.${measure}`, {
    periode: p,
    sebelumnya: formatPeriod(lang, m.sebelumnya),
    target: formatPercent(lang, target?.target),
    tahun: target?.target_tahun ?? 2024,
  });
}

function peringkatFigure(m: PrioritasModel, ctx: SlotContext): string {
  const { lang, document, width, base } = ctx;
  const label = measureLabel(lang, m.measure, m);
  const p = formatPeriod(lang, m.periode);
  const target = m.kabupaten.find((k) => k.target !== null)?.target ?? null;
  const incomplete = m.kabupaten.filter((r) => r.diukur !== null && !r.lengkap).map((r) => labelWilayah(r.kode_wilayah, r.nama_wilayah));
  const notes = [
    incomplete.length ? t(lang, 'lengkap.rankNote', { daftar: incomplete.join(', ') }) : '',
    m.measure === 'perubahan' ? (m.sebelumnya ? t(lang, 'lengkap.changeNote', { sebelumnya: formatPeriod(lang, m.sebelumnya) }) : t(lang, 'lengkap.noPrevious')) : '',
  ].filter(Boolean);
  const routineTarget = target !== null;
  return figureHtml({
    name: 'peringkat',
    lang,
    title: t(lang, 'prio.rankTitle', { ukuran: label }),
    caption: [t(lang, `prio.caption.${m.measure}`, { periode: p, sebelumnya: formatPeriod(lang, m.sebelumnya), target: formatPercent(lang, target) }), ...notes].join(' '),
    chart: peringkatChart(regencyRows(m.kabupaten, m.measure, lang, base), {
      lang, document, width, ukuran: UKURAN[m.measure], sumber: 'rutin', label: t(lang, 'prio.rankTitle', { ukuran: label }), axisLabel: label,
    }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: AreaRow) => r.nama_wilayah, link: (r) => wilayahHref(lang, base, r.kode_wilayah) },
      { label: t(lang, 'col.prevRutin'), value: (r) => formatPercent(lang, r.prevalensi), angka: true },
      { label: t(lang, 'col.stunting'), value: (r) => formatNumber(lang, r.stunting), angka: true },
      { label: t(lang, 'col.diukur'), value: (r) => formatNumber(lang, r.diukur), angka: true },
      { label: t(lang, 'prio.colSebelumnya', { periode: formatPeriod(lang, m.sebelumnya) }), value: (r) => formatPercent(lang, r.prevalensi_sebelumnya), angka: true },
      { label: t(lang, 'prio.colPerubahan'), value: (r) => formatPercentPoints(lang, r.perubahan), angka: true },
      ...(routineTarget ? [{ label: t(lang, 'prio.colSelisih'), value: (r: AreaRow) => formatPercentPoints(lang, r.selisih_target), angka: true }] : []),
      { label: t(lang, 'prio.colLokus'), value: (r) => formatNumber(lang, r.jumlah_lokus), angka: true },
      { label: t(lang, 'lengkap.col'), value: (r) => (r.diukur === null ? '–' : t(lang, r.lengkap ? 'lengkap.ya' : 'lengkap.tidak')) },
    ], m.kabupaten),
  });
}

function kuadranFigure(m: PrioritasModel, ctx: SlotContext): string {
  const { lang, document, width, base } = ctx;
  const p = formatPeriod(lang, m.periode);
  return figureHtml({
    name: 'kuadran',
    lang,
    title: t(lang, 'prio.quadTitle', { periode: p }),
    caption: t(lang, 'prio.quadCaption', { periode: p }),
    chart: kuadranChart(m.kabupaten.map((r) => ({ kode: r.kode_wilayah, nama: labelWilayah(r.kode_wilayah, r.nama_wilayah), prevalensi: r.prevalensi, stunting: r.stunting, href: wilayahHref(lang, base, r.kode_wilayah), title: `${labelWilayah(r.kode_wilayah, r.nama_wilayah)}: ${formatPercent(lang, r.prevalensi)}, ${formatNumber(lang, r.stunting)} ${t(lang, 'col.stunting').toLowerCase()}` })), {
      lang, document, width, label: t(lang, 'prio.quadTitle', { periode: p }),
      xLabel: t(lang, 'axis.prevRutinPeriode', { periode: p }), yLabel: t(lang, 'col.stunting'), legendLabel: t(lang, 'axis.prevRutinPeriode', { periode: p }),
    }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: AreaRow) => r.nama_wilayah, link: (r) => wilayahHref(lang, base, r.kode_wilayah) },
      { label: t(lang, 'col.prevRutin'), value: (r) => formatPercent(lang, r.prevalensi), angka: true },
      { label: t(lang, 'col.stunting'), value: (r) => formatNumber(lang, r.stunting), angka: true },
      { label: t(lang, 'col.diukur'), value: (r) => formatNumber(lang, r.diukur), angka: true },
    ], m.kabupaten),
  });
}

function desaFigure(m: PrioritasModel, ctx: SlotContext): string {
  const { lang, document, width, base } = ctx;
  const p = formatPeriod(lang, m.periode);
  const nama = m.kabupaten.find((k) => k.kode_wilayah === m.area)?.nama_wilayah ?? '–';
  const lok = m.lokus.find((r) => r.lokus);
  const other = m.lokus.find((r) => !r.lokus);
  const compare = lok && other
    ? `<p class="explain">${t(lang, 'prio.lokusCompare', {
        lokus: formatPercent(lang, lok.prevalensi), lokusN: formatNumber(lang, lok.diukur), lokusDesa: formatNumber(lang, lok.desa),
        lain: formatPercent(lang, other.prevalensi), lainN: formatNumber(lang, other.diukur), lainDesa: formatNumber(lang, other.desa),
        ditekan: formatNumber(lang, lok.desa_ditekan + other.desa_ditekan),
      })}</p>`
    : '';
  const lokusMark = t(lang, 'prio.lokusMark');
  return (
    figureHtml({
      name: 'desa',
      lang,
      title: t(lang, 'prio.desaTitle', { nama, periode: p }),
      caption: t(lang, 'prio.desaCaption', { periode: p }),
      chart: peringkatChart(
        m.desa.map((d) => ({
          kode: d.kode_wilayah,
          nama: `${d.lokus ? '★ ' : ''}${d.nama_wilayah}`,
          value: d.stunting,
          ditekan: d.ditekan,
          sorot: d.lokus,
          keterangan: d.prevalensi !== null ? `(${formatPercent(lang, d.prevalensi)}; n = ${formatNumber(lang, d.diukur)})` : undefined,
          href: wilayahHref(lang, base, d.kode_wilayah),
        })),
        { lang, document, width, ukuran: 'jumlah', sumber: 'rutin', label: t(lang, 'prio.desaTitle', { nama, periode: p }), axisLabel: t(lang, 'col.stunting') },
      ),
      table: tabelHtml(lang, [
        { label: t(lang, 'prio.colDesa'), value: (d: DesaRow) => d.nama_wilayah },
        { label: t(lang, 'prio.colKecamatan'), value: (d) => d.nama_kecamatan },
        { label: t(lang, 'col.stunting'), value: (d) => countCell(lang, d.stunting, d.ditekan), angka: true },
        { label: t(lang, 'col.diukur'), value: (d) => countCell(lang, d.diukur, d.ditekan), angka: true },
        { label: t(lang, 'col.prevRutin'), value: (d) => rateCell(lang, d.prevalensi, d.ditekan, [d.stunting, d.diukur]), angka: true },
        { label: t(lang, 'prio.colLokusDesa'), value: (d) => (d.lokus ? lokusMark : '') },
      ], m.desa),
    }) + compare
  );
}

function surveiFigure(m: PrioritasModel, ctx: SlotContext): string {
  const { lang, document, width, base } = ctx;
  const s = m.survey ? surveiLabel(m.survey) : '–';
  const notes = m.surveiRows.filter((r) => r.catatan).map((r) => ({ who: r.nama_wilayah, text: r.catatan! }));
  const missing = m.surveiRows.filter((r) => r.prevalensi === null).map((r) => r.nama_wilayah);
  return figureHtml({
    name: 'survei-peringkat',
    lang,
    title: t(lang, 'prio.surveyTitle', { survei: s }),
    caption: t(lang, 'prio.surveyCaption', { survei: s }) + (missing.length ? ' ' + t(lang, 'dua.missingSurvei', { daftar: missing.join(', ') }) : ''),
    chart: peringkatChart(
      m.surveiRows.map((r) => ({ kode: r.kode_wilayah, nama: labelWilayah(r.kode_wilayah, r.nama_wilayah), value: r.prevalensi, href: wilayahHref(lang, base, r.kode_wilayah) })),
      { lang, document, width, ukuran: 'prevalensi', sumber: 'survei', label: t(lang, 'prio.surveyTitle', { survei: s }), axisLabel: t(lang, 'dua.axisSurvei', { survei: s }) },
    ),
    table: tabelHtml(lang, [
      { label: t(lang, 'prio.colPeringkat'), value: (r: SurveiPeringkatRow) => formatNumber(lang, r.peringkat) },
      { label: t(lang, 'col.wilayah'), value: (r) => r.nama_wilayah, link: (r) => wilayahHref(lang, base, r.kode_wilayah) },
      { label: t(lang, 'dua.colSurvei', { survei: s }), value: (r) => formatPercent(lang, r.prevalensi), angka: true },
      { label: t(lang, 'col.sumber'), value: (r) => r.sumber ?? '–', lang: 'id', lebar: true },
    ], m.surveiRows),
    notes: notesHtml(t(lang, 'dua.catatanSurvei'), notes),
  });
}

export function slots(m: PrioritasModel, ctx: SlotContext): Record<string, string> {
  return {
    'banding-prioritas': bandingPrioritasHtml(m.banding, ctx),
    peringkat: peringkatFigure(m, ctx),
    kuadran: keep(m.kabupaten, `prioritas|${ctx.lang}|${ctx.width}`, () => kuadranFigure(m, ctx)),
    desa: keep(m.desa, `prioritas|${ctx.lang}|${ctx.width}|${m.area}|${m.lokus.length}`, () => desaFigure(m, ctx)),
    'survei-peringkat': keep(m.surveiRows, `prioritas|${ctx.lang}|${ctx.width}`, () => surveiFigure(m, ctx)),
  };
}

export const page: PageModule<PrioritasModel> = { load, stateOf, slots };
