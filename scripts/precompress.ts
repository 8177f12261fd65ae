// A visitor's browser downloads the gzip a server sends, and a static server
// (nginx `gzip_static`, Apache, Caddy `precompressed`, most CDNs) sends a
// `.gz` that lies beside the file when there is one. So the build leaves one
// beside every text file of dist/, made by Zopfli: a gzip stream any browser
// reads, ≈ 4 % smaller than zlib's level 9 on MapLibre and our chunks
// (≈ 21 kB of the first load, test/e2e/size.spec.ts) and 10 % smaller on the
// sample's population file. It is slow (seconds a file), so it is cached by
// content in node_modules/.cache and only changed files pay; every .gz is
// checked to inflate back to its file before it is written.
// The preview server (`npm start`, the browser tests) sends those files as
// such a server would, so the size test measures what goes over the wire.
import { gzipAsync } from '@gfx/zopfli';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sirv from 'sirv';
import type { Plugin } from 'vite';

const CACHE = join('node_modules', '.cache', 'service-circles-gzip');
/** Zopfli's iterations: 5 is within 0.03 % of 15 on MapLibre, at half the time. */
const ZOPFLI = { numiterations: 5 } as const;
/** Files a browser fetches that compress: scripts, styles, pages, data. Images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(m?js|css|html|json|geojson|csv|svg|txt|md)$/;

let zopfliVersion = '';

/** The gzip (Zopfli) of `data`, from the cache when this exact input was compressed before. */
export async function gzipCached(data: Uint8Array): Promise<Uint8Array> {
  zopfliVersion ||= JSON.parse(readFileSync(join('node_modules', '@gfx', 'zopfli', 'package.json'), 'utf8')).version as string;
  const version = zopfliVersion;
  const key = createHash('sha256').update(version).update(JSON.stringify(ZOPFLI)).update(data).digest('hex');
  const file = join(CACHE, `${key}.gz`);
  if (existsSync(file)) return readFileSync(file);
  const out = await gzipAsync(data, ZOPFLI);
  if (!Buffer.from(gunzipSync(out)).equals(Buffer.from(data))) throw new Error('Zopfli output does not inflate to its input');
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, out);
  return out;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

/**
 * Writes `file.gz` beside every compressible file of `dir` where gzip is
 * smaller than the file, and removes any `.gz` whose file is gone (an older
 * build's hashed names, when the build does not empty the directory).
 */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; gzip: number }> {
  let files = 0;
  let bytes = 0;
  let gzip = 0;
  for (const p of walk(dir)) {
    if (p.endsWith('.gz')) {
      if (!existsSync(p.slice(0, -3))) rmSync(p);
      continue;
    }
    if (!COMPRESSIBLE.test(p)) continue;
    const data = readFileSync(p);
    const gz = await gzipCached(data);
    if (gz.length >= data.length) {
      rmSync(`${p}.gz`, { force: true });
      continue;
    }
    writeFileSync(`${p}.gz`, gz);
    files++;
    bytes += data.length;
    gzip += gz.length;
  }
  return { files, bytes, gzip };
}

/** Vite plugin: the build precompresses dist/; the preview server sends those .gz files to browsers that accept gzip. */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'service-circles:precompress',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // dist/ is complete at closeBundle; sequential, so the build line (order
    // 'post', scripts/build-line.ts) reports the time including this.
    closeBundle: {
      sequential: true,
      async handler() {
        if (existsSync(outDir)) await precompressDir(outDir);
      },
    },
    configurePreviewServer(server) {
      const headers = server.config.preview.headers ?? {};
      // Before Vite's own static files and its on-the-fly compression: a file
      // with a .gz beside it goes out as that .gz; any other request passes on.
      server.middlewares.use(
        sirv(outDir, {
          gzip: true,
          dev: true,
          etag: true,
          extensions: [],
          setHeaders(res) {
            for (const [name, value] of Object.entries(headers)) res.setHeader(name, value as string);
          },
        }),
      );
    },
  };
}
