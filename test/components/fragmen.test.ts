/**
 * Build-time fragments (src/components/halaman/fragmen.ts, src/lib/fragmen.ts) on the demo's
 * published data (public/data, written by `npm run data` before the tests): for every state a
 * page can show, the index gives exactly the HTML the page module renders for it, and every
 * request a control can make is answered with the state the page module would show.
 */
import { existsSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageFragments, fragPages } from '../../src/components/halaman/fragmen.ts';
import { normalHtml, patchedHtml } from '../../src/components/halaman/patch.ts';
import { buildDb, ssrDocument, SSR_WIDTH } from '../../src/components/halaman/ssr.ts';
import { presetFor, presetStates } from '../../src/components/halaman/views.ts';
import { siteProvince } from '../../src/lib/db/manifest.ts';
import { decodeFragment, encodeFragment, fragFileOf, fragHash, lookup, PACK_RULE, stateKey } from '../../src/lib/fragmen.ts';
import type { AtlasState, StateKey } from '../../src/lib/url-state.ts';
import { saudaraCss, saudaraHeading, saudaraLinks, type ProfilModel } from '../../src/components/halaman/profil.ts';

beforeAll(() => {
  if (!existsSync('public/data/manifest.json')) throw new Error('public/data/manifest.json missing: run `npm run demo && npm run data -- --input data/demo` first');
});

async function fresh(name: string, request: AtlasState, lang: 'id' | 'en') {
  const p = presetFor(name)!;
  const model = await p.page.load(buildDb(), { ...request, ...p.fixed }, siteProvince());
  const state = p.page.stateOf(model);
  delete state.area; // fixed on profile pages, not part of their state
  return { model, state, slots: p.page.slots(model, { lang, document: ssrDocument(), base: '/', width: SSR_WIDTH, province: siteProvince() }) };
}

