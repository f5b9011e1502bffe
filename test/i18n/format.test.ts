import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact, formatNumber, formatPercent, formatYears, formatYearsAfter } from '../../src/i18n/format.ts';

/** Intl separates number and unit with a no-break space; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('formatMoney', () => {
  it('formatMoney(1234.56) follows the locale: 1.234,56 € in German, €1,234.56 in English', () => {
    expect(plain(formatMoney(1234.56, 'de'))).toBe('1.234,56 €');
    expect(formatMoney(1234.56, 'en')).toBe('€1,234.56');
  });

  it('formatMoney of a loss carries a minus sign, not only a colour', () => {
    expect(plain(formatMoney(-39.5, 'de'))).toBe('−39,50 €');
    expect(formatMoney(-39.5, 'en')).toBe('−€39.50');
  });

  it('formatMoney drops the cents from 10,000 on', () => {
    expect(formatMoney(2_160_000, 'en')).toBe('€2,160,000');
  });

  it('formatMoneyCompact shortens axis ticks', () => {
    expect(plain(formatMoneyCompact(2_200_000, 'de'))).toBe('2,2 Mio. €');
    expect(formatMoneyCompact(2_200_000, 'en')).toBe('€2.2M');
  });
});

describe('formatPercent, formatNumber, formatYears', () => {
  it('formatPercent(0.3) is 30 % in German and 30% in English', () => {
    expect(plain(formatPercent(0.3, 'de'))).toBe('30 %');
    expect(formatPercent(0.3, 'en')).toBe('30%');
    expect(formatPercent(-0.343, 'en')).toBe('−34.3%');
  });

  it('formatNumber groups thousands per locale', () => {
    expect(formatNumber(10_000, 'de')).toBe('10.000');
    expect(formatNumber(1.5, 'de')).toBe('1,5');
    expect(formatNumber(10_000, 'en')).toBe('10,000');
  });

  it('formatYears(6.12) reads 6,1 Jahre / 6.1 years', () => {
    expect(plain(formatYears(6.12, 'de'))).toBe('6,1 Jahre');
    expect(formatYears(6.12, 'en')).toBe('6.1 years');
  });
});

describe('formatYearsAfter and the German thousands separator on axes (issue 11)', () => {
  it('takes the dative after a preposition: nach 6,1 Jahren, nach 1 Jahr; English after 6.1 years', () => {
    expect(plain(formatYearsAfter(6.12, 'de'))).toBe('6,1 Jahren');
    expect(plain(formatYearsAfter(1, 'de'))).toBe('1 Jahr');
    expect(plain(formatYearsAfter(1.04, 'de'))).toBe('1 Jahr');
    expect(plain(formatYearsAfter(2, 'de', 0))).toBe('2 Jahren');
    expect(formatYearsAfter(6.12, 'en')).toBe('6.1 years');
    expect(formatYearsAfter(1, 'en')).toBe('1 year');
  });

  it('writes 2.000 € with its separator on a German axis, millions still short', () => {
    expect(plain(formatMoneyCompact(2000, 'de'))).toBe('2.000 €');
    expect(plain(formatMoneyCompact(-500_000, 'de'))).toBe('−500.000 €');
    expect(plain(formatMoneyCompact(2_200_000, 'de'))).toBe('2,2 Mio. €');
  });
});
