/**
 * Download buttons on every chart and map (any <figure> with an <svg>, also those drawn later):
 * PNG, SVG and CSV, made in the browser from what the figure shows (src/lib/figure-export.ts).
 */
import { figureCaption, figureCsv, figureSvg, figureSvgs, figureTable, figureTitle, svgToPng, type ExportContext } from '../lib/figure-export.ts';
import { t, type Lang } from '../lib/i18n.ts';
import { fileName, pageFlags, saveFile, slug } from '../lib/unduh.ts';
import { citationText } from '../lib/cite.ts';
import { canShare, copyLink, shareLink } from './bagikan.ts';

const lang = (document.documentElement.lang === 'en' ? 'en' : 'id') as Lang;
const equipped = new WeakSet<Element>();

function context(): ExportContext {
  const flags = pageFlags();
  return {
    lang,
    ...flags,
    url: location.href,
    site: t(lang, 'site.short'),
    demoMark: t(lang, 'dl.demo'),
    internalMark: t(lang, 'dl.internal'),
  };
}

function name(figure: HTMLElement, ext: string): string {
  const flags = pageFlags();
  const title = slug(figureTitle(figure)).slice(0, 60);
  return fileName([figure.dataset.figure ?? figure.dataset.map, title, flags.demo ? 'sintetis' : undefined], ext, flags);
}

async function download(figure: HTMLElement, kind: string) {
  const ctx = context();
  if (kind === 'csv') return saveFile(name(figure, 'csv'), figureCsv(figure, ctx, t(lang, 'jelajah.col.kode')), 'text/csv;charset=utf-8');
  if (kind === 'xlsx') {
    const table = figureTable(figure, lang, t(lang, 'jelajah.col.kode'));
    if (!table) return;
    const { toXlsx, XLSX_TYPE } = await import('../lib/xlsx.ts');
    const intro = [ctx.internal ? ctx.internalMark : ctx.demo ? ctx.demoMark : '', figureTitle(figure), figureCaption(figure), `${ctx.site} · ${ctx.url}`].filter(Boolean);
    return saveFile(name(figure, 'xlsx'), await toXlsx({ name: figure.dataset.figure ?? 'data', intro, ...table }), XLSX_TYPE);
  }
  const { svg, width, height } = figureSvg(figure, ctx);
  if (kind === 'svg') return saveFile(name(figure, 'svg'), svg, 'image/svg+xml;charset=utf-8');
  saveFile(name(figure, 'png'), await svgToPng(svg, width, height), 'image/png');
}

function equip(figure: HTMLElement) {
  if (equipped.has(figure) || figure.querySelector(':scope > .fig-tools')) return;
  // a Plot figure inside a chart figure belongs to the outer one
  if (figure.parentElement?.closest('figure') || !figureSvgs(figure).length) return;
  equipped.add(figure);
  const bar = document.createElement('div');
  bar.className = 'fig-tools no-print';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t(lang, 'dl.label'));
  const label = document.createElement('span');
  label.textContent = t(lang, 'dl.label');
  bar.append(label);
  for (const kind of ['png', 'svg', 'csv', 'xlsx'] as const) {
    if ((kind === 'csv' || kind === 'xlsx') && !figure.querySelector('table')) continue;
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.download = kind;
    b.textContent = kind.toUpperCase();
    b.title = t(lang, `dl.${kind}Title`);
    b.addEventListener('click', () => void download(figure, kind).catch((e) => console.warn('[atlas] download failed', e)));
    bar.append(b);
  }
  // the exact view: the page's state is in its URL; the hash brings the reader to this figure
  if (!figure.id && figure.dataset.figure) figure.id = `fig-${figure.dataset.figure}`;
  const link = () => `${location.origin}${location.pathname}${location.search}${figure.id ? `#${figure.id}` : ''}`;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.dataset.copyLink = '';
  copy.textContent = t(lang, 'share.copy');
  copy.addEventListener('click', () => void copyLink(copy, link(), lang));
  bar.append(copy);
  if (canShare()) {
    const share = document.createElement('button');
    share.type = 'button';
    share.dataset.share = '';
    share.textContent = t(lang, 'share.share');
    share.addEventListener('click', () => void shareLink(link(), figureTitle(figure), figureCaption(figure)).catch(() => undefined));
    bar.append(share);
  }
  const cite = document.createElement('button');
  cite.type = 'button';
  cite.dataset.cite = '';
  cite.textContent = t(lang, 'cite.button');
  cite.setAttribute('aria-expanded', 'false');
  cite.addEventListener('click', () => toggleCite(figure, cite));
  bar.append(cite);
  figure.append(bar);
}

/** The caption's source sentence: "Sumber: e-PPGBM, Agustus 2025. …" -> "e-PPGBM, Agustus 2025". */
function captionSource(figure: HTMLElement): string[] {
  const m = /(?:Sumber|Source):\s*([^.]+(?:\.\d[^.]*)?)\./.exec(figureCaption(figure));
  return m ? [m[1]!.trim()] : [];
}

function toggleCite(figure: HTMLElement, button: HTMLButtonElement) {
  const open = figure.querySelector<HTMLElement>(':scope > .fig-cite');
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  const html = document.documentElement;
  const flags = pageFlags();
  const text = citationText(lang, {
    site: (document.querySelector('.brand')?.textContent ?? t(lang, 'site.short')).trim(),
    publisher: t(lang, 'site.short'),
    title: figureTitle(figure),
    url: location.href,
    release: html.dataset.release ?? '',
    latest: html.dataset.latest,
    accessed: new Date().toISOString().slice(0, 10),
    licence: t(lang, 'cite.licence'),
    sources: captionSource(figure),
    ...flags,
  });
  const box = document.createElement('div');
  box.className = 'fig-cite no-print';
  const p = document.createElement('p');
  p.textContent = text;
  p.dataset.citation = '';
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = t(lang, 'cite.copy');
  copy.addEventListener('click', () => void copyLink(copy, text, lang));
  box.append(p, copy);
  figure.append(box);
  button.setAttribute('aria-expanded', 'true');
}

function scan(root: ParentNode = document) {
  for (const f of root.querySelectorAll<HTMLElement>('main figure')) equip(f);
}

scan();
let pending = false;
new MutationObserver(() => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    scan();
  });
}).observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
