import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseAmount } from '../../src/data/numbers.ts';

describe('parseAmount(text, decimal)', () => {
  it('reads German and English amounts with thousands separators', () => {
    expect(parseAmount('1.234,56', ',')).toBe(1234.56);
    expect(parseAmount('1,234.56', '.')).toBe(1234.56);
    expect(parseAmount('1.234.567,8', ',')).toBe(1234567.8);
    expect(parseAmount('-12,50', ',')).toBe(-12.5);
    expect(parseAmount(' 99 ', '.')).toBe(99);
    expect(parseAmount(',5', ',')).toBe(0.5);
  });

  it('accepts currency, space and apostrophe groups, trailing minus and parentheses', () => {
    expect(parseAmount('1.234,56 €', ',')).toBe(1234.56);
    expect(parseAmount('EUR 1.234,56', ',')).toBe(1234.56);
    expect(parseAmount('$1,234.56', '.')).toBe(1234.56);
    expect(parseAmount('1 234,56', ',')).toBe(1234.56);
    expect(parseAmount("1'234.56", '.')).toBe(1234.56);
    expect(parseAmount('12,50-', ',')).toBe(-12.5);
    expect(parseAmount('(12.50)', '.')).toBe(-12.5);
    expect(parseAmount('\u221212,50', ',')).toBe(-12.5);
  });

  it('rejects text and misplaced group separators instead of guessing (12.5 with decimal comma is not 125)', () => {
    for (const bad of ['', 'zehn', '12.5', '1.23,4', '1,2,3', '12,34,5', '--1', '1.2345,00']) expect(parseAmount(bad, ','), bad).toBeNaN();
    expect(parseAmount('1,23.4', '.')).toBeNaN();
  });

  it('equals Number() for every plain decimal (correct rounding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), (mantissa, decimals) => {
        const text = (mantissa / 10 ** decimals).toFixed(decimals);
        expect(parseAmount(text, '.')).toBe(Number(text));
        expect(parseAmount(text.replace('.', ','), ',')).toBe(Number(text));
      }),
    );
  });

  it('falls back to Number() beyond 15 digits', () => {
    expect(parseAmount('12345678901234567,5', ',')).toBe(Number('12345678901234567.5'));
    expect(parseAmount('1.234.567.890.123.456,78', ',')).toBe(Number('1234567890123456.78'));
  });
});

describe('detectDecimalSeparator(samples, delimiter)', () => {
  it('takes the last of "." and "," and ignores lone thousands groups', () => {
    expect(detectDecimalSeparator(['1.234,56', '12'], ';')).toEqual({ decimal: ',', ambiguous: false });
    expect(detectDecimalSeparator(['1,234.56'], ',')).toEqual({ decimal: '.', ambiguous: false });
    expect(detectDecimalSeparator(['12,5', '3'], ';').decimal).toBe(',');
  });

  it('falls back to the dialect when nothing decides: "," for semicolon files, "." otherwise', () => {
    expect(detectDecimalSeparator(['1.234', '17'], ';')).toEqual({ decimal: ',', ambiguous: true });
    expect(detectDecimalSeparator(['17'], ',')).toEqual({ decimal: '.', ambiguous: true });
  });
});
