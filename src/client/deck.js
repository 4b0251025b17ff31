// @ts-check
/**
 * The rakor deck's controls, as one classic script inlined into the page (no module, no fetch):
 * it also runs from file:// in the portable edition. Without it every slide is simply shown one
 * below the other; with it the deck shows one slide at a time.
 *
 *   ?slides=angka,peta,desa   the slides shown (and printed), by key; all when absent
 *   #3                        the third of the shown slides
 *   ?wilayah=64.08&periode=2024-08   another deck of the site: opened when it was built
 *
 * Keys: → ↓ PageDown space next, ← ↑ PageUp previous, Home/End, F full screen, Esc closes the
 * chooser (the browser leaves full screen itself). Touch: swipe left/right.
 */
(function () {
  const deck = document.querySelector('[data-deck]');
  if (!(deck instanceof HTMLElement)) return;
  const root = document.documentElement;
  const slides = /** @type {HTMLElement[]} */ ([...deck.querySelectorAll('section.slide[aria-roledescription]')]);
  const keys = slides.map((s) => s.dataset.slide || '');
  const live = document.querySelector('[data-deck-live]');
  const notice = document.querySelector('[data-deck-notice]');
  const chooser = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll('[data-deck-choose] input[type=checkbox]')]);
  const slideWord = deck.dataset.slideWord || '{n} / {total}';
  const paths = /** @type {Record<string, string>} */ (JSON.parse(deck.dataset.paths || '{}'));
  const params = new URLSearchParams(location.search);

  // ?wilayah= & ?periode= name another deck: go there (keeping the slide choice and position).
  const wilayah = params.get('wilayah');
  const periode = params.get('periode');
  if (wilayah || periode) {
    const target = paths[`${wilayah || deck.dataset.kode}|${periode || ''}`] || paths[`${wilayah || deck.dataset.kode}|`];
    params.delete('wilayah');
    params.delete('periode');
    if (target && !location.pathname.endsWith(target.replace(/^\.?\//, ''))) {
      const q = params.toString();
      location.replace(target + (q ? `?${q}` : '') + location.hash);
      return;
    }
    if (!target && notice) notice.textContent = notice.getAttribute('data-unknown-deck') || '';
  }

  /** @type {Set<string>} */
  let chosen = new Set(keys);
  const asked = (params.get('slides') || '').split(',').map((s) => s.trim()).filter(Boolean);
  if (asked.length) {
    const known = asked.filter((k) => keys.includes(k));
    const unknown = asked.filter((k) => !keys.includes(k));
    if (known.length) chosen = new Set(known);
    if (unknown.length && notice) notice.textContent = (notice.getAttribute('data-unknown') || '').replace('{daftar}', unknown.join(', '));
  }

  const shown = () => slides.filter((s) => chosen.has(s.dataset.slide || ''));
  let index = Math.max(0, (parseInt(location.hash.slice(1), 10) || 1) - 1);

  function writeUrl() {
    const p = new URLSearchParams(location.search);
    if (chosen.size === keys.length) p.delete('slides');
    else p.set('slides', keys.filter((k) => chosen.has(k)).join(','));
    const q = p.toString();
    const url = `${location.pathname}${q ? `?${q}` : ''}#${index + 1}`;
    try {
      history.replaceState(null, '', url);
    } catch {
      // file:// in some browsers refuses replaceState: the deck still works, the URL stays.
    }
  }

  function render() {
    const list = shown();
    if (!list.length) return;
    index = Math.min(Math.max(index, 0), list.length - 1);
    for (const s of slides) {
      const pos = list.indexOf(s);
      s.hidden = pos === -1;
      s.classList.toggle('is-current', pos === index);
      s.setAttribute('aria-hidden', pos === index ? 'false' : 'true');
      const no = s.querySelector('[data-slide-no]');
      if (no && pos !== -1) no.textContent = slideWord.replace('{n}', String(pos + 1)).replace('{total}', String(list.length));
    }
    for (const box of chooser) box.checked = chosen.has(box.value);
    if (live) live.textContent = `${slideWord.replace('{n}', String(index + 1)).replace('{total}', String(list.length))}: ${list[index]?.querySelector('.slide-title')?.textContent || ''}`;
    writeUrl();
  }

  function go(/** @type {number} */ to) {
    index = to;
    render();
  }

  function fullScreen() {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else root.requestFullscreen?.().catch(() => {});
  }

  root.classList.add('deck-js');
  document.addEventListener('keydown', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (target.closest('select, input, textarea, summary, [data-deck-choose]') && e.key !== 'Escape') return;
    const last = shown().length - 1;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': case 'PageDown': go(index + 1); break;
      case ' ': go(e.shiftKey ? index - 1 : index + 1); break;
      case 'ArrowLeft': case 'ArrowUp': case 'PageUp': go(index - 1); break;
      case 'Home': go(0); break;
      case 'End': go(last); break;
      case 'f': case 'F': fullScreen(); break;
      case 'Escape': document.querySelector('[data-deck-choose]')?.removeAttribute('open'); return;
      default: return;
    }
    e.preventDefault();
  });

  let startX = 0;
  let startY = 0;
  deck.addEventListener('touchstart', (e) => { startX = e.touches[0]?.clientX ?? 0; startY = e.touches[0]?.clientY ?? 0; }, { passive: true });
  deck.addEventListener('touchend', (e) => {
    const dx = (e.changedTouches[0]?.clientX ?? 0) - startX;
    const dy = (e.changedTouches[0]?.clientY ?? 0) - startY;
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) go(index + (dx < 0 ? 1 : -1));
  });

  document.querySelector('[data-deck-prev]')?.addEventListener('click', () => go(index - 1));
  document.querySelector('[data-deck-next]')?.addEventListener('click', () => go(index + 1));
  document.querySelector('[data-deck-full]')?.addEventListener('click', fullScreen);
  document.querySelector('[data-deck-print]')?.addEventListener('click', () => window.print());
  for (const box of chooser) {
    box.addEventListener('change', () => {
      const next = new Set(chooser.filter((b) => b.checked).map((b) => b.value));
      if (!next.size) { box.checked = true; return; }
      const current = shown()[index];
      chosen = next;
      const list = shown();
      index = current && list.includes(current) ? list.indexOf(current) : 0;
      render();
    });
  }
  // Area and period: the chosen deck's page (built for every regency and month).
  for (const sel of /** @type {HTMLSelectElement[]} */ ([...document.querySelectorAll('select[data-deck-goto]')])) {
    sel.addEventListener('change', () => {
      const area = /** @type {HTMLSelectElement | null} */ (document.querySelector('select[data-deck-goto="wilayah"]'))?.value || deck.dataset.kode || '';
      const per = /** @type {HTMLSelectElement | null} */ (document.querySelector('select[data-deck-goto="periode"]'))?.value || '';
      const target = paths[`${area}|${per}`] || paths[`${area}|`];
      if (target) location.href = target + location.search;
    });
  }
  window.addEventListener('hashchange', () => go((parseInt(location.hash.slice(1), 10) || 1) - 1));
  render();
})();
