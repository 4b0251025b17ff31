/**
 * The priority regencies side by side (the "which one first" table of a TPPS rakor), as HTML from
 * the model of src/lib/queries/prioritas.ts: one column per regency, one row per figure, each row
 * naming its source and period. Survey and routine figures are separate rows, never one scale.
 */
import { PERAN } from '../../charts/tabel.ts';
import { rateHidden } from '../../lib/domain/suppression.ts';
import { escapeHtml, formatNumber, formatPercent, formatPeriod, t, textHtml, toHtml, type Lang } from '../../lib/i18n.ts';
import type { BandingPrioritas, BandingPrioritasModel, PrioritasProgramRow } from '../../lib/queries/prioritas.ts';
import { provinceName, type Province } from '../../lib/province.ts';
import { programName, satuanText } from './cakupan.ts';
import { bilingualHtml, notesHtml } from './html.ts';
import { wilayahHref } from './shared.ts';

/** "A, B dan C" / "A, B and C". */
export function daftarNama(lang: Lang, names: readonly string[]): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t(lang, 'prioritas.dan')} ${names.at(-1)}`;
}

interface Baris {
  label: string;
  cell: (w: BandingPrioritas) => string;
  /** Cell text is Indonesian (quoted names) on an English page. */
  lang?: string;
}

function programCell(lang: Lang, p: PrioritasProgramRow | undefined): string {
  if (!p || p.realisasi === null) return p?.ditekan ? t(lang, 'chart.suppressed') : '–';
  const sasaran = p.sasaran === null ? '' : ` ${t(lang, 'prioritas.sasaranKurung', { sasaran: formatNumber(lang, p.sasaran) })}`;
  return `${formatNumber(lang, p.realisasi)}${sasaran}`;
}

export function bandingPrioritasHtml(m: BandingPrioritasModel, { lang, base, province }: { lang: Lang; base: string; province: Province }): string {
  const provinsi = provinceName(province, lang);
  if (!m.daftar.length) {
    return `<p class="explain" data-prioritas="none">${escapeHtml(t(lang, 'prioritas.none', { provinsi }))}</p>`;
  }
  const first = m.daftar[0]!;
  const names = m.daftar.map((d) => d.nama_wilayah);
  const p = formatPeriod(lang, m.periode);
  const pct = (v: number | null | undefined) => formatPercent(lang, v);
  const rows: Baris[] = [
    ...m.surveiKeys.map((key) => ({
      label: t(lang, 'prioritas.rowSurvei', { survei: key }),
      cell: (w: BandingPrioritas) => {
        const s = w.survei[key];
        if (!s || s.prevalensi === null) return '–';
        const rank = s.peringkat !== null ? ` ${t(lang, 'prioritas.peringkat', { n: s.peringkat, dari: s.jumlah })}` : '';
        return `${pct(s.prevalensi)}${rank}${s.catatan ? ' *' : ''}`;
      },
    })),
    {
      label: t(lang, 'prioritas.rowRutin', { periode: p }),
      cell: (w) => {
        const r = w.rutin;
        if (!r || r.prevalensi === null) return r && rateHidden(r.prevalensi, r.ditekan, [r.stunting, r.diukur]) ? t(lang, 'chart.suppressed') : '–';
        return `${pct(r.prevalensi)} (n\u00a0=\u00a0${formatNumber(lang, r.diukur)})${r.lengkap ? '' : ` ${t(lang, 'prioritas.tidakLengkap')}`}`;
      },
    },
    { label: t(lang, 'prioritas.rowStunting', { periode: p }), cell: (w) => formatNumber(lang, w.rutin?.stunting) },
    {
      label: t(lang, 'prioritas.rowKecamatan'),
      cell: (w) => (w.rutin?.kecamatan_total ? t(lang, 'prioritas.dari', { n: formatNumber(lang, w.rutin.kecamatan_stunting), total: formatNumber(lang, w.rutin.kecamatan_total) }) : '–'),
    },
    {
      label: t(lang, 'prioritas.rowDesa'),
      cell: (w) => {
        const r = w.rutin;
        if (!r?.desa_total) return '–';
        const hidden = r.desa_ditekan ? ` ${t(lang, 'prioritas.desaDitekan', { n: formatNumber(lang, r.desa_ditekan) })}` : '';
        return t(lang, 'prioritas.dari', { n: formatNumber(lang, r.desa_stunting), total: formatNumber(lang, r.desa_total) }) + hidden;
      },
    },
    {
      label: t(lang, 'prioritas.rowTeratas'),
      lang: 'id',
      cell: (w) => (w.kecamatan.length ? w.kecamatan.map((k) => `${k.nama_wilayah} (${formatNumber(lang, k.stunting)})`).join(', ') : '–'),
    },
    ...m.programs.map((prog) => ({
      label: t(lang, 'prioritas.rowProgram', {
        program: programName(lang, prog),
        periode: formatPeriod(lang, prog.periode),
        satuan: satuanText(lang, prog.satuan),
      }),
      cell: (w: BandingPrioritas) => programCell(lang, w.program.find((x) => x.program === prog.program)),
    })),
  ];
  // roles written out: on a phone the table is laid out as a grid (see Prioritas.astro)
  const head = `<tr${PERAN.row}><th scope="col"${PERAN.columnheader}>${escapeHtml(t(lang, 'prioritas.colUkuran'))}</th>${m.wilayah
    .map((w) => `<th scope="col"${PERAN.columnheader}><a href="${escapeHtml(wilayahHref(lang, base, w.daftar.kode_wilayah))}" lang="id">${escapeHtml(w.daftar.nama_wilayah)}</a></th>`)
    .join('')}</tr>`;
  const body = rows
    .map((r) => `<tr${PERAN.row}><th scope="row"${PERAN.rowheader}>${textHtml(lang, r.label)}</th>${m.wilayah.map((w) => `<td${PERAN.cell} class="num"${r.lang ? ` lang="${r.lang}"` : ''}>${toHtml(lang, r.cell(w))}</td>`).join('')}</tr>`)
    .join('');
  const notes = m.wilayah.flatMap((w) =>
    m.surveiKeys.flatMap((key) => {
      const s = w.survei[key];
      return s?.catatan ? [{ who: `${w.daftar.nama_wilayah}, ${key}`, text: s.catatan }] : [];
    }),
  );
  return `<section class="banding-prioritas" data-prioritas="${escapeHtml(m.daftar.map((d) => d.kode_wilayah).join(' '))}">
