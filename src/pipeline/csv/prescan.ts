import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';

/**
 * One streaming pass over a raw file before DuckDB reads it: checksum, physical line count
 * (DuckDB's CSV reader can lose rows silently, so its row count is checked against ours),
 * encoding check, BOM, line endings, delimiter and header.
 */
export interface Head {
  path: string;
  bom: boolean;
  crlf: boolean;
  delimiter: ',' | ';';
  header: string[];
}

export interface Body {
  bytes: number;
  sha256: string;
  /** Physical lines, counting a last line without a newline. */
  lines: number;
  /** Empty lines (DuckDB skips them; they are not rows). */
  blankLines: number;
  /** Set when the bytes are not UTF-8: the first bad line and a hint on what the encoding is. */
  encodingError?: { line: number; hint: string };
}

const CHUNK = 4 << 20;

/** The first 64 KB: BOM, line ending, delimiter, header. */
export async function readHead(path: string): Promise<Head> {
  const fh = await open(path, 'r');
  const buf = Buffer.alloc(1 << 16);
  const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
  await fh.close();
  const head = buf.subarray(0, bytesRead);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const text = head.subarray(bom ? 3 : 0).toString('utf8');
  const eol = text.indexOf('\n');
  const headerLine = (eol === -1 ? text : text.slice(0, eol)).replace(/\r$/, '');
  const delimiter = detectDelimiter(headerLine);
  return { path, bom, crlf: eol > 0 && text[eol - 1] === '\r', delimiter, header: splitHeader(headerLine, delimiter) };
}

/** The whole file, streamed once: checksum, lines, blank lines, encoding. */
export async function scanBody(path: string): Promise<Body> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  let blankLines = 0;
  let prev1 = -1; // last byte of the previous chunk
  let prev2 = -1;
  let firstBytes: Buffer | null = null;
  let encodingError: Body['encodingError'];
  let carry: Buffer = Buffer.alloc(0); // an incomplete UTF-8 sequence at a chunk boundary

  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (!firstBytes) firstBytes = chunk.subarray(0, 4);
    if (!encodingError) {
      const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = utf8SafeEnd(joined);
      if (!isUtf8(joined.subarray(0, cut))) {
        encodingError = { line: lines + 1 + firstBadLine(joined.subarray(0, cut)), hint: guessEncoding(joined) };
      }
      carry = Buffer.from(joined.subarray(cut));
    }
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
      lines++;
      const b1 = i > 0 ? chunk[i - 1] : prev1;
      const b2 = i > 1 ? chunk[i - 2] : i === 1 ? prev1 : prev2;
      if (lines > 1 && (b1 === 10 || (b1 === 13 && b2 === 10))) blankLines++;
    }
    bytes += chunk.length;
    prev2 = chunk.length > 1 ? chunk[chunk.length - 2] : prev1;
    prev1 = chunk[chunk.length - 1];
  }
  if (!encodingError && carry.length) encodingError = { line: lines + 1, hint: 'the file ends inside a multi-byte character' };
  if (bytes > 0 && prev1 !== 10) lines++;
  const fb = firstBytes ?? Buffer.alloc(0);
  if (fb[0] === 0xff || fb[0] === 0xfe) encodingError = { line: 1, hint: 'it looks like UTF-16 (save it as "CSV UTF-8")' };
  return { bytes, sha256: hash.digest('hex'), lines, blankLines, encodingError };
}

/** Exported for tests: `;` when the header has more semicolons than commas outside quotes. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semis++;
  }
  return semis > commas ? ';' : ',';
}

export function splitHeader(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) fields.push(cur), (cur = '');
    else cur += ch;
  }
  fields.push(cur);
  return line === '' ? [] : fields.map((f) => f.trim());
}

/** Index just past the last complete UTF-8 sequence. */
function utf8SafeEnd(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

function firstBadLine(buf: Buffer): number {
  let lo = 0;
  let hi = buf.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (isUtf8(buf.subarray(0, utf8SafeEnd(buf.subarray(0, mid))))) lo = mid;
    else hi = mid;
  }
  let line = 0;
  for (let i = buf.indexOf(10); i !== -1 && i < lo; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

function guessEncoding(buf: Buffer): string {
  if (buf.includes(0)) return 'it looks like UTF-16 (save it as "CSV UTF-8")';
  return 'it looks like Windows-1252/Latin-1 (save it as "CSV UTF-8 (Comma delimited)" in Excel)';
}
