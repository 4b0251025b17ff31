/**
 * Problems found in the input, each with its place (FILE:LINE[:COLUMN]), what is wrong and how to fix it.
 * Validation collects every issue instead of stopping at the first; the build writes nothing if any is an error.
 * Messages never quote personal data (NIK, names, addresses, dates of birth): they cite the place.
 */

export type Severity = 'error' | 'warning';

export interface Issue {
  severity: Severity;
  file: string; // relative to the input folder
  line?: number; // 1-based physical line
  column?: number; // 1-based field position
  message: string; // what is wrong
  fix: string; // how to fix it
}

export function formatIssue(issue: Issue): string {
  const place = [issue.file, issue.line, issue.line !== undefined ? issue.column : undefined].filter((p) => p !== undefined).join(':');
  const tag = issue.severity === 'warning' ? 'warning: ' : '';
  return `${place}: ${tag}${issue.message} — ${issue.fix}`;
}

/** Keeps at most `limit` issues per file and kind, counting the rest, so a broken 20M-row file stays readable. */
export class IssueLog {
  readonly issues: Issue[] = [];
  private perKind = new Map<string, number>();
  private dropped = new Map<string, { count: number; sample: Issue }>();
  private limit: number;
  constructor(limit = 20) {
    this.limit = limit;
  }

  add(issue: Issue, kind = issue.message): void {
    const key = `${issue.file}\u0000${kind}`;
    const n = (this.perKind.get(key) ?? 0) + 1;
    this.perKind.set(key, n);
    if (n <= this.limit) this.issues.push(issue);
    else {
      const d = this.dropped.get(key);
      if (d) d.count++;
      else this.dropped.set(key, { count: 1, sample: issue });
    }
  }

  error(file: string, where: { line?: number; column?: number }, message: string, fix: string, kind?: string): void {
    this.add({ severity: 'error', file, ...where, message, fix }, kind);
  }

  warn(file: string, where: { line?: number; column?: number }, message: string, fix: string, kind?: string): void {
    this.add({ severity: 'warning', file, ...where, message, fix }, kind);
  }

  get errors(): Issue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }
  get warnings(): Issue[] {
    return this.issues.filter((i) => i.severity === 'warning');
  }
  get hasErrors(): boolean {
    return this.errors.length > 0 || [...this.dropped.values()].some((d) => d.sample.severity === 'error');
  }

  /** Every kept issue, sorted by file and line, then one line per kind that went over the limit. */
  lines(): string[] {
    const sorted = [...this.issues].sort(
      (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    const out = sorted.map(formatIssue);
    for (const { count, sample } of this.dropped.values()) {
      out.push(`${sample.file}: ${count} more like "${sample.message}" not listed — fix the ones above and run again`);
    }
    return out;
  }
}

/** Thrown when the input has errors; carries every issue found. Nothing has been written. */
export class DataError extends Error {
  readonly log: IssueLog;
  constructor(log: IssueLog) {
    super(`${log.errors.length} error(s) in the input; nothing was written`);
    this.log = log;
  }
}

/** Usage errors of the command itself (bad flag, missing folder): exit code 2. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}
