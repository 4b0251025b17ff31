/**
 * Build side of the likeliest first choice (src/lib/likeliest-choice.ts): the choice of each
 * control of a page's HTML as built, for the page root's data-likely.
 */
import { parseHTML } from 'linkedom';
import { likeliestChoice } from '../../lib/likeliest-choice.ts';
import { STATE_KEYS, type AtlasState } from '../../lib/url-state.ts';

const CONTROL = /<select\b[^>]*\bdata-atlas-control="([^"]+)"[^>]*>[\s\S]*?<\/select>/g;

/** Each control's likeliest first choice, by its state key (the first select of a key counts). */
export function likeliestChoices(html: string): AtlasState {
  const out: Record<string, string> = {};
  for (const [select, key] of html.matchAll(CONTROL)) {
    if (!(STATE_KEYS as readonly string[]).includes(key!) || out[key!] !== undefined) continue;
    const { document } = parseHTML(`<!doctype html><html><body>${select}</body></html>`);
    const options = [...document.querySelectorAll('option')].map((o) => ({
      value: o.getAttribute('value') ?? o.textContent ?? '',
      shown: o.hasAttribute('selected'),
      disabled: o.hasAttribute('disabled'),
    }));
    const value = likeliestChoice(options);
    if (value !== undefined) out[key!] = value;
  }
  return out as AtlasState;
}
