/**
 * Browser code that must run before any module script arrives (src/client/kendali.ts: the page's
 * controls), bundled and minified at build time for a `<script is:inline>`: on Slow 4G a module
 * script costs at least one more round trip (562 ms) after the HTML.
 */
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';

const cache = new Map<string, string>();

/** The bundled, minified IIFE of a browser entry in src/client/ ("kendali.ts"). */
export function inlineScript(entry: string): string {
  let code = cache.get(entry);
  if (code === undefined) {
    const out = buildSync({
      // From the project root: this module runs bundled (dist/.prerender) during `astro build`.
      entryPoints: [resolve(process.cwd(), 'src/client', entry)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2022',
      write: false,
      legalComments: 'none',
    });
    // "</script" cannot appear inside an inline script.
    code = out.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
    cache.set(entry, code);
  }
  return code;
}
