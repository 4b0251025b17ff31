/**
 * The rakor deck as HTML: one `<section class="slide" aria-roledescription="slide">` ("salindia" in Indonesian) per slide (the WAI-ARIA
 * carousel pattern), each labelled by its title and carrying its source and period in a footer.
 * Big type: the deck's CSS (Presentasi.astro) sizes everything for the back of a meeting room.
 */
import { tabelHtml, type Kolom } from '../../charts/tabel.ts';
import { escapeHtml, formatNumber, formatPercent, formatPeriod, t, textHtml, type Lang } from '../../lib/i18n.ts';
import { MIN_DENOMINATOR_FOR_RATE, rateHidden } from '../../lib/domain/suppression.ts';
import { periodeLengkap } from '../../lib/domain/kelengkapan.ts';
import { provinceName, type Province } from '../../lib/province.ts';
import { surveiKeyOf, type BandingPrioritas } from '../../lib/queries/prioritas.ts';
import { legendaHtml, petaSvg, skalaWho, PALET_RUTIN, rutinAreas } from '../halaman/peta.ts';
import { PROGRAM_ANAK, programName, satuanText } from '../halaman/cakupan.ts';
import { atribusiBatas } from '../../maps/teks.ts';
import type { AreaRow, DesaRow, ProgramRow } from '../halaman/rows.ts';
import type { DeckModel } from './model.ts';
import { td, type TeksKey } from './teks.ts';

/** Slide keys in deck order: the URL's `?slides=` names them. */
export const SLIDE_KEYS = ['judul', 'angka', 'peta', 'prioritas', 'perubahan', 'dua-angka', 'program', 'desa', 'kualitas', 'sumber'] as const;
export type SlideKey = (typeof SLIDE_KEYS)[number];

const TITLE_KEY: Record<SlideKey, TeksKey> = {
  judul: 'sJudul', angka: 'sAngka', peta: 'sPeta', prioritas: 'sPrioritas', perubahan: 'sPerubahan',
  'dua-angka': 'sDuaAngka', program: 'sProgram', desa: 'sDesa', kualitas: 'sKualitas', sumber: 'sSumber',
};

export interface Slide {
  key: SlideKey;
  /** Short name for the slide chooser. */
  menu: string;
  title: string;
  body: string;
  source: string;
}

export interface DeckContext {
  lang: Lang;
  base: string;
  province: Province;
  demo: boolean;
  internal: boolean;
}

const n = (lang: Lang, v: number | null | undefined, hidden = false) => (v == null && hidden ? td(lang, 'disembunyikan') : formatNumber(lang, v));
const pct = (lang: Lang, v: number | null | undefined, hidden = false) => (v == null && hidden ? td(lang, 'disembunyikan') : formatPercent(lang, v));
/** A routine prevalence: "hidden" only when hidden with one of its counts (rateHidden), else the value or "–" (too few measured). */
type Prev = { prevalensi: number | null; ditekan: boolean | null; stunting: number | null; diukur: number | null };
const prev = (lang: Lang, r: Prev | null | undefined) => pct(lang, r?.prevalensi, !!r && rateHidden(r.prevalensi, r.ditekan, [r.stunting, r.diukur]));

function table<R>(lang: Lang, cols: readonly Kolom<R>[], rows: readonly R[]): string {
  return `<div class="slide-table">${tabelHtml(lang, cols, rows)}</div>`;
}

function big(value: string, label: string, detail = ''): string {
  return `<div class="big"><p class="big-value">${escapeHtml(value)}</p><p class="big-label">${escapeHtml(label)}</p>${detail ? `<p class="big-detail">${escapeHtml(detail)}</p>` : ''}</div>`;
}

/** Table rows that fit a slide at reading size. */
const MAX_ROWS = 7;

const note = (lang: Lang, text: string) => `<p class="slide-note">${textHtml(lang, text)}</p>`;

function judulSlide(m: DeckModel, c: DeckContext, p: string): string {
  const { lang } = c;
  const nama = namaDeck(m, c);
  return `<div class="title-slide"><p class="kicker">${escapeHtml(td(lang, 'subjudul', { periode: p }))}</p>
<p class="title-big">${escapeHtml(td(lang, 'judulDeck', { nama }))}</p>
<p class="title-meta">${escapeHtml(td(lang, 'tanggalData', { periode: p, rilis: m.rilis }))}</p></div>`;
}

