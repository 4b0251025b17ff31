/**
 * The slot swap of the inline controls (src/client/morph.ts) changes only what differs, and leaves
 * exactly the DOM that `innerHTML` would: checked in Chromium on every state of real pages' build-time
 * fragments (a regency profile with its village map, Dua angka, Cakupan with its period select, a
 * village profile whose periods are one packed file).
 */
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { pageFragments } from '../../src/components/halaman/fragmen.ts';
import { buildDb, ssrDocument, SSR_WIDTH } from '../../src/components/halaman/ssr.ts';
import { presetFor } from '../../src/components/halaman/views.ts';
import { siteProvince } from '../../src/lib/db/manifest.ts';
import { gunzipSync } from 'node:zlib';
import { decodeFragment, fragFileOf, lookup } from '../../src/lib/fragmen.ts';
import { useSite } from './harness.ts';

const s = useSite();
const morphScript = buildSync({ entryPoints: ['src/client/morph.ts'], bundle: true, format: 'iife', globalName: 'atlasMorph', write: false, target: 'es2022' }).outputFiles[0]!.text;

/** Every slot's HTML in every state of a page, as the browser would receive it. */
async function statesOf(name: string, lang: 'id' | 'en') {
  const p = presetFor(name)!;
  const model = await p.page.load(buildDb(), { ...p.fixed }, siteProvince());
  const built = p.page.slots(model, { lang, document: ssrDocument(), base: '/', width: SSR_WIDTH, province: siteProvince() });
  const builtState = p.page.stateOf(model);
  delete builtState.area;
  const { index, files, states } = await pageFragments(name, lang, '/');
  return states.map((state) => {
    const slots: Record<string, string> = {};
    for (const [names, ref] of lookup(index, state, builtState)!.files) {
      const file = ref.hash ? fragFileOf(gunzipSync(files.get(ref.hash)!).toString('utf8'), ref) : {};
      for (const slot of names) slots[slot] = file[slot] === undefined ? built[slot]! : decodeFragment(file[slot], built[slot]!)!;
    }
    return slots;
  });
}

describe('slot swap', () => {
  for (const [name, lang] of [['wilayah-64.08', 'id'], ['dua-angka', 'en'], ['cakupan', 'id'], ['wilayah-64.08.01.2001', 'en']] as const) {
    it(`${name} (${lang}): from each state to the next, a DOM equal to innerHTML's, with fewer node changes`, async () => {
      const states = await statesOf(name, lang);
      expect(states.length).toBeGreaterThan(3);
      const page = await s.browser.newPage();
      try {
        await page.setContent('<!doctype html><div id="a"></div><div id="b"></div>');
        await page.addScriptTag({ content: morphScript });
        const result = await page.evaluate((states) => {
          const morph = (window as unknown as { atlasMorph: { morphHtml(el: Element, html: string): void } }).atlasMorph.morphHtml;
          const a = document.getElementById('a')!;
          const b = document.getElementById('b')!;
          const out = { compared: 0, differ: [] as string[], replaced: 0, total: 0 };
          const slots = Object.keys(states[0]!);
          for (const slot of slots) {
            // a select slot (Cakupan's periods) is swapped whole, as a select
            const tag = /^\s*<option/.test(states[0]![slot]!) ? 'select' : 'div';
            a.replaceChildren(document.createElement(tag));
            b.replaceChildren(document.createElement(tag));
            const x = a.firstElementChild!;
            const y = b.firstElementChild!;
            x.innerHTML = states[0]![slot]!;
            for (const state of [...states.slice(1), states[0]!]) {
              const before = new Set(x.querySelectorAll('*'));
              morph(x, state[slot]!);
              y.innerHTML = state[slot]!;
              out.compared++;
              // the same nodes, attributes and text (attributes may be in another order)
              if (!x.isEqualNode(y)) out.differ.push(slot);
              const after = [...x.querySelectorAll('*')];
              out.total += after.length;
              out.replaced += after.filter((n) => !before.has(n)).length;
            }
          }
          return out;
        }, states);
        expect(result.compared).toBeGreaterThan(10);
        expect(result.differ).toEqual([]);
        // most nodes survive a change of state (a map's areas, a chart's axes)
        expect(result.replaced).toBeLessThan(result.total / 2);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});
