/** One SQL builder per file; this index only re-exports them. */
export * from './sql.ts';
export * from './periode.ts';
export * from './ringkasan.ts';
export * from './tren.ts';
export * from './perbandingan.ts';
export * from './desa.ts';
export * from './survei.ts';
export * from './target.ts';
export * from './dua-angka.ts';
export * from './program.ts';
export * from './wilayah.ts';
export * from './kualitas.ts';
export * from './keluarga.ts';
export * from './unduh.ts';
export * from './prioritas.ts';
export * from './peta.ts';
export * from './jelajah.ts';
