// @ts-check
/**
 * Atlas Stunting: a static site. Everything it needs is in dist/; nothing is loaded from another
 * origin (no web fonts, no CDN, DuckDB-WASM is self-hosted by the integration below).
 *
 *   ATLAS_BASE=/atlas-stunting/ npm run build     # deploy under a sub-path (GitHub Pages)
 *   ATLAS_SITE=https://example.org npm run build  # absolute URLs (canonical, hreflang)
 */
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { DUCKDB_DIR, describeAssets, prepareDuckdbAssets, writeDuckdbAssets } from './src/build/duckdb-assets.ts';
import { assertPublishable } from './src/build/site-check.ts';
import { siapkan404 } from './src/build/halaman-404.ts';
import { writeSitemap } from './src/build/sitemap.ts';
import { KARTU_BUDGET, kartuTotal, pruneKartuCache } from './src/build/kartu.ts';

const base = normalizeBase(process.env.ATLAS_BASE);

/** "/", "/x/", "x" -> "/" or "/x/" */
function normalizeBase(/** @type {string | undefined} */ value) {
  const trimmed = (value ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Ships DuckDB-WASM with the site (see src/build/duckdb-assets.ts): the file names reach the browser
 * code as the compile-time constant __ATLAS_DUCKDB__; the files are written to dist/_duckdb/
 * after the build and served from the cache folder by the dev server.
 * @returns {import('astro').AstroIntegration}
 */
function atlasDuckdb() {
  const { assets, files } = prepareDuckdbAssets();
  return {
    name: 'atlas-duckdb',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { define: { __ATLAS_DUCKDB__: JSON.stringify(assets) } } });
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}${DUCKDB_DIR}`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0];
          const file = path.startsWith(prefix) ? files.get(path.slice(prefix.length)) : undefined;
          if (!file) return next();
          res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeDuckdbAssets(out);
        for (const line of describeAssets(out, assets)) logger.info(line);
      },
    },
  };
}

/**
 * Nothing unintended reaches the site (src/build/site-check.ts): public/ is checked before the
 * build (fails fast) and dist/ after it. A hidden folder (e.g. staging of an interrupted data
 * build) or a Parquet file the published manifest does not list fails the build.
 * @returns {import('astro').AstroIntegration}
 */
function atlasPublishCheck() {
  /** @type {string | undefined} */
  let publicDir;
  return {
    name: 'atlas-publish-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        if (publicDir) assertPublishable(publicDir, 'public');
      },
      'astro:build:done': ({ dir, logger }) => {
        assertPublishable(fileURLToPath(dir), 'dist');
        logger.info('dist/: no hidden folder, every Parquet file listed in data/manifest.json');
        // Share cards (src/build/kartu.ts): all together within the budget.
        const cards = kartuTotal(fileURLToPath(dir));
        const mb = (/** @type {number} */ n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
        logger.info(`share cards: ${cards.files} PNG, ${mb(cards.bytes)} in og/ (budget ${mb(KARTU_BUDGET)})`);
        if (cards.bytes > KARTU_BUDGET) throw new Error(`share cards take ${mb(cards.bytes)}, over the ${mb(KARTU_BUDGET)} budget: make the cards simpler (src/build/kartu.ts)`);
        // the card cache keeps what this build published (and what another build used today)
        const pruned = pruneKartuCache(fileURLToPath(dir));
        logger.info(`share-card cache: ${pruned.kept} kept, ${pruned.removed} unused removed (${mb(pruned.bytes)})`);
      },
    },
  };
}

/**
 * The English 404 page at en/404.html and the root 404.html that switches to it under /en/
 * (src/build/halaman-404.ts).
 * @returns {import('astro').AstroIntegration}
 */
function atlas404() {
  return {
    name: 'atlas-404',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        for (const line of siapkan404(fileURLToPath(dir), base)) logger.info(line);
      },
    },
  };
}

/**
 * sitemap.xml and robots.txt when the site may be indexed: a site URL (ATLAS_SITE) and data that
 * are neither the demo nor internal (src/build/sitemap.ts). After atlas404: the 404 pages are
 * not in the sitemap.
 * @returns {import('astro').AstroIntegration}
 */
function atlasSitemap() {
  return {
    name: 'atlas-sitemap',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        for (const line of writeSitemap(fileURLToPath(dir), process.env.ATLAS_SITE || undefined, base)) logger.info(line);
      },
    },
  };
}

export default defineConfig({
  output: 'static',
  site: process.env.ATLAS_SITE || undefined,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: {
    locales: ['id', 'en'],
    defaultLocale: 'id',
    routing: { prefixDefaultLocale: false },
  },
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [atlasDuckdb(), atlas404(), atlasSitemap(), atlasPublishCheck()],
  vite: {
    // Pre-bundled at dev start: discovered at the first interaction instead, they would make
    // the dev server re-optimise and reload the page mid-import.
    optimizeDeps: { include: ['@duckdb/duckdb-wasm', 'apache-arrow', 'hyparquet', 'fzstd'] },
  },
});
