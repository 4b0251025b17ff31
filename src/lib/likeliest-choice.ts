/**
 * The likeliest first choice of a control: the option after the one shown (for a period, listed
 * newest first, the period before it: "compared with the last one"). Its fragments are on their
 * way before it is made (src/client/kendali-awal.ts). The build names it for each control of a
 * page as built (src/components/halaman/likeliest.ts), so that the choice of a control far down
 * the page is asked for as the page's top is read; the browser applies the same rule to a select
 * once it is read (a shared link's state).
 *
 * Shared by the build and the inline browser script: no imports.
 */
export interface ChoiceOption {
  value: string;
  /** The option shown (the select's state). */
  shown: boolean;
  disabled: boolean;
}

/** The first enabled option after the one shown; none while no option is shown (not read yet) or the shown one is last. */
export function likeliestChoice(options: readonly ChoiceOption[]): string | undefined {
  const at = options.findIndex((o) => o.shown);
  return at < 0 ? undefined : options.slice(at + 1).find((o) => !o.disabled)?.value;
}
