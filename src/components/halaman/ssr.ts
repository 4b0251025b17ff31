/** Build-time rendering of a page module: native DuckDB, linkedom's document. */
import { parseHTML } from 'linkedom';
import { BUILD_WIDTHS } from '../../charts/common.ts';
import { db } from '../../lib/db/node.ts';
import { readDataManifest, siteProvince } from '../../lib/db/manifest.ts';
import type { Connector } from '../../lib/db/connector.ts';
import { sqlKey } from '../../lib/db/prerendered.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import type { PageModule } from './types.ts';
import { setBatasLoader } from '../../maps/batas.ts';
import { diskLoader } from '../../maps/batas-node.ts';

// Maps read boundaries from public/batas/ on disk at build time (fetched in the browser).
setBatasLoader(diskLoader());

let doc: Document | undefined;
export function ssrDocument(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

/** Chart widths at build time: a phone and a desktop drawing of each chart, CSS shows one. */
export const SSR_WIDTH = BUILD_WIDTHS;

/** The build's results by SQL text: pages and view files share most queries (periods, parents). */
const results = new Map<string, Promise<unknown[]>>();
/** The build connector (native DuckDB) with a result cache shared by every page and view file. */
export function buildDb(): Connector {
  return {
    query<T>(sql: string): Promise<T[]> {
      let hit = results.get(sql);
      if (!hit) results.set(sql, (hit = db().query<T>(sql)));
      return hit as Promise<T[]>;
    },
  };
}

/**
 * URL of a page's view file (src/pages/views/[name].bin.ts: gzip JSON, see src/lib/gz-fetch.ts). Profiles are "wilayah-<kode>". The
 * query string changes with the published data, so browsers never mix old files with new pages.
 */
export function viewsHref(base: string, name: string): string {
  const version = sqlKey(JSON.stringify(readDataManifest().outputs));
  return `${base.endsWith('/') ? base : `${base}/`}views/${name}.bin?v=${version}`;
}

const models = new Map<string, Promise<unknown>>();

/** A page's model, loaded once per page and state (shared by both languages, embeds and share cards). */
export function loadModel<M>(name: string, page: PageModule<M>, state: AtlasState = {}): Promise<M> {
  const key = `${name}|${JSON.stringify(state)}`;
  let p = models.get(key) as Promise<M> | undefined;
  if (!p) {
    p = page.load(buildDb(), state, siteProvince());
    models.set(key, p);
  }
  return p;
}

/** Loads (once per page and state, shared by both languages) and renders the slots. */
export async function renderPage<M>(name: string, page: PageModule<M>, lang: Lang, base: string, state: AtlasState = {}) {
  const model = await loadModel(name, page, state);
  return { model, state: page.stateOf(model), slots: page.slots(model, { lang, document: ssrDocument(), base, width: SSR_WIDTH, province: siteProvince() }) };
}
