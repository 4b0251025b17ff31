/** The sections of the site, in navigation order. Paths are language-neutral routes. */
import type { MessageKey } from '../../lib/i18n.ts';

export interface Section {
  path: string;
  key: MessageKey;
  /** State keys a link to this section keeps from the current page (src/lib/state-links.ts). */
  carry: string;
}

export const SECTIONS: readonly Section[] = [
  { path: '/', key: 'nav.ringkasan', carry: 'period' },
  { path: '/dua-angka/', key: 'nav.duaAngka', carry: 'period' },
  { path: '/prioritas/', key: 'nav.prioritas', carry: 'period area' },
  { path: '/cakupan/', key: 'nav.cakupan', carry: '' },
  { path: '/wilayah/', key: 'nav.wilayah', carry: 'profil' },
  { path: '/jelajah/', key: 'nav.jelajah', carry: '' },
  { path: '/data/', key: 'nav.data', carry: '' },
];

/** The section a route belongs to: "/wilayah/64.08/" -> "/wilayah/". */
export function sectionOf(path: string): Section | undefined {
  if (path === '/' || path === '') return SECTIONS[0];
  return SECTIONS.slice(1).find((s) => path.startsWith(s.path));
}
