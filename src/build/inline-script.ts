/**
 * Browser code bundled and minified at build time, outside Vite's module graph:
 * - `inlineScript`: for a `<script is:inline>` that must run before any module script arrives
 *   (src/client/kendali-awal.ts: on Slow 4G a module script costs at least one more round trip,
 *   562 ms, after the HTML);
 * - `scriptFile`: one classic script every page shares, named by a hash of its content (so a
 *   browser keeps it), served by src/pages/js/[file].ts (src/client/kendali.ts).
 */
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import { cyrb53 } from '../lib/hash.ts';

const cache = new Map<string, string>();

/** The bundled, minified IIFE of a browser entry in src/client/ ("kendali-awal.ts"). */
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

/** Browser entries served as shared script files. */
export const SCRIPT_FILES = ['kendali.ts'] as const;
export type ScriptFile = (typeof SCRIPT_FILES)[number];

/** A shared script's file name ("kendali.<hash>.js") and its code. */
export function scriptFile(entry: ScriptFile): { name: string; code: string } {
  const code = inlineScript(entry);
  return { name: `${entry.replace(/\.ts$/, '')}.${cyrb53(code)}.js`, code };
}

/** Where a shared script is, under the site's base ("/js/kendali.<hash>.js"). */
export const scriptHref = (base: string, entry: ScriptFile): string => `${base.endsWith('/') ? base : `${base}/`}js/${scriptFile(entry).name}`;
