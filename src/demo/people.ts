import type { Rng } from './prng.ts';

/**
 * Made-up people for the synthetic exports: common Indonesian given names combined at random,
 * street and posyandu names. No real person is described; NIKs start with 99 (no such province).
 */

const BOY = [
  'Muhammad', 'Ahmad', 'Rizky', 'Fajar', 'Dimas', 'Bayu', 'Arya', 'Raka', 'Fadli', 'Hafiz',
  'Ilham', 'Rafi', 'Daffa', 'Alif', 'Bima', 'Gilang', 'Yusuf', 'Rendra', 'Aditya', 'Galang',
  'Kevin', 'Reza', 'Farhan', 'Dzaki', 'Aidan', 'Rayyan', 'Zidan', 'Akbar', 'Satria', 'Arkan',
];
const GIRL = [
  'Aisyah', 'Nur', 'Putri', 'Siti', 'Zahra', 'Nabila', 'Alya', 'Keisha', 'Salsabila', 'Naura',
  'Aurel', 'Citra', 'Dewi', 'Intan', 'Kirana', 'Laila', 'Mutiara', 'Nadia', 'Rahma', 'Syifa',
  'Tiara', 'Wulan', 'Yasmin', 'Zaskia', 'Adinda', 'Anisa', 'Bunga', 'Hana', 'Fitri', 'Azzahra',
];
const BOY_2 = ['Pratama', 'Saputra', 'Ramadhan', 'Hidayat', 'Firmansyah', 'Nugraha', 'Kurniawan', 'Maulana', 'Setiawan', 'Wijaya', 'Akbar', 'Fauzan', 'Alfarizi', 'Syahputra', 'Hakim'];
const GIRL_2 = ['Lestari', 'Rahmadani', 'Maharani', 'Safitri', 'Anggraini', 'Aulia', 'Ramadhani', 'Permata', 'Khairunnisa', 'Azzahra', 'Salsabila', 'Wulandari', 'Puspita', 'Kartika', 'Cahyani'];
const MOTHER = [
  'Sri', 'Siti', 'Nur', 'Dewi', 'Rina', 'Yuli', 'Wahyuni', 'Fitriani', 'Ratna', 'Lina',
  'Rini', 'Eka', 'Hasanah', 'Nurul', 'Erna', 'Sumiati', 'Marlina', 'Yanti', 'Herlina', 'Rosita',
  'Maya', 'Desi', 'Indah', 'Novita', 'Suryani', 'Halimah', 'Kartini', 'Asmawati', 'Juliana', 'Mariani',
];
const MOTHER_2 = ['Rahayu', 'Handayani', 'Susanti', 'Lestari', 'Wati', 'Rahmawati', 'Purnamasari', 'Hartati', 'Anggraeni', 'Yuliana', 'Sari', 'Ningsih', 'Hayati', 'Aminah', 'Kusuma'];

const STREET = [
  'MAWAR', 'MELATI', 'ANGGREK', 'KENANGA', 'DAHLIA', 'FLAMBOYAN', 'MERDEKA', 'PERJUANGAN', 'PEMUDA', 'PAHLAWAN',
  'SENTOSA', 'HARAPAN', 'BERSAMA', 'DAMAI', 'SEJAHTERA', 'POROS', 'TRANS', 'PELITA', 'BHAKTI', 'GOTONG ROYONG',
  'CEMPAKA', 'TERATAI', 'SAKURA', 'KARYA', 'USAHA', 'BUKIT', 'PANTAI', 'SIMPANG', 'SUNGAI', 'PASAR',
];
const POSYANDU = ['Mawar', 'Melati', 'Anggrek', 'Kenanga', 'Dahlia', 'Flamboyan', 'Seroja', 'Cempaka', 'Teratai', 'Bougenville', 'Kemuning', 'Nusa Indah', 'Delima', 'Matahari', 'Kasih Ibu', 'Harapan Bunda'];

export function childName(rng: Rng, female: boolean): string {
  const first = rng.pick(female ? GIRL : BOY);
  if (rng.chance(0.15)) return first;
  let second = rng.pick(female ? GIRL_2 : BOY_2);
  if (second === first) second = female ? 'Ramadhani' : 'Pratama';
  return `${first} ${second}`;
}

export function motherName(rng: Rng): string {
  const first = rng.pick(MOTHER);
  return rng.chance(0.2) ? first : `${first} ${rng.pick(MOTHER_2)}`;
}

/** "JL. MAWAR NO. 12", sometimes "JL. POROS, GG. MELATI NO. 3" (with a comma: quoted in the CSV). */
export function address(rng: Rng): string {
  const street = rng.pick(STREET);
  const no = rng.between(1, 120);
  const r = rng.float();
  if (r < 0.12) return `JL. ${street}, GG. ${rng.pick(STREET)} NO. ${no}`;
  if (r < 0.2) return `JL. ${street} KM. ${rng.between(1, 40)}`;
  if (r < 0.25) return `DUSUN ${rng.pick(['I', 'II', 'III', 'IV'])}`;
  return `JL. ${street} NO. ${no}`;
}

export function posyanduNames(rng: Rng, n: number): string[] {
  const names: string[] = [];
  const start = rng.int(POSYANDU.length);
  for (let i = 0; i < n; i++) names.push(`Posyandu ${POSYANDU[(start + i * 5) % POSYANDU.length]}${rng.chance(0.4) ? ` ${rng.between(1, 9)}` : ''}`);
  return names;
}

/** Name lists, for the fast national generator (which picks by index). */
export const NAME_LISTS = { BOY, GIRL, BOY_2, GIRL_2, MOTHER, MOTHER_2, STREET, POSYANDU } as const;
