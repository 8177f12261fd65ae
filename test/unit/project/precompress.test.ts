import { mkdtempSync, readFileSync, existsSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { precompressDir, precompressPlugin } from '../../../scripts/precompress';

// A stylesheet of the size and kind the build ships (MapLibre's own).
const CSS = readFileSync(join('node_modules', 'maplibre-gl', 'dist', 'maplibre-gl.css'));

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sc-precompress-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'style.css'), CSS);
  writeFileSync(join(dir, 'tiny.js'), 'x');
  writeFileSync(join(dir, 'logo.png'), CSS);
  writeFileSync(join(dir, 'assets', 'gone-1234abcd.js.gz'), gzipSync('old'));
  return dir;
}

describe('precompressDir (the .gz files a static server sends)', () => {
  it('writes a .gz beside a compressible file that inflates to it and is no bigger than zlib at level 9', async () => {
    const dir = tree();
    const report = await precompressDir(dir);
    const gz = readFileSync(join(dir, 'assets', 'style.css.gz'));
    expect(Buffer.from(gunzipSync(gz)).equals(CSS)).toBe(true);
    expect(gz.length).toBeLessThan(gzipSync(CSS, { level: 9 }).length);
    expect(report).toEqual({ files: 1, bytes: CSS.length, gzip: gz.length });
  });

  it('writes none where gzip would be bigger, none for files that are not text, and removes a .gz whose file is gone', async () => {
    const dir = tree();
    await precompressDir(dir);
    expect(existsSync(join(dir, 'tiny.js.gz'))).toBe(false);
    expect(existsSync(join(dir, 'logo.png.gz'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'gone-1234abcd.js.gz'))).toBe(false);
  });

  it('writes the same bytes on a second build (reproducible output)', async () => {
    const dir = tree();
    await precompressDir(dir);
    const first = readFileSync(join(dir, 'assets', 'style.css.gz'));
    rmSync(join(dir, 'assets', 'style.css.gz'));
    await precompressDir(dir);
    expect(readFileSync(join(dir, 'assets', 'style.css.gz')).equals(first)).toBe(true);
  });
});

describe('the preview server (npm start, the browser tests) sends the .gz files', () => {
  let server: PreviewServer;
  let dir: string;
  let port: number;
  beforeAll(async () => {
    dir = tree();
    await precompressDir(dir);
    server = await preview({
      configFile: false,
      logLevel: 'silent',
      plugins: [precompressPlugin()],
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port: 0, headers: { 'Content-Security-Policy': "default-src 'self'" } },
    });
    port = (server.httpServer.address() as { port: number }).port;
  });
  afterAll(async () => {
    await server.close();
  });

  const fetchRaw = (path: string, encoding?: string): Promise<{ headers: Record<string, unknown>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, headers: encoding ? { 'Accept-Encoding': encoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });

  it('as they are, gzip-encoded, with the configured headers, to a browser that accepts gzip', async () => {
    const { headers, body } = await fetchRaw('/assets/style.css', 'gzip, deflate, br');
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['content-type']).toMatch(/^text\/css/);
    expect(headers['vary']).toMatch(/Accept-Encoding/);
    expect(headers['content-security-policy']).toBe("default-src 'self'");
    expect(body.equals(readFileSync(join(dir, 'assets', 'style.css.gz')))).toBe(true);
  });

  it('the plain file to a client that does not accept gzip', async () => {
    const { headers, body } = await fetchRaw('/assets/style.css');
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.equals(CSS)).toBe(true);
  });
});
