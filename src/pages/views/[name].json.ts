/**
 * View files: the query results of every preset state of an interactive page, one file per page
 * for both languages (src/components/halaman/views.ts). The page's HTML names its file.
 */
import type { APIRoute } from 'astro';
import { buildViewFile, viewNames } from '../../components/halaman/views.ts';

export async function getStaticPaths() {
  return (await viewNames()).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify((await buildViewFile(params.name!)).file), { headers: { 'Content-Type': 'application/json' } });