describe('fragments', () => {
  const text = (gz: Buffer) => gunzipSync(gz).toString('utf8');
  const PAGES = [['dua-angka', 'id'], ['cakupan', 'en'], ['wilayah-64.08', 'id'], ['wilayah-64.08.01', 'en'], ['wilayah-64.74.01.1001', 'id'], ['wilayah-64.08.01.2001', 'en']] as const;
  for (const [name, lang] of PAGES) {
    it(`${name} (${lang}): every state's slots are the page module's own HTML`, async () => {
      const { index, files, states } = await pageFragments(name, lang, '/');
      const built = await fresh(name, {}, lang);
      expect(states.length).toBeGreaterThan(3);
      let patched = 0;
      for (const state of states) {
        const hit = lookup(index, state, built.state);
        expect(hit, stateKey(state)).not.toBeNull();
        expect(hit!.state).toEqual(state);
        const want = (await fresh(name, state, lang)).slots;
        const slots = hit!.files.flatMap(([names]) => names);
        expect(slots.sort()).toEqual(Object.keys(want).sort());
        for (const [names, ref] of hit!.files) {
          const file = ref.hash ? fragFileOf(text(files.get(ref.hash)!), ref) : {};
          if (ref.hash) expect(fragHash(text(files.get(ref.hash)!))).toBe(ref.hash);
          for (const slot of names) {
            const value = file[slot];
            if (value !== undefined && typeof value !== 'string') {
              // a patch of the built DOM: the same tree as the state's own HTML
              patched++;
              expect(patchedHtml(built.slots[slot]!, value), `${name} ${stateKey(state)} ${slot}`).toBe(normalHtml(want[slot]!));
              continue;
            }
            const got = value === undefined ? built.slots[slot] : decodeFragment(value, built.slots[slot]!);
            expect(got, `${name} ${stateKey(state)} ${slot}`).toBe(want[slot]);
          }
        }
      }
      // maps, tables and cards whose numbers change travel as patches; not a shared slot's (its file
      // serves pages built in other states, so it cannot patch one page's DOM): 64.08.01.2001's
      // changing slots are its heading, its cards (whose shape changes) and its district's ranking
      if (name !== 'wilayah-64.08.01.2001') expect(patched, 'slots sent as patches').toBeGreaterThan(0);
    }, 120_000);

    it(`${name} (${lang}): every request the controls can make is answered with the state the page module shows`, async () => {
      const { index } = await pageFragments(name, lang, '/');
      const built = await fresh(name, {}, lang);
      const requests = await presetStates(name);
      expect(requests.length).toBeGreaterThan(3);
      for (const request of requests) expect(lookup(index, request, built.state)?.state, stateKey(request)).toEqual((await fresh(name, request, lang)).state);
    }, 120_000);
  }

  it('path data shared with the built slot travels as a reference, and only to a slot with those shapes', () => {
    const d1 = `M${'1,2L'.repeat(20)}Z`;
    const d2 = `M${'3,4L'.repeat(20)}Z`;
    const built = `<svg><a><path d="${d1}" fill="#fee8c8"></path></a><path d="${d2}" fill="#d7301f"></path></svg>`;
    const next = `<svg><a><path d="${d1}" fill="#7f0000"></path></a><path d="${d2}" fill="#fdbb84"></path><path d="M0,0L1,1" fill="none"></path></svg>`;
    const encoded = encodeFragment(next, built);
    expect(encoded).not.toContain(d1);
    expect(encoded.length).toBeLessThan(next.length / 2);
    expect(decodeFragment(encoded, built)).toBe(next);
    // a page holding other shapes (another area, another drawing) refuses it
    expect(decodeFragment(encoded, built.replace(d2, d1))).toBeNull();
    expect(decodeFragment(encodeFragment('<p>1</p>', ''), '<p>x</p>')).toBe('<p>1</p>');
  });

  it('a value no control offers is not answered (the page module and its note take it)', async () => {
    const { index, states } = await pageFragments('dua-angka', 'id', '/');
    expect(lookup(index, { period: '2019-02' }, states[0]!)).toBeNull();
  });

  it('the overview, the other preset pages and the profile of every level get fragments', async () => {
    const names = await fragPages();
    expect(names).toEqual(expect.arrayContaining(['ringkasan', 'dua-angka', 'cakupan', 'prioritas', 'wilayah-64', 'wilayah-64.08', 'wilayah-64.08.01', 'wilayah-64.08.01.2001']));
    expect(names.filter((n) => /^wilayah-\d\d\.\d\d\.\d\d\.\d{4}$/.test(n)).length).toBeGreaterThan(1000);
  });

  it("a village's periods ship as two packed files, its own and its district's ranking: a click needs at most those two", async () => {
    for (const lang of ['id', 'en'] as const) {
      const { index, files, states } = await pageFragments('wilayah-64.08.01.2001', lang, '/');
      const built = (await fresh('wilayah-64.08.01.2001', {}, lang)).state;
      const refs = states.map((s) => lookup(index, s, built)!.files.map(([, ref]) => ref).filter((r) => r.hash));
      expect(Math.max(...refs.map((r) => r.length))).toBe(2);
      const hashes = new Set(refs.flat().map((r) => r.hash));
      expect(hashes.size).toBe(2);
      expect(refs.flat().every((r) => r.entry !== undefined)).toBe(true);
      expect(files.size).toBe(2);
      for (const h of hashes) expect(files.get(h)!.length).toBeLessThanOrEqual(PACK_RULE.maxBytes);
      // every other state of the village is a different entry of each file
      for (const h of hashes) expect(new Set(refs.flat().filter((r) => r.hash === h).map((r) => r.entry)).size).toBe(states.length - 1);
    }
  });

  /** The files a page names for a slot, by the slot's state values. */
  const slotFiles = async (name: string, lang: 'id' | 'en', slot: string) => {
    const { index } = await pageFragments(name, lang, '/');
    const group = index.g.find(([, slots]) => slots.includes(slot))!;
    expect(group[1], `${name}: ${slot} is a group of its own`).toEqual([slot]);
    return group[2];
  };
  // Both built at the same period (the latest complete one) and their siblings' figures differ elsewhere.
  const SIBLINGS = [['wilayah-64.08.01.2001', 'wilayah-64.08.01.2002'], ['wilayah-64.08.01', 'wilayah-64.08.02']] as const;
  for (const [a, b] of SIBLINGS) {
    it(`${a} and ${b}: the ranking of their siblings is one file for both pages, in each language`, async () => {
      for (const lang of ['id', 'en'] as const) {
        const [fa, fb] = [await slotFiles(a, lang, 'saudara'), await slotFiles(b, lang, 'saudara')];
        expect(Object.keys(fa).length).toBeGreaterThan(3);
        expect(fb).toEqual(fa);
        const [pa, pb] = [await pageFragments(a, lang, '/'), await pageFragments(b, lang, '/')];
        const own = (p: typeof pa) => new Set(p.index.g.filter(([, slots]) => !slots.includes('saudara')).flatMap(([, , v]) => Object.values(v)).filter(Boolean));
        // the rest of each page is its own
        expect([...own(pa)].some((h) => own(pb).has(h))).toBe(false);
        // the shared files are the same bytes on both pages
        for (const ref of new Set(Object.values(fa).filter(Boolean))) expect(pb.files.get(ref.replace(/#$/, ''))).toEqual(pa.files.get(ref.replace(/#$/, '')));
      }
    }, 120_000);
  }

  it("a shared ranking names no page's area: the page outlines its own from outside the slot, and only its own", async () => {
    const doc = ssrDocument();
    let outlinedBars = 0;
    for (const [name, lang] of [['wilayah-64.08.01.2001', 'id'], ['wilayah-64.08.01.2002', 'en'], ['wilayah-64.08.01', 'id']] as const) {
      const kode = name.slice('wilayah-'.length);
      for (const period of ['2024-02', '2025-08']) {
        const { model: m, slots } = await fresh(name, { period }, lang);
        const model = m as ProfilModel;
        const self = model.chain.at(-1)!;
        // the title names the parent and the period, not the page's area; no bar is outlined in the drawing
        const title = /<h3 class="chart-title">([^<]*)</.exec(slots.saudara)![1]!;
        expect(title).toContain(model.chain.at(-2)!.nama_wilayah);
        expect(title).not.toContain(self.nama_wilayah);
        expect(slots.saudara).not.toMatch(/stroke="#000"/);
        expect(saudaraHeading(lang, model)).toContain(self.nama_wilayah);
        doc.body.innerHTML = `<div data-slot="saudara">${slots.saudara}</div>`;
        expect(saudaraCss(kode)).toContain(`${saudaraLinks(kode)} rect{`);
        expect(saudaraCss(kode)).toContain(`[data-slot="saudara"] tr:has(a[href*="/wilayah/${kode}/"]){`);
        const links = [...doc.querySelectorAll(saudaraLinks(kode))];
        const outlined = [...doc.querySelectorAll(`${saudaraLinks(kode)} rect`)];
        // its bar in each drawing (phone, desktop) when its value is published, and its row of the table; no other area's
        const drawings = doc.querySelectorAll('svg[data-chart-main]').length;
        expect(drawings).toBe(2);
        expect([0, drawings]).toContain(outlined.length);
        for (const a of links) expect(a.getAttribute('href')).toBe(`${lang === 'en' ? '/en' : ''}/wilayah/${kode}/`);
        expect(doc.querySelectorAll('table a').length).toBeGreaterThan(1);
        expect(links.filter((a) => a.closest('table')).length).toBe(1);
        outlinedBars += outlined.length;
      }
    }
    expect(outlinedBars).toBeGreaterThan(0);
  }, 120_000);

  it("the ranking of a regency's districts stays one file per period: packed it would be large", async () => {
    const { index, files, states } = await pageFragments('wilayah-64.08.01', 'id', '/');
    const saudara = index.g.find(([, slots]) => slots.includes('saudara'))!;
    expect(saudara[0]).toEqual(['period']);
    const values = Object.values(saudara[2]).filter(Boolean);
    expect(values.every((v) => !v.endsWith('#'))).toBe(true);
    expect(new Set(values).size).toBe(states.length - 1);
    const packed = gzipSync(JSON.stringify(Object.fromEntries(values.map((v) => [v, JSON.parse(text(files.get(v)!))]))), { level: 9 }).length;
    expect(packed).toBeGreaterThan(PACK_RULE.maxBytes);
    // the district's own slots: no file above the rule's size
    for (const [, , byValues] of index.g) for (const v of Object.values(byValues).filter(Boolean)) expect(files.get(v.replace(/#$/, ''))!.length).toBeLessThanOrEqual(PACK_RULE.maxBytes);
  });

  it('Prioritas keeps one file per state: no click waits for a large pack of states nobody asked for', async () => {
    const { index, files } = await pageFragments('prioritas', 'en', '/');
    for (const [keys, , byValues] of index.g) {
      for (const ref of Object.values(byValues).filter(Boolean)) {
        const file = files.get(ref.split('#')[0]!)!;
        // its separate files are 2–5 KB; a pack of all its village tables would be ~100 KB
        expect(file.length, `${keys.join('+')}: ${ref}`).toBeLessThanOrEqual(PACK_RULE.maxBytes);
      }
    }
  }, 120_000); // renders every Prioritas state: over 60 s on a busy core
});