<p class="lead">${escapeHtml(t(lang, 'prioritas.lead', { tahun: first.tahun, jumlah: m.daftar.length }))} <strong lang="id">${escapeHtml(daftarNama(lang, names))}</strong>.</p>
<p class="explain">${escapeHtml(t(lang, 'prioritas.dasar'))} ${bilingualHtml(lang, first.dasar, first.dasar_en)}. ${escapeHtml(t(lang, 'prioritas.sumber'))} <span lang="id">${escapeHtml(first.sumber)}</span>.</p>
${first.catatan ? `<p class="explain source-note">${escapeHtml(t(lang, 'prioritas.catatan'))} ${bilingualHtml(lang, first.catatan, first.catatan_en)}</p>` : ''}
<p class="table-caption" id="banding-prioritas-judul">${escapeHtml(t(lang, 'prioritas.tableCaption', { periode: p }))}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(t(lang, 'prioritas.tableLabel'))}"><table class="data-table banding-table"${PERAN.table} style="--kolom: ${m.wilayah.length}" aria-labelledby="banding-prioritas-judul">
<thead${PERAN.rowgroup}>${head}</thead><tbody${PERAN.rowgroup}>${body}</tbody></table></div>
<p class="explain">${escapeHtml(t(lang, 'prioritas.tableNote'))}</p>
${notesHtml(t(lang, 'prioritas.notesTitle'), notes)}
</section>`;
}
