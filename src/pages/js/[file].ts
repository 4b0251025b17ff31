/**
 * Shared classic scripts (src/build/inline-script.ts), named by a hash of their content, so one
 * file serves every page and can be cached forever.
 */
import type { APIRoute } from 'astro';
import { SCRIPT_FILES, scriptFile } from '../../build/inline-script.ts';

export function getStaticPaths() {
  return SCRIPT_FILES.map((entry) => scriptFile(entry)).map(({ name, code }) => ({ params: { file: name }, props: { code } }));
}

export const GET: APIRoute = ({ props }) => new Response((props as { code: string }).code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
