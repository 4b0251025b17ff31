import { createReadStream } from 'node:fs';

/**
 * The physical line on which each CSV record starts, honouring quotes (a quoted value may hold a
 * line break). Only used on the slow path: to place errors when records and lines differ.
 */
export async function recordStartLines(path: string, skipHeader = true): Promise<number[]> {
  return (await scanRecords(path, skipHeader)).starts;
}

/** Record start lines, and the line of a quote still open at the end of the file (if any). */
export async function scanRecords(path: string, skipHeader = true): Promise<{ starts: number[]; unclosedQuoteLine: number | null }> {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let quoteLine = 0;
  let atRecordStart = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (atRecordStart && b !== 10 && b !== 13) {
        starts.push(line);
        atRecordStart = false;
      }
      if (b === 34) {
        quoted = !quoted; // "" inside a quoted value toggles twice: no net change
        if (quoted) quoteLine = line;
      }
      else if (b === 10) {
        line++;
        if (!quoted) atRecordStart = true;
      }
    }
  }
  return { starts: skipHeader ? starts.slice(1) : starts, unclosedQuoteLine: quoted ? quoteLine : null };
}

/** Map 1-based data-row numbers (as DuckDB kept them, rejected rows left out) to physical lines. */
export function rowToLine(rowNumbers: number[], opts: { rejectedLines: number[]; recordLines?: number[] }): number[] {
  const lines = opts.recordLines;
  const rejected = [...opts.rejectedLines].sort((a, b) => a - b);
  return rowNumbers.map((rn) => {
    // walk past rejected records that precede this one
    let n = rn;
    if (lines) {
      let idx = n - 1;
      for (const r of rejected) if (r <= lines[Math.min(idx, lines.length - 1)]) idx++;
      return lines[Math.min(idx, lines.length - 1)];
    }
    let line = n + 1; // header is line 1
    for (const r of rejected) if (r <= line) line++;
    return line;
  });
}
