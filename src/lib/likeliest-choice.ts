/**
 * The likeliest first choice of a control: the first option other than the one shown, the top of
 * its list (for a period, listed newest first: the latest, or the one before it when the latest
 * is shown, "compared with the last one"; for an area, the first in the list). Its fragments are
 * on their way before it is made (src/client/kendali-awal.ts). The build names it for each control
 * of a page as built (src/components/halaman/likeliest.ts), so that the choice of a control far
 * down the page is asked for as the page's top is read; the browser applies the same rule to a
 * select once it is read (a shared link's state).
 *
 * Shared by the build and the inline browser script: no imports.
 */
export interface ChoiceOption {
  value: string;
  /** The option shown (the select's state). */
  shown: boolean;
  disabled: boolean;
}

/** The first enabled option that is not the one shown; none while no option is shown (not read yet). */
export function likeliestChoice(options: readonly ChoiceOption[]): string | undefined {
  return options.some((o) => o.shown) ? options.find((o) => !o.shown && !o.disabled)?.value : undefined;
}
