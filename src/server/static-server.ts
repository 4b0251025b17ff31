/**
 * A static file server that behaves like a real static host (GitHub Pages, Netlify, nginx), so the
 * built site is tested the way it will be served:
 *   - MIME types from the extension (application/wasm, text/javascript, ...) with nosniff;
 *   - gzip or brotli when the client accepts it (compressible types only), Vary: Accept-Encoding;
 *   - strong ETag per representation and 304 Not Modified; single byte ranges on identity bodies;
 *   - index.html for directories, 301 to add the trailing slash, the nearest 404.html with status 404;
 *   - the site under a base path (ATLAS_BASE / --base), as on a project page.
 *
 * Over HTTP/2 with TLS when given a key and certificate (as hosts serve today: every request of a
 * page on one connection), else HTTP/1.1 (a browser opens at most six connections to it).
 *
 * Pure node:http and node:http2, no dependency. Port 0 picks a free port. startServer() is the API for tests and
 * the harness; the command is scripts/serve.ts (npm run preview).
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.geojson': 'application/geo+json',
  '.topojson': 'application/json; charset=utf-8',
  '.gz': 'application/gzip',
  '.br': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm|manifest\+json|geo\+json)|image\/svg\+xml)/;
const MIN_COMPRESS = 1024;

/** A PEM key and its certificate. */
export interface TlsCert {
  key: string;
  cert: string;
}

export interface ServerOptions {
  /** Folder to serve (the built site). */
  root: string;
  /** Path prefix the site lives under, e.g. "/atlas-stunting/" (default "/"). */
  base?: string;
  /** Port (default 4321; 0 = any free port). */
  port?: number;
  host?: string;
  /** PEM key and certificate: HTTP/2 over TLS (HTTP/1.1 still answered), https:// URLs. */
  tls?: TlsCert;
  /** Called for each request with a one-line summary. */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** URL of the site root, with base and trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Representation {
  body: Buffer;
  etag: string;
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  identity: Representation;
  encoded: Map<string, Representation>;
}

export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Picks the encoding to use from an Accept-Encoding header: "br", "gzip" or "identity". */
export function negotiateEncoding(header: string | undefined): 'br' | 'gzip' | 'identity' {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const base = normalizeBase(options.base);
  const cache = new Map<string, CacheEntry>();

  async function load(file: string, st: Stats): Promise<CacheEntry> {
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const body = await readFile(file);
    const hash = createHash('sha1').update(body).digest('base64url').slice(0, 20);
    const entry = { mtimeMs: st.mtimeMs, size: st.size, identity: { body, etag: `"${hash}"` }, encoded: new Map() };
    cache.set(file, entry);
    return entry;
  }

  function encode(entry: CacheEntry, encoding: 'br' | 'gzip'): Representation {
    let rep = entry.encoded.get(encoding);
    if (!rep) {
      const src = entry.identity.body;
      const body = encoding === 'br'
        ? brotliCompressSync(src, { params: { [zlib.BROTLI_PARAM_QUALITY]: src.length > 1_000_000 ? 5 : 9, [zlib.BROTLI_PARAM_SIZE_HINT]: src.length } })
        : gzipSync(src, { level: 6 });
      rep = { body, etag: `${entry.identity.etag.slice(0, -1)}-${encoding}"` };
      entry.encoded.set(encoding, rep);
    }
    return rep;
  }

  async function statFile(path: string): Promise<Stats | undefined> {
    try {
      return await stat(path);
    } catch {
      return undefined;
    }
  }

  async function send(req: IncomingMessage, res: ServerResponse, file: string, st: Stats, status = 200, cacheControl = 'no-cache') {
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const entry = await load(file, st);
    const range = status === 200 ? /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '') : null;
    const encoding = !range && COMPRESSIBLE.test(type) && st.size >= MIN_COMPRESS ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';
    const rep = encoding === 'identity' ? entry.identity : encode(entry, encoding);

    res.setHeader('Content-Type', type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('Last-Modified', st.mtime.toUTCString());
    res.setHeader('Accept-Ranges', 'bytes');
    if (COMPRESSIBLE.test(type)) res.setHeader('Vary', 'Accept-Encoding');
    if (status === 200) res.setHeader('ETag', rep.etag);

    const inm = req.headers['if-none-match'];
    if (status === 200 && inm && inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === rep.etag)) {
      res.statusCode = 304;
      res.end();
      return 304;
    }
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);

