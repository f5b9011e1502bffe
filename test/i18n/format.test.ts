import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact, formatNumber, formatPercent, formatYears, formatYearsAfter, formatCalendarDay } from '../../src/i18n/format.ts';

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

describe('formatCalendarDay (issue 15, defect 5: no ISO dates in the German interface)', () => {
  // 1997-09-30 is day 10,134 since 1970-01-01: 27 years of 365 days + 7 leap days (72..96) + 272 days into 1997.
  const CDNOW_CALIBRATION_END = 27 * 365 + 7 + 272;

  it('writes a purchase day as German and British dates, not as YYYY-MM-DD', () => {
    expect(formatCalendarDay(CDNOW_CALIBRATION_END, 'de')).toBe('30.09.1997');
    const en = formatCalendarDay(CDNOW_CALIBRATION_END, 'en');
    expect(en).toMatch(/^30 Sept? 1997$/);
  });

  it('keeps the calendar day whatever the time zone: day 0 is 1 January 1970', () => {
    expect(formatCalendarDay(0, 'de')).toBe('01.01.1970');
    expect(formatCalendarDay(-1, 'de')).toBe('31.12.1969');
  });

  it('shows a dash for a day that is not a number', () => {
    expect(formatCalendarDay(Number.NaN, 'en')).toBe('–');
  });
});
