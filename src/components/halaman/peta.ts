/**
 * Map figures of the pages: the overview's regency maps (routine and survey, separate layers with
 * their own colour scales), a regency's or district's village map, a village's locator map, and
 * the coverage page's programme map. Each figure: title, controls, the inline SVG (src/maps/peta.ts),
 * a hover/focus panel, legend, the data table beside it, caption with source and attribution.
 * Without boundaries for the province: a schematic tile map of its regencies, labelled as such.
 */
import { rateHidden } from '../../lib/domain/suppression.ts';
import { widest } from '../../charts/common.ts';
import type { Topology } from 'topojson-specification';
import { tabelHtml } from '../../charts/tabel.ts';
import { PALETTE } from '../../charts/common.ts';
import { escapeHtml, formatNumber, formatPercent, formatPeriod, t, textHtml, type Lang } from '../../lib/i18n.ts';
import { loadBatas, loadBatasMeta } from '../../maps/batas.ts';
import { kelasRutin, legendaHtml, isiKelas, lokatorSvg, polaDefs, petaSvg, type KelasKhusus, type PetaArea } from '../../maps/peta.ts';
import { kelasNilai, labelKelas, skalaWho, type Skala } from '../../maps/skala.ts';
import { atribusiBatas, tk } from '../../maps/teks.ts';
import type { Province } from '../../lib/province.ts';
import { labelWilayah, wilayahHref } from './shared.ts';

export interface PetaData {
  topo: Topology | null;
  attribution: string | null;
}

export async function loadPeta(province: Province, kabupaten?: string): Promise<PetaData> {
  const [topo, meta] = await Promise.all([
    kabupaten ? loadBatas(province.kode, 'desa_kelurahan', kabupaten) : loadBatas(province.kode, 'kabupaten_kota'),
    loadBatasMeta(province.kode),
  ]);
  return { topo, attribution: meta?.attribution ?? null };
}

/** Routine figures of one area as the map needs them (from perbandinganSql or petaDesaSql rows). */
export interface RutinRow {
  kode_wilayah: string;
  nama_wilayah: string;
  sasaran: number | null;
  diukur: number | null;
  stunting: number | null;
  prevalensi: number | null;
  cakupan: number | null;
  ditekan: boolean;
  /** false: no row for the month (no report); absent: known from the counts. */
  dilaporkan?: boolean;
  lokus?: boolean;
}

export function kelasOf(r: RutinRow | undefined): KelasKhusus | null {
  if (!r || r.dilaporkan === false) return 'tanpa_laporan';
  return kelasRutin(r);
}

/** Panel lines shared by every area of a routine map (period, source): on the figure, not repeated per area. */
export const umumRutin = (lang: Lang, periode: string | undefined) => [tk(lang, 'periode', { periode: formatPeriod(lang, periode) }), tk(lang, 'sumber', { sumber: 'e-PPGBM' })];

export function rutinAreas(lang: Lang, rows: readonly RutinRow[], href: (r: RutinRow) => string | null): PetaArea[] {
  return rows.map((r) => {
    const khusus = kelasOf(r);
    const n = (v: number | null) => (v === null && r.ditekan ? t(lang, 'chart.suppressed') : formatNumber(lang, v));
    const nilai = khusus ? tk(lang, khusus) : tk(lang, 'prevalensi', { nilai: formatPercent(lang, r.prevalensi), stunting: n(r.stunting), diukur: n(r.diukur) });
    const info = [nilai];
    if (khusus && khusus !== 'tanpa_laporan' && r.diukur !== null) info.push(`${t(lang, 'col.diukur')}: ${n(r.diukur)}`);
    if (khusus !== 'tanpa_laporan') info.push(tk(lang, 'cakupan', { nilai: formatPercent(lang, r.cakupan) }));
    if (r.lokus) info.push(tk(lang, 'lokus'));
    return { kode: r.kode_wilayah, nama: r.nama_wilayah, nilai: khusus ? null : r.prevalensi, khusus: khusus ?? undefined, href: href(r), lokus: r.lokus, info };
  });
}

