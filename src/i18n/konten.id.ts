/**
 * Indonesian strings of the pages and charts (spread into id.ts). konten.en.ts must have the same
 * keys (the type checker enforces it through en.ts).
 */
export const kontenId = {
  'chart.noData': 'tidak ada data',
  'chart.suppressed': 'disembunyikan',
} as const;
