import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiateEncoding, startServer, type RunningServer } from '../../src/server/static-server.ts';

let root: string;
let server: RunningServer;

/** Raw GET (fetch would decompress and hide the headers we test). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
  mkdirSync(join(root, 'en'));
  mkdirSync(join(root, '_astro'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>' + 'x'.repeat(2000));
  writeFileSync(join(root, 'en', 'index.html'), '<!doctype html><title>en</title>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>missing</title>');
  writeFileSync(join(root, 'en', '404.html'), '<!doctype html><title>not found (en)</title>');
  writeFileSync(join(root, '_astro', 'app.abc123.js'), 'console.log(1);'.repeat(200));
  writeFileSync(join(root, 'engine.wasm'), Buffer.alloc(4096, 1));
  writeFileSync(join(root, 'data.parquet'), Buffer.from('PAR1....PAR1'));
  server = await startServer({ root, base: '/atlas-stunting', port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serve', () => {
  it('serves under the base path with index.html for directories', async () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/atlas-stunting\/$/);
    const home = await get('/atlas-stunting/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await get('/atlas-stunting/en/')).body.toString()).toContain('<title>en</title>');
    const slash = await get('/atlas-stunting/en?x=1');
    expect([slash.status, slash.headers.location]).toEqual([301, '/atlas-stunting/en/?x=1']);
    expect((await get('/atlas-stunting')).headers.location).toBe('/atlas-stunting/');
  });

  it('answers 404 with the 404 page, also outside the base and for traversal', async () => {
    for (const path of ['/atlas-stunting/nope/', '/index.html', '/atlas-stunting/../index.html', '/atlas-stunting/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString()).toContain('missing');
    }
  });

  it('answers with the nearest 404.html: the English one under /en/', async () => {
    for (const path of ['/atlas-stunting/en/nope/', '/atlas-stunting/en/wilayah/99/', '/atlas-stunting/en/x.html', '/atlas-stunting/en/a/b']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(r.body.toString(), path).toContain('not found (en)');
    }
    for (const path of ['/atlas-stunting/enx/', '/atlas-stunting/wilayah/en/']) {
      const r = await get(path);
      expect([r.status, r.body.toString().includes('<title>missing</title>')], path).toEqual([404, true]);
    }
  });

  it('uses real MIME types with nosniff', async () => {
    const wasm = await get('/atlas-stunting/engine.wasm');
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/atlas-stunting/_astro/app.abc123.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/atlas-stunting/data.parquet')).headers['content-type']).toBe('application/vnd.apache.parquet');
  });

  it('compresses with brotli or gzip when accepted, and not Parquet', async () => {
    const br = await get('/atlas-stunting/_astro/app.abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe('console.log(1);'.repeat(200));
    expect(br.headers['cache-control']).toContain('immutable');
    const gz = await get('/atlas-stunting/engine.wasm', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body)).toEqual(Buffer.alloc(4096, 1));
    expect((await get('/atlas-stunting/data.parquet', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
    expect((await get('/atlas-stunting/')).headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 to a matching ETag, per encoding', async () => {
    const first = await get('/atlas-stunting/', { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/-gzip"$/);
    const again = await get('/atlas-stunting/', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get('/atlas-stunting/', { 'if-none-match': etag })).status).toBe(200);
  });

  it('serves byte ranges and HEAD', async () => {
    const r = await get('/atlas-stunting/data.parquet', { range: 'bytes=0-3' });
    expect([r.status, r.body.toString(), r.headers['content-range']]).toEqual([206, 'PAR1', 'bytes 0-3/12']);
    expect((await get('/atlas-stunting/data.parquet', { range: 'bytes=-4' })).body.toString()).toBe('PAR1');
    const head = await get('/atlas-stunting/engine.wasm', {}, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '4096', 0]);
    expect((await get('/atlas-stunting/', {}, 'POST')).status).toBe(405);
  });

  it('negotiates encodings', () => {
    expect(negotiateEncoding('gzip, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding(undefined)).toBe('identity');
    expect(negotiateEncoding('identity')).toBe('identity');
  });
});

describe('serve over HTTP/2 (the bench: as static hosts serve)', () => {
  it('answers HTTP/2 streams on one connection with the same files, encodings and 404 page', async () => {
    const { connect } = await import('node:http2');
    const { selfSignedCert } = await import('../../src/testing/tls.ts');
    const tls = selfSignedCert();
    expect(tls, 'openssl makes a certificate').not.toBeNull();
    const h2 = await startServer({ root, base: '/atlas-stunting', port: 0, tls: tls! });
    const session = connect(`https://127.0.0.1:${h2.port}`, { rejectUnauthorized: false });
    const get2 = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
        const s = session.request({ ':path': path, ...headers });
        const chunks: Buffer[] = [];
        let head: Record<string, unknown> = {};
        s.on('response', (h) => (head = h));
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => ok({ status: Number(head[':status']), headers: head, body: Buffer.concat(chunks) }));
        s.on('error', fail);
        s.end();
      });
    try {
      expect(h2.url).toMatch(/^https:\/\/localhost:\d+\/atlas-stunting\/$/);
      // three requests at once, on the one session
      const [home, js, missing] = await Promise.all([get2('/atlas-stunting/'), get2('/atlas-stunting/_astro/app.abc123.js', { 'accept-encoding': 'gzip' }), get2('/atlas-stunting/en/nope/')]);
      expect(home.status).toBe(200);
      expect(home.body.toString()).toContain('<title>home</title>');
      expect([js.status, js.headers['content-encoding'], js.headers['cache-control']]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
      expect(gunzipSync(js.body).toString()).toBe('console.log(1);'.repeat(200));
      expect([missing.status, missing.body.toString()]).toEqual([404, '<!doctype html><title>not found (en)</title>']);
    } finally {
      session.close();
      await h2.close();
    }
  });
});
