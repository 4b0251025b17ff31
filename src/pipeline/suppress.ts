import { SMALL_COUNT_MAX, SUPPRESSED_LEVELS } from '../lib/domain/suppression.ts';

/**
 * Small-number suppression for public output.
 * 1. Primary: at village and district level, a count from 1 to SMALL_COUNT_MAX is hidden.
 * 2. Complementary: published numbers satisfy equations (a parent total is the sum of its children;
 *    stunting = pendek + sangat pendek). An equation with exactly one hidden number gives it away by
 *    subtraction, so another number in that equation is hidden too (the smallest non-zero one that may
 *    be hidden), repeated until no equation has exactly one hidden number.
 * Regency and province totals are hidden only when nothing else can protect a hidden number (a regency
 * with data in a single district, say).
 *
 * The result is a pure function of the set of rows: rows are put in a canonical order (group, then
 * area code) before anything else, so the equations, the order they are worked in and every choice
 * (smallest non-zero value, then area code, then measure) are the same whatever order the database
 * returned the rows in, however many threads it ran. Cells already in `hidden` on entry (hidden in a
 * previous release) stay hidden and are protected like primary ones.
 */

export interface SuppressRow {
  kode_wilayah: string;
  tingkat: string;
  /** Rows are only related within the same group (period, and programme for programme rows). */
  group: string;
  parent: string | null;
  values: Record<string, number | null>;
  hidden: Set<string>;
}

export interface SuppressSpec {
  measures: string[];
  /** total = sum of parts, within one row. */
  rowSums: { total: string; parts: string[] }[];
}

interface Ref {
  row: SuppressRow;
  measure: string;
}

const hideable = (row: SuppressRow) => (SUPPRESSED_LEVELS as readonly string[]).includes(row.tingkat);

/** Plain code-point order (not locale-dependent). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function suppress(input: SuppressRow[], spec: SuppressSpec): void {
  const rows = canonical(input);
  // primary
  for (const row of rows) {
    if (!hideable(row)) continue;
    for (const m of spec.measures) {
      const v = row.values[m];
      if (v !== null && v >= 1 && v <= SMALL_COUNT_MAX) row.hidden.add(m);
    }
  }
  const equations = buildEquations(rows, spec);
  // complementary, to a fixpoint: a worklist of equations, re-checked when one of their cells is hidden
  const byCell = new Map<SuppressRow, Map<string, Ref[][]>>();
  for (const eq of equations) {
    for (const r of eq) {
      let m = byCell.get(r.row);
      if (!m) byCell.set(r.row, (m = new Map()));
      m.set(r.measure, [...(m.get(r.measure) ?? []), eq]);
    }
  }
  const order = (a: Ref, b: Ref) => rank(a) - rank(b) || cmp(a.row.kode_wilayah, b.row.kode_wilayah) || cmp(a.measure, b.measure);
  const queue = [...equations]; // first in, first out: the same order as sweeping the equations again
  const queued = new Set(queue);
  for (let head = 0; head < queue.length; head++) {
    const eq = queue[head];
    queued.delete(eq);
    if (eq.filter((r) => r.row.hidden.has(r.measure)).length !== 1) continue;
    const open = eq.filter((r) => !r.row.hidden.has(r.measure) && r.row.values[r.measure] !== null);
    // Prefer a village or district number; if none is left (e.g. a regency with data in a single
    // district), the total itself must go: protection comes before the rule's usual levels.
    const pick = open.filter((r) => hideable(r.row)).sort(order)[0] ?? open.sort(order)[0];
    if (!pick) continue;
    pick.row.hidden.add(pick.measure);
    for (const other of byCell.get(pick.row)?.get(pick.measure) ?? []) {
      if (!queued.has(other)) {
        queued.add(other);
        queue.push(other);
      }
    }
  }
}

/** The rows sorted by group and area code; one row per group and area (a second one is a bug upstream). */
function canonical(rows: SuppressRow[]): SuppressRow[] {
  const sorted = [...rows].sort((a, b) => cmp(a.group, b.group) || cmp(a.kode_wilayah, b.kode_wilayah));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].group === sorted[i - 1].group && sorted[i].kode_wilayah === sorted[i - 1].kode_wilayah) {
      throw new Error(`suppression: two rows for ${sorted[i].kode_wilayah} in ${sorted[i].group}`);
    }
  }
  return sorted;
}

/** Prefer the smallest non-zero value (hiding a zero protects less); zeros last. */
function rank(r: Ref): number {
  const v = r.row.values[r.measure] ?? 0;
  return v === 0 ? Number.MAX_SAFE_INTEGER : v;
}

/** Every linear relation between published numbers, as lists of cells (signs do not matter here). */
export function buildEquations(input: SuppressRow[], spec: SuppressSpec): Ref[][] {
  const rows = canonical(input);
  const equations: Ref[][] = [];
  const byKey = new Map<string, SuppressRow>();
  for (const r of rows) byKey.set(`${r.group}|${r.kode_wilayah}`, r);
  const children = new Map<SuppressRow, SuppressRow[]>();
  for (const r of rows) {
    const p = r.parent ? byKey.get(`${r.group}|${r.parent}`) : undefined;
    if (!p) continue;
    const list = children.get(p) ?? [];
    list.push(r);
    children.set(p, list);
  }
  for (const [parent, kids] of children) {
    for (const m of spec.measures) {
      if (parent.values[m] === null) continue;
      equations.push([{ row: parent, measure: m }, ...kids.filter((k) => k.values[m] !== null).map((k) => ({ row: k, measure: m }))]);
    }
  }
  for (const r of rows) {
    for (const s of spec.rowSums) {
      if ([s.total, ...s.parts].some((m) => r.values[m] === null)) continue;
      equations.push([s.total, ...s.parts].map((m) => ({ row: r, measure: m })));
    }
  }
  return equations;
}
