/** CSV copy of every published Parquet table, generated at build time through the node connector. */
import type { APIRoute } from 'astro';
import { downloadPaths, tableCsv } from '../../components/halaman/unduhan.ts';

export const getStaticPaths = downloadPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await tableCsv(params.table!), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
