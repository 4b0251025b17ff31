/**
 * Indonesian strings of honest comparisons, priority regencies, search and print (spread into
 * id.ts). banding.en.ts must have the same keys.
 */
export const bandingId = {
  'lengkap.tidak': 'tidak lengkap',
  'lengkap.ya': 'lengkap',
  'lengkap.col': 'Kelengkapan bulan',
  'lengkap.optionSuffix': '{periode} (tidak lengkap)',
  'lengkap.notice': '{periode} adalah bulan yang tidak lengkap untuk {nama}: hanya {melapor} dari {total} desa/kelurahan melapor{daftar}. Angka di bawah hanya mewakili desa/kelurahan yang melapor, bukan seluruh {nama}; jangan dibandingkan dengan bulan lain.',
  'lengkap.noticeDaftar': ' (hanya {daftar})',
  'lengkap.cardSource': 'Sumber: e-PPGBM, {periode}: bulan tidak lengkap, hanya desa/kelurahan yang melapor',
  'lengkap.cardPrevalensi': 'Prevalensi di desa/kelurahan yang melapor',
  'lengkap.trenNote': 'Titik kosong: bulan yang tidak lengkap (kurang dari {desa}% desa/kelurahan melapor atau kurang dari {diukur}% balita sasaran diukur); angkanya hanya mewakili wilayah yang melapor.',
  'lengkap.rankNote': 'Bulan ini tidak lengkap untuk: {daftar}; angkanya hanya mewakili desa/kelurahan yang melapor.',
  'lengkap.changeNote': 'Perubahan dihitung dari bulan lengkap terakhir ({sebelumnya}); wilayah yang tidak lengkap di salah satu bulan tidak diberi angka perubahan.',
  'lengkap.noPrevious': 'Tidak ada bulan lengkap sebelumnya untuk dibandingkan.',
  'lengkap.methodTitle': 'Bulan yang lengkap',
  'lengkap.methodText': 'Satu bulan data rutin dianggap lengkap untuk suatu wilayah bila pada bulan itu sedikitnya {desa}% desa/kelurahan di wilayah itu melaporkan pengukuran dan, bila jumlah balita sasaran diketahui, sedikitnya {diukur}% balita sasaran diukur. Aturan ini hanya membaca angka bulan itu sendiri, sehingga bulan yang terbit kemudian tidak pernah mengubah status bulan sebelumnya. Bulan yang tidak lengkap tetap ditampilkan dengan tanda "tidak lengkap"; angkanya hanya mewakili desa/kelurahan yang melapor. "Perubahan sejak" selalu diukur dari bulan lengkap terakhir.',
  'lengkap.targetTitle': 'Target dan angka rutin',
  'lengkap.targetText': 'Target prevalensi nasional (14% pada 2024, Perpres 72/2021; RPJMN) ditetapkan untuk angka survei (SSGI/SKI) dan hanya dibandingkan dengan angka survei. Angka rutin e-PPGBM tidak diberi "selisih terhadap target" kecuali ada target yang ditetapkan khusus untuk angka rutin, dan target itu lalu disebut sumbernya.',
  'cak.overNote': 'Cakupan di atas 100% ({daftar}): realisasi melebihi sasaran yang tercatat (mis. sasaran dari pendataan lama atau penerima dari luar sasaran); angka ditampilkan seperti dilaporkan.',
  'cak.reachNotChildren': '{program} menghitung {satuan}, bukan anak, sehingga tidak disandingkan dengan jumlah balita stunting. Pilih program yang menjangkau anak ({daftar}) untuk melihat berapa balita stunting yang terjangkau dan di mana.',
  'satuan.anak': 'anak',
  'satuan.keluarga': 'keluarga',
  'satuan.orang': 'orang',
} as const;
