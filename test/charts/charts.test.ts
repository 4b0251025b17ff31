import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { jangkauanChart } from '../../src/charts/jangkauan.ts';
import { kualitasChart } from '../../src/charts/kualitas.ts';
import { kuadranChart } from '../../src/charts/kuadran.ts';
import { peringkatChart } from '../../src/charts/peringkat.ts';
import { surveiChart } from '../../src/charts/survei.ts';
import { tabelHtml } from '../../src/charts/tabel.ts';
import { trenChart } from '../../src/charts/tren.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

const texts = (el: Element) => [...el.querySelectorAll('text')].map((t) => t.textContent ?? '');

const ski2023 = [
  { kode: '64.01', nama: 'Paser', value: 22.4 },
  { kode: '64.02', nama: 'Kutai Kartanegara', value: 17.6 },
  { kode: '64.03', nama: 'Berau', value: 23.0 },
  { kode: '64.07', nama: 'Kutai Barat', value: 22.0 },
  { kode: '64.08', nama: 'Kutai Timur', value: 29.0 },
  { kode: '64.09', nama: 'Penajam Paser Utara', value: 24.6 },
  { kode: '64.11', nama: 'Mahakam Ulu', value: null },
  { kode: '64.71', nama: 'Balikpapan', value: 21.6 },
  { kode: '64.72', nama: 'Samarinda', value: 24.4 },
  { kode: '64.74', nama: 'Bontang', value: 27.4 },
];

describe('peringkatChart', () => {
  const el = peringkatChart(ski2023, {
    lang: 'id',
    document,
    ukuran: 'prevalensi',
    sumber: 'survei',
    label: 'Peringkat kabupaten/kota menurut prevalensi stunting SKI 2023',
    axisLabel: 'Prevalensi stunting, SKI 2023 (%)',
  });

  it('ranks highest first, keeps a missing value as "tidak ada data", never a bar of 0', async () => {
    const yLabels = [...el.querySelectorAll('[data-mark="y-axis tick label"] text')].map((t) => t.textContent);
    expect(yLabels.slice(0, 3)).toEqual(['Kutai Timur', 'Bontang', 'Penajam Paser Utara']);
    expect(yLabels.at(-1)).toBe('Mahakam Ulu');
    expect(texts(el)).toContain('29,0%');
    expect(texts(el)).toContain('– tidak ada data');
    expect(el.querySelectorAll('[data-mark="bar"] rect')).toHaveLength(9);
    await expect(el.outerHTML).toMatchFileSnapshot('__snapshots__/peringkat-ski-2023.id.svg.html');
  });

  it('is labelled for screen readers, legend names the source, survey palette', () => {
    const svg = el.querySelector('svg[data-chart-main]')!;
    expect(svg.getAttribute('aria-label')).toMatch(/SKI 2023/);
    expect(texts(el)).toContain('Prevalensi stunting, SKI 2023 (%)');
    expect(el.outerHTML).toContain('#08306b'); // darkest survey blue for ≥ 30%? no: Kutim 29 is in 20–30
    expect(el.outerHTML).toContain('#2171b5');
    expect(el.outerHTML).not.toContain('#d7301f');
  });

  it('sets its colour legend in the chart font (Plot draws it at 10 px: under 11 px on a phone)', () => {
    const legends = [...el.querySelectorAll('svg:not([data-chart-main])')];
    expect(legends.length).toBeGreaterThan(0);
    for (const legend of legends) expect(Number(legend.getAttribute('font-size'))).toBeGreaterThanOrEqual(12);
  });

  it('English labels and decimal point in English', async () => {
    const en = peringkatChart(ski2023, { lang: 'en', document, ukuran: 'prevalensi', sumber: 'survei', label: 'Ranking', axisLabel: 'Stunting prevalence, SKI 2023 (%)' });
    expect(texts(en)).toContain('29.0%');
    expect(texts(en)).toContain('– no data');
    await expect(en.outerHTML).toMatchFileSnapshot('__snapshots__/peringkat-ski-2023.en.svg.html');
  });

  it('suppressed values say so; counts use thousands separators', () => {
    const c = peringkatChart(
      [
        { kode: 'a', nama: 'Desa A', value: 1234 },
        { kode: 'b', nama: 'Desa B', value: null, ditekan: true },
      ],
      { lang: 'id', document, ukuran: 'jumlah', sumber: 'rutin', label: 'x', axisLabel: 'Balita stunting' },
    );
    expect(texts(c)).toContain('1.234');
    expect(texts(c)).toContain('– disembunyikan');
  });
});

