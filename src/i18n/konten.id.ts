/**
 * Indonesian strings of the pages and charts (spread into id.ts). konten.en.ts must have the same
 * keys (the type checker enforces it through en.ts).
 */
export const kontenId = {
  'chart.noData': 'tidak ada data',
  'chart.suppressed': 'disembunyikan',
  'chart.quadrant.highHigh': 'prevalensi tinggi, jumlah banyak',
  'chart.quadrant.lowHigh': 'prevalensi rendah, jumlah banyak',
  'chart.quadrant.highLow': 'prevalensi tinggi, jumlah sedikit',
  'chart.reachedOf': '{reached} dari {total}',
} as const;
