/**
 * The <iframe> snippet of an embed page (/embed/<page>/<figure>/): what the "Embed" button of a
 * figure's toolbar offers to copy. The address is absolute: the site URL when the build was given
 * one (ATLAS_SITE), else the address the reader sees (location.origin) before the root-relative path.
 *
 * Height: the embed page reports its content height to the page around it (EMBED_HEIGHT_SCRIPT,
 * a message { atlasEmbedHeight: px }), and the snippet's small listener sets the height of the
 * iframe that sent it, only for messages from the embed's own origin and from one of the page's
 * embed iframes. Where a site strips the script, the iframe keeps the height it was given.
 */
import { escapeHtml } from './i18n.ts';

/** The message key both sides use. */
export const EMBED_HEIGHT_KEY = 'atlasEmbedHeight';
/** Largest height (px) the listener accepts: a message cannot make the frame absurdly tall. */
export const EMBED_HEIGHT_MAX = 20000;

/** "/embed/wilayah/64.08/" + "tren" against an origin -> absolute URL of the embed page. */
export function embedUrl(folder: string, figure: string, origin: string): string {
  return new URL(`${folder.replace(/\/?$/, '/')}${encodeURIComponent(figure)}/`, origin).href;
}

/**
 * A responsive iframe: full width of its container, `height` px tall (until the embed reports its
 * own height), no border, lazily loaded; then the listener that applies the reported height.
 */
export function iframeSnippet(src: string, title: string, height: number): string {
  const h = Math.max(320, Math.round(height));
  // JSON of an origin ("https://host:port") has no character that could end the script
  const origin = JSON.stringify(new URL(src).origin);
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" height="${h}" style="border:0;width:100%;max-width:100%" loading="lazy" data-atlas-embed></iframe>
<script>addEventListener("message",function(e){var h=e.data&&e.data.${EMBED_HEIGHT_KEY};if(e.origin!==${origin}||typeof h!=="number"||!(h>0&&h<=${EMBED_HEIGHT_MAX}))return;document.querySelectorAll("iframe[data-atlas-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(h)+"px"})})</script>`;
}

/**
 * The embed page's side, a classic inline script: when framed, posts its content height to the
 * parent at load and whenever it changes (fonts, a map drawn, a narrower frame). The height is no
 * secret, so any parent may read it ("*"); the listener checks who sent it.
 */
export const EMBED_HEIGHT_SCRIPT = `(function(){if(window.parent===window||typeof ResizeObserver!=="function")return;var last=0,root=document.documentElement;function send(){var h=Math.ceil(root.getBoundingClientRect().height);if(h!==last){last=h;var m={};m.${EMBED_HEIGHT_KEY}=h;window.parent.postMessage(m,"*")}}new ResizeObserver(send).observe(root);addEventListener("load",send)})()`;