    let body = rep.body;
    if (range) {
      const size = body.length;
      let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
      let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
      start = Math.max(0, start);
      if (start > end || start >= size) {
        res.statusCode = 416;
        res.setHeader('Content-Range', `bytes */${size}`);
        res.end();
        return 416;
      }
      status = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
      body = body.subarray(start, end + 1);
    }
    res.statusCode = status;
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
    return status;
  }

  /**
   * The nearest 404.html, as Cloudflare Pages and others serve it: for "/en/wilayah/x/" the first of
   * en/wilayah/x/404.html, en/wilayah/404.html, en/404.html, 404.html that exists (so the English
   * part of the site has its own). Only folders inside the site's root are looked at.
   */
  async function nearest404(pathname: string | undefined): Promise<{ page: string; st: Stats } | undefined> {
    const rel = pathname?.startsWith(base) ? pathname.slice(base.length) : '';
    const parts = rel.split('/').filter((p) => p && p !== '.' && p !== '..');
    if (!rel.endsWith('/')) parts.pop(); // "/en/x.html": look from its folder
    for (let n = parts.length; n >= 0; n--) {
      const page = resolve(root, ...parts.slice(0, n), '404.html');
      if (page !== join(root, '404.html') && !page.startsWith(root + sep)) continue;
      const st = await statFile(page);
      if (st?.isFile()) return { page, st };
    }
    return undefined;
  }

  async function notFound(req: IncomingMessage, res: ServerResponse, pathname?: string) {
    const found = await nearest404(pathname);
    if (found) return send(req, res, found.page, found.st, 404);
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
    return 404;
  }

  function redirect(res: ServerResponse, location: string) {
    res.statusCode = 301;
    res.setHeader('Location', location);
    res.end();
    return 301;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('Allow', 'GET, HEAD');
      res.end();
      return 405;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.statusCode = 400;
      res.end();
      return 400;
    }
    if (pathname.includes('\0')) return notFound(req, res);
    if (`${pathname}/` === base) return redirect(res, `${base}${url.search}`);
    if (!pathname.startsWith(base)) return notFound(req, res);

    const rel = pathname.slice(base.length);
    const file = resolve(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return notFound(req, res);
    const missing = () => notFound(req, res, pathname);
    const immutable = rel.startsWith('_astro/') || /(^|\/)_duckdb\/.+\.[0-9a-f]{8,}\./.test(rel);
    const cacheControl = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';

    const st = await statFile(file);
    if (st?.isDirectory()) {
      if (!pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
      const index = join(file, 'index.html');
      const ist = await statFile(index);
      return ist?.isFile() ? send(req, res, index, ist) : missing();
    }
    if (st?.isFile()) return send(req, res, file, st, 200, cacheControl);
    // "/page" -> "page.html", as GitHub Pages does.
    const html = await statFile(`${file}.html`);
    if (html?.isFile() && !pathname.endsWith('/')) return send(req, res, `${file}.html`, html);
    return missing();
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    handle(req, res).then(
      (status) => options.log?.(`${status} ${req.method} ${req.url} ${(performance.now() - started).toFixed(0)}ms`),
      (error: unknown) => {
        options.log?.(`500 ${req.method} ${req.url} ${String(error)}`);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      },
    );
  };
  // The HTTP/2 compatibility API gives the same request and response methods this handler uses.
  const server = options.tls ? createSecureServer({ ...options.tls, allowHTTP1: true }, listener as never) : createServer(listener);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}${base}`,
    port,
    close: () => new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    }),
  };
}
