import { closeSync, openSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** CSV text helpers and buffered file writers for the generators. */

export interface CsvDialect {
  delimiter: ',' | ';';
  eol: '\n' | '\r\n';
  bom: boolean;
}

export const DEFAULT_DIALECT: CsvDialect = { delimiter: ',', eol: '\n', bom: false };

/** Quote a field when it holds the delimiter, a quote or a line break (RFC 4180 style). */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : value;
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvLine(values: readonly (string | number | null | undefined)[], dialect: CsvDialect = DEFAULT_DIALECT): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i) out += dialect.delimiter;
    out += csvField(values[i], dialect.delimiter);
  }
  return out + dialect.eol;
}

/**
 * A small synchronous CSV writer for the demo files (a few MB each): text is collected and written
 * in 1 MB pieces, so no whole file is ever held as one string.
 */
export class CsvFileWriter {
  readonly path: string;
  readonly dialect: CsvDialect;
  rows = 0;
  bytes = 0;
  private fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(path: string, header: readonly string[], dialect: CsvDialect = DEFAULT_DIALECT) {
    this.path = path;
    this.dialect = dialect;
    this.fd = openSync(path, 'w');
    if (dialect.bom) this.push('\ufeff');
    this.push(csvLine(header, dialect));
  }

  /** Write one data row. */
  row(values: readonly (string | number | null | undefined)[]): void {
    this.push(csvLine(values, this.dialect));
    this.rows++;
  }

  private push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.pending = [];
    this.pendingLength = 0;
  }

  close(): { path: string; rows: number; bytes: number } {
    this.flush();
    closeSync(this.fd);
    return { path: this.path, rows: this.rows, bytes: this.bytes };
  }
}

/**
 * A large-file byte sink: callers write bytes into `buf` at `pos`, and call `reserve(n)` before
 * writing n bytes. Full buffers go to disk while the next one is filled (two buffers, at most one
 * write in flight: that is the back-pressure). Memory stays at 2 x size.
 */
export class ByteSink {
  buf: Buffer;
  pos = 0;
  bytes = 0;
  private spare: Buffer;
  private inflight: Promise<unknown> | null = null;
  private fh: FileHandle;

  private constructor(fh: FileHandle, size: number) {
    this.fh = fh;
    this.buf = Buffer.allocUnsafe(size);
    this.spare = Buffer.allocUnsafe(size);
  }

  static async open(path: string, size = 8 << 20): Promise<ByteSink> {
    return new ByteSink(await open(path, 'w'), size);
  }

  /** True when n more bytes do not fit: the caller must `await flush()` first. */
  full(n: number): boolean {
    return this.pos + n > this.buf.length;
  }

  async flush(): Promise<void> {
    if (this.inflight) await this.inflight;
    if (this.pos === 0) return;
    const out = this.buf;
    const len = this.pos;
    this.inflight = writeAll(this.fh, out, len);
    this.bytes += len;
    this.buf = this.spare;
    this.spare = out;
    this.pos = 0;
  }

  async close(): Promise<number> {
    await this.flush();
    if (this.inflight) await this.inflight;
    this.inflight = null;
    await this.fh.close();
    return this.bytes;
  }
}

async function writeAll(fh: FileHandle, buf: Buffer, len: number): Promise<void> {
  let off = 0;
  while (off < len) {
    const { bytesWritten } = await fh.write(buf, off, len - off);
    off += bytesWritten;
  }
}
