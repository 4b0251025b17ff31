/**
 * Dua angka (survey vs routine): per regency the survey estimate and the routine e-PPGBM figure
 * with its coverage, drawn in two separate panels (own axis, own colour scale, own caption).
 */
import { rateHidden } from '../../lib/domain/suppression.ts';
import { peringkatChart, type PeringkatRow } from '../../charts/peringkat.ts';
import { capWidth } from '../../charts/common.ts';
import { tabelHtml } from '../../charts/tabel.ts';
import type { Connector } from '../../lib/db/connector.ts';
import { formatNumber, formatPercent, formatPeriod, t, type Lang } from '../../lib/i18n.ts';
import { duaAngkaSql, periodePasanganSurvei, periodeRutinSql, surveiPilihanSql, type PeriodeRutin } from '../../lib/queries/index.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import { areaName, type Province } from '../../lib/province.ts';
import { countCell, figureHtml, notesHtml, rateCell } from './html.ts';
import type { DuaAngkaRow } from './rows.ts';
import { labelWilayah, wilayahHref } from './shared.ts';
import type { PageModule, SlotContext } from './types.ts';

export interface SurveiPilihan {
  survei: string;
  tahun: number;
  jumlah: number;
}
export const surveiKey = (s: { survei: string; tahun: number }) => `${s.survei.toLowerCase()}-${s.tahun}`;
export const surveiLabel = (s: { survei: string; tahun: number }) => `${s.survei} ${s.tahun}`;

export interface DuaAngkaModel {
  periods: string[];
  /** Every month with whether it is complete for the province (incomplete ones are marked). */
  periodRows: PeriodeRutin[];
  surveys: SurveiPilihan[];
  survey: SurveiPilihan | undefined;
  periode: string | undefined;
  rows: DuaAngkaRow[];
}

export async function load(conn: Connector, state: AtlasState, province: Province): Promise<DuaAngkaModel> {
  const [periodRows, surveys] = await Promise.all([
    conn.query<PeriodeRutin>(periodeRutinSql()),
    conn.query<SurveiPilihan>(surveiPilihanSql()),
  ]);
  const periods = periodRows.map((r) => r.periode);
  const regional = surveys.filter((s) => s.jumlah > 2);
  const survey = regional.find((s) => surveiKey(s) === state.tab) ?? regional.at(-1);
  const periode = state.period && periods.includes(state.period) ? state.period : survey ? periodePasanganSurvei(periodRows, survey.tahun) : periods.at(-1);
  const rows = survey && periode ? await conn.query<DuaAngkaRow>(duaAngkaSql({ survei: survey.survei, tahun: survey.tahun, periode, induk: province.kode })) : [];
  return { periods, periodRows, surveys: regional, survey, periode, rows };
}

export function stateOf(m: DuaAngkaModel): AtlasState {
  return { ...(m.periode ? { period: m.periode } : {}), ...(m.survey ? { tab: surveiKey(m.survey) } : {}) };
}

const namaBaris = (lang: Lang, province: Province, r: DuaAngkaRow) => (r.tingkat === 'provinsi' ? t(lang, 'dua.provinsi', { nama: areaName(province, lang, r) }) : labelWilayah(r.kode_wilayah, r.nama_wilayah));

