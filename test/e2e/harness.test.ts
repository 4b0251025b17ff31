/** The network guard itself: outside requests from the page and from workers are caught. */
import { describe, expect, it } from 'vitest';
import { launchBrowser, openPage, useSite, withPage } from './harness.ts';

const s = useSite();

describe('harness', () => {
  it('records and blocks outside requests from the page and from a worker, and collects errors', async () => {
    await withPage(s.browser, s.site.url('id', '/'), async (probe) => {
      const { page } = probe;
      const fromPage = await page.evaluate(() => fetch('https://example.org/page.css').then(() => 'loaded', () => 'blocked'));
      const fromWorker = await page.evaluate(() => new Promise<string>((done) => {
        const code = `fetch('https://cdn.example.net/worker.js').then(() => postMessage('loaded'), () => postMessage('blocked'))`;
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
        worker.onmessage = (e) => done(e.data);
      }));
      await page.evaluate(() => console.error('boom'));
      expect([fromPage, fromWorker]).toEqual(['blocked', 'blocked']);
      await expect.poll(() => probe.outside.length).toBe(2);
      expect(probe.outside.sort()).toEqual(['https://cdn.example.net/worker.js', 'https://example.org/page.css']);
      expect(probe.errors.some((e) => e.includes('boom'))).toBe(true);
    }, { allowOutside: true });
  });

  it('fails every session in which a request left localhost, without the test asking', async () => {
    const leak = (url: string) => (p: { page: import('playwright-core').Page }) => p.page.evaluate((u) => fetch(u).then(() => 'loaded', () => 'blocked'), url);
    // withPage: the test body passes, the session still fails
    await expect(withPage(s.browser, s.site.url('id', '/'), async (probe) => {
      expect(await leak('https://tiles.example.com/0/0/0.png')(probe)).toBe('blocked');
    })).rejects.toThrow(/left localhost.*https:\/\/tiles\.example\.com\/0\/0\/0\.png/);
    // openPage + close()
    const probe = await openPage(s.browser, s.site.url('en', '/data/'));
    await leak('https://fonts.example.net/a.woff2')(probe);
    await expect(probe.close()).rejects.toThrow(/fonts\.example\.net/);
    // a page never closed by its test is checked when the browser closes
    const other = await launchBrowser();
    const forgotten = await openPage(other, s.site.url('id', '/'));
    await leak('https://analytics.example.org/hit')(forgotten);
    await expect(other.close()).rejects.toThrow(/page left open.*analytics\.example\.org/s);
    expect(other.isConnected()).toBe(false);
  });
});