describe('trenChart', () => {
  const rows = [
    { periode: '2023-02', prevalensi: 18.04 },
    { periode: '2023-08', prevalensi: 17.5 },
    { periode: '2024-02', prevalensi: null },
    { periode: '2024-08', prevalensi: 15.25 },
  ];
  it('labels each month in Indonesian with decimal commas', async () => {
    const el = trenChart(rows, { lang: 'id', document, label: 'Tren prevalensi', axisLabel: 'Prevalensi e-PPGBM (%)', sorot: '2024-08' });
    expect(texts(el)).toEqual(expect.arrayContaining(['Feb 2023', 'Agu 2023', 'Agu 2024', '18,0%', '15,3%']));
    expect(texts(el).some((t) => t.includes('Aug'))).toBe(false);
    expect(el.querySelector('[data-mark="dot"]')!.querySelectorAll('circle')).toHaveLength(3);
    await expect(el.outerHTML).toMatchFileSnapshot('__snapshots__/tren.id.svg.html');
  });

  it('value labels of months two apart (Jun and Aug 2024, as Kutai Timur) never touch: one goes below its dot, and every month keeps its label', () => {
    const kutim = [
      ['2023-02', 16.7], ['2023-08', 16.6], ['2024-02', 15.9], ['2024-06', 15.8], ['2024-08', 15.9], ['2025-02', 15.4], ['2025-08', 14.6],
    ].map(([periode, prevalensi]) => ({ periode: periode as string, prevalensi: prevalensi as number }));
    const el = trenChart(kutim, { lang: 'en', document, width: 680, label: 'L', axisLabel: 'A', sorot: '2025-08' });
    // the label's place: the mark's translate(0,dy) plus the text's translate(x,y)
    const xy = (e: Element | null) => (e?.getAttribute('transform') ?? 'translate(0,0)').match(/translate\((-?[\d.]+),(-?[\d.]+)\)/)!.slice(1).map(Number);
    const labels = [...el.querySelectorAll('g[data-mark="text"] text')]
      .filter((t) => /%$/.test(t.textContent ?? ''))
      .map((t) => {
        const [gx, gy] = xy(t.parentElement);
        const [x, y] = xy(t);
        return { text: t.textContent!, x: x! + gx!, y: y! + gy! };
      });
    expect(labels.map((l) => l.text).sort()).toEqual(['14.6%', '15.4%', '15.8%', '15.9%', '15.9%', '16.6%', '16.7%']);
    for (const a of labels) {
      for (const b of labels) {
        if (a === b) continue;
        const apartX = Math.abs(a.x - b.x) >= ((a.text.length + b.text.length) / 2) * 6.9 + 4; // a gap of 4 px at least
        const apartY = Math.abs(a.y - b.y) >= 13;
        expect(apartX || apartY, `${a.text} at ${a.x},${a.y} and ${b.text} at ${b.x},${b.y}`).toBe(true);
      }
    }
  });
});

