/**
 * The built site on a local port and the system Chromium, for the browser tests (test/e2e/harness.ts
 * adds its network checks on top) and the site benchmarks (src/bench/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type TlsCert } from '../server/static-server.ts';
import { localePath, normalizeBase, type Lang } from '../lib/i18n.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export interface Site {
  /** Origin + base, e.g. "http://127.0.0.1:40123/atlas/". */
  root: string;
  base: string;
  dist: string;
  port: number;
  /** URL of a page: site.url('en', '/cakupan/'). */
  url(lang: Lang, path: string, search?: string): string;
  /** URL of any file under the base: site.file('data/manifest.json'). */
  file(path: string): string;
  /** public/data/manifest.json as built into the site. */
  manifest(): { demo: boolean; internal: boolean; [k: string]: unknown };
  close(): Promise<void>;
}

/**
 * Serves an already built site. Fails clearly when there is none. With `tls` it is served over
 * HTTP/2 (https://; the browser context must then ignore certificate errors).
 */
export async function serveSite(dist = process.env.ATLAS_DIST ?? 'dist', base = process.env.ATLAS_BASE, tls?: TlsCert): Promise<Site> {
  const dir = resolve(dist);
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html not found: build the site first (npm run build)`);
  const b = normalizeBase(base);
  const server = await startServer({ root: dir, base: b, port: 0, tls });
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${server.port}`;
  return {
    root: `${origin}${b}`,
    base: b,
    dist: dir,
    port: server.port,
    url: (lang, path, search = '') => `${origin}${localePath(lang, path, b)}${search}`,
    file: (path) => `${origin}${b}${path.replace(/^\/+/, '')}`,
    manifest: () => JSON.parse(readFileSync(join(dir, 'data', 'manifest.json'), 'utf8')),
    close: () => server.close(),
  };
}

/** Starts the system Chromium (never a downloaded browser) with the flags every session here uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
