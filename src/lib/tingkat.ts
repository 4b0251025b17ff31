/** Administrative levels, coarsest first (re-exported by schema.ts; small so browser code can import it alone). */
export const TINGKAT = ['provinsi', 'kabupaten_kota', 'kecamatan', 'desa_kelurahan'] as const;
export type Tingkat = (typeof TINGKAT)[number];
