/** Static paths of the profile pages (build time): every area that gets a page. */
import { db } from '../../lib/db/node.ts';
import { wilayahProfilSql } from '../../lib/queries/index.ts';
import type { WilayahRow } from './rows.ts';

let cached: Promise<WilayahRow[]> | undefined;
export function areasWithProfile(): Promise<WilayahRow[]> {
  cached ??= db().query<WilayahRow>(wilayahProfilSql());
  return cached;
}

/** The areas whose profile page this build writes (ATLAS_PROFIL_LIMIT: fewer village pages, for a quick build). */
export async function profilAreas(): Promise<WilayahRow[]> {
  const limit = Number(process.env.ATLAS_PROFIL_LIMIT ?? Infinity);
  return (await areasWithProfile()).filter((r, i) => r.tingkat !== 'desa_kelurahan' || i < limit);
}

export async function profilPaths() {
  return (await profilAreas()).map((r) => ({ params: { kode: r.kode_wilayah } }));
}
