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
