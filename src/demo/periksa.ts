import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OLD_SPELLINGS } from './eppgbm.ts';

/**
 * One by-name export for the browser's file check (/jelajah/periksa/) from a demo folder written by
 * generateDemo: its comma-separated by-name files with the common header, one after another
 * (repeated until `minBytes` when asked), as an office that pastes its exports together would send.
 * Regencies whose demo files use old spellings (names only reference/crosswalk.csv resolves) are
 * left out: the published data carry no crosswalk, so the browser could not match them.
 */
export interface CheckExport {
  path: string;
  bytes: number;
  /** data rows (the header is line 1) */
  rows: number;
  header: string[];
}

export function demoByNameBodies(demoDir: string): { header: string; bodies: string[] } {
  const dir = join(demoDir, 'raw', 'eppgbm');
  const skip = new Set(Object.keys(OLD_SPELLINGS).map((k) => k.slice(0, 5).replace('.', '')));
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv') && !skip.has(f.split('_')[1]!)).sort();
  let header = '';
  const bodies: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const nl = text.indexOf('\n');
    const h = text.slice(0, nl);
    if (!h.startsWith('NIK,') || h.includes('\r')) continue; // Excel-saved exports (semicolon, BOM, CRLF): another dialect
    header ||= h;
    if (h !== header) continue;
    bodies.push(text.slice(nl + 1).replace(/\n*$/, '\n'));
  }
  return { header, bodies };
}

/** Writes the export: the demo's by-name files, `files` of them (all by default), repeated until `minBytes`. */
export async function writeCheckExport(demoDir: string, path: string, opts: { files?: number; minBytes?: number } = {}): Promise<CheckExport> {
  const { header, bodies: all } = demoByNameBodies(demoDir);
  const bodies = all.slice(0, opts.files ?? all.length);
  if (!bodies.length) throw new Error(`${demoDir}: no comma-separated by-name exports found`);
  const out = createWriteStream(path);
  let written = header.length + 1;
  let rows = 0;
  out.write(`${header}\n`);
  do {
    for (const b of bodies) {
      if (opts.minBytes && written >= opts.minBytes) break;
      if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()));
      written += Buffer.byteLength(b);
      rows += b.split('\n').length - 1;
    }
  } while (opts.minBytes && written < opts.minBytes);
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  return { path, bytes: statSync(path).size, rows, header: header.split(',') };
}