function angkaSlide(m: DeckModel, c: DeckContext): string {
  const { lang } = c;
  const r = m.ringkasan;
  if (!r) return note(lang, td(lang, 'tidakAdaData'));
  const h = r.ditekan;
  const warn = periodeLengkap(r) ? '' : `<p class="slide-warning">${escapeHtml(td(lang, 'tidakLengkap', { nama: r.nama_wilayah, melapor: n(lang, r.desa_melapor), total: n(lang, r.desa_total) }))}</p>`;
  return `${warn}<div class="bigs">
${big(n(lang, r.diukur, h), td(lang, 'diukur'), td(lang, 'diukurDari', { sasaran: n(lang, r.sasaran, h) }))}
${big(n(lang, r.stunting, h), td(lang, 'stunting'), td(lang, 'stuntingRinci', { pendek: n(lang, r.pendek, h), sangat: n(lang, r.sangat_pendek, h) }))}
${big(prev(lang, r), td(lang, 'prevalensi'), td(lang, 'prevalensiRinci', { stunting: n(lang, r.stunting, h), diukur: n(lang, r.diukur, h) }))}
${big(n(lang, r.desa_melapor), td(lang, 'desaMelapor'), td(lang, 'desaMelaporRinci', { total: n(lang, r.desa_total) }))}
</div>`;
}

function petaSlide(m: DeckModel, c: DeckContext, p: string): string {
  const { lang } = c;
  const data = m.peta?.data;
  const rows = m.area.tingkat === 'provinsi' ? m.anak : (m.peta?.desa ?? []);
  if (!data?.topo || !rows.length) return note(lang, td(lang, 'tidakAdaData'));
  const skala = skalaWho(PALET_RUTIN);
  const uid = 'deck-peta';
  const label = `${td(lang, 'sPeta')}: ${namaDeck(m, c)}, ${p}`;
  const areas = rutinAreas(lang, rows, () => null);
  const svg = petaSvg({
    lang, topology: data.topo, areas, skala, width: 620, maxHeight: 470, label, uid,
    garisKelompok: m.area.tingkat === 'kabupaten_kota' ? 8 : undefined,
  });
  const top = [...rows].filter((r) => r.prevalensi !== null).sort((a, b) => (b.prevalensi ?? 0) - (a.prevalensi ?? 0)).slice(0, 3);
  // The highest areas: regencies of the province (villages' rates rest on few children each).
  const topList = top.length && m.area.tingkat === 'provinsi'
    ? `<p class="peta-top-title">${escapeHtml(td(lang, 'petaTop'))}</p><ol class="peta-top">${top.map((r) => `<li>${escapeHtml(r.nama_wilayah)}: <strong>${escapeHtml(formatPercent(lang, r.prevalensi))}</strong></li>`).join('')}</ol>`
    : '';
  const legend = legendaHtml({ lang, skala, uid, judul: t(lang, 'col.prevRutin'), lokus: rows.some((r) => (r as { lokus?: boolean }).lokus), garisKelompok: m.area.tingkat === 'kabupaten_kota' });
  const attribution = data.attribution ? `<p class="slide-attrib">${escapeHtml(atribusiBatas(lang, data.attribution))}</p>` : '';
  return `<div class="slide-map"><div class="slide-map-svg">${svg}</div><div class="slide-map-side">${legend}${topList}${attribution}</div></div>`;
}

/** The deck's area by name in the deck's language (the province by its English name in English). */
function namaDeck(m: DeckModel, c: DeckContext): string {
  return m.area.tingkat === 'provinsi' ? provinceName(c.province, c.lang) : m.area.nama;
}

function programCell(lang: Lang, w: BandingPrioritas): string {
  const parts = w.program.filter((x) => (PROGRAM_ANAK as readonly string[]).includes(x.program) && (x.realisasi !== null || x.ditekan)).map((x) => `${x.program} ${x.realisasi === null ? td(lang, 'disembunyikan') : formatNumber(lang, x.realisasi)}`);
  return parts.join(', ') || '–';
}

