/** The six sections of the site, in navigation order. Paths are language-neutral routes. */
import type { MessageKey } from '../../lib/i18n.ts';

export interface Section {
  path: string;
  key: MessageKey;
}

export const SECTIONS: readonly Section[] = [
  { path: '/', key: 'nav.ringkasan' },
  { path: '/dua-angka/', key: 'nav.duaAngka' },
  { path: '/prioritas/', key: 'nav.prioritas' },
  { path: '/cakupan/', key: 'nav.cakupan' },
  { path: '/wilayah/', key: 'nav.wilayah' },
  { path: '/data/', key: 'nav.data' },
];

/** The section a route belongs to: "/wilayah/64.08/" -> "/wilayah/". */
export function sectionOf(path: string): Section | undefined {
  if (path === '/' || path === '') return SECTIONS[0];
  return SECTIONS.slice(1).find((s) => path.startsWith(s.path));
}