export function slots(m: DuaAngkaModel, ctx: SlotContext): Record<string, string> {
  const { lang, document, base } = ctx;
  const width = capWidth(ctx.width, 540);
  const s = m.survey ? surveiLabel(m.survey) : '–';
  // an incomplete month says so wherever it is named (as in its option)
  const lengkap = m.periodRows.find((r) => r.periode === m.periode)?.lengkap !== false;
  const p = lengkap ? formatPeriod(lang, m.periode) : t(lang, 'lengkap.optionSuffix', { periode: formatPeriod(lang, m.periode) });
  const href = (r: DuaAngkaRow) => wilayahHref(lang, base, r.kode_wilayah);
  const surveyRows: PeringkatRow[] = m.rows.map((r) => ({ kode: r.kode_wilayah, nama: namaBaris(lang, ctx.province, r), value: r.prevalensi_survei, sorot: r.tingkat === 'provinsi', href: href(r) }));
  const rutinRows: PeringkatRow[] = m.rows.map((r) => ({
    kode: r.kode_wilayah,
    nama: namaBaris(lang, ctx.province, r),
    value: r.prevalensi_rutin,
    ditekan: rateHidden(r.prevalensi_rutin, r.ditekan, [r.stunting, r.diukur]),
    sorot: r.tingkat === 'provinsi',
    href: href(r),
    keterangan: r.cakupan !== null ? t(lang, 'dua.cakupanPendek', { cakupan: formatPercent(lang, r.cakupan, { digits: 0 }) }) : undefined,
  }));
  const notes = m.rows.filter((r) => r.catatan_survei).map((r) => ({ who: `${r.nama_wilayah} (${s})`, text: r.catatan_survei! }));
  const missing = m.rows.filter((r) => r.prevalensi_survei === null).map((r) => r.nama_wilayah);
  const surveyPanel = figureHtml({
    name: 'panel-survei',
    lang,
    title: t(lang, 'dua.panelSurvei', { survei: s }),
    caption: t(lang, 'dua.captionSurvei', { survei: s }) + (missing.length ? ' ' + t(lang, 'dua.missingSurvei', { daftar: missing.join(', ') }) : ''),
    chart: peringkatChart(surveyRows, { lang, document, width, ukuran: 'prevalensi', sumber: 'survei', order: 'input', label: t(lang, 'dua.panelSurvei', { survei: s }), axisLabel: t(lang, 'dua.axisSurvei', { survei: s }), domain: [0, 45] }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: DuaAngkaRow) => namaBaris(lang, ctx.province, r), link: (r) => wilayahHref(lang, base, r.kode_wilayah) },
      { label: t(lang, 'dua.colSurvei', { survei: s }), value: (r) => formatPercent(lang, r.prevalensi_survei), angka: true },
      { label: t(lang, 'col.sumber'), value: (r) => r.sumber_survei ?? '–', lang: 'id', lebar: true },
    ], m.rows),
    notes: notesHtml(t(lang, 'dua.catatanSurvei'), notes),
  });
  const rutinPanel = figureHtml({
    name: 'panel-rutin',
    lang,
    title: t(lang, 'dua.panelRutin', { periode: p }),
    caption: t(lang, 'dua.captionRutin', { periode: p }),
    chart: peringkatChart(rutinRows, { lang, document, width, ukuran: 'prevalensi', sumber: 'rutin', order: 'input', label: t(lang, 'dua.panelRutin', { periode: p }), axisLabel: t(lang, 'axis.prevRutinPeriode', { periode: p }), domain: [0, 45] }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: DuaAngkaRow) => namaBaris(lang, ctx.province, r), link: (r) => wilayahHref(lang, base, r.kode_wilayah) },
      { label: t(lang, 'col.prevRutin'), value: (r) => rateCell(lang, r.prevalensi_rutin, r.ditekan, [r.stunting, r.diukur]), angka: true },
      { label: t(lang, 'col.stunting'), value: (r) => countCell(lang, r.stunting, r.ditekan), angka: true },
      { label: t(lang, 'col.diukur'), value: (r) => countCell(lang, r.diukur, r.ditekan), angka: true },
      { label: t(lang, 'col.sasaran'), value: (r) => formatNumber(lang, r.sasaran), angka: true },
      { label: t(lang, 'col.cakupan'), value: (r) => formatPercent(lang, r.cakupan), angka: true },
    ], m.rows),
  });
  return {
    'judul-survei': s,
    'judul-periode': p,
    'panel-survei': surveyPanel,
    'panel-rutin': rutinPanel,
  };
}

export const page: PageModule<DuaAngkaModel> = { load, stateOf, slots };
