/**
 * Fragment files: the build-time HTML of one slot in one preset state, gzip (src/lib/fragmen.ts,
 * src/components/halaman/fragmen.ts). Named by a hash of the HTML, so one file serves every page
 * and state that shows it, and can be cached forever.
 */
import type { APIRoute } from 'astro';
import { gzipSync } from 'node:zlib';
import { fragPages, pageFragments } from '../../components/halaman/fragmen.ts';
import { LANGS } from '../../lib/i18n.ts';

export async function getStaticPaths() {
  const html = new Map<string, string>();
  for (const name of await fragPages()) {
    for (const lang of LANGS) {
      for (const [hash, text] of (await pageFragments(name, lang, import.meta.env.BASE_URL)).html) html.set(hash, text);
    }
  }
  return [...html].map(([hash, text]) => ({ params: { hash }, props: { text } }));
}

export const GET: APIRoute = ({ props }) => new Response(gzipSync((props as { text: string }).text, { level: 9 }), { headers: { 'Content-Type': 'application/octet-stream' } });
