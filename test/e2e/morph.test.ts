/**
 * The slot swap of the controls (src/client/patch.ts's slotSwapper: patches of the built DOM,
 * src/client/morph.ts for HTML) leaves exactly the DOM that `innerHTML` of the state's own HTML
 * would: checked in Chromium on every state, in turn, of real pages' build-time fragments (a
 * regency profile with its village map, Dua angka, Cakupan with its period select, a village
 * profile whose periods are one packed file), and it changes only what differs.
 */
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { pageFragments } from '../../src/components/halaman/fragmen.ts';
import { buildDb, ssrDocument, SSR_WIDTH } from '../../src/components/halaman/ssr.ts';
import { presetFor } from '../../src/components/halaman/views.ts';
import { siteProvince } from '../../src/lib/db/manifest.ts';
import { gunzipSync } from 'node:zlib';
import { decodeFragment, fragFileOf, lookup, type FragPatch } from '../../src/lib/fragmen.ts';
import type { AtlasState } from '../../src/lib/url-state.ts';
import { useSite } from './harness.ts';

const s = useSite();
const swapScript = buildSync({ entryPoints: ['src/client/patch.ts'], bundle: true, format: 'iife', globalName: 'atlasPatch', write: false, target: 'es2022' }).outputFiles[0]!.text;

/** Every slot of a page: its built HTML, and in every state what the fragments send and the state's own HTML. */
async function statesOf(name: string, lang: 'id' | 'en') {
  const p = presetFor(name)!;
  const ctx = { lang, document: ssrDocument(), base: '/', width: SSR_WIDTH, province: siteProvince() };
  const render = async (state: AtlasState) => p.page.slots(await p.page.load(buildDb(), { ...state, ...p.fixed }, siteProvince()), ctx);
  const model = await p.page.load(buildDb(), { ...p.fixed }, siteProvince());
  const built = p.page.slots(model, ctx);
  const builtState = p.page.stateOf(model);
  delete builtState.area;
  const { index, files, states } = await pageFragments(name, lang, '/');
  const out: { sent: Record<string, string | FragPatch>; want: Record<string, string> }[] = [];
  for (const state of states) {
    const sent: Record<string, string | FragPatch> = {};
    for (const [names, ref] of lookup(index, state, builtState)!.files) {
      const file = ref.hash ? fragFileOf(gunzipSync(files.get(ref.hash)!).toString('utf8'), ref) : {};
      for (const slot of names) {
        const v = file[slot];
        sent[slot] = v === undefined ? built[slot]! : typeof v === 'string' ? decodeFragment(v, built[slot]!)! : v;
      }
    }
    out.push({ sent, want: await render(state) });
  }
  return { built, states: out };
}

describe('slot swap', () => {
  // (a village's changing slots are its heading, its cards, sent as HTML, and its district's shared ranking: no patch)
  for (const [name, lang, patched] of [['wilayah-64.08', 'id', true], ['dua-angka', 'en', true], ['cakupan', 'id', true], ['wilayah-64.08.01.2001', 'en', false]] as const) {
    it(`${name} (${lang}): from each state to the next, a DOM equal to innerHTML's, with fewer node changes`, async () => {
      const { built, states } = await statesOf(name, lang);
      expect(states.length).toBeGreaterThan(3);
      const page = await s.browser.newPage();
      try {
        await page.setContent('<!doctype html><div id="a"></div><div id="b"></div>');
        await page.addScriptTag({ content: swapScript });
        const result = await page.evaluate(({ built, states }) => {
          type Swapper = { show(el: Element, built: string, value: unknown): void };
          const swapper = (window as unknown as { atlasPatch: { slotSwapper(): Swapper } }).atlasPatch.slotSwapper();
          const a = document.getElementById('a')!;
          const b = document.getElementById('b')!;
          const out = { compared: 0, patches: 0, differ: [] as string[], replaced: 0, total: 0 };
          for (const slot of Object.keys(built)) {
            // a select slot (Cakupan's periods) is swapped whole, as a select
            const tag = /^\s*<option/.test(built[slot]!) ? 'select' : 'div';
            a.replaceChildren(document.createElement(tag));
            b.replaceChildren(document.createElement(tag));
            const x = a.firstElementChild!;
            const y = b.firstElementChild!;
            x.innerHTML = built[slot]!;
            // every state in turn, then the first again, then back to the built slot
            for (const { sent, want } of [...states, states[0]!, { sent: built, want: built }]) {
              const before = new Set(x.querySelectorAll('*'));
              if (typeof sent[slot] !== 'string') out.patches++;
              swapper.show(x, built[slot]!, sent[slot]);
              y.innerHTML = want[slot]!;
              out.compared++;
              // the same nodes, attributes and text (attributes may be in another order)
              if (!x.isEqualNode(y)) out.differ.push(slot);
              const after = [...x.querySelectorAll('*')];
              out.total += after.length;
              out.replaced += after.filter((n) => !before.has(n)).length;
            }
          }
          return out;
        }, { built, states });
        expect(result.compared).toBeGreaterThan(10);
        expect(result.differ).toEqual([]);
        // maps, tables and charts travel as patches of the built DOM
        if (patched) expect(result.patches).toBeGreaterThan(0);
        // most nodes survive a change of state (a map's areas, a chart's axes)
        expect(result.replaced).toBeLessThan(result.total / 2);
      } finally {
        await page.close();
      }
    }, 180_000);
  }
});
