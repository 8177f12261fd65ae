// Reading a longitude or latitude typed by the user: a plain decimal number of
// degrees, nothing else (Number() would also take '', '0x1f' and '1e2').

export type Degrees = { ok: true; value: number } | { ok: false; reason: 'not-a-number' | 'out-of-range' };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** `text` as degrees in [−max, max] (180 for longitude, 90 for latitude); spaces around it and a '−' minus sign are allowed. */
export function parseDegrees(text: string, max: number): Degrees {
  const s = text.trim().replace(/^\u2212/, '-');
  if (!DECIMAL.test(s)) return { ok: false, reason: 'not-a-number' };
  const value = Number(s);
  return Math.abs(value) <= max ? { ok: true, value } : { ok: false, reason: 'out-of-range' };
}
