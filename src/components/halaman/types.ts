/**
 * A page's data and views, shared by the build (Astro, native DuckDB, linkedom) and the browser
 * upgrade (DuckDB-WASM, the real document): `load` runs the queries of src/lib/queries through
 * whichever connector it is given; `slots` turns the result into HTML strings, one per
 * `data-slot` element of the page. The client script swaps those elements' contents.
 */
import type { ChartWidth } from '../../charts/common.ts';
import type { Connector } from '../../lib/db/connector.ts';
import type { Lang } from '../../lib/i18n.ts';
import type { AtlasState } from '../../lib/url-state.ts';
import type { Province } from '../../lib/province.ts';

export interface SlotContext {
  lang: Lang;
  document: Document;
  /** Site base path ("/" or "/x/"), for links. */
  base: string;
  /** Chart width in px (the container's), or the build's [narrow, wide] pair (see charts/common.ts). */
  width?: ChartWidth;
  /** The province of the data (from the manifest, see src/lib/province.ts). */
  province: Province;
}

export interface PageModule<M> {
  /** Resolves defaults for missing state (e.g. the latest period) and queries the data of the province. */
  load(conn: Connector, state: AtlasState, province: Province): Promise<M>;
  /** The state the model was loaded for, with defaults filled in. */
  stateOf(model: M): AtlasState;
  slots(model: M, ctx: SlotContext): Record<string, string>;
  /**
   * Slots whose HTML is the same on every page that shows them, given the state (a ranking of an
   * area's siblings, the same on each sibling's page: the page marks its own area from outside
   * the slot). The build gives each its own fragment file, written without reference to the
   * page's own HTML, so the siblings' pages name one file (src/components/halaman/fragmen.ts).
   */
  shared?(model: M): readonly string[];
}
