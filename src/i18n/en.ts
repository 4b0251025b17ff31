/** English strings: the same keys as id.ts (a missing or extra key is a type error). */
import type { MessageKey } from './id.ts';
import { bandingEn } from './banding.en.ts';
import { kontenEn } from './konten.en.ts';
import { alatEn } from './alat.en.ts';
import { bagikanEn } from './bagikan.en.ts';

export const en: Record<MessageKey, string> = {
  ...kontenEn,
  ...bandingEn,
  ...alatEn,
  ...bagikanEn,
  'site.title': 'Stunting Atlas of {provinsi}',
  'site.short': 'Stunting Atlas',
  'site.description': 'Open analysis of stunting among under-fives in {provinsi}: routine data, surveys, targets and programmes.',

  'skip.toContent': 'Skip to content',
  'nav.label': 'Main navigation',
  'nav.ringkasan': 'Overview',
  'nav.duaAngka': 'Two numbers',
  'nav.prioritas': 'Priorities',
  'nav.cakupan': 'Programme coverage',
  'nav.wilayah': 'Area profiles',
  'nav.data': 'Data & methodology',

  'lang.switch': 'Bahasa Indonesia',
  'lang.switchLabel': 'Read this page in Indonesian',

  'banner.demo': 'Sample data (synthetic)',
  'banner.demoDetail': 'The numbers on this site were generated for testing and do not describe the real situation; child counts are scaled down (about 1:10).',
  'banner.internal': 'INTERNAL — do not distribute',
  'banner.internalDetail': 'This build contains small numbers that are not suppressed.',
  'banner.noData': 'Data not built yet: run npm run data.',

  'footer.attribution': 'Attribution',
  'footer.wilayah': 'Area data: idn-area-data (ODbL)',
  'footer.batas': 'Boundaries: cahyadsn/wilayah_boundaries (MIT), Kepmendagri codes 300.2.2-2138/2025',
  'footer.license': 'Source code under the MIT licence.',

  'format.missing': 'no data',
  'format.semester': 'Semester {n} {year}',
  'format.quarter': 'Quarter {n} {year}',
  'format.percentPoints': '{value} percentage points',

  'db.loading': 'Loading the data engine…',
  'db.ready': 'Data engine ready',
  'db.failed': 'The data engine failed to load; charts keep the numbers built with the page.',
  'status.loading': 'Showing {shown}. Loading {next}…',
  'status.failed': '{next} cannot be shown ({reason}); still showing {shown}.',
  'status.unknown': 'The link asks for {key} “{value}”, which these data do not have; showing {shown}.',
  'status.engine': 'Loading the data engine: {loaded} of {total} MB…',
  'status.offline': 'the data could not be loaded',
};