export interface PetaFigureParts {
  name: string;
  lang: Lang;
  title: string;
  caption: string;
  attribution: string | null;
  svg: string;
  legend: string;
  table: string;
  skala: Skala;
  /** Extra controls (layer choice). */
  kontrol?: string;
  note?: string;
  /** Offer the quantile option (value maps). */
  kuantil?: boolean;
  /** Panel lines shared by every area (period, source). */
  umum?: string[];
}

export function petaFigureHtml(f: PetaFigureParts): string {
  const uid = f.name;
  const skala = f.kuantil
    ? `<fieldset class="peta-pilih" data-peta-skala><legend>${escapeHtml(tk(f.lang, 'skala'))}</legend>
<label><input type="radio" name="skala-${uid}" value="who" checked> ${escapeHtml(tk(f.lang, 'skalaWho'))}</label>
<label><input type="radio" name="skala-${uid}" value="kuantil"> ${escapeHtml(tk(f.lang, 'skalaKuantil'))}</label></fieldset>`
    : '';
  return `<figure class="chart peta" data-figure="${escapeHtml(f.name)}" data-peta data-warna="${escapeHtml(JSON.stringify(f.skala.warna))}" data-batas-who="${escapeHtml(JSON.stringify(f.skala.batas))}"${f.umum ? ` data-umum="${escapeHtml(f.umum.join('\n'))}"` : ''}>
<h3 class="chart-title">${textHtml(f.lang, f.title)}</h3>
${f.kontrol || skala ? `<div class="peta-kontrol">${f.kontrol ?? ''}${skala}</div>` : ''}
<div class="peta-grid">
<div class="peta-kiri">
<div class="chart-body peta-body">${f.svg}</div>
<p class="peta-panel" data-peta-panel data-ui aria-live="polite"><span class="petunjuk-tunjuk">${escapeHtml(tk(f.lang, 'panelPetunjuk'))}</span><span class="petunjuk-sentuh">${escapeHtml(tk(f.lang, 'panelPetunjukSentuh'))}</span></p>
${f.legend}
</div>
<div class="peta-tabel table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(t(f.lang, 'fig.showTable'))}">${f.table}</div>
</div>
<figcaption>${textHtml(f.lang, f.caption)}${f.attribution ? ` <span class="peta-atribusi"${f.lang === 'id' ? ' lang="id"' : ''}>${escapeHtml(atribusiBatas(f.lang, f.attribution))}</span>` : ''}</figcaption>${f.note ? `<p class="peta-catatan">${escapeHtml(f.note)}</p>` : ''}
</figure>`;
}

/** Schematic tile map: one square per area in code order, for a province without boundaries. */
export function petaSkematikSvg(lang: Lang, areas: readonly PetaArea[], skala: Skala, width: number, label: string, uid: string): string {
  const cols = Math.max(1, Math.ceil(Math.sqrt(areas.length * 1.6)));
  const size = Math.floor(width / cols);
  const rows = Math.ceil(areas.length / cols);
  const tiles = areas.map((a, i) => {
    const x = (i % cols) * size;
    const y = Math.floor(i / cols) * size;
    const fill = a.nilai === null ? isiKelas(uid, a.khusus ?? 'tanpa_laporan') : skala.warna[kelasNilai(skala, a.nilai)]!;
    const cls = a.nilai === null ? `area k-${a.khusus ?? 'tanpa_laporan'}` : `area k-${kelasNilai(skala, a.nilai)}`;
    const attrs = `class="${cls}" x="${x + 2}" y="${y + 2}" width="${size - 4}" height="${size - 4}" fill="${fill}" stroke="#666" data-kode="${escapeHtml(a.kode)}" data-nama="${escapeHtml(a.nama)}" data-info="${escapeHtml(a.info.join('\n'))}"${a.nilai !== null ? ` data-nilai="${a.nilai}"` : ''} data-lapisan="utama"`;
    const text = `<text x="${x + size / 2}" y="${y + size / 2}" text-anchor="middle" dominant-baseline="middle" font-size="12" paint-order="stroke" stroke="#fff" stroke-width="3" pointer-events="none">${escapeHtml(labelWilayah(a.kode, a.nama).slice(0, 14))}</text>`;
    const aria = `${a.nama}: ${a.info[0] ?? ''}`;
    return a.href ? `<a href="${escapeHtml(a.href)}" aria-label="${escapeHtml(aria)}"><rect ${attrs}/>${text}</a>` : `<g><rect ${attrs} tabindex="0" role="img" aria-label="${escapeHtml(aria)}"/>${text}</g>`;
  });
  return `<svg class="peta-svg peta-skematik" viewBox="0 0 ${cols * size} ${rows * size}" width="${cols * size}" height="${rows * size}" role="group" aria-label="${escapeHtml(`${label} (${tk(lang, 'skematik')})`)}" data-uid="${uid}">${polaDefs(uid)}${tiles.join('')}</svg>`;
}

