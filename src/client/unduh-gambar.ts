/**
 * Download buttons on every chart and map (any <figure> with an <svg>, also those drawn later):
 * PNG, SVG and CSV, made in the browser from what the figure shows (src/lib/figure-export.ts).
 */
import { figureCaption, figureCsv, figureSvg, figureSvgs, figureTable, figureTitle, svgToPng, type ExportContext } from '../lib/figure-export.ts';
import { t, type Lang } from '../lib/i18n.ts';
import { fileName, pageFlags, saveFile, slug } from '../lib/unduh.ts';
import { citationText, licenceText } from '../lib/cite.ts';
import { canShare, copyLink, shareLink } from './bagikan.ts';
import { embedUrl, iframeSnippet } from '../lib/sematan.ts';

const lang = (document.documentElement.lang === 'en' ? 'en' : 'id') as Lang;

function context(): ExportContext {
  const flags = pageFlags();
  return {
    lang,
    ...flags,
    url: location.href,
    site: t(lang, 'site.short'),
    demoMark: t(lang, 'dl.demo'),
    internalMark: t(lang, 'dl.internal'),
    licence: t(lang, 'lisensi.file', { lisensi: licenceText(lang) }),
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
    const intro = [ctx.internal ? ctx.internalMark : ctx.demo ? ctx.demoMark : '', figureTitle(figure), figureCaption(figure), `${ctx.site} · ${ctx.url}`, ctx.licence ?? ''].filter(Boolean);
    return saveFile(name(figure, 'xlsx'), await toXlsx({ name: figure.dataset.figure ?? 'data', intro, ...table }), XLSX_TYPE);
  }
  const { svg, width, height } = figureSvg(figure, ctx);
  if (kind === 'svg') return saveFile(name(figure, 'svg'), svg, 'image/svg+xml;charset=utf-8');
  saveFile(name(figure, 'png'), await svgToPng(svg, width, height), 'image/png');
}

function equip(figure: HTMLElement) {
  // (a swap that redraws the figure's content takes its toolbar away: it is added again)
  if (figure.querySelector(':scope > .fig-tools')) return;
  // a Plot figure inside a chart figure belongs to the outer one
  if (figure.parentElement?.closest('figure') || !figureSvgs(figure).length) return;
  const bar = document.createElement('div');
  bar.className = 'fig-tools no-print';
  bar.dataset.ui = ''; // not part of the figure's built content (src/lib/fragmen.ts, slotShape)
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
  const embed = embedOf(figure);
  if (embed) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.embed = '';
    b.textContent = t(lang, 'embed.button');
    b.title = t(lang, 'embed.buttonTitle');
    b.setAttribute('aria-expanded', 'false');
    b.addEventListener('click', () => toggleEmbed(figure, b, embed));
    bar.append(b);
  }
  figure.append(bar);
}

/** The figure's embed page (absolute URL), when the page has one for it (see components/embed/sumber.ts). */
function embedOf(figure: HTMLElement): string | undefined {
  const root = figure.closest<HTMLElement>('[data-embed]');
  const name = figure.dataset.figure;
  if (!root || !name || !(root.dataset.embedFigures ?? '').split(' ').includes(name)) return undefined;
  return embedUrl(root.dataset.embed!, name, location.origin);
}

function toggleEmbed(figure: HTMLElement, button: HTMLButtonElement, src: string) {
  const open = figure.querySelector<HTMLElement>(':scope > .fig-embed');
  button.setAttribute('aria-expanded', String(!open));
  if (open) return open.remove();
  button.setAttribute('aria-controls', panelId(figure, 'embed'));
  // as tall as the figure's parts are here (the embed leaves out the toolbar and a map's table), plus its own lines
  const parts = figure.querySelectorAll<HTMLElement>(':scope > .chart-title, :scope > .chart-body, :scope > .peta-kontrol, .peta-kiri, :scope > figcaption, :scope > details');
  const height = [...parts].reduce((sum, el) => sum + el.getBoundingClientRect().height, 0) + 80;
  const code = iframeSnippet(src, figureTitle(figure), Math.min(height, 900));
  const label = document.createElement('label');
  label.textContent = t(lang, 'embed.lead');
  const area = document.createElement('textarea');
  area.readOnly = true;
  area.rows = 5;
  area.value = code;
  area.dataset.embedCode = '';
  area.setAttribute('aria-label', t(lang, 'embed.code'));
  area.addEventListener('focus', () => area.select());
  label.append(area);
  copyPanel(figure, 'embed', label, t(lang, 'embed.copy'), code);
}

const panelId = (figure: HTMLElement, kind: 'cite' | 'embed') => `${figure.id || figure.dataset.figure || 'fig'}-${kind}`;

/**
 * A panel under the figure (class fig-panel fig-<kind>, one look for both kinds): `content`, then
 * a button that copies `text`. Its toolbar button points to it with aria-controls.
 */
function copyPanel(figure: HTMLElement, kind: 'cite' | 'embed', content: HTMLElement, copyLabel: string, text: string) {
  const box = document.createElement('div');
  box.className = `fig-panel fig-${kind} no-print`;
  box.dataset.ui = '';
  box.id = panelId(figure, kind);
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = copyLabel;
  copy.addEventListener('click', () => void copyLink(copy, text, lang));
  box.append(content, copy);
  figure.append(box);
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
    licence: licenceText(lang),
    sources: captionSource(figure),
    ...flags,
  });
  const p = document.createElement('p');
  p.textContent = text;
  p.dataset.citation = '';
  copyPanel(figure, 'cite', p, t(lang, 'cite.copy'), text);
  button.setAttribute('aria-expanded', 'true');
  button.setAttribute('aria-controls', panelId(figure, 'cite'));
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
