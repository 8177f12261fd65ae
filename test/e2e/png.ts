// Decode Playwright's PNG screenshots without a dependency: 8-bit RGB(A),
// non-interlaced, which is what Chromium writes.
import { inflateSync } from 'node:zlib';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodePng(buf: Buffer): Rgba {
  let pos = 8;
  let width = 0,
    height = 0,
    colorType = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9];
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
    } else if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? cur[x - bpp] : 0;
      const b = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c,
          pa = Math.abs(p - a),
          pb = Math.abs(p - b),
          pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[x] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = cur[x * bpp];
      out[o + 1] = cur[x * bpp + 1];
      out[o + 2] = cur[x * bpp + 2];
      out[o + 3] = bpp === 4 ? cur[x * bpp + 3] : 255;
    }
    prev.set(cur);
  }
  return { width, height, data: out };
}

/** Share of pixels that differ clearly from the most common colour (the background). */
export function nonBackgroundShare(img: Rgba): number {
  const counts = new Map<number, number>();
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const key = ((img.data[i * 4] >> 3) << 10) | ((img.data[i * 4 + 1] >> 3) << 5) | (img.data[i * 4 + 2] >> 3);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [bg] = [...counts.entries()].sort((p, q) => q[1] - p[1])[0];
  let other = 0;
  for (let i = 0; i < n; i++) {
    const key = ((img.data[i * 4] >> 3) << 10) | ((img.data[i * 4 + 1] >> 3) << 5) | (img.data[i * 4 + 2] >> 3);
    if (key !== bg) other++;
  }
  return other / n;
}

/** Number of pixels within `tol` of an RGB colour. */
export function countColour(img: Rgba, rgb: [number, number, number], tol = 12): number {
  let k = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    if (Math.abs(img.data[i * 4] - rgb[0]) <= tol && Math.abs(img.data[i * 4 + 1] - rgb[1]) <= tol && Math.abs(img.data[i * 4 + 2] - rgb[2]) <= tol) k++;
  }
  return k;
}
