/** Build-time loader of boundary files: public/batas/ on disk (see src/maps/batas.ts). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatasLoader } from './batas.ts';

export function diskLoader(publicDir = join(process.cwd(), 'public')): BatasLoader {
  return async (rel) => {
    try {
      return JSON.parse(await readFile(join(publicDir, rel), 'utf8')) as unknown;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
}

