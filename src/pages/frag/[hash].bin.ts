/**
 * Fragment files: the build-time HTML of a group of slots in one preset state, or packed for every
 * state of the group, gzip (src/lib/fragmen.ts, src/components/halaman/fragmen.ts). Named by a hash
 * of their content, so one file serves every page and state that shows it, and can be cached
 * forever.
 */
import type { APIRoute } from 'astro';
import { fragPages, pageFragments } from '../../components/halaman/fragmen.ts';
import { LANGS } from '../../lib/i18n.ts';

export async function getStaticPaths() {
  const files = new Map<string, Buffer>();
  for (const name of await fragPages()) {
    for (const lang of LANGS) {
      for (const [hash, gz] of (await pageFragments(name, lang, import.meta.env.BASE_URL)).files) files.set(hash, gz);
    }
  }
  return [...files].map(([hash, gz]) => ({ params: { hash }, props: { gz } }));
}

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array((props as { gz: Buffer }).gz), { headers: { 'Content-Type': 'application/octet-stream' } });
