/**
 * The rakor deck's data: everything the slides of one area (the province or one regency) and one
 * month show, loaded through any connector with the site's own queries (src/lib/queries), so the
 * deck never computes a figure the pages compute differently.
 */
import type { Connector } from '../../lib/db/connector.ts';
import type { DataManifest } from '../../lib/db/manifest.ts';
import {
  desaPrioritasSql, kualitasSql, perbandinganSql, periodeBawaan, periodeRutinSql, programRingkasanSql, ringkasanSql, surveiSeriSql,
  type PeriodeRutin,
} from '../../lib/queries/index.ts';
import { loadBandingPrioritas, type BandingPrioritasModel } from '../../lib/queries/prioritas.ts';
import type { Province } from '../../lib/province.ts';
import { bulanDalam } from '../halaman/cakupan.ts';
import { loadPetaProfil, type PetaProfil } from '../halaman/peta.ts';
import { readPublikasi, type Publikasi } from '../halaman/rutin-publikasi.ts';
import type { AreaRow, DesaRow, KualitasRow, ProgramRow, RingkasanRow, SurveiSeriRow } from '../halaman/rows.ts';

export interface DeckArea {
  kode: string;
  nama: string;
  tingkat: 'provinsi' | 'kabupaten_kota';
}

export interface DeckModel {
  area: DeckArea;
  periodRows: PeriodeRutin[];
  periode: string | undefined;
  /** The month six months earlier (the previous semester's rakor), when the data have it. */
  sebelumnya: string | undefined;
  ringkasan: RingkasanRow | undefined;
  /** The areas directly below (regencies of the province, districts of a regency), with the change since `sebelumnya`. */
  anak: AreaRow[];
  peta: PetaProfil | null;
  /** The province's named priority regencies ("which first"); null in a regency's deck. */
  prioritas: BandingPrioritasModel | null;
  survei: SurveiSeriRow[];
  publikasi: Publikasi[];
  /** The latest period of each programme in the area. */
  program: ProgramRow[];
  desa: DesaRow[];
  kualitas: KualitasRow | undefined;
  rilis: string;
}

/** "2025-08" → "2025-02": the month six months earlier. */
export function enamBulanSebelum(periode: string): string {
  const [y, m] = periode.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - 6;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The previous rakor's month: six months earlier if the data have it, else the latest month before that. */
export function periodeRakorSebelumnya(periods: readonly string[], periode: string): string | undefined {
  const target = enamBulanSebelum(periode);
  return [...periods].sort().filter((p) => p <= target).at(-1);
}

/** A short, stable identifier of a data release: the first digits of a hash over the outputs' checksums. */
export function rilisId(manifest: Pick<DataManifest, 'outputs'>): string {
  let h = 0x811c9dc5;
  for (const o of manifest.outputs as { sha256?: string }[]) {
    for (const ch of o.sha256 ?? '') h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export async function loadDeck(conn: Connector, province: Province, manifest: Pick<DataManifest, 'outputs'>, area: DeckArea, wanted?: string): Promise<DeckModel> {
  const periodRows = await conn.query<PeriodeRutin>(periodeRutinSql(area.tingkat === 'provinsi' ? {} : { kode: area.kode }));
  const periods = periodRows.map((r) => r.periode);
  const periode = wanted && periods.includes(wanted) ? wanted : periodeBawaan(periodRows);
  const sebelumnya = periode ? periodeRakorSebelumnya(periods, periode) : undefined;
  const kode = area.kode;
  const [ringkasan, anak, survei, program, desa, kualitas, prioritas] = await Promise.all([
    periode ? conn.query<RingkasanRow>(ringkasanSql({ kode, periode })) : Promise.resolve([]),
    periode ? conn.query<AreaRow>(perbandinganSql({ induk: kode, periode, periodeSebelumnya: sebelumnya })) : Promise.resolve([]),
    conn.query<SurveiSeriRow>(surveiSeriSql({ kode: area.tingkat === 'provinsi' ? [kode, 'ID'] : [kode, province.kode] })),
    conn.query<ProgramRow>(programRingkasanSql({ kode })),
    periode ? conn.query<DesaRow>(desaPrioritasSql({ kode, periode, limit: 10 })) : Promise.resolve([]),
    conn.query<KualitasRow>(kualitasSql({ kode })),
    area.tingkat === 'provinsi' ? loadBandingPrioritas(conn, { province, periode, periodRows }) : Promise.resolve(null),
  ]);
  const peta = await loadPetaProfil(conn, province, kode, area.tingkat, periode);
  // Per programme, its latest period that starts no later than the deck's month (rows come ordered by period).
  const latestProgram = new Map<string, ProgramRow>();
  for (const p of program) if (!periode || bulanDalam(p.periode)[0] <= periode) latestProgram.set(p.program, p);
  return {
    area,
    periodRows,
    periode,
    sebelumnya,
    ringkasan: ringkasan[0],
    anak,
    peta,
    prioritas,
    survei,
    publikasi: readPublikasi().filter((p) => p.kode_wilayah === kode),
    program: [...latestProgram.values()],
    desa: desa.filter((d) => d.stunting !== null && d.stunting > 0),
    kualitas: kualitas.find((k) => k.periode === periode),
    rilis: rilisId(manifest),
  };
}
