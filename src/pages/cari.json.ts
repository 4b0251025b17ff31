/** The area search index (src/lib/cari.ts): every area of the province by code and name. */
import type { APIRoute } from 'astro';
import { buildIndex } from '../lib/cari.ts';
import { db } from '../lib/db/node.ts';
import { wilayahSql } from '../lib/queries/index.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildIndex(await db().query<{ kode_wilayah: string; nama_wilayah: string }>(wilayahSql()))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
