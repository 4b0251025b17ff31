import { describe, expect, it } from 'vitest';
import { fraksiHtml, tabelHtml } from '../../src/charts/tabel.ts';

describe('fractions in numeric table cells', () => {
  it('a short fraction stays whole; one with thousands may wrap after its slash (print)', () => {
    expect(fraksiHtml('90,9% (10/11)')).toBe('90,9% (<span class="utuh">10/11</span>)');
    expect(fraksiHtml('66.7% (1,588/2,359)')).toBe('66.7% (1,588/<wbr>2,359)');
    expect(fraksiHtml('72,3% (876/1.169)')).toBe('72,3% (876/<wbr>1.169)');
    // a decimal before a percent sign and "1 / 1" with spaces are not fractions to touch
    expect(fraksiHtml('1 / 1')).toBe('1 / 1');
  });

  it('the table marks numeric cells only', () => {
    const html = tabelHtml('en', [
      { label: 'Name', value: (r: { a: string }) => r.a },
      { label: 'Cov.', value: () => '62.5% (10/16)', angka: true },
    ], [{ a: '10/16' }]);
    expect(html).toContain('<td class="num">62.5% (<span class="utuh">10/16</span>)</td>');
    expect(html).toContain('<th scope="row">10/16</th>');
  });
});
