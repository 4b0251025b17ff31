/** The network guard itself: outside requests from the page and from workers are caught. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveSite, withPage, type Site } from './harness.ts';

let site: Site;
let browser: Browser;
beforeAll(async () => {
  site = await serveSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('harness', () => {
  it('records and blocks outside requests from the page and from a worker, and collects errors', async () => {
    await withPage(browser, site.url('id', '/'), async (probe) => {
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
    });
  });
});
