/**
 * Small behaviours of every page (no data engine): the area search box, links that keep the
 * chosen period and area (language switch, navigation), tooltips of chart links on hover and
 * focus, and the print footer with the page's URL.
 */
import { cariWilayah, type CariIndex } from '../lib/cari.ts';
import { carriedHref } from '../lib/state-links.ts';
import { parseState, type AtlasState } from '../lib/url-state.ts';

// ------------------------------------------------------------------------------------ search
function wireSearch(form: HTMLFormElement) {
  const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
  const list = form.querySelector<HTMLUListElement>('[role=listbox]')!;
  const lang = form.dataset.lang === 'en' ? 'en' : 'id';
  const base = form.dataset.cariIndex!.replace(/cari\.json$/, ''); // the site's base path
  const levels: string[] = JSON.parse(list.dataset.tingkat ?? '[]');
  let index: Promise<CariIndex> | undefined;
  let active = -1;
  const load = () => (index ??= fetch(form.dataset.cariIndex!).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)))));
  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role=option]')];
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const select = (i: number) => {
    const opts = options();
    if (!opts.length) return;
    active = (i + opts.length) % opts.length;
    opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', opts[active]!.id);
    opts[active]!.scrollIntoView({ block: 'nearest' });
  };
  const render = async () => {
    const q = input.value;
    if (q.trim().length < 2) return close();
    const hits = cariWilayah(await load(), q);
    if (q !== input.value) return;
    list.replaceChildren(
      ...(hits.length
        ? hits.map((h, i) => {
            const li = document.createElement('li');
            li.id = `${list.id}-opsi-${i}`;
            li.setAttribute('role', 'option');
            li.setAttribute('aria-selected', 'false');
            const a = document.createElement('a');
            a.href = `${base}${lang === 'en' ? 'en/' : ''}wilayah/${h.kode}/`;
            a.tabIndex = -1;
            a.textContent = h.nama;
            a.lang = 'id';
            const small = document.createElement('small');
            small.textContent = [levels[h.kode.split('.').length - 1], ...h.induk.slice(0, 2)].filter(Boolean).join(' · ');
            a.append(small);
            li.append(a);
            return li;
          })
        : [Object.assign(document.createElement('li'), { className: 'cari-none', textContent: list.dataset.none ?? '' })]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  };
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  input.addEventListener('input', () => void render().catch(() => close()));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') (e.preventDefault(), list.hidden ? void render() : select(active + 1));
    else if (e.key === 'ArrowUp') (e.preventDefault(), select(active - 1));
    else if (e.key === 'Escape') close();
    else if (e.key === 'Enter') {
      const a = options()[Math.max(active, 0)]?.querySelector('a');
      if (a) (e.preventDefault(), (location.href = a.href));
    }
  });
  form.addEventListener('submit', (e) => {
    const a = options()[Math.max(active, 0)]?.querySelector('a');
    if (a) (e.preventDefault(), (location.href = a.href));
  });
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target as Node)) close();
  });
}

// ------------------------------------------------------------------- links that keep state
function carryState() {
  // The URL holds the shown state; a profile page's area is in its path (data-fixed), and a
  // navigation link carries it only to pages that take an area.
  const fixed: AtlasState = JSON.parse(document.querySelector<HTMLElement>('[data-page]')?.dataset.fixed ?? '{}');
  const url = parseState(location.search);
  // links to a profile page inside the page (tables, charts, lists) keep the period, unless the
  // link names its own (a month's dot on a trend)
  for (const a of document.querySelectorAll<HTMLElement>('main a[href*="/wilayah/"]:not([data-carry])')) {
    const href = a.getAttribute('href') ?? '';
    if (/\/wilayah\/\d/.test(href) && !href.includes('?')) a.dataset.carry = 'period';
  }
  for (const a of document.querySelectorAll<HTMLElement>('a[data-carry]')) {
    a.dataset.href ??= a.getAttribute('href') ?? '';
    const state = a.dataset.carry === 'all' ? url : { ...fixed, ...url };
    a.setAttribute('href', carriedHref(a.dataset.href, state, location.hash, a.dataset.carry!)); // also SVG links
  }
}

// --------------------------------------------------------------------- chart link tooltips
function wireTooltips() {
  const tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.append(tip);
  const show = (e: Event) => {
    const a = (e.target as Element | null)?.closest?.('figure.chart svg a');
    const text = a?.querySelector('title')?.textContent;
    if (!a || !text) return;
    tip.textContent = text;
    tip.hidden = false;
    const r = a.getBoundingClientRect();
    tip.style.left = `${Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4))}px`;
    tip.style.top = `${window.scrollY + r.top - tip.offsetHeight - 6}px`;
  };
  const hide = () => (tip.hidden = true);
  document.addEventListener('mouseover', show);
  document.addEventListener('focusin', show);
  document.addEventListener('mouseout', hide);
  document.addEventListener('focusout', hide);
}

// --------------------------------------------------------------------------- print footer
function wirePrint() {
  const url = document.querySelector<HTMLElement>('[data-print-url]');
  const fill = () => url && (url.textContent = location.href);
  fill();
  window.addEventListener('beforeprint', fill);
  document.addEventListener('atlas:updated', fill);
  window.addEventListener('popstate', fill);
}

for (const form of document.querySelectorAll<HTMLFormElement>('form.site-search')) wireSearch(form);
carryState();
document.addEventListener('atlas:updated', carryState);
window.addEventListener('popstate', carryState);
wireTooltips();
wirePrint();
