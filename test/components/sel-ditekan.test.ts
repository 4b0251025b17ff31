import { describe, expect, it } from 'vitest';
import { countCell, rateCell } from '../../src/components/halaman/html.ts';
import { rateHidden } from '../../src/lib/domain/suppression.ts';

describe('table cells of suppressed rows: only what is hidden says so', () => {
  it('a rate is hidden only with one of its counts; a marked row with its counts published had too few measured', () => {
    // 6 stunted of 15 measured published (a moderately/severely stunted count hidden): no rate, not hidden
    expect(rateHidden(null, true, [6, 15])).toBe(false);
    expect(rateHidden(null, true, [null, 15])).toBe(true);
    expect(rateHidden(null, false, [null, null])).toBe(false);
    expect(rateHidden(20.7, true, [17, 82])).toBe(false);
    // a count not known to the caller: counted as hidden
    expect(rateHidden(null, true, [undefined])).toBe(true);
  });

  it('a marked row shows its published numbers; a hidden one as "suppressed", a missing one as a dash', () => {
    // Jak Luay: 17 of 82 measured, 20.7 %, its row marked for another count
    expect(countCell('en', 17, true)).toBe('17');
    expect(rateCell('en', 20.7, true, [17, 82])).toBe('20.7%');
    expect(countCell('id', null, true)).toBe('disembunyikan');
    expect(countCell('en', null, false)).toBe('–');
    expect(rateCell('en', null, true, [6, 15])).toBe('–');
    expect(rateCell('id', null, true, [null, 15])).toBe('disembunyikan');
  });
});
