/**
 * The "page not found" pages after the build (called from astro.config.mjs, astro:build:done):
 *
 *   - dist/en/404.html: the English page (Astro may write src/pages/en/404.astro as
 *     en/404/index.html; it is moved). Hosts that serve the nearest 404.html (Cloudflare Pages,
 *     src/server/static-server.ts) answer a missing /en/... address with it.
 *   - dist/404.html (Indonesian) gets the English page's body in a <template> and a small inline
 *     script: on a host with only one 404 page (GitHub Pages), a missing address under /en/ shows
 *     the English page, chrome and all. Without scripts the Indonesian page also offers the English
 *     text. The page's own scripts (same bundles in both) run after parsing, on the page shown.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEMPLATE_ID = 'halaman-404-en';

/** Returns what was done, for the build log. Throws when a page is missing or has no body. */
export function siapkan404(dir: string, base: string): string[] {
  const done: string[] = [];
  const en = join(dir, 'en', '404.html');
  const enDir = join(dir, 'en', '404');
  if (!existsSync(en) && existsSync(join(enDir, 'index.html'))) {
    renameSync(join(enDir, 'index.html'), en);
    rmSync(enDir, { recursive: true, force: true });
    done.push('en/404/index.html -> en/404.html');
  }
  const root = join(dir, '404.html');
  if (!existsSync(root) || !existsSync(en)) throw new Error(`404 pages: expected ${root} and ${en} after the build (src/pages/404.astro, src/pages/en/404.astro)`);
  const english = readFileSync(en, 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(english)?.[1];
  const title = /<title>([\s\S]*?)<\/title>/i.exec(english)?.[1];
  if (body === undefined || title === undefined) throw new Error(`404 pages: ${en} has no <body> or <title>`);
  const html = readFileSync(root, 'utf8');
  if (html.includes(`id="${TEMPLATE_ID}"`)) return done; // already merged (a re-run on the same dist/)
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error(`404 pages: ${root} has no </body>`);
  // Scripts are the same bundles as the Indonesian page's own: they are left out of the copy.
  const content = body.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const prefix = `${base.replace(/\/?$/, '/')}en/`;
  const script = `(function(){if(location.pathname.indexOf(${JSON.stringify(prefix)})!==0)return;var t=document.getElementById(${JSON.stringify(TEMPLATE_ID)});if(!t)return;document.documentElement.lang="en";document.title=t.getAttribute("data-title");document.body.replaceChildren(t.content.cloneNode(true));})();`;
  const inject = `<template id="${TEMPLATE_ID}" data-title="${title.replace(/"/g, '&quot;')}">${content}</template><script>${script}</script>`;
  writeFileSync(root, html.slice(0, at) + inject + html.slice(at));
  done.push('404.html: English page added for missing addresses under /en/');
  return done;
}