function prioritasSlide(m: DeckModel, c: DeckContext, p: string): string {
  const { lang } = c;
  if (m.area.tingkat !== 'provinsi') {
    const rows = [...m.anak].sort((a, b) => (b.stunting ?? -1) - (a.stunting ?? -1)).slice(0, MAX_ROWS);
    return note(lang, td(lang, 'prioritasKab', { nama: m.area.nama, periode: p })) + table<AreaRow>(lang, [
      { label: td(lang, 'kolomKecamatan'), value: (r) => r.nama_wilayah },
      { label: td(lang, 'kolomStunting'), value: (r) => n(lang, r.stunting, r.ditekan), angka: true },
      { label: td(lang, 'kolomPrev'), value: (r) => prev(lang, r), angka: true },
      { label: td(lang, 'kolomLokus'), value: (r) => formatNumber(lang, r.jumlah_lokus), angka: true },
    ], rows);
  }
  const b = m.prioritas;
  if (!b || !b.daftar.length) return note(lang, td(lang, 'tidakAdaPrioritas', { provinsi: provinceName(c.province, lang) }));
  const rp = formatPeriod(lang, b.periode);
  const cols: Kolom<BandingPrioritas>[] = [
    { label: td(lang, 'kolomWilayah'), value: (w) => w.daftar.nama_wilayah },
    { label: `${td(lang, 'kolomStunting')} (${rp})`, value: (w) => n(lang, w.rutin?.stunting, w.rutin?.ditekan), angka: true },
    { label: `${t(lang, 'col.prevRutin')} (${rp})`, value: (w) => prev(lang, w.rutin), angka: true },
    ...b.surveiKeys.map((key): Kolom<BandingPrioritas> => ({ label: key, value: (w) => formatPercent(lang, w.survei[key]?.prevalensi), angka: true })),
    { label: td(lang, 'kolomRealisasi'), value: (w) => programCell(lang, w) },
  ];
  return table(lang, cols, b.wilayah) + note(lang, td(lang, 'prioritasCatatan'));
}

function perubahanSlide(m: DeckModel, c: DeckContext, p: string): string {
  const { lang } = c;
  if (!m.sebelumnya) return note(lang, td(lang, 'tidakAdaSebelum', { periode: p }));
  const sb = formatPeriod(lang, m.sebelumnya);
  const rows = [...m.anak].sort((a, b) => (b.stunting ?? -1) - (a.stunting ?? -1)).slice(0, MAX_ROWS);
  const arrow = (v: number | null) => (v === null ? '–' : `${v > 0 ? '▲ +' : v < 0 ? '▼ −' : '■ '}${formatNumber(lang, Math.abs(v), { digits: 1 })}`);
  return table<AreaRow>(lang, [
    { label: td(lang, 'kolomWilayah'), value: (r) => r.nama_wilayah },
    { label: sb, value: (r) => formatPercent(lang, r.prevalensi_sebelumnya), angka: true },
    { label: p, value: (r) => prev(lang, r), angka: true },
    { label: `${td(lang, 'kolomUbah')} (${td(lang, 'poin')})`, value: (r) => arrow(r.perubahan), angka: true },
    { label: td(lang, 'kolomStunting'), value: (r) => `${formatNumber(lang, r.stunting_sebelumnya)} → ${n(lang, r.stunting, r.ditekan)}`, angka: true },
  ], rows) + note(lang, td(lang, 'perubahanCatatan', { sebelum: sb }));
}

function duaAngkaSlide(m: DeckModel, c: DeckContext, p: string): string {
  const { lang } = c;
  const own = m.survei.filter((s) => s.kode_wilayah === m.area.kode && s.prevalensi !== null);
  const r = m.ringkasan;
  const surveiBigs = own.slice(-3).map((s) => big(formatPercent(lang, s.prevalensi), `${surveiKeyOf(s)}`, td(lang, 'kolomSurvei')));
  const rutinBig = r ? big(prev(lang, r), `e-PPGBM ${p}`, td(lang, 'prevalensiRinci', { stunting: n(lang, r.stunting, r.ditekan), diukur: n(lang, r.diukur, r.ditekan) })) : '';
  // Published statements about this area itself, with a figure, the latest three.
  const quoted = m.publikasi.filter((q) => q.kode_wilayah === m.area.kode && q.prevalensi_stunting !== null).slice(-3);
  // The data system and the source are quoted as published (Indonesian); the month and the
  // figure are written in the deck's language ("February 2024", not "2024-02").
  const quotes = quoted.map((q) => `<blockquote><p>${escapeHtml(q.nama_wilayah)}, <span lang="id">${escapeHtml(q.sumber_data)}</span>${q.periode ? ` ${escapeHtml(formatPeriod(lang, q.periode))}` : ''}: <strong>${escapeHtml(formatPercent(lang, q.prevalensi_stunting, { digits: q.prevalensi_digits }))}</strong></p><cite lang="id">${escapeHtml(q.sumber.split(';')[0] ?? '')}</cite></blockquote>`);
  return `<div class="dua"><div class="dua-col dua-survei">${surveiBigs.join('') || note(lang, td(lang, 'tidakAdaData'))}</div><div class="dua-col dua-rutin">${rutinBig}</div></div>
${quotes.length ? `<div class="quotes"><p class="quotes-title">${escapeHtml(td(lang, 'dikutip'))}</p>${quotes.join('')}</div>` : ''}${note(lang, td(lang, 'duaAngkaCatatan'))}`;
}

