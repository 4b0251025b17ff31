/**
 * The maps' small script (no engine needed): the hover/focus panel, the colour classes (WHO
 * thresholds or quantiles, recoloured from each area's data-nilai) and the layer choice
 * (villages or districts). Listeners are delegated, so maps redrawn by the page upgrade keep working.
 *
 * Both choices are in the URL like the other controls (?scale=kuantil&layer=kecamatan; the
 * defaults, WHO bands and the first layer, are left out): a choice pushes a history entry and
 * applies to every map of the page; a shared link, back/forward and a redraw show the URL's choice,
 * and the language switch keeps it (src/lib/state-links.ts carries every state key).
 */
import { kelasNilai, labelKelas, skalaKuantil, type Skala } from '../maps/skala.ts';
import type { Lang } from '../lib/i18n.ts';
import { getState, onStateChange, setState, type AtlasState } from '../lib/url-state.ts';

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

/** Shows one layer of a map ("utama" is the first: villages on a regency's map). */
function showLayer(fig: HTMLElement, layer: string) {
  const groups = [...fig.querySelectorAll<SVGGElement>('.peta-svg g.lapisan')];
  if (!groups.some((g) => g.dataset.lapisanNama === layer)) return;
  for (const g of groups) {
    if (g.dataset.lapisanNama === layer) g.removeAttribute('display');
    else g.setAttribute('display', 'none');
  }
  fig.dataset.lapisan = layer;
}

const check = (fig: HTMLElement, group: string, value: string) => {
  const input = fig.querySelector<HTMLInputElement>(`[${group}] input[value="${CSS.escape(value)}"]`);
  if (input) input.checked = true;
  return Boolean(input);
};

/** Every map of the page as the state says (missing keys: WHO bands, first layer). */
function applyState(state: AtlasState) {
  for (const fig of document.querySelectorAll<HTMLElement>('[data-peta]')) {
    const layer = state.layer ?? 'utama';
    if (check(fig, 'data-peta-lapisan', layer)) showLayer(fig, layer);
    else if (fig.querySelector('[data-peta-lapisan]')) (check(fig, 'data-peta-lapisan', 'utama'), showLayer(fig, 'utama'));
    const scale = state.scale === 'kuantil' ? 'kuantil' : 'who';
    const has = check(fig, 'data-peta-skala', scale);
    // a map without the quantile option keeps the WHO bands; recolour only what changed
    if (has && (scale !== 'who' || fig.dataset.skala === 'kuantil' || fig.querySelector('[data-peta-lapisan]'))) recolor(fig, scale);
    fig.dataset.skala = has ? scale : 'who';
  }
}

document.addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  const fig = input.closest<HTMLElement>('[data-peta]');
  if (!fig) return;
  if (input.closest('[data-peta-skala]')) {
    setState({ scale: input.value === 'kuantil' ? 'kuantil' : null });
    applyState(getState());
  }
  if (input.closest('[data-peta-lapisan]')) {
    setState({ layer: input.value === 'utama' ? null : input.value });
    applyState(getState());
  }
});

// A shared link, back/forward, and a map redrawn by the upgrade (which draws WHO classes and the
// first layer): the URL's choice.
applyState(getState());
onStateChange((state) => applyState(state));
document.addEventListener('atlas:updated', () => applyState(getState()));
