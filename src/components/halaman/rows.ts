/** Row shapes returned by the queries of src/lib/queries (as the connectors deliver them). */
export interface RingkasanRow {
  kode_wilayah: string;
  nama_wilayah: string;
  tingkat: string;
  periode: string;
  sasaran: number | null;
  diukur: number | null;
  stunting: number | null;
  pendek: number | null;
  sangat_pendek: number | null;
  prevalensi: number | null;
  cakupan: number | null;
  ditekan: boolean;
  desa_melapor: number | null;
  desa_total: number | null;
}

export interface TrenRow {
  kode_wilayah: string;
  nama_wilayah?: string;
  periode: string;
  sasaran?: number | null;
  diukur: number | null;
  stunting: number | null;
  prevalensi: number | null;
  cakupan: number | null;
  ditekan: boolean | null;
  lengkap?: boolean;
  desa_melapor?: number | null;
  desa_total?: number | null;
}

export interface SurveiSeriRow {
  kode_wilayah: string;
  nama_wilayah: string;
  tingkat: string;
  survei: string;
  tahun: number;
  prevalensi: number | null;
  ci_bawah: number | null;
  ci_atas: number | null;
  sumber: string | null;
  catatan: string | null;
}

export interface TargetRow {
  kode_wilayah: string;
  tahun: number;
  indikator: string;
  target: number;
  dasar_hukum: string | null;
  catatan: string | null;
}

export interface AreaRow {
  kode_wilayah: string;
  nama_wilayah: string;
  tingkat: string;
  jenis: string | null;
  periode: string;
  periode_sebelumnya: string | null;
  sasaran: number | null;
  diukur: number | null;
  stunting: number | null;
  prevalensi: number | null;
  cakupan: number | null;
  ditekan: boolean;
  diukur_sebelumnya: number | null;
  stunting_sebelumnya: number | null;
  prevalensi_sebelumnya: number | null;
  /** Is the month (and the previous one) complete for this area (src/lib/domain/kelengkapan.ts)? */
  lengkap: boolean;
  lengkap_sebelumnya: boolean;
  desa_melapor: number | null;
  desa_total: number | null;
  perubahan: number | null;
  target_tahun: number;
  target: number | null;
  selisih_target: number | null;
  jumlah_lokus: number;
}

export interface DesaRow {
  kode_wilayah: string;
  nama_wilayah: string;
  jenis: string | null;
  kode_kecamatan: string;
  nama_kecamatan: string;
  diukur: number | null;
  stunting: number | null;
  prevalensi: number | null;
  ditekan: boolean;
  lokus: boolean;
}

export interface LokusBandingRow {
  lokus: boolean;
  desa: number;
  desa_ditekan: number;
  desa_tanpa_data: number;
  diukur: number | null;
  stunting: number | null;
  prevalensi: number | null;
}

export interface SurveiPeringkatRow {
  kode_wilayah: string;
  nama_wilayah: string;
  jenis: string | null;
  survei: string;
  tahun: number;
  prevalensi: number | null;
  sumber: string | null;
  catatan: string | null;
  peringkat: number | null;
}

export interface DuaAngkaRow {
  kode_wilayah: string;
  nama_wilayah: string;
  tingkat: string;
  survei: string;
  tahun: number;
  prevalensi_survei: number | null;
  sumber_survei: string | null;
  catatan_survei: string | null;
  periode: string;
  sasaran: number | null;
  diukur: number | null;
  stunting: number | null;
  prevalensi_rutin: number | null;
  cakupan: number | null;
  ditekan: boolean;
}

export interface ProgramRow {
  program: string;
  nama_program: string;
  nama_program_en: string;
  satuan: string | null;
  kode_indikator?: string | null;
  target: number | null;
  periode: string;
  sasaran: number | null;
  realisasi: number | null;
  cakupan: number | null;
  selisih_target?: number | null;
  kesenjangan?: number | null;
  ditekan: boolean;
}

export interface ProgramWilayahRow {
  kode_wilayah: string;
  nama_wilayah: string;
  program: string;
  periode: string;
  sasaran: number | null;
  realisasi: number | null;
  cakupan: number | null;
  target: number | null;
  selisih_target: number | null;
  kesenjangan: number | null;
  ditekan: boolean;
}

export interface JangkauanRow {
  kode_wilayah: string | null;
  nama_wilayah: string | null;
  stunting: number | null;
  sasaran: number | null;
  realisasi: number | null;
  persen_terjangkau: number | null;
  ditekan: boolean;
}

export interface KualitasRow {
  kode_wilayah: string;
  periode: string;
  baris_dibaca: number | null;
  dikecualikan_tidak_masuk_akal: number | null;
  dikecualikan_usia: number | null;
  dikecualikan_duplikat_bulan: number | null;
  dikecualikan_haz_kosong: number | null;
  dikecualikan_wilayah_tidak_cocok: number | null;
  desa_melapor: number | null;
  desa_total: number | null;
  persen_desa_melapor: number | null;
}

export interface WilayahRow {
  kode_wilayah: string;
  nama_wilayah: string;
  tingkat: string;
  kode_induk: string | null;
  jenis: string | null;
}
