import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distCost, levelOfPage } from '../../src/bench/dist-cost.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-cost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const page = (groups: Record<string, string>[], inline = 'window.__atlasAwal=1') =>
  `<html><body><div data-page="wilayah"><script type="application/json" data-frag-index>${JSON.stringify({ v: 2, b: '/frag/', g: groups.map((g) => [['period'], ['peta'], g]), a: {} })}</script><script>${inline}</script><p>text</p></div></body></html>`;

describe('distCost', () => {
  it('attributes each fragment file to the level of the pages that use it, a file used by two levels to "shared"', () => {
    put('wilayah/64.08/index.html', page([{ '2024-01': '', '2024-02': 'aaa' }, { x: 'ccc' }]));
    put('wilayah/64.08.01.2001/index.html', page([{ '2024-01': 'bbb#', '2024-02': 'bbb#' }, { x: 'ccc' }]));
    put('wilayah/64.08.01.2002/index.html', page([{ '2024-01': 'bbb#' }]));
    put('data/index.html', '<html><body>no controls</body></html>');
    put('frag/aaa.bin', 'x'.repeat(100));
    put('frag/bbb.bin', 'x'.repeat(40));
    put('frag/ccc.bin', 'x'.repeat(7));
    put('frag/old.bin', 'x'.repeat(3));
    put('views/wilayah-64.08.bin', 'x'.repeat(50));
    put('js/kendali.abc.js', 'x'.repeat(20));
    const c = distCost(dir);
    expect(c.pages).toBe(4);
    expect(c.pagesWithControls).toBe(3);
    expect(c.frag).toEqual({ regencies: { bytes: 100, files: 1 }, villages: { bytes: 40, files: 1 }, shared: { bytes: 7, files: 1 }, unused: { bytes: 3, files: 1 } });
    expect(c.inline).toBe(3 * 'window.__atlasAwal=1'.length);
    expect(c.views).toBe(50);
    expect(c.scripts).toBe(20);
    expect(c.mechanism).toBe(150 + c.indexes + c.inline + 50 + 20);
    expect(c.dist).toBeGreaterThan(c.mechanism);
  });
  it('names the level of a page by the depth of its area code, in both languages', () => {
    expect(levelOfPage('wilayah/64/index.html')).toBe('province');
    expect(levelOfPage('en/wilayah/64.08.01/index.html')).toBe('districts');
    expect(levelOfPage('en/wilayah/64.08.01.2001/index.html')).toBe('villages');
    expect(levelOfPage('prioritas/index.html')).toBe('pages');
  });
});
