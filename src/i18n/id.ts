/**
 * Indonesian strings (default language). Keys are flat and dotted: `area.thing`.
 * en.ts must have exactly the same keys (the type checker enforces it).
 * Placeholders: `{name}` is replaced by t(lang, key, {name: ...}).
 */
import { bandingId } from './banding.id.ts';
import { kontenId } from './konten.id.ts';
import { alatId } from './alat.id.ts';
import { bagikanId } from './bagikan.id.ts';

export const id = {
  ...kontenId,
  ...bandingId,
  ...alatId,
  ...bagikanId,
  'site.title': 'Atlas Stunting {provinsi}',
  'site.short': 'Atlas Stunting',
  'site.description': 'Analisis terbuka tentang stunting pada balita di {provinsi}: data rutin, survei, target dan program.',

  'skip.toContent': 'Langsung ke isi',
  'nav.label': 'Navigasi utama',
  'nav.ringkasan': 'Ringkasan',
  'nav.duaAngka': 'Dua angka',
  'nav.prioritas': 'Prioritas',
  'nav.cakupan': 'Cakupan program',
  'nav.wilayah': 'Profil wilayah',
  'nav.data': 'Data & metodologi',

  'lang.switch': 'English',
  'lang.switchLabel': 'Baca halaman ini dalam bahasa Inggris',

  'banner.demo': 'Data contoh (sintetis)',
  'banner.demoDetail': 'Angka di situs ini dibuat untuk pengujian dan tidak menggambarkan keadaan sebenarnya; jumlah balita diperkecil (sekitar 1:10).',
  'banner.internal': 'INTERNAL — jangan disebarkan',
  'banner.internalDetail': 'Versi ini memuat angka kecil yang tidak disembunyikan.',
  'banner.noData': 'Data belum dibangun: jalankan npm run data.',

  'footer.attribution': 'Atribusi',
  'footer.wilayah': 'Data wilayah: idn-area-data (ODbL)',
  'footer.batas': 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kepmendagri 300.2.2-2138/2025',
  'footer.license': 'Kode sumber berlisensi MIT.',

  'format.missing': 'tidak ada data',
  'format.semester': 'Semester {n} {year}',
  'format.quarter': 'Triwulan {n} {year}',
  'format.percentPoints': '{value} poin persen',

  'db.loading': 'Memuat mesin data…',
  'db.ready': 'Mesin data siap',
  'db.failed': 'Mesin data gagal dimuat; grafik tetap menampilkan angka yang dibangun bersama halaman.',
  'status.loading': 'Menampilkan {shown}. Memuat {next}…',
  'status.failed': '{next} tidak dapat ditampilkan ({reason}); tetap menampilkan {shown}.',
  'status.unknown': 'Tautan meminta {key} “{value}” yang tidak ada di data ini; menampilkan {shown}.',
  'status.engine': 'Memuat mesin data: {loaded} dari {total} MB…',
  'status.offline': 'data tidak dapat dimuat',
} as const;

export type MessageKey = keyof typeof id;
