/** Static paths of the profile pages (build time): every area that gets a page. */
import { db } from '../../lib/db/node.ts';
import { wilayahProfilSql } from '../../lib/queries/index.ts';
import type { WilayahRow } from './rows.ts';

let cached: Promise<WilayahRow[]> | undefined;
export function areasWithProfile(): Promise<WilayahRow[]> {
  cached ??= db().query<WilayahRow>(wilayahProfilSql());
  return cached;
}

export async function profilPaths() {
  const limit = Number(process.env.ATLAS_PROFIL_LIMIT ?? Infinity);
  const rows = (await areasWithProfile()).filter((r, i) => r.tingkat !== 'desa_kelurahan' || i < limit);
  return rows.map((r) => ({ params: { kode: r.kode_wilayah } }));
}
