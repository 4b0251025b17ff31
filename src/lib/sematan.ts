/**
 * The <iframe> snippet of an embed page (/embed/<page>/<figure>/): what the "Embed" button of a
 * figure's toolbar offers to copy. The address is absolute: the site URL when the build was given
 * one (ATLAS_SITE), else the address the reader sees (location.origin) before the root-relative path.
 */
import { escapeHtml } from './i18n.ts';

/** "/embed/wilayah/64.08/" + "tren" against an origin -> absolute URL of the embed page. */
export function embedUrl(folder: string, figure: string, origin: string): string {
  return new URL(`${folder.replace(/\/?$/, '/')}${encodeURIComponent(figure)}/`, origin).href;
}

/** A responsive iframe: full width of its container, `height` px tall, no border, lazily loaded. */
export function iframeSnippet(src: string, title: string, height: number): string {
  const h = Math.max(320, Math.round(height));
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${h}" style="border:0;width:100%;max-width:100%" loading="lazy"></iframe>`;
}
