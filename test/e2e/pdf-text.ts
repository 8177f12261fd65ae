// The text of a PDF that Chromium printed, page by page, without a
// dependency: Chromium (Skia) writes plain objects, Flate-compressed content
// streams, and fonts as Type0 (two-byte glyph codes) or simple fonts (one
// byte), each with a ToUnicode CMap. Text is read from the Tj/TJ operators in
// the order painted; every text positioning starts a new word, so callers
// compare text with whitespace removed.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const end = s.indexOf('endobj', m.index);
    const body = s.slice(m.index + m[0].length, end);
    const at = body.search(/\bstream\r?\n/);
    let dict = body;
    let stream: Buffer | null = null;
    if (at >= 0) {
      dict = body.slice(0, at);
      const start = m.index + m[0].length + at + body.slice(at).match(/^stream\r?\n/)![0].length;
      const len = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const stop = len ? start + Number(len[1]) : s.indexOf('endstream', start);
      const raw = pdf.subarray(start, stop);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

function hexCodes(hex: string, width: number): number[] {
  const h = hex.replace(/\s/g, '');
  const out: number[] = [];
  for (let i = 0; i + width * 2 <= h.length; i += width * 2) out.push(parseInt(h.slice(i, i + width * 2), 16));
  return out;
}

function utf16(hex: string): string {
  const units = hexCodes(hex, 2);
  return String.fromCharCode(...units);
}

// A ToUnicode CMap: bfchar pairs and bfrange runs.
function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(p[1], 16), utf16(p[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(r[1], 16),
        hi = parseInt(r[2], 16);
      if (r[4] !== undefined) {
        const base = hexCodes(r[4], 2);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(...base.slice(0, -1), base[base.length - 1] + (c - lo)));
      } else {
        const list = [...r[5].matchAll(/<([0-9a-fA-F]+)>/g)];
        for (let c = lo; c <= hi; c++) if (list[c - lo]) map.set(c, utf16(list[c - lo][1]));
      }
    }
  }
  return map;
}

interface Font {
  width: number;
  map: Map<number, string>;
}

function literal(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (s[i] === '\\') {
      const n = s[++i];
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (/[0-7]/.test(n)) {
        const oct = /^[0-7]{1,3}/.exec(s.slice(i))![0];
        c = parseInt(oct, 8);
        i += oct.length - 1;
      } else c = esc[n] ?? n.charCodeAt(0);
    }
    out.push(c);
  }
  return out;
}

function decode(bytes: number[], font: Font | undefined): string {
  if (!font) return '';
  let out = '';
  for (let i = 0; i + font.width <= bytes.length; i += font.width) {
    const code = font.width === 2 ? (bytes[i] << 8) | bytes[i + 1] : bytes[i];
    out += font.map.get(code) ?? '';
  }
  return out;
}

function pageText(content: string, fonts: Map<string, Font>): string {
  let font: Font | undefined;
  let out = '';
  // Tokens: names, hex strings, literal strings (one level of nested parentheses), arrays, numbers, operators.
  const re = /\/([^\s/<>[\]()]+)|<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*)\)|(\[)|(\])|([-+]?\d*\.?\d+)|([A-Za-z*'"]+)/g;
  let lastName = '';
  let inArray = false;
  let pending = '';
  for (let m = re.exec(content); m; m = re.exec(content)) {
    if (m[1] !== undefined) lastName = m[1];
    else if (m[2] !== undefined) pending += decode(hexCodes(m[2], 1), font);
    else if (m[3] !== undefined) pending += decode(literal(m[3]), font);
    else if (m[4]) inArray = true;
    else if (m[5]) inArray = false;
    else if (m[7] !== undefined && !inArray) {
      const op = m[7];
      if (op === 'Tf') font = fonts.get(lastName);
      else if (op === 'Tj' || op === 'TJ' || op === "'" || op === '"') {
        out += pending;
        pending = '';
      } else if (op === 'Td' || op === 'TD' || op === 'Tm' || op === 'T*' || op === 'BT') out += ' ';
      else pending = '';
    }
  }
  return out;
}

/** Each page's text, in page order. */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const get = (n: number | null) => (n === null ? undefined : objs.get(n));
  const fontCache = new Map<number, Font>();
  const font = (n: number): Font => {
    let f = fontCache.get(n);
    if (!f) {
      const o = get(n)!;
      const cm = get(ref(o.dict, 'ToUnicode'))?.stream;
      f = { width: /\/Subtype\s*\/Type0/.test(o.dict) ? 2 : 1, map: cm ? cmap(cm.toString('latin1')) : new Map() };
      fontCache.set(n, f);
    }
    return f;
  };
  const root = get(
    ref(pdf.toString('latin1').match(/trailer[\s\S]*?<<[\s\S]*?>>/)?.[0] ?? '', 'Root') ??
      [...objs.entries()].find(([, o]) => /\/Type\s*\/Catalog/.test(o.dict))![0],
  )!;
  const pages: PdfObject[] = [];
  const walk = (n: number) => {
    const o = get(n)!;
    if (/\/Type\s*\/Pages/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)![1];
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else pages.push(o);
  };
  walk(ref(root.dict, 'Pages')!);
  return pages.map((page) => {
    let res = page.dict;
    const resRef = ref(page.dict, 'Resources');
    if (resRef !== null) res = get(resRef)!.dict;
    let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(res)?.[1] ?? '';
    const fontRef = ref(res, 'Font');
    if (fontRef !== null) fontDict = get(fontRef)!.dict;
    const fonts = new Map<string, Font>();
    for (const f of fontDict.matchAll(/\/([^\s/<>]+)\s+(\d+) 0 R/g)) fonts.set(f[1], font(Number(f[2])));
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map((c) => get(Number(c[1]))?.stream?.toString('latin1') ?? '');
    return pageText(streams.join('\n'), fonts);
  });
}
