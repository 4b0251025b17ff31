import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATE_ID, siapkan404 } from '../../src/build/halaman-404.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site() {
  dir = mkdtempSync(join(tmpdir(), 'atlas-404-'));
  mkdirSync(join(dir, 'en', '404'), { recursive: true });
  writeFileSync(join(dir, '404.html'), '<!doctype html><html lang="id"><head><title>Halaman tidak ditemukan</title></head><body><h1>Halaman tidak ditemukan</h1><script type="module" src="/_astro/a.js"></script></body></html>');
  writeFileSync(join(dir, 'en', '404', 'index.html'), '<!doctype html><html lang="en"><head><title>Page not found · "Atlas"</title></head><body class="x"><h1>Page not found</h1><script type="module" src="/_astro/a.js"></script></body></html>');
}

describe('404 pages after the build', () => {
  it('moves the English page to en/404.html and gives the root page its body for /en/ addresses', () => {
    site();
    expect(siapkan404(dir, '/atlas/')).toHaveLength(2);
    expect(existsSync(join(dir, 'en', '404'))).toBe(false);
    expect(readFileSync(join(dir, 'en', '404.html'), 'utf8')).toContain('<h1>Page not found</h1>');
    const root = readFileSync(join(dir, '404.html'), 'utf8');
    const template = new RegExp(`<template id="${TEMPLATE_ID}" data-title="Page not found · &quot;Atlas&quot;"><h1>Page not found</h1></template>`);
    expect(root).toMatch(template); // the English body without its scripts (the page's own run once)
    expect(root).toContain('"/atlas/en/"');
    expect(root.indexOf('<h1>Halaman tidak ditemukan</h1>')).toBeLessThan(root.indexOf('<template'));
    // a second run changes nothing
    siapkan404(dir, '/atlas/');
    expect(readFileSync(join(dir, '404.html'), 'utf8')).toBe(root);
  });

  it('fails clearly without the English page', () => {
    site();
    rmSync(join(dir, 'en'), { recursive: true });
    expect(() => siapkan404(dir, '/')).toThrow(/en\/404\.html/);
  });
});
