/** English strings of the pages and charts: the same keys as konten.id.ts. */
import type { kontenId } from './konten.id.ts';

export const kontenEn: Record<keyof typeof kontenId, string> = {
  'chart.noData': 'no data',
  'chart.suppressed': 'suppressed',
  'chart.quadrant.highHigh': 'high prevalence, many children',
  'chart.quadrant.lowHigh': 'low prevalence, many children',
  'chart.quadrant.highLow': 'high prevalence, few children',
  'chart.reachedOf': '{reached} of {total}',
};
