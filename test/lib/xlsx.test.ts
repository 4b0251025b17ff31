/**
 * The .xlsx beside the CSVs, read back by LibreOffice Calc (headless) under Indonesian and English
 * settings: area codes stay text (64.10, not 64.1), decimals and negative numbers are numbers, a
 * formula-looking name is plain text. Needs `soffice` (Debian package libreoffice-calc, installed by
 * .ci/run): without it this test fails, it is never skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../src/lib/xlsx.ts';

const DIR = resolve('tmp', 'xlsx-test');

/** Converts with a fresh LibreOffice profile set to `locale`; returns the flat-ODS XML. */
function readBack(file: string, locale: string): string {
  const profile = join(DIR, `profile-${locale}`);
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>${locale}</value></prop></item>
</oor:items>`,
  );
  const out = join(DIR, `out-${locale}`);
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'fods', '--outdir', out, file], { stdio: 'pipe', timeout: 120_000, env: { ...process.env, HOME: profile } });
  return readFileSync(join(out, 'uji.fods'), 'utf8');
}

/** Cells of the flat ODS as [type, value, shown text]. */
function cells(xml: string): [string, string, string][] {
  return [...xml.matchAll(/<table:table-cell[^>]*office:value-type="([a-z]+)"(?:[^>]*office:value="([^"]*)")?[^>]*>\s*<text:p>([^<]*)<\/text:p>/g)].map((m) => [m[1]!, m[2] ?? '', m[3]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"')]);
}

describe('xlsx read back by LibreOffice Calc', () => {
  it('keeps codes as text and numbers as numbers under Indonesian and English settings', async () => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    const file = join(DIR, 'uji.xlsx');
    writeFileSync(
      file,
      await toXlsx({
        name: 'uji',
        intro: ['Prevalensi stunting', 'Sumber: e-PPGBM'],
        header: ['Kode wilayah', 'Nama', 'Prevalensi (%)', 'Perubahan'],
        rows: [
          ['64.10', 'Kabupaten A', 12.65, -2.5],
          ['64.01', '=HYPERLINK("http://x","y")', 79.71, null],
        ],
      }),
    );
    for (const [locale, decimal] of [['id-ID', '12,65'], ['en-US', '12.65']] as const) {
      const c = cells(readBack(file, locale));
      const shown = (text: string) => c.find((x) => x[2] === text);
      expect(shown('64.10')?.[0], locale).toBe('string');
      expect(shown('64.01')?.[0], locale).toBe('string');
      expect(shown('=HYPERLINK("http://x","y")')?.[0], locale).toBe('string');
      // numbers are numbers, shown in the locale's own way (so the locale did apply)
      expect(c.find((x) => x[1] === '12.65'), locale).toEqual(['float', '12.65', decimal]);
      expect(c.find((x) => x[1] === '-2.5')?.[0], locale).toBe('float');
      expect(c.find((x) => x[1] === '79.71')?.[0], locale).toBe('float');
    }
  }, 300_000);
});
