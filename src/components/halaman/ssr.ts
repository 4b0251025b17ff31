/** Build-time rendering of a page module: native DuckDB, linkedom's document. */
import { parseHTML } from 'linkedom';
import { db } from '../../lib/db/node.ts';
import { siteProvince } from '../../lib/db/manifest.ts';
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

/** Chart width at build time (the SVG scales down on narrow screens). */
export const SSR_WIDTH = 680;

const models = new Map<string, Promise<unknown>>();

/** Loads (once per page and state, shared by both languages) and renders the slots. */
export async function renderPage<M>(name: string, page: PageModule<M>, lang: Lang, base: string, state: AtlasState = {}) {
  const key = `${name}|${JSON.stringify(state)}`;
  let p = models.get(key) as Promise<M> | undefined;
  if (!p) {
    p = page.load(db(), state, siteProvince());
    models.set(key, p);
  }
  const model = await p;
  return { model, state: page.stateOf(model), slots: page.slots(model, { lang, document: ssrDocument(), base, width: SSR_WIDTH, province: siteProvince() }) };
}
