/** The page head's Open Graph / Twitter tags: card image root-relative without a site URL, absolute with one. */
import { describe, expect, it } from 'vitest';
import { shareHead, type MetaTag } from '../../src/lib/og.ts';

const get = (tags: MetaTag[], key: string) => tags.filter((m) => m.key === key).map((m) => m.content);
const head = {
  lang: 'id' as const,
  title: 'Kabupaten Paser · Atlas Stunting',
  description: 'Analisis terbuka',
  siteName: 'Atlas Stunting Kalimantan Timur',
  path: '/atlas/wilayah/64.01/',
  image: { path: '/atlas/og/id/64.01.png', width: 1200, height: 630, alt: 'Kabupaten Paser: prevalensi stunting 21,7%' },
};

describe('shareHead', () => {
  it('without ATLAS_SITE: the card is root-relative and there is no og:url', () => {
    const tags = shareHead(head);
    expect(get(tags, 'og:image')).toEqual(['/atlas/og/id/64.01.png']);
    expect(get(tags, 'twitter:image')).toEqual(['/atlas/og/id/64.01.png']);
    expect(get(tags, 'og:url')).toEqual([]);
    expect(get(tags, 'og:image:width')).toEqual(['1200']);
    expect(get(tags, 'og:image:height')).toEqual(['630']);
    expect(get(tags, 'og:image:alt')).toEqual([head.image.alt]);
    expect(get(tags, 'twitter:card')).toEqual(['summary_large_image']);
    expect(get(tags, 'og:locale')).toEqual(['id_ID']);
    expect(tags.find((m) => m.key === 'og:image')!.attr).toBe('property');
    expect(tags.find((m) => m.key === 'twitter:card')!.attr).toBe('name');
  });

  it('with ATLAS_SITE: card and page address are absolute on that host', () => {
    const tags = shareHead({ ...head, lang: 'en', site: new URL('https://atlas.example.org/') });
    expect(get(tags, 'og:image')).toEqual(['https://atlas.example.org/atlas/og/id/64.01.png']);
    expect(get(tags, 'twitter:image')).toEqual(['https://atlas.example.org/atlas/og/id/64.01.png']);
    expect(get(tags, 'og:url')).toEqual(['https://atlas.example.org/atlas/wilayah/64.01/']);
    expect(get(tags, 'og:locale')).toEqual(['en_GB']);
  });

  it('a page without a card says so with a plain summary card', () => {
    const tags = shareHead({ ...head, image: undefined });
    expect(get(tags, 'og:image')).toEqual([]);
    expect(get(tags, 'twitter:card')).toEqual(['summary']);
    expect(get(tags, 'og:title')).toEqual([head.title]);
  });
});
