/**
 * View files: the query results of every preset state of an interactive page, one file per page
 * for both languages (src/components/halaman/views.ts). The page's HTML names its file. Shipped
 * gzip-compressed (*.bin, as the engine's parts and the fragments: hosts serve it as it is; the
 * browser decodes it, src/lib/gz-fetch.ts): a village's file is ~19 KB of JSON, ~3 KB gzip.
 */
import type { APIRoute } from 'astro';
import { gzipSync } from 'node:zlib';
import { buildViewFile, viewNames } from '../../components/halaman/views.ts';

export async function getStaticPaths() {
  return (await viewNames()).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(gzipSync(JSON.stringify((await buildViewFile(params.name!)).file), { level: 9 }), { headers: { 'Content-Type': 'application/octet-stream' } });
