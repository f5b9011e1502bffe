// Amounts as written in German and English exports: `1.234,56` (decimal
// comma, point for thousands) or `1,234.56`, optionally with spaces or
// apostrophes as group separators, a currency sign or code, a minus sign in
// front, behind (SAP: `12,50-`) or parentheses. Thousands groups are checked
// (exactly three digits), so `12.5` read with a decimal comma is rejected
// instead of silently becoming 125.

export type DecimalSeparator = '.' | ',';

const COMMA = 44;
const POINT = 46;
const MINUS = 45;
const PLUS = 43;
const SPACE = 32;
/** Digits beyond this do not fit a double's integer mantissa exactly. */
const MAX_EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Parses a plain number (sign, digits, group separators, one decimal
 * separator) by character codes: mantissa / 10^k is correctly rounded, so
 * the result equals Number() of the same digits. NaN when the text has any
 * other character; `undefined` when it is too long for the fast path.
 */
function parsePlain(text: string, decimalCode: number, groupCode: number): number | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === SPACE) start++;
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    start++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  let inFraction = false;
  let grouped = false;
  let sinceGroup = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (inFraction) fraction++;
      else sinceGroup++;
    } else if (c === decimalCode && !inFraction) {
      if (grouped && sinceGroup !== 3) return Number.NaN;
      inFraction = true;
    } else if (c === groupCode && !inFraction) {
      if (grouped ? sinceGroup !== 3 : sinceGroup < 1 || sinceGroup > 3) return Number.NaN;
      grouped = true;
      sinceGroup = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || (grouped && !inFraction && sinceGroup !== 3)) return Number.NaN;
  if (digits > MAX_EXACT_DIGITS || fraction >= POWERS_OF_TEN.length) return undefined;
  const value = mantissa / (POWERS_OF_TEN[fraction] as number);
  return negative ? -value : value;
}

const CURRENCY = /^(?:[€$£¥]|[A-Za-z]{3}\.?)\s*|\s*(?:[€$£¥]|[A-Za-z]{3})$/g;
const GROUP_SPACES = /[\s\u00a0\u202f'’]/g;

/** Parses an amount; NaN when it is empty or not a number. */
export function parseAmount(text: string, decimal: DecimalSeparator): number {
  const decimalCode = decimal === ',' ? COMMA : POINT;
  const groupCode = decimal === ',' ? POINT : COMMA;
  const plain = parsePlain(text, decimalCode, groupCode);
  if (plain !== undefined && !Number.isNaN(plain)) return plain;
  return parseDecorated(text, decimal, decimalCode, groupCode);
}

/** The slow path: currency, unusual minus signs, space groups, very long numbers. */
function parseDecorated(text: string, decimal: DecimalSeparator, decimalCode: number, groupCode: number): number {
  let s = text.trim();
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(/^[\u2212\u2013]/, '-');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  s = s.replace(CURRENCY, '').replace(GROUP_SPACES, '');
  if (s.length === 0 || s.startsWith('-') || s.startsWith('+')) return Number.NaN;
  const plain = parsePlain(s, decimalCode, groupCode);
  if (plain === undefined) {
    // More than 15 digits: let the engine round the canonical form.
    const canonical = s.split(decimal === ',' ? '.' : ',').join('').replace(',', '.');
    if (!/^\d*\.?\d*$/.test(canonical)) return Number.NaN;
    const value = Number(canonical);
    return negative ? -value : value;
  }
  return negative ? -plain : plain;
}

export interface DecimalDetection {
  decimal: DecimalSeparator;
  /** No value decided it (e.g. only whole numbers, or only `1.234`); the UI may ask. */
  ambiguous: boolean;
}

const ONLY_GROUPED_COMMA = /^-?\d{1,3}(,\d{3})+$/;
const ONLY_GROUPED_POINT = /^-?\d{1,3}(\.\d{3})+$/;

/**
 * Decides the decimal separator from sample cells of the amount columns:
 * the last of `.` and `,` when both occur; a lone separator unless it could
 * be a thousands group (`1,234`). Without evidence a semicolon-separated
 * file is taken as German (decimal comma), any other as decimal point.
 */
export function detectDecimalSeparator(samples: readonly string[], delimiter: string): DecimalDetection {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const s = raw.replace(/[^\d.,-]/g, '');
    const lastComma = s.lastIndexOf(',');
    const lastPoint = s.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma++;
      else point++;
    } else if (lastComma >= 0) {
      if (!ONLY_GROUPED_COMMA.test(s)) comma++;
    } else if (lastPoint >= 0) {
      if (!ONLY_GROUPED_POINT.test(s)) point++;
    }
  }
  if (comma > point) return { decimal: ',', ambiguous: point > 0 };
  if (point > comma) return { decimal: '.', ambiguous: comma > 0 };
  return { decimal: delimiter === ';' ? ',' : '.', ambiguous: true };
}