/** The table beside a routine map: name (linked), prevalence or why there is none, stunted / measured, coverage. */
export function rutinTable(lang: Lang, rows: readonly RutinRow[], href: (r: RutinRow) => string | null): string {
  const n = (r: RutinRow, v: number | null) => (v === null && r.ditekan ? t(lang, 'chart.suppressed') : formatNumber(lang, v));
  return tabelHtml(lang, [
    { label: t(lang, 'col.wilayah'), value: (r: RutinRow) => r.nama_wilayah + (r.lokus ? ' ◆' : ''), link: href },
    { label: t(lang, 'col.prevRutin'), value: (r) => { const k = kelasOf(r); return k ? tk(lang, `pendek_${k}`) : formatPercent(lang, r.prevalensi); }, angka: true },
    { label: tk(lang, 'kolomStuntingDiukur'), value: (r) => (kelasOf(r) === 'tanpa_laporan' ? '–' : `${n(r, r.stunting)} / ${n(r, r.diukur)}`), angka: true },
    { label: t(lang, 'col.cakupan'), value: (r) => formatPercent(lang, r.cakupan), angka: true },
  ], rows);
}

export const PALET_RUTIN = PALETTE.rutin;
export const PALET_SURVEI = PALETTE.survei;
export { skalaWho, petaSvg, legendaHtml, tk };

import type { Connector } from '../../lib/db/connector.ts';
import { surveiPeringkatSql, surveiPilihanSql } from '../../lib/queries/index.ts';
import type { SlotContext } from './types.ts';

export interface SurveiKabRow {
  kode_wilayah: string;
  nama_wilayah: string;
  survei: string;
  tahun: number;
  prevalensi: number | null;
  ci_bawah: number | null;
  ci_atas: number | null;
  sumber: string | null;
}

/** The latest survey with regency figures, by regency (all regencies, missing ones with NULL). */
export async function loadSurveiKabupaten(conn: Connector, province: Province): Promise<SurveiKabRow[]> {
  const pilihan = await conn.query<{ survei: string; tahun: number; jumlah: number }>(surveiPilihanSql());
  for (const p of [...pilihan].reverse()) {
    const rows = await conn.query<SurveiKabRow>(surveiPeringkatSql({ survei: p.survei, tahun: p.tahun, induk: province.kode }));
    if (rows.some((r) => r.prevalensi !== null)) return rows.sort((a, b) => a.kode_wilayah.localeCompare(b.kode_wilayah));
  }
  return [];
}

const MAP_WIDTH = 640;

function peta(ctx: SlotContext, data: PetaData, areas: PetaArea[], skala: Skala, label: string, uid: string, extra: Partial<Parameters<typeof petaSvg>[0]> = {}): string {
  const width = Math.min(widest(ctx.width) ?? MAP_WIDTH, MAP_WIDTH);
  if (!data.topo) return petaSkematikSvg(ctx.lang, areas, skala, width, label, uid);
  return petaSvg({ lang: ctx.lang, topology: data.topo, areas, skala, width, label, uid, ...extra });
}

