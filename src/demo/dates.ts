/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), without Date: integer maths only,
 * so the generator cannot depend on the clock or the time zone.
 */

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

/** Day number of a civil date (H. Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (H. Hinnant's civil_from_days). */
export function civil(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function isoDate(n: number): string {
  const { y, m, d } = civil(n);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** DD/MM/YYYY, as Excel writes dates for an Indonesian locale. */
export function dmyDate(n: number): string {
  const { y, m, d } = civil(n);
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/** "YYYY-MM" of a day number. */
export function monthOf(n: number): string {
  const { y, m } = civil(n);
  return `${y}-${pad2(m)}`;
}

/** Age as years, months and days (birthday rule: a month is complete once its day is reached). */
export function ageParts(born: number, at: number): { years: number; months: number; days: number; totalMonths: number } {
  const b = civil(born);
  const t = civil(at);
  let total = (t.y - b.y) * 12 + (t.m - b.m);
  let days = t.d - b.d;
  if (days < 0) {
    total -= 1;
    const pm = t.m === 1 ? 12 : t.m - 1;
    const py = t.m === 1 ? t.y - 1 : t.y;
    days = Math.max(0, days + daysInMonth(py, pm));
  }
  return { years: Math.floor(total / 12), months: total % 12, days, totalMonths: total };
}

/** e-PPGBM's "Usia Saat Ukur": "2 Tahun - 3 Bulan - 5 Hari". */
export function usiaText(years: number, months: number, days: number): string {
  return `${years} Tahun - ${months} Bulan - ${days} Hari`;
}
