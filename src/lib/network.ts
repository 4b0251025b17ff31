/**
 * What the browser says about its link (navigator.connection: Chromium browsers; absent in
 * Safari and Firefox), for the one rule of what may be fetched before it is asked for.
 */
export type NetworkInformation = { saveData?: boolean; effectiveType?: string };

export const connection = (): NetworkInformation | undefined => (navigator as Navigator & { connection?: NetworkInformation }).connection;

/** The user turned data saving on. */
export const savesData = (): boolean => !!connection()?.saveData;

/** Nothing unasked on this link: data saving on, or a 2G-class link ('2g', 'slow-2g'). Unknown is not frugal. */
export const frugalLink = (): boolean => savesData() || /(^|-)2g$/.test(connection()?.effectiveType ?? '');