/** Overview: regency choropleth of routine prevalence for one month. */
export function petaRutinKabupaten(ctx: SlotContext, data: PetaData, rows: readonly RutinRow[], periode: string | undefined): string {
  const { lang, base } = ctx;
  const p = formatPeriod(lang, periode);
  const skala = skalaWho(PALET_RUTIN);
  const href = (r: RutinRow) => wilayahHref(lang, base, r.kode_wilayah);
  const areas = rutinAreas(lang, rows, href);
  const title = `${tk(lang, 'judulRutinKab')}, ${p}`;
  const uid = 'peta-rutin';
  return petaFigureHtml({
    name: uid, lang, title, skala, kuantil: true, umum: umumRutin(lang, periode),
    caption: tk(lang, 'captionRutin', { periode: p }),
    attribution: data.topo ? data.attribution : null,
    svg: peta(ctx, data, areas, skala, title, uid),
    legend: legendaHtml({ lang, skala, uid, judul: t(lang, 'col.prevRutin') }),
    table: rutinTable(lang, rows, href),
    note: data.topo ? undefined : tk(lang, 'skematik'),
  });
}

/** Overview: regency choropleth of the latest survey's prevalence (its own layer and colours). */
export function petaSurveiKabupaten(ctx: SlotContext, data: PetaData, rows: readonly SurveiKabRow[]): string {
  const { lang, base } = ctx;
  if (!rows.length) return '';
  const s = `${rows[0]!.survei} ${rows[0]!.tahun}`;
  const skala = skalaWho(PALET_SURVEI);
  const href = (r: { kode_wilayah: string }) => wilayahHref(lang, base, r.kode_wilayah);
  const areas: PetaArea[] = rows.map((r) => ({
    kode: r.kode_wilayah,
    nama: r.nama_wilayah,
    nilai: r.prevalensi,
    khusus: r.prevalensi === null ? 'tanpa_laporan' : undefined,
    href: href(r),
    info: [
      r.prevalensi === null ? tk(lang, 'tanpa_laporan') : tk(lang, 'prevalensiSurvei', { nilai: formatPercent(lang, r.prevalensi) }) + (r.ci_bawah !== null && r.ci_atas !== null ? ` (95% CI ${formatPercent(lang, r.ci_bawah)}–${formatPercent(lang, r.ci_atas)})` : ''),
      tk(lang, 'periode', { periode: s }),
      tk(lang, 'sumber', { sumber: r.sumber ?? s }),
    ],
  }));
  const title = tk(lang, 'judulSurveiKab', { survei: s });
  const uid = 'peta-survei';
  return petaFigureHtml({
    name: uid, lang, title, skala, kuantil: true,
    caption: tk(lang, 'captionSurvei', { survei: s }),
    attribution: data.topo ? data.attribution : null,
    svg: peta(ctx, data, areas, skala, title, uid),
    legend: legendaHtml({ lang, skala, uid, judul: tk(lang, 'prevSurvei', { survei: s }), khusus: ['tanpa_laporan'] }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: SurveiKabRow) => r.nama_wilayah, link: href },
      { label: tk(lang, 'prevSurvei', { survei: s }), value: (r) => formatPercent(lang, r.prevalensi), angka: true },
      { label: '95% CI', value: (r) => (r.ci_bawah === null ? '–' : `${formatPercent(lang, r.ci_bawah)}–${formatPercent(lang, r.ci_atas)}`), angka: true },
    ], rows),
    note: data.topo ? undefined : tk(lang, 'skematik'),
  });
}

import { petaDesaSql } from '../../lib/queries/index.ts';

export interface DesaPetaRow extends RutinRow {
  jenis: string | null;
  kode_induk: string;
  profil: boolean;
}

export interface PetaProfil {
  data: PetaData;
  desa: DesaPetaRow[];
}

