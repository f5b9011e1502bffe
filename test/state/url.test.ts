import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { parseLocationSearch, searchFor } from '../../src/state/url.ts';

describe('parseLocationSearch', () => {
  it('an empty query gives the defaults, no language and no problems', () => {
    expect(parseLocationSearch('')).toEqual({ scenario: DEFAULTS, lang: null, problems: [] });
  });

  it('reads parameters in their scenario units (rates as fractions) and the language', () => {
    const parsed = parseLocationSearch('?churnRate=0.25&customers=100000&lang=en');
    expect(parsed.scenario.churnRate).toBe(0.25);
    expect(parsed.scenario.customers).toBe(100_000);
    expect(parsed.lang).toBe('en');
    expect(parsed.problems).toEqual([]);
  });

  it('horizon=unlimited and horizon=null both mean an unlimited horizon', () => {
    expect(parseLocationSearch('?horizon=unlimited').scenario.horizon).toBeNull();
    expect(parseLocationSearch('?horizon=null').scenario.horizon).toBeNull();
    expect(parseLocationSearch('?horizon=20').scenario.horizon).toBe(20);
  });

  it('an out-of-range value is ignored and reported with its parameter and raw text', () => {
    const parsed = parseLocationSearch('?churnRate=25&orderValue=300');
    expect(parsed.scenario.churnRate).toBe(DEFAULTS.churnRate);
    expect(parsed.scenario.orderValue).toBe(300);
    expect(parsed.problems).toEqual([{ key: 'churnRate', raw: '25', reason: 'outOfRange' }]);
  });

  it('a value that is not a number is ignored and reported', () => {
    const parsed = parseLocationSearch('?marginRate=abc');
    expect(parsed.scenario.marginRate).toBe(DEFAULTS.marginRate);
    expect(parsed.problems).toEqual([{ key: 'marginRate', raw: 'abc', reason: 'notANumber' }]);
  });

  it('a fractional customer count is reported as not a whole number', () => {
    expect(parseLocationSearch('?customers=100.5').problems).toEqual([
      { key: 'customers', raw: '100.5', reason: 'notAnInteger' },
    ]);
  });

  it('unknown keys and unknown languages are noted but change nothing', () => {
    const parsed = parseLocationSearch('?foo=1&lang=fr');
    expect(parsed.scenario).toEqual(DEFAULTS);
    expect(parsed.lang).toBeNull();
    expect(parsed.problems).toEqual([
      { key: 'lang', raw: 'fr', reason: 'unknownLanguage' },
      { key: 'foo', raw: '1', reason: 'unknownKey' },
    ]);
  });
});

describe('searchFor', () => {
  it('the defaults in German give an empty query', () => {
    expect(searchFor(DEFAULTS, 'de')).toBe('');
  });

  it('lists only the parameters that differ from the defaults, then the language', () => {
    expect(searchFor({ ...DEFAULTS, churnRate: 0.25, horizon: null }, 'en')).toBe(
      '?churnRate=0.25&horizon=unlimited&lang=en',
    );
  });

  it('what searchFor writes, parseLocationSearch reads back unchanged', () => {
    const scenario = { ...DEFAULTS, churnRate: 0.33, customers: 250_000, horizon: null, focus: 0.75 };
    const parsed = parseLocationSearch(searchFor(scenario, 'en'));
    expect(parsed.scenario).toEqual(scenario);
    expect(parsed.lang).toBe('en');
    expect(parsed.problems).toEqual([]);
  });
});

describe('searchFor with a currency', () => {
  it('carries a chosen currency and leaves the default (EUR) out', () => {
    expect(searchFor(DEFAULTS, 'de', 'CHF')).toBe('?currency=CHF');
    expect(searchFor(DEFAULTS, 'de', 'EUR')).toBe('');
  });
});

describe('decision switches in the URL (issue 12)', () => {
  it('applyDrop and applyFix are 0 or 1 with the same names, and travel in links', () => {
    const parsed = parseLocationSearch('?applyDrop=1&applyFix=1&focus=0.6');
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenario).toMatchObject({ applyDrop: 1, applyFix: 1, focus: 0.6 });
    expect(searchFor({ ...DEFAULTS, applyDrop: 1 }, 'de', 'EUR')).toBe('?applyDrop=1');
    expect(parseLocationSearch('?applyDrop=0.5').problems).toEqual([{ key: 'applyDrop', raw: '0.5', reason: 'notAnInteger' }]);
    expect(parseLocationSearch('?applyFix=2').problems).toEqual([{ key: 'applyFix', raw: '2', reason: 'outOfRange' }]);
    expect(DEFAULTS.applyDrop).toBe(0);
    expect(DEFAULTS.applyFix).toBe(0);
  });
});
