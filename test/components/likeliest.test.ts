import { describe, expect, it } from 'vitest';
import { likeliestChoices } from '../../src/components/halaman/likeliest.ts';
import { likeliestChoice } from '../../src/lib/likeliest-choice.ts';

const opt = (value: string, shown = false, disabled = false) => ({ value, shown, disabled });

describe('the likeliest first choice of a control', () => {
  it('is the first enabled option other than the one shown (the top of the list)', () => {
    expect(likeliestChoice([opt('2025-08', true), opt('2025-02'), opt('2024-08')])).toBe('2025-02');
    expect(likeliestChoice([opt('2025-08'), opt('2025-02', true), opt('2024-08')])).toBe('2025-08');
    expect(likeliestChoice([opt('a', true), opt('b', false, true), opt('c')])).toBe('c');
    expect(likeliestChoice([opt('a', false, true), opt('b'), opt('c', true)])).toBe('b');
  });
  it('is none while no option is shown (not read yet), or when no other can be chosen', () => {
    expect(likeliestChoice([opt('a'), opt('b')])).toBeUndefined();
    expect(likeliestChoice([])).toBeUndefined();
    expect(likeliestChoice([opt('a', true), opt('b', false, true)])).toBeUndefined();
  });
});

describe("the build's likeliest choices of a page", () => {
  // as the Prioritas page is built (its four controls, the survey far below the others)
  const html = [
    '<div class="controls"><label>Periode pengukuran (e-PPGBM)<select data-atlas-control="period" name="period" disabled data-astro-cid-4nvbo4d6>',
    '<option value="2025-08" selected>Agustus 2025</option><option value="2025-02">Februari 2025</option><option value="2024-06">Juni 2024 (tidak lengkap)</option></select></label></div>',
    '<p>…</p><select data-atlas-control="indicator" name="indicator" disabled><option value="prevalensi" selected>Prevalensi stunting</option><option value="stunting">Jumlah balita stunting</option></select>',
    '<select data-atlas-control="area" name="area" disabled><option value="64.01">Kabupaten Paser</option><option value="64.08" selected>Kabupaten Kutai Timur</option><option value="64.09">Kabupaten Penajam Paser Utara</option></select>',
    '<figure class="chart">…</figure><select data-atlas-control="tab" name="tab" disabled><option value="ssgi-2024" selected>SSGI 2024</option><option value="ski-2023">SKI 2023</option></select>',
    // a second select of a key does not count; a select that is not a control neither
    '<select data-atlas-control="period" name="period"><option value="2024-06" selected>Juni 2024</option><option value="2024-02">Februari 2024</option></select>',
    '<select name="other"><option value="x" selected>x</option><option value="y">y</option></select>',
  ].join('');

  it('names the top other option for each control key, in the order of the page', () => {
    const likely = likeliestChoices(html);
    expect(likely).toEqual({ period: '2025-02', indicator: 'stunting', area: '64.01', tab: 'ski-2023' });
    expect(Object.keys(likely)).toEqual(['period', 'indicator', 'area', 'tab']);
  });

  it('leaves out a control with no option shown or no other option, and attributes that are not state keys', () => {
    expect(likeliestChoices('<select data-atlas-control="period"><option value="2025-02">F</option><option value="2025-08">A</option></select>')).toEqual({});
    expect(likeliestChoices('<select data-atlas-control="period"><option value="2025-08" selected>A</option></select>')).toEqual({});
    expect(likeliestChoices('<select data-atlas-control="search"><option value="a" selected>a</option><option value="b">b</option></select>')).toEqual({});
  });

  it('reads values as the browser does (entities decoded, text when there is no value)', () => {
    expect(likeliestChoices('<select data-atlas-control="area"><option value="a&amp;b" selected>x</option><option>Kota Bontang</option></select>')).toEqual({ area: 'Kota Bontang' });
  });
});