/** What a profile's map needs: the regency's village boundaries and, for a regency or district, its villages' figures. */
export async function loadPetaProfil(conn: Connector, province: Province, kode: string, tingkat: string | undefined, periode: string | undefined): Promise<PetaProfil | null> {
  if (!tingkat || tingkat === 'provinsi') return { data: await loadPeta(province), desa: [] };
  const kab = kode.slice(0, 5);
  const [data, desa] = await Promise.all([
    loadPeta(province, kab),
    tingkat !== 'desa_kelurahan' && periode ? conn.query<DesaPetaRow>(petaDesaSql({ kode, periode })) : Promise.resolve([] as DesaPetaRow[]),
  ]);
  return { data, desa };
}

/**
 * A profile's map. Regency: its villages coloured, district borders drawn over them, and a
 * district layer to switch to; district: its villages; village: where it lies in its regency.
 */
export function petaProfil(ctx: SlotContext, p: PetaProfil, self: { kode_wilayah: string; nama_wilayah: string; tingkat: string }, anak: readonly RutinRow[], periode: string | undefined): string {
  const { lang, base } = ctx;
  const per = formatPeriod(lang, periode);
  const kode = self.kode_wilayah;
  if (self.tingkat === 'provinsi') return petaRutinKabupaten(ctx, p.data, anak, periode);
  if (!p.data.topo) return `<p class="peta-catatan">${escapeHtml(tk(lang, 'skematikDalam'))}</p>`;
  const width = Math.min(widest(ctx.width) ?? MAP_WIDTH, MAP_WIDTH);
  if (self.tingkat === 'desa_kelurahan') {
    const title = tk(lang, 'judulLokator', { nama: self.nama_wilayah });
    const uid = 'peta-lokator';
    const svg = lokatorSvg({ lang, desa: p.data.topo, kode, nama: self.nama_wilayah, width: Math.min(width, 420), label: title });
    return `<figure class="chart peta peta-lokator" data-figure="${uid}" data-peta><h3 class="chart-title">${escapeHtml(title)}</h3><div class="chart-body peta-body">${svg}</div><figcaption>${escapeHtml(tk(lang, 'captionLokator'))}${p.data.attribution ? ` <span class="peta-atribusi"${lang === 'id' ? ' lang="id"' : ''}>${escapeHtml(atribusiBatas(lang, p.data.attribution))}</span>` : ''}</figcaption></figure>`;
  }
  const skala = skalaWho(PALET_RUTIN);
  const hrefDesa = (r: RutinRow) => ((r as DesaPetaRow).profil ? wilayahHref(lang, base, r.kode_wilayah) : null);
  const hrefKec = (r: RutinRow) => wilayahHref(lang, base, r.kode_wilayah);
  const areas = rutinAreas(lang, p.desa, hrefDesa);
  const isKab = self.tingkat === 'kabupaten_kota';
  const uid = 'peta-desa';
  const title = tk(lang, 'judulDesa', { nama: self.nama_wilayah, periode: per });
  const kecAreas = isKab ? rutinAreas(lang, anak, hrefKec) : [];
  const svg = petaSvg({
    lang, topology: p.data.topo, areas, skala, width, label: title, uid,
    prefix: isKab ? undefined : kode,
    garisKelompok: isKab ? 8 : undefined,
    lapisan: isKab ? { nama: 'kecamatan', prefix: 8, areas: kecAreas, label: tk(lang, 'judulKecamatan', { nama: self.nama_wilayah, periode: per }) } : undefined,
  });
  const kontrol = isKab
    ? `<fieldset class="peta-pilih" data-peta-lapisan><legend>${escapeHtml(tk(lang, 'lapisan'))}</legend>
<label><input type="radio" name="lapisan-${uid}" value="utama" checked> ${escapeHtml(tk(lang, 'lapisanDesa'))}</label>
<label><input type="radio" name="lapisan-${uid}" value="kecamatan"> ${escapeHtml(tk(lang, 'lapisanKecamatan'))}</label></fieldset>`
    : '';
  const khusus = KHUSUS_SEMUA;
  return petaFigureHtml({
    name: uid, lang, title, skala, kuantil: true, kontrol, umum: umumRutin(lang, periode),
    caption: tk(lang, 'captionRutin', { periode: per }),
    attribution: p.data.attribution,
    svg,
    legend: legendaHtml({ lang, skala, uid, judul: t(lang, 'col.prevRutin'), khusus, lokus: p.desa.some((d) => d.lokus), garisKelompok: isKab }),
    table: rutinTable(lang, p.desa, hrefDesa),
  });
}
const KHUSUS_SEMUA: readonly KelasKhusus[] = ['tanpa_laporan', 'ditekan', 'terlalu_sedikit'];