describe('surveiChart', () => {
  it('draws the survey series with the targets labelled', async () => {
    const rows = [
      { kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur', survei: 'SSGI', tahun: 2021, prevalensi: 22.8 },
      { kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur', survei: 'SSGI', tahun: 2022, prevalensi: 23.9 },
      { kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur', survei: 'SKI', tahun: 2023, prevalensi: 22.9 },
      { kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur', survei: 'SSGI', tahun: 2024, prevalensi: 22.2 },
      { kode_wilayah: 'ID', nama_wilayah: 'Indonesia', survei: 'SSGI', tahun: 2021, prevalensi: 24.4 },
      { kode_wilayah: 'ID', nama_wilayah: 'Indonesia', survei: 'SSGI', tahun: 2024, prevalensi: 19.8 },
    ];
    const el = surveiChart(rows, [{ kode_wilayah: 'ID', tahun: 2024, target: 14, label: 'Target nasional 2024' }], {
      lang: 'id',
      document,
      label: 'Prevalensi stunting menurut survei',
      axisLabel: 'Prevalensi stunting, survei (%)',
    });
    expect(texts(el)).toEqual(expect.arrayContaining(['SSGI 2021', 'SKI 2023', 'SSGI 2024', '22,2%', 'Target nasional 2024: 14,0%', 'Kalimantan Timur', 'Indonesia']));
    await expect(el.outerHTML).toMatchFileSnapshot('__snapshots__/survei.id.svg.html');
  });
  it('two targets of one year (national 14.0 %, provincial 12.83 %): side by side markers, each with its own label, at phone and desktop widths', () => {
    const rows = [{ kode_wilayah: '64', nama_wilayah: 'Kalimantan Timur', survei: 'SSGI', tahun: 2024, prevalensi: 22.2 }];
    const targets = [
      { kode_wilayah: 'ID', tahun: 2024, target: 14, label: 'National target 2024' },
      { kode_wilayah: '64', tahun: 2024, target: 12.83, label: 'Provincial target 2024' },
    ];
    for (const width of [358, 900]) {
      const el = surveiChart(rows, targets, { lang: 'en', document, width, label: 'L', axisLabel: 'A' });
      const markers = [...el.querySelectorAll('g.target')];
      expect(markers).toHaveLength(2);
      // the markers' centres (the mark's translate(dx,0) plus the path's translate(x,y)) are 12 px apart
      const tx = (e: Element | null) => Number((e?.getAttribute('transform') ?? '').match(/translate\((-?[\d.]+)/)?.[1] ?? 0);
      const x = markers.map((g) => tx(g) + tx(g.querySelector('path')));
      expect(Math.abs(x[0]! - x[1]!)).toBeGreaterThanOrEqual(12);
      expect(markers.map((g) => g.getAttribute('fill'))).toEqual(['white', '#111']);
      const labels = [...el.querySelectorAll('g.target-label text')].map((t) => t.textContent);
      expect(labels).toEqual(['National target 2024: 14.0%', 'Provincial target 2024: 12.83%']);
    }
  });
});

describe('kuadranChart', () => {
  it('places areas by prevalence and burden with quadrant labels', async () => {
    const el = kuadranChart(
      [
        { kode: '64.08', nama: 'Kutai Timur', prevalensi: 18, stunting: 1800 },
        { kode: '64.72', nama: 'Samarinda', prevalensi: 12, stunting: 4100 },
        { kode: '64.11', nama: 'Mahakam Ulu', prevalensi: 14, stunting: 150 },
        { kode: '64.01', nama: 'Paser', prevalensi: null, stunting: null },
      ],
      { lang: 'id', document, label: 'Kuadran', xLabel: 'Prevalensi e-PPGBM (%)', yLabel: 'Balita stunting', legendLabel: 'Prevalensi e-PPGBM (%)' },
    );
    expect(el.querySelectorAll('[data-mark="dot"] circle')).toHaveLength(3);
    expect(texts(el)).toEqual(expect.arrayContaining(['Kutai Timur', 'prevalensi tinggi, jumlah banyak']));
    await expect(el.outerHTML).toMatchFileSnapshot('__snapshots__/kuadran.id.svg.html');
  });
});

describe('jangkauanChart and kualitasChart', () => {
  it('shows reached and stunted as two counts, never "x of y" or a share', () => {
    const el = jangkauanChart(
      [
        { kode: '64.08', nama: 'Kutai Timur', stunting: 45, realisasi: 20 },
        { kode: '64.01', nama: 'Paser', stunting: null, realisasi: 5 },
      ],
      { lang: 'id', document, label: 'Jangkauan', axisLabel: 'Anak', stuntingLabel: 'Balita stunting', reachedLabel: 'Terjangkau BAAS' },
    );
    expect(texts(el)).toEqual(expect.arrayContaining(['20 dijangkau · 45 stunting', '– tidak ada data']));
    expect(texts(el).some((x) => / dari |%/.test(x))).toBe(false);
  });
  it('shows villages reporting per month', () => {
    const el = kualitasChart(
      [
        { periode: '2024-02', desa_melapor: 900, desa_total: 1038, persen_desa_melapor: 86.7 },
        { periode: '2024-08', desa_melapor: null, desa_total: 1038, persen_desa_melapor: null },
      ],
      { lang: 'en', document, label: 'Villages reporting', axisLabel: 'Villages reporting (%)' },
    );
    expect(texts(el)).toEqual(expect.arrayContaining(['Feb 2024', 'Aug 2024', '87%']));
  });
});

describe('marks that are areas link to their profile, with a tooltip', () => {
  const links = (el: Element) => [...el.querySelectorAll('svg a')].map((a) => [a.getAttribute('href'), a.querySelector('title')?.textContent]);

  it('trend: each month links to the page of that month; the tooltip names month, value and n', () => {
    const el = trenChart(
      [
        { periode: '2024-02', prevalensi: 20.1, diukur: 1200, href: '/wilayah/64.08/?period=2024-02' },
        { periode: '2024-08', prevalensi: null, diukur: 10 },
        { periode: '2025-02', prevalensi: 18.5, diukur: 1300, lengkap: false, href: '/wilayah/64.08/?period=2025-02' },
      ],
      { lang: 'id', document, width: 600, label: 'Tren', axisLabel: 'Prevalensi (%)' },
    );
    expect(links(el)).toEqual([
      ['/wilayah/64.08/?period=2024-02', 'Februari 2024: 20,1% (n = 1.200)'],
      ['/wilayah/64.08/?period=2025-02', 'Februari 2025: 18,5% (n = 1.300) – tidak lengkap'],
    ]);
    // a chart with links is a group of links (an image may not hold them), with plain href (not xlink)
    expect((el.hasAttribute('data-chart-main') ? el : el.querySelector('[data-chart-main]'))!.getAttribute('role')).toBe('group');
    expect(el.outerHTML).not.toContain('xlink');
  });

  it('survey: only the series with a page link; Indonesia has none', () => {
    const el = surveiChart(
      [
        { kode_wilayah: '64', nama_wilayah: 'East Kalimantan', survei: 'SSGI', tahun: 2024, prevalensi: 22.2, href: '/en/wilayah/64/' },
        { kode_wilayah: 'ID', nama_wilayah: 'Indonesia', survei: 'SSGI', tahun: 2024, prevalensi: 19.8 },
      ],
      [],
      { lang: 'en', document, width: 600, label: 'Survey', axisLabel: 'Prevalence (%)' },
    );
    expect(links(el)).toEqual([['/en/wilayah/64/', 'East Kalimantan, SSGI 2024: 22.2%']]);
  });

  it('programme reach: one link per area (over both bars, or on its "no data" text)', () => {
    const el = jangkauanChart(
      [
        { kode: '64.08', nama: 'Kutai Timur', stunting: 45, realisasi: 20, href: '/wilayah/64.08/' },
        { kode: '64.01', nama: 'Paser', stunting: null, realisasi: null, href: '/wilayah/64.01/' },
      ],
      { lang: 'id', document, width: 600, label: 'Jangkauan', axisLabel: 'Anak', stuntingLabel: 'Balita stunting', reachedLabel: 'Terjangkau BAAS' },
    );
    expect(links(el)).toEqual([
      ['/wilayah/64.01/', 'Paser: tidak ada data'],
      ['/wilayah/64.08/', 'Kutai Timur: 20 dijangkau · 45 stunting'],
    ]);
  });

  it('ranking: an area without a value links from its dash; tooltips carry the full name', () => {
    const el = peringkatChart(
      [
        { kode: '64.09', nama: 'Penajam Paser Utara Selatan Barat', value: 24.6, href: '/wilayah/64.09/' },
        { kode: '64.11', nama: 'Mahakam Ulu', value: null, ditekan: true, href: '/wilayah/64.11/' },
      ],
      { lang: 'id', document, width: 340, ukuran: 'prevalensi', sumber: 'survei', label: 'L', axisLabel: 'A' },
    );
    expect(links(el)).toEqual([
      ['/wilayah/64.09/', 'Penajam Paser Utara Selatan Barat: 24,6%'],
      ['/wilayah/64.11/', 'Mahakam Ulu: disembunyikan'],
    ]);
  });
});

describe('tabelHtml', () => {
  it('renders missing values as an accessible dash, not 0', () => {
    const html = tabelHtml('id', [
      { label: 'Wilayah', value: (r: { n: string; v: number | null }) => r.n },
      { label: 'Nilai', value: (r) => (r.v === null ? '–' : String(r.v)), angka: true },
    ], [{ n: 'A', v: null }]);
    expect(html).toContain('<th scope="row">A</th>');
    expect(html).toContain('tidak ada data');
    expect(html).not.toContain('>0<');
  });
});

describe('sized: a phone and a desktop drawing at build time', () => {
  const rows = ski2023.map((r) => ({ ...r, keterangan: 'n = 1.234' }));
  const el = peringkatChart(rows, { lang: 'id', document, width: [340, 680], ukuran: 'prevalensi', sumber: 'survei', label: 'Peringkat', axisLabel: 'Prevalensi (%)' });
  const narrow = el.querySelector('.chart-narrow')!;
  const wide = el.querySelector('.chart-wide')!;

  it('draws each width once, marked for the CSS that picks one', () => {
    expect(el.getAttribute('class')).toBe('chart-sizes');
    expect(el.children).toHaveLength(2);
    const main = (x: Element) => (x.tagName.toLowerCase() === 'svg' ? x : x.querySelector('svg[data-chart-main]'))!;
    expect(main(narrow).getAttribute('viewBox')).toBe(`0 0 340 ${main(narrow).getAttribute('height')}`);
    expect(main(wide).getAttribute('viewBox')).toMatch(/^0 0 680 /);
    expect(el.querySelectorAll('svg[data-chart-main]')).toHaveLength(2);
  });

  it('keeps 12 px text and leaves the long notes to the table on a phone', () => {
    for (const x of [narrow, wide]) expect(x.outerHTML).toContain('font-size:12px');
    expect(texts(wide).some((t) => t.includes('n = 1.234'))).toBe(true);
    expect(texts(narrow).some((t) => t.includes('n = 1.234'))).toBe(false);
    expect(texts(narrow)).toContain('29,0%');
  });

  it('one width draws one chart', () => {
    const one = peringkatChart(rows, { lang: 'id', document, width: 358, ukuran: 'prevalensi', sumber: 'survei', label: 'P', axisLabel: 'P (%)' });
    expect(one.getAttribute('class')).not.toBe('chart-sizes');
    expect(one.querySelectorAll('svg[data-chart-main]')).toHaveLength(1);
  });
});
