/** Strings of the embed pages, the share cards and the data licence (English). */
import type { bagikanId } from './bagikan.id.ts';

export const bagikanEn: Record<keyof typeof bagikanId, string> = {
  'embed.button': 'Embed',
  'embed.buttonTitle': 'An <iframe> code to put this chart on another site',
  'embed.lead': 'Copy this code into your page. The frame shows this chart\'s default view (latest period) and fits its width; with the script, its height too.',
  'embed.copy': 'Copy code',
  'embed.copied': 'Code copied',
  'embed.code': 'Embed code',
  'embed.full': 'See the full page',
  'embed.periode': 'Data up to {periode}',
  /** After the SYNTHETIC DATA mark (dl.demo): the mark says it once, this says what it means. */
  'embed.demo': 'sample figures, not the real situation',
  'kartu.ukuran': 'routine e-PPGBM data',
  'kartu.definisi': 'Stunting: height-for-age < −2 SD (WHO 2006)',
  'kartu.terlaluSedikit': 'too few children measured for a prevalence ({diukur} measured)',
  'kartu.tanpaAngka': 'no report for this month',
  'kartu.demoDetail': 'sample, not real figures',
  'kartu.alt': '{nama}: stunting prevalence {angka} ({periode}, e-PPGBM)',
  'kartu.ditekan': 'figure hidden: too few children measured or small counts (privacy rule)',
  'lisensi.data': 'The aggregate figures on this site are licensed',
  'lisensi.sumber': 'credit Atlas Stunting and its sources. Survey figures, targets, area data and boundaries follow their sources\' terms.',
  'lisensi.file': 'Licence: {lisensi}',
};
