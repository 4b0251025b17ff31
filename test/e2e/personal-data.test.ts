/**
 * No personal data in the built site: every file of dist/ (Parquet decoded) is scanned for
 * NIK-shaped numbers and for the full names of children and parents of the by-name exports the
 * demo site was built from (data/demo, written by npm test before the build).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplePeople, scanForPersonalData } from '../../src/testing/personal-data.ts';

const DIST = resolve(process.env.ATLAS_DIST ?? 'dist');
const INPUT = resolve(process.env.ATLAS_DEMO_INPUT ?? 'data/demo');

describe('the built site', () => {
  it('holds no NIK and none of the names of the by-name exports it was built from', async () => {
    expect(existsSync(join(DIST, 'index.html')), `${DIST}: build the site first`).toBe(true);
    expect(existsSync(join(INPUT, 'raw', 'eppgbm')), `${INPUT}/raw/eppgbm: generate the demo first (npm run demo)`).toBe(true);
    const people = samplePeople(INPUT);
    // a sample too small to mean anything would make the scan pass for nothing
    expect(people.names.size).toBeGreaterThan(500);
    expect(people.niks.size).toBeGreaterThan(1000);
    expect(await scanForPersonalData(DIST, people)).toEqual([]);
  });
});
