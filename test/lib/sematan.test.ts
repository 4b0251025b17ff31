/**
 * The embed snippet (src/lib/sematan.ts): an iframe and a listener that applies the height the
 * embed page reports, only from the embed's origin and to the iframe that sent it. Run here in a
 * stand-in page (node:vm); the real thing in a browser: test/e2e/bagikan.test.ts.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EMBED_HEIGHT_MAX, iframeSnippet } from '../../src/lib/sematan.ts';

const SRC = 'https://atlas.example.org/embed/wilayah/64.08/tren/';

/** The snippet's script run in a page holding two embed iframes; returns a way to send it messages. */
function page(snippet: string) {
  const script = /<script>([\s\S]*)<\/script>$/.exec(snippet)![1]!;
  const frames = [0, 1].map(() => ({ contentWindow: {}, style: { height: '' } }));
  let listener: ((e: { origin: string; source: unknown; data: unknown }) => void) | undefined;
  runInNewContext(script, {
    addEventListener: (type: string, fn: typeof listener) => type === 'message' && (listener = fn),
    document: { querySelectorAll: (sel: string) => (sel === 'iframe[data-atlas-embed]' ? frames : []) },
    Math,
  });
  return { frames, send: (origin: string, source: unknown, data: unknown) => listener!({ origin, source, data }) };
}

describe('iframeSnippet', () => {
  it('an iframe of the embed page, marked for the listener, at least 320 px tall before the page reports its height', () => {
    const code = iframeSnippet(SRC, 'Prevalensi "rutin" <Paser>', 200);
    expect(code).toMatch(/^<iframe src="https:\/\/atlas\.example\.org\/embed\/wilayah\/64\.08\/tren\/" title="Prevalensi &quot;rutin&quot; &lt;Paser&gt;" width="100%" height="320" style="border:0;width:100%;max-width:100%" loading="lazy" data-atlas-embed><\/iframe>\n<script>/);
    expect(code.length).toBeLessThan(700);
  });

  it('sets the height of the frame that sent it, from the embed\'s origin only, and only a sane number', () => {
    const { frames, send } = page(iframeSnippet(SRC, 'x', 400));
    send('https://atlas.example.org', frames[1]!.contentWindow, { atlasEmbedHeight: 512.3 });
    expect(frames.map((f) => f.style.height)).toEqual(['', '513px']);
    // another origin, a window that is not one of the frames, other shapes and sizes: ignored
    send('https://evil.example', frames[0]!.contentWindow, { atlasEmbedHeight: 100 });
    send('https://atlas.example.org', {}, { atlasEmbedHeight: 100 });
    for (const data of [{ atlasEmbedHeight: '100' }, { atlasEmbedHeight: -5 }, { atlasEmbedHeight: EMBED_HEIGHT_MAX + 1 }, { atlasEmbedHeight: Number.NaN }, 'atlasEmbedHeight', null]) {
      send('https://atlas.example.org', frames[0]!.contentWindow, data);
    }
    expect(frames.map((f) => f.style.height)).toEqual(['', '513px']);
  });
});
