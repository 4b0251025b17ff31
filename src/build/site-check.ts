/**
 * What may be published: checks a built site (dist/) or the public/ folder it is built from, so
 * nothing unintended reaches the site. astro.config.mjs runs it on public/ before the build and
 * on dist/ after it, and fails the build on any problem:
 *   - no hidden folder (a name starting with "."): staging of an interrupted data build, caches,
 *     editor folders; only .well-known/ (RFC 8615) is allowed;
 *   - every Parquet file is one the published manifest (data/manifest.json) lists, at its place,
 *     with the bytes the manifest names (sha256): a stray or partly written Parquet, an output of
 *     another run, is refused. Other files (pages, boundaries, images, spreadsheets) are the
 *     site's own and are not checked here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Where the data API lives inside the site, and its manifest. */
export const DATA_DIR = 'data';
export const MANIFEST = `${DATA_DIR}/manifest.json`;
const ALLOWED_HIDDEN = new Set(['.well-known']);

interface ManifestOutput {
  file: string;
  sha256?: string;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Problems that keep `dir` from being published, one line each; [] when it is fine. */
export function checkPublishedSite(dir: string): string[] {
  const problems: string[] = [];
  if (!existsSync(dir)) return problems;
  const listed = new Map<string, string | undefined>();
  const manifestPath = join(dir, MANIFEST);
  if (existsSync(manifestPath)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { outputs?: ManifestOutput[] };
      for (const o of manifest.outputs ?? []) listed.set(`${DATA_DIR}/${o.file}`, o.sha256);
    } catch (e) {
      problems.push(`${MANIFEST}: not valid JSON (${(e as Error).message}); run npm run data again`);
    }
  }
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') && !ALLOWED_HIDDEN.has(entry.name)) {
          problems.push(`${rel}/: a hidden folder must not be published (staging of an interrupted build, a cache?); remove it`);
          continue;
        }
        walk(path);
      } else if (entry.name.toLowerCase().endsWith('.parquet')) {
        if (!listed.has(rel)) problems.push(`${rel}: a Parquet file that ${MANIFEST} does not list; remove it or run npm run data again`);
        else if (listed.get(rel) && listed.get(rel) !== sha256(path)) problems.push(`${rel}: its bytes differ from the sha256 in ${MANIFEST} (partly written or from another run); run npm run data again`);
      }
    }
  };
  walk(dir);
  return problems;
}

/** Throws one error listing every problem of `dir` (the site build's guard). */
export function assertPublishable(dir: string, what: string): void {
  const problems = checkPublishedSite(dir);
  if (problems.length) throw new Error(`${what} holds files that must not be published:\n${problems.map((p) => `  ${what}/${p}`).join('\n')}`);
}
