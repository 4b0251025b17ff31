/**
 * Text of a gzip file the site ships pre-compressed (*.bin: fragments, view files), decoded in the
 * browser with the native DecompressionStream. A host that already decoded it (or served it as it
 * was never compressed) is fine too: without the gzip magic bytes the text is taken as it is.
 */
export async function fetchGzipText(url: string, priority: 'high' | 'low' | 'auto' = 'auto'): Promise<string> {
  const r = await fetch(url, { priority } as RequestInit);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  const bytes = new Uint8Array(await r.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}