/** People still to reach for the national target: target % of the target population minus those reached. */
export function kurangDariTarget(r: Pick<ProgramRow, 'target' | 'sasaran' | 'realisasi'>): number | null {
  if (r.target == null || r.sasaran == null || r.realisasi == null) return null;
  return Math.max(0, Math.ceil((r.target / 100) * r.sasaran - r.realisasi));
}

function programSlide(m: DeckModel, c: DeckContext): string {
  const { lang } = c;
  if (!m.program.length) return note(lang, td(lang, 'tidakAdaData'));
  const over = m.program.some((r) => (r.cakupan ?? 0) > 100);
  return table<ProgramRow>(lang, [
    { label: td(lang, 'kolomProgram'), value: (r) => `${programName(lang, r)} (${formatPeriod(lang, r.periode)})` },
    { label: td(lang, 'kolomRealisasi'), value: (r) => `${n(lang, r.realisasi, r.ditekan)} / ${n(lang, r.sasaran, r.ditekan)}`, angka: true },
    { label: td(lang, 'kolomCakupan'), value: (r) => pct(lang, r.cakupan, rateHidden(r.cakupan, r.ditekan, [r.realisasi, r.sasaran])) + ((r.cakupan ?? 0) > 100 ? ' *' : ''), angka: true },
    { label: td(lang, 'kolomTarget'), value: (r) => (r.target == null ? '–' : formatPercent(lang, r.target)), angka: true },
    {
      label: td(lang, 'kolomKurang'),
      value: (r) => {
        const k = kurangDariTarget(r);
        return k === null ? '–' : k === 0 ? '✓' : `${formatNumber(lang, k)} ${satuanText(lang, r.satuan)}`;
      },
      angka: true,
    },
  ], m.program) + note(lang, [td(lang, 'programCatatan'), over ? `* ${td(lang, 'lebih100')}` : ''].filter(Boolean).join(' '));
}

function desaSlide(m: DeckModel, c: DeckContext): string {
  const { lang } = c;
  if (!m.desa.length) return note(lang, td(lang, 'tidakAdaData'));
  return table<DesaRow>(lang, [
    { label: td(lang, 'kolomDesa'), value: (r) => `${r.nama_wilayah}${r.lokus ? ' ◆' : ''}` },
    { label: td(lang, 'kolomKecamatan'), value: (r) => r.nama_kecamatan },
    { label: td(lang, 'kolomStunting'), value: (r) => n(lang, r.stunting, r.ditekan), angka: true },
    { label: td(lang, 'kolomDiukur'), value: (r) => n(lang, r.diukur, r.ditekan), angka: true },
    { label: td(lang, 'kolomPrev'), value: (r) => prev(lang, r), angka: true },
  ], m.desa.slice(0, MAX_ROWS)) + note(lang, td(lang, 'desaCatatan'));
}

function kualitasSlide(m: DeckModel, c: DeckContext): string {
  const { lang } = c;
  const k = m.kualitas;
  if (!k) return note(lang, td(lang, 'tidakAdaData'));
  const reasons: [TeksKey, number | null][] = [
    ['alasanTidakMasukAkal', k.dikecualikan_tidak_masuk_akal],
    ['alasanUsia', k.dikecualikan_usia],
    ['alasanDuplikat', k.dikecualikan_duplikat_bulan],
    ['alasanHazKosong', k.dikecualikan_haz_kosong],
    ['alasanWilayah', k.dikecualikan_wilayah_tidak_cocok],
  ];
  return `<div class="bigs">
${big(formatNumber(lang, k.baris_dibaca), td(lang, 'kualitasBaris'))}
${big(n(lang, m.ringkasan?.diukur, m.ringkasan?.ditekan), td(lang, 'kualitasDiukur'))}
${big(`${formatNumber(lang, k.desa_melapor)} / ${formatNumber(lang, k.desa_total)}`, td(lang, 'kualitasDesa'), formatPercent(lang, k.persen_desa_melapor))}
</div><p class="reasons-title">${escapeHtml(td(lang, 'kualitasKecuali'))}</p><ul class="reasons">${reasons.map(([key, v]) => `<li><strong>${escapeHtml(formatNumber(lang, v))}</strong> ${escapeHtml(td(lang, key))}</li>`).join('')}</ul>`;
}

