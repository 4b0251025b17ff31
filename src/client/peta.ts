/**
 * The maps' small script (no engine needed): the hover/focus panel, the colour classes (WHO
 * thresholds or quantiles, recoloured from each area's data-nilai) and the layer choice
 * (villages or districts). Listeners are delegated, so maps redrawn by the page upgrade keep working.
 */
import { kelasNilai, labelKelas, skalaKuantil, type Skala } from '../maps/skala.ts';
import type { Lang } from '../lib/i18n.ts';

const lang = (document.documentElement.lang === 'en' ? 'en' : 'id') as Lang;

function show(area: Element) {
  const fig = area.closest('[data-peta]');
  const panel = fig?.querySelector<HTMLElement>('[data-peta-panel]');
  if (!fig || !panel) return;
  fig.querySelector('.area.aktif')?.classList.remove('aktif');
  area.classList.add('aktif');
  const strong = document.createElement('strong');
  strong.textContent = area.getAttribute('data-nama') ?? '';
  const lines = [area.getAttribute('data-info') ?? '', (fig as HTMLElement).dataset.umum ?? ''].filter(Boolean).join('\n');
  panel.replaceChildren(strong, document.createTextNode(lines));
}

const areaOf = (t: EventTarget | null): Element | null => {
  const el = t as Element | null;
  if (!el?.closest) return null;
  if (el.matches('.peta-svg .area')) return el;
  return el.closest('.peta-svg a')?.querySelector('.area') ?? null;
};

document.addEventListener('pointerover', (e) => {
  const a = areaOf(e.target);
  if (a) show(a);
}, { passive: true });
document.addEventListener('focusin', (e) => {
  const a = areaOf(e.target);
  if (a) show(a);
});

function recolor(fig: HTMLElement, jenis: string) {
  const warna = JSON.parse(fig.dataset.warna ?? '[]') as string[];
  const who = JSON.parse(fig.dataset.batasWho ?? '[]') as number[];
  const areas = [...fig.querySelectorAll<SVGElement>('.peta-svg .area[data-nilai]')];
  const byLayer = new Map<string, SVGElement[]>();
  for (const a of areas) byLayer.set(a.dataset.lapisan ?? 'utama', [...(byLayer.get(a.dataset.lapisan ?? 'utama') ?? []), a]);
  let shown: Skala | undefined;
  const visible = fig.querySelector('.peta-svg g.lapisan:not([display="none"])')?.getAttribute('data-lapisan-nama') ?? 'utama';
  for (const [layer, list] of byLayer) {
    const skala: Skala = jenis === 'kuantil' ? skalaKuantil(list.map((a) => Number(a.dataset.nilai)), warna) : { jenis: 'who', batas: who, warna };
    for (const a of list) {
      const i = kelasNilai(skala, Number(a.dataset.nilai));
      a.setAttribute('fill', skala.warna[i]!);
      a.setAttribute('class', a.getAttribute('class')!.replace(/\bk-\d\b/, `k-${i}`));
    }
    if (layer === visible) shown = skala;
  }
  shown ??= { jenis: 'who', batas: who, warna };
  const ul = fig.querySelector<HTMLElement>('.peta-legenda ul');
  if (!ul) return;
  ul.dataset.skala = shown.jenis;
  for (const li of ul.querySelectorAll<HTMLElement>('li[data-kelas]')) {
    if (!/^\d$/.test(li.dataset.kelas!)) continue;
    const i = Number(li.dataset.kelas);
    li.hidden = i >= shown.warna.length;
    if (!li.hidden) li.querySelector('span')!.textContent = labelKelas(lang, shown, i);
  }
}

document.addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const fig = input.closest<HTMLElement>('[data-peta]');
  if (!fig) return;
  if (input.closest('[data-peta-skala]')) recolor(fig, input.value);
  if (input.closest('[data-peta-lapisan]')) {
    for (const g of fig.querySelectorAll<SVGGElement>('.peta-svg g.lapisan')) {
      if (g.dataset.lapisanNama === input.value) g.removeAttribute('display');
      else g.setAttribute('display', 'none');
    }
    fig.dataset.lapisan = input.value;
    const skala = fig.querySelector<HTMLInputElement>('[data-peta-skala] input:checked')?.value ?? 'who';
    recolor(fig, skala);
  }
});

// A map redrawn by the upgrade starts from WHO classes: re-apply the chosen options.
document.addEventListener('atlas:updated', () => {
  for (const fig of document.querySelectorAll<HTMLElement>('[data-peta]')) {
    const s = fig.querySelector<HTMLInputElement>('[data-peta-skala] input:checked');
    if (s && s.value !== 'who') recolor(fig, s.value);
  }
});
