import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IssueLog } from './issues.ts';
import { readHead, scanBody, type Body, type Head } from './csv/prescan.ts';

/** One raw file: its head read at once, its full scan (checksum, lines, encoding) running in the background. */
export interface InputFile {
  name: string; // relative to the input folder, as shown in messages
  path: string;
  head: Head;
  body: Promise<Body>;
  rows: number; // data rows read, set by the reader
  /** True for a file of the repository's data/ folder used because the input folder has none. */
  bundled: boolean;
}

/** The repository's data folder: the project's own reference files and published survey figures. */
export const BUNDLED_DATA = resolve(import.meta.dirname, '..', '..', 'data');
/** How a bundled file is named in messages and in the manifest ("data/reference/program.csv"). */
export const BUNDLED_PREFIX = 'data/';

/**
 * The files of one input kind: the input folder's own, or, when it has none and the kind has
 * bundled defaults, the repository's (whole files: a file the user provides always wins, nothing
 * is merged).
 */
export function listInput(inputDir: string, rel: string, bundled: boolean): { dir: string; names: string[]; bundled: boolean } {
  const own = listCsv(inputDir, rel);
  if (own.length > 0 || !bundled || resolve(inputDir) === BUNDLED_DATA) return { dir: inputDir, names: own, bundled: false };
  return { dir: BUNDLED_DATA, names: listCsv(BUNDLED_DATA, rel), bundled: true };
}

/** The CSV files of a folder (sorted), or the one file; [] when absent. */
export function listCsv(inputDir: string, rel: string): string[] {
  const p = join(inputDir, rel);
  if (!existsSync(p)) return [];
  if (statSync(p).isFile()) return [rel];
  return readdirSync(p)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
    .map((f) => `${rel}/${f}`);
}

export async function openInput(inputDir: string, rel: string, bundled = false): Promise<InputFile> {
  const path = join(inputDir, rel);
  const head = await readHead(path);
  const body = scanBody(path);
  body.catch(() => {}); // awaited later; avoid an unhandled rejection in between
  return { name: bundled ? `${BUNDLED_PREFIX}${rel}` : rel, path, head, body, rows: 0, bundled };
}

/**
 * Checks every file needs: readable encoding, not empty. Returns false when the file cannot be read
 * at all (its rows must not be used).
 */
export function checkBody(file: InputFile, body: Body, log: IssueLog): boolean {
  if (body.bytes === 0) {
    log.report('empty-file', file.name, {});
    return false;
  }
  if (body.encodingError) {
    log.report('encoding-error', file.name, { line: body.encodingError.line }, { hint: body.encodingError.hint });
    return false;
  }
  if (body.lines - body.blankLines <= 1) {
    log.report('no-rows', file.name, { line: 1 });
  }
  return true;
}
