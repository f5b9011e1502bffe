import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, detectDateFormat, formatDay, parseDay } from '../../src/data/dates.ts';

describe('dayFromCivil(year, month, day) and formatDay(day)', () => {
  it('counts days from 1970-01-01 like Date.UTC, leap years included', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(dayFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
        expect(formatDay(day)).toBe(date.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('parseDay(text, format)', () => {
  const march12 = dayFromCivil(2025, 3, 12);

  it('reads each format, with a time after the date ignored', () => {
    expect(parseDay('2025-03-12', 'YYYY-MM-DD')).toBe(march12);
    expect(parseDay('2025-03-12T14:30:00Z', 'YYYY-MM-DD')).toBe(march12);
    expect(parseDay('12.03.2025', 'DD.MM.YYYY')).toBe(march12);
    expect(parseDay('12.3.2025 08:15', 'DD.MM.YYYY')).toBe(march12);
    expect(parseDay('03/12/2025', 'MM/DD/YYYY')).toBe(march12);
    expect(parseDay('12/03/2025', 'DD/MM/YYYY')).toBe(march12);
    expect(parseDay('20250312', 'YYYYMMDD')).toBe(march12);
    expect(parseDay('12.03.25', 'DD.MM.YYYY')).toBe(march12);
    expect(parseDay('12.03.97', 'DD.MM.YYYY')).toBe(dayFromCivil(1997, 3, 12));
  });

  it('rejects impossible and malformed dates', () => {
    for (const [text, format] of [
      ['31.02.2025', 'DD.MM.YYYY'],
      ['29.02.2023', 'DD.MM.YYYY'],
      ['2025-13-01', 'YYYY-MM-DD'],
      ['12.03.2025', 'YYYY-MM-DD'],
      ['12/03', 'MM/DD/YYYY'],
      ['heute', 'DD.MM.YYYY'],
      ['', 'DD.MM.YYYY'],
    ] as const) {
      expect(parseDay(text, format), text).toBeNaN();
    }
    expect(parseDay('29.02.2024', 'DD.MM.YYYY')).toBe(dayFromCivil(2024, 2, 29));
  });
});

describe('detectDateFormat(samples)', () => {
  it('recognises ISO and compact dates unambiguously', () => {
    expect(detectDateFormat(['2025-03-12', '2025-01-02'])).toEqual({ format: 'YYYY-MM-DD', ambiguous: false, candidates: ['YYYY-MM-DD'] });
    expect(detectDateFormat(['19970101'])?.format).toBe('YYYYMMDD');
  });

  it('uses a value above 12 to decide day and month order', () => {
    expect(detectDateFormat(['03.04.2025', '13.04.2025'])?.format).toBe('DD.MM.YYYY');
    expect(detectDateFormat(['04.13.2025'])?.format).toBe('MM.DD.YYYY');
    expect(detectDateFormat(['12/31/2024'])).toEqual({ format: 'MM/DD/YYYY', ambiguous: false, candidates: ['MM/DD/YYYY'] });
  });

  it('reports ambiguity when all values are <= 12, defaulting to DD.MM for "." and MM/DD for "/"', () => {
    expect(detectDateFormat(['03.04.2025'])).toEqual({ format: 'DD.MM.YYYY', ambiguous: true, candidates: ['DD.MM.YYYY', 'MM.DD.YYYY'] });
    expect(detectDateFormat(['03/04/2025'])).toEqual({ format: 'MM/DD/YYYY', ambiguous: true, candidates: ['MM/DD/YYYY', 'DD/MM/YYYY'] });
  });

  it('returns null when most samples are no dates', () => {
    expect(detectDateFormat(['12,50', 'abc', '2025-01-01'])).toBeNull();
  });
});