function sumberSlide(m: DeckModel, c: DeckContext): string {
  const { lang } = c;
  const survei = [...new Set(m.survei.map((s) => s.sumber).filter((s): s is string => !!s))].slice(0, 4);
  // The deck's own words in its language; the survey sources are quoted as published (Indonesian).
  const items = [
    escapeHtml(td(lang, 'sumberEppgbm')),
    ...survei.map((s) => (lang === 'id' ? escapeHtml(s) : `<span lang="id">${escapeHtml(s)}</span>`)),
    escapeHtml(td(lang, 'sumberPerpres')),
    ...(m.peta?.data.attribution ? [escapeHtml(atribusiBatas(lang, m.peta.data.attribution))] : []),
    escapeHtml(td(lang, 'sumberWilayah')),
  ];
  return `<ul class="sources">${items.map((s) => `<li>${s}</li>`).join('')}</ul>${note(lang, td(lang, 'sumberRilis', { rilis: m.rilis, min: MIN_DENOMINATOR_FOR_RATE }))}`;
}

export function deckSlides(m: DeckModel, c: DeckContext): Slide[] {
  const { lang } = c;
  const p = formatPeriod(lang, m.periode);
  const rutin = td(lang, 'sumberRutin', { periode: p });
  const nama = namaDeck(m, c);
  // Titles stay short (one line at the back of the room); the footer names area, period and source.
  const make = (key: SlideKey, body: string, source: string, title?: string): Slide => ({ key, menu: td(lang, TITLE_KEY[key]), title: title ?? td(lang, TITLE_KEY[key]), body, source: `${nama} · ${source}` });
  return [
    make('judul', judulSlide(m, c, p), rutin, td(lang, 'judulDeck', { nama })),
    make('angka', angkaSlide(m, c), rutin),
    make('peta', petaSlide(m, c, p), rutin),
    make('prioritas', prioritasSlide(m, c, p), m.area.tingkat === 'provinsi' ? td(lang, 'sumberSurvei', { periode: p }) : rutin),
    make('perubahan', perubahanSlide(m, c, p), rutin),
    make('dua-angka', duaAngkaSlide(m, c, p), td(lang, 'sumberSurvei', { periode: p })),
    make('program', programSlide(m, c), td(lang, 'sumberProgram', { periode: p })),
    make('desa', desaSlide(m, c), rutin),
    make('kualitas', kualitasSlide(m, c), td(lang, 'sumberKualitas', { periode: p })),
    make('sumber', sumberSlide(m, c), td(lang, 'sumberDaftarDiAtas', { periode: p })),
  ];
}

/** The deck's sections. `uid` keeps ids unique. */
export function slidesHtml(slides: readonly Slide[], c: DeckContext): string {
  const { lang } = c;
  const total = slides.length;
  const mark = [c.demo ? td(lang, 'sintetis') : '', c.internal ? td(lang, 'internal') : ''].filter(Boolean).join(' · ');
  return slides
    .map((s, i) => `<section class="slide" id="slide-${i + 1}" data-slide="${s.key}" aria-roledescription="${escapeHtml(td(lang, 'peranSlide'))}" aria-labelledby="slide-${i + 1}-title">
${mark ? `<p class="slide-mark">${escapeHtml(mark)}</p>` : ''}<h2 class="slide-title" id="slide-${i + 1}-title">${escapeHtml(s.title)}</h2>
<div class="slide-body">${s.body}</div>
<footer class="slide-footer"><span class="slide-source">${escapeHtml(s.source)}</span><span class="slide-no" data-slide-no>${escapeHtml(td(lang, 'slide', { n: i + 1, total }))}</span></footer>
</section>`)
    .join('\n');
}
