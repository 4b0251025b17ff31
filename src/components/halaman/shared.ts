/** Small helpers shared by the page modules. */
import { rateHidden } from '../../lib/domain/suppression.ts';
import type { PeringkatRow } from '../../charts/peringkat.ts';
import { formatNumber, formatPeriod, localePath, t, type Lang } from '../../lib/i18n.ts';
import type { PeriodeRutin } from '../../lib/queries/periode.ts';
import { optionsHtml } from './html.ts';
import { applyPatch } from '../../lib/url-state.ts';
import type { AreaRow, TargetRow } from './rows.ts';

export type AreaMeasure = 'prevalensi' | 'stunting' | 'perubahan' | 'selisih_target';

/**
 * Short label of an area for chart axes: regencies and cities without their "Kabupaten"/"Kota"
 * prefix (the gazetteer name keeps it; tables show the full name). Lower levels are unchanged
 * ("Kota Bangun" is a district).
 */
export function labelWilayah(kode: string, nama: string): string {
  return /^\d{2}\.\d{2}$/.test(kode) ? nama.replace(/^(Kabupaten|Kota) /, '') : nama;
}

/** Link to an area's profile page. */
export function wilayahHref(lang: Lang, base: string, kode: string): string {
  return localePath(lang, `/wilayah/${kode}/`, base);
}

/**
 * Link to an area's page at one period (a month's dot on a trend): the profile of `kode`, or the
 * overview when `kode` is null (the province). The period is in the link, so the page that opens
 * shows that month (and src/client/layout.ts leaves a link that names its own period alone).
 */
export function periodeHref(lang: Lang, base: string, kode: string | null, periode: string): string {
  return `${kode ? wilayahHref(lang, base, kode) : localePath(lang, '/', base)}${applyPatch('', { period: periode })}`;
}

/** Rows of the ranking chart from the comparison query, on one measure. */
export function regencyRows(rows: readonly AreaRow[], measure: AreaMeasure, lang: Lang, base: string, sorot?: string): PeringkatRow[] {
  return rows.map((r) => ({
    kode: r.kode_wilayah,
    nama: labelWilayah(r.kode_wilayah, r.nama_wilayah),
    value: r[measure],
    // perubahan / selisih_target are missing with the prevalence they come from
    ditekan: measure === 'stunting' ? r.ditekan : rateHidden(r.prevalensi, r.ditekan, [r.stunting, r.diukur]),
    sorot: r.kode_wilayah === sorot,
    keterangan: measure === 'prevalensi' && r.diukur !== null ? `n = ${formatNumber(lang, r.diukur)}` : undefined,
    href: wilayahHref(lang, base, r.kode_wilayah),
  }));
}

export function targetLabel(lang: Lang, x: TargetRow): string {
  return x.kode_wilayah === 'ID' ? t(lang, 'target.nasional', { tahun: x.tahun }) : t(lang, 'target.provinsi', { tahun: x.tahun });
}

/** Options of a routine-month selector, newest first; incomplete months are marked in their label. */
export function periodOptionsHtml(lang: Lang, rows: readonly Pick<PeriodeRutin, 'periode' | 'lengkap'>[], selected: string | undefined): string {
  return optionsHtml(
    [...rows].reverse().map((r) => ({ value: r.periode, label: r.lengkap ? formatPeriod(lang, r.periode) : t(lang, 'lengkap.optionSuffix', { periode: formatPeriod(lang, r.periode) }) })),
    selected,
  );
}
