import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252, looksBinary } from '../../src/data/decode.ts';

describe('decodeBytes(bytes)', () => {
  it('decodes UTF-8, strips and reports a BOM', () => {
    const plain = decodeBytes(new TextEncoder().encode('Kunde;Umsatz\nMüller;1\n'));
    expect(plain).toMatchObject({ ok: true, encoding: 'utf-8', bom: false, text: 'Kunde;Umsatz\nMüller;1\n' });
    const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a]));
    expect(bom).toMatchObject({ ok: true, encoding: 'utf-8', bom: true, text: 'a\n' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (0xFC = ü, 0x80 = €)', () => {
    expect(decodeBytes(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x35, 0x80]))).toMatchObject({
      ok: true,
      encoding: 'windows-1252',
      text: 'Müller;5€',
    });
  });

  it('refuses empty and binary files with one clear error each', () => {
    expect(decodeBytes(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toMatchObject({ ok: false, error: { code: 'binary' } });
  });
});

describe('looksBinary(bytes)', () => {
  it('flags NUL bytes and mostly control characters, not tabs and line ends', () => {
    expect(looksBinary(new Uint8Array([0x61, 0x00]))).toBe(true);
    expect(looksBinary(Uint8Array.from({ length: 100 }, (_, i) => (i % 2 ? 0x01 : 0x61)))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('a\tb\r\nc\n'))).toBe(false);
  });
});

describe('decodeWindows1252(bytes)', () => {
  it('decodes long inputs block by block, the 0x80..0x9F range by the WHATWG table', () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? 0xfc : i % 3 === 1 ? 0x80 : 0x41));
    const text = decodeWindows1252(bytes);
    expect(text.length).toBe(20_000);
    expect(text.slice(0, 6)).toBe('ü€Aü€A');
    expect(decodeWindows1252(new Uint8Array([0x84, 0x93, 0x94, 0x96]))).toBe('„“”–');
  });
});

describe('UTF-16 without BOM (issue 14, item 11)', () => {
  const utf16le = (text: string): Uint8Array => new Uint8Array(Uint16Array.from(text, (ch) => ch.charCodeAt(0)).buffer);

  it('recognises UTF-16LE by the zero bytes at odd positions, and BE at even ones', () => {
    const text = 'Kunde;Datum;Umsatz\r\nMüller;12.03.2025;1,00\r\n';
    expect(decodeBytes(utf16le(text))).toMatchObject({ ok: true, encoding: 'utf-16le', bom: false, text });
    const le = utf16le(text);
    expect(decodeBytes(le.map((_, i) => le[i ^ 1] as number))).toMatchObject({ ok: true, encoding: 'utf-16be', bom: false, text });
  });

  it('still calls binary data binary: zero bytes everywhere or without the UTF-16 pattern', () => {
    expect(decodeBytes(new Uint8Array(64))).toMatchObject({ ok: false, error: { code: 'binary' } });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(decodeBytes(png)).toMatchObject({ ok: false, error: { code: 'binary' } });
  });
});
