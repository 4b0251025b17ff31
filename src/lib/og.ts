/**
 * Open Graph and Twitter tags of a page's head: what WhatsApp, Facebook, X and others show when a
 * link is pasted. The image is absolute when the site URL is configured (ATLAS_SITE; crawlers
 * need it), root-relative otherwise (a preview then works only where the page's own address is
 * known, but nothing points at a wrong host).
 */
import type { Lang } from './i18n.ts';

export interface ShareHead {
  lang: Lang;
  title: string;
  description: string;
  /** Site name ("Atlas Stunting Kalimantan Timur"). */
  siteName: string;
  /** The page's root-relative address (base included). */
  path: string;
  /** The card: root-relative path (base included), its size and alt text. */
  image?: { path: string; width: number; height: number; alt: string };
  /** The configured site URL (Astro.site), if any. */
  site?: URL;
}

export interface MetaTag {
  /** "property" for og:*, "name" for twitter:*. */
  attr: 'property' | 'name';
  key: string;
  content: string;
}

const LOCALE: Record<Lang, string> = { id: 'id_ID', en: 'en_GB' };

export function shareHead(h: ShareHead): MetaTag[] {
  const abs = (p: string) => (h.site ? new URL(p, h.site).href : p);
  const tags: MetaTag[] = [
    { attr: 'property', key: 'og:type', content: 'website' },
    { attr: 'property', key: 'og:site_name', content: h.siteName },
    { attr: 'property', key: 'og:title', content: h.title },
    { attr: 'property', key: 'og:description', content: h.description },
    { attr: 'property', key: 'og:locale', content: LOCALE[h.lang] },
  ];
  if (h.site) tags.push({ attr: 'property', key: 'og:url', content: abs(h.path) });
  if (h.image) {
    tags.push(
      { attr: 'property', key: 'og:image', content: abs(h.image.path) },
      { attr: 'property', key: 'og:image:type', content: 'image/png' },
      { attr: 'property', key: 'og:image:width', content: String(h.image.width) },
      { attr: 'property', key: 'og:image:height', content: String(h.image.height) },
      { attr: 'property', key: 'og:image:alt', content: h.image.alt },
      { attr: 'name', key: 'twitter:card', content: 'summary_large_image' },
      { attr: 'name', key: 'twitter:image', content: abs(h.image.path) },
      { attr: 'name', key: 'twitter:image:alt', content: h.image.alt },
    );
  } else tags.push({ attr: 'name', key: 'twitter:card', content: 'summary' });
  tags.push({ attr: 'name', key: 'twitter:title', content: h.title }, { attr: 'name', key: 'twitter:description', content: h.description });
  return tags;
}
