// Bytes to text, browser and Node alike (TextDecoder only): UTF-8 with or
// without BOM, UTF-16 with BOM (Excel's "Unicode text") or without one
// (recognised by its zero bytes, see utf16Order), otherwise
// Windows-1252, the encoding of German Excel and most ERP exports. A strict
// UTF-8 decoder decides: Windows-1252 text with umlauts (0xFC for ü) is
// almost never valid UTF-8. Binary files are refused before decoding.
import { importError, type ImportError } from './problems.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeOutcome = { ok: true; text: string; encoding: TextEncoding; bom: boolean } | { ok: false; error: ImportError };

/** Bytes inspected for the binary check; enough to see a file's character. */
const SNIFF_BYTES = 65_536;
/** Share of control bytes (other than tab, CR, LF, FF) above which a file is not text. */
const MAX_CONTROL_SHARE = 0.05;

const EMPTY_MESSAGE = 'The file is empty: expected a table with a header row such as customer_id,date,revenue.';
const BINARY_MESSAGE =
  'This is not a text file (it contains binary data). Export the table as CSV or TXT (for example "CSV (Trennzeichen-getrennt)" in Excel) and try again.';

/** Share of the high (zero) bytes of one parity above which Latin text is taken as UTF-16. */
const MIN_UTF16_ZERO_SHARE = 0.3;
/** ... while at most this share of the other parity is zero (binary files have zeros on both). */
const MAX_UTF16_OTHER_ZERO_SHARE = 0.01;

/**
 * UTF-16 without BOM: text in Latin script has a zero high byte in most code
 * units, so zeros pile up at odd offsets (little endian) or at even ones (big
 * endian), while the other half is almost never zero. Binary data has zero
 * bytes at both parities.
 */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const units = n / 2;
  if (zeroOdd / units >= MIN_UTF16_ZERO_SHARE && zeroEven / units <= MAX_UTF16_OTHER_ZERO_SHARE) return 'utf-16le';
  if (zeroEven / units >= MIN_UTF16_ZERO_SHARE && zeroOdd / units <= MAX_UTF16_OTHER_ZERO_SHARE) return 'utf-16be';
  return null;
}

/** True when the bytes look like a binary file: NUL bytes or many control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return true;
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

export function decodeBytes(bytes: Uint8Array): DecodeOutcome {
  const b0 = bytes[0];
  const b1 = bytes[1];
  // A UTF-16 file is full of NUL bytes: recognise it by its BOM before the binary check.
  if (b0 === 0xff && b1 === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le', true);
  if (b0 === 0xfe && b1 === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be', true);
  if (bytes.length === 0) return { ok: false, error: importError('empty', EMPTY_MESSAGE) };
  const order = utf16Order(bytes);
  // The decoded text still passes the binary check (textProblem), so only real text gets through.
  if (order !== null) return finish(new TextDecoder(order).decode(bytes.subarray(0, bytes.length & ~1)), order, false);
  if (looksBinary(bytes)) return { ok: false, error: importError('binary', BINARY_MESSAGE) };
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM: keep the BOM in the output so we can strip and report it ourselves.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return finish(bom ? text.slice(1) : text, 'utf-8', bom);
  } catch (_notUtf8) {
    return finish(decodeWindows1252(bytes), 'windows-1252', false);
  }
}

/**
 * Windows-1252 bytes 0x80..0x9F (WHATWG Encoding Standard index); the other
 * bytes equal their code points. Decoded by hand because Node's
 * TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80 -> U+0080, not the euro sign).
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
] as const;
/** Characters per String.fromCharCode call (engines limit the argument count). */
const DECODE_BLOCK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    units[i] = byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte;
  }
  let text = '';
  for (let start = 0; start < units.length; start += DECODE_BLOCK) text += String.fromCharCode(...units.subarray(start, start + DECODE_BLOCK));
  return text;
}

function finish(text: string, encoding: TextEncoding, bom: boolean): DecodeOutcome {
  const problem = textProblem(text);
  return problem === null ? { ok: true, text, encoding, bom } : { ok: false, error: problem };
}

/** The same checks for text that arrives already decoded (a pasted table, a test). */
export function textProblem(text: string): ImportError | null {
  if (text.trim().length === 0 || text === '\uFEFF') return importError('empty', EMPTY_MESSAGE);
  const head = text.slice(0, SNIFF_BYTES);
  if (head.includes('\u0000')) return importError('binary', BINARY_MESSAGE);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  return control / head.length > MAX_CONTROL_SHARE ? importError('binary', BINARY_MESSAGE) : null;
}