/** Programme coverage classes (%): fixed bands, a green ramp of its own (not a prevalence scale). */
export const SKALA_CAKUPAN: Skala = { jenis: 'tetap', batas: [50, 70, 80, 90], warna: ['#edf8fb', '#b2e2e2', '#66c2a4', '#2ca25f', '#006d2c'] };

export interface CakupanPetaRow {
  kode_wilayah: string;
  nama_wilayah: string;
  sasaran: number | null;
  realisasi: number | null;
  cakupan: number | null;
  ditekan: boolean;
}

/** Coverage page: one programme and period by regency. */
export function petaCakupan(ctx: SlotContext, data: PetaData, rows: readonly CakupanPetaRow[], program: string, nama: string, periode: string | undefined): string {
  const { lang, base } = ctx;
  if (!rows.length) return '';
  const per = formatPeriod(lang, periode);
  const href = (r: { kode_wilayah: string }) => wilayahHref(lang, base, r.kode_wilayah);
  const n = (r: CakupanPetaRow, v: number | null) => (v === null && r.ditekan ? t(lang, 'chart.suppressed') : formatNumber(lang, v));
  const khususOf = (r: CakupanPetaRow): KelasKhusus | undefined => (r.cakupan !== null ? undefined : rateHidden(r.cakupan, r.ditekan, [r.realisasi, r.sasaran]) ? 'ditekan' : r.sasaran === null && r.realisasi === null ? 'tanpa_laporan' : 'terlalu_sedikit');
  const areas: PetaArea[] = rows.map((r) => {
    const k = khususOf(r);
    return {
      kode: r.kode_wilayah, nama: r.nama_wilayah, nilai: k ? null : r.cakupan, khusus: k, href: href(r),
      info: [k ? tk(lang, k) : tk(lang, 'cakupanProgram', { nilai: formatPercent(lang, r.cakupan), realisasi: n(r, r.realisasi), sasaran: n(r, r.sasaran) })],
    };
  });
  const title = tk(lang, 'cakupanJudul', { program: `${program}: ${nama}`, periode: per });
  const uid = 'peta-cakupan';
  const skala = SKALA_CAKUPAN;
  const present = KHUSUS_SEMUA.filter((k) => areas.some((a) => a.khusus === k));
  return petaFigureHtml({
    name: uid, lang, title, skala, umum: [tk(lang, 'periode', { periode: per }), tk(lang, 'sumber', { sumber: tk(lang, 'sumberProgram', { program }) })],
    caption: tk(lang, 'cakupanCaption', { program, periode: per }),
    attribution: data.topo ? data.attribution : null,
    svg: peta(ctx, data, areas, skala, title, uid),
    legend: legendaHtml({ lang, skala, uid, judul: t(lang, 'cak.colCakupan'), khusus: present.length ? present : ['tanpa_laporan'] }),
    table: tabelHtml(lang, [
      { label: t(lang, 'col.wilayah'), value: (r: CakupanPetaRow) => r.nama_wilayah, link: href },
      { label: t(lang, 'cak.colCakupan'), value: (r) => { const k = khususOf(r); return k ? tk(lang, `pendek_${k}`) : formatPercent(lang, r.cakupan); }, angka: true },
      { label: `${t(lang, 'cak.colRealisasi')} / ${t(lang, 'cak.colSasaran')}`, value: (r) => `${n(r, r.realisasi)} / ${n(r, r.sasaran)}`, angka: true },
    ], rows),
    note: data.topo ? undefined : tk(lang, 'skematik'),
  });
}
