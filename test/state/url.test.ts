import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { ECHO_MAX_CHARS, echo } from '../../src/engine/echo.ts';
import { urlProblemText } from '../../src/components/panels/noticeText.ts';
import { i18n } from '../../src/i18n/i18n.svelte.ts';
import { parseLocationSearch, searchFor } from '../../src/state/url.ts';

afterEach(() => {
  i18n.locale = 'de';
});

describe('parseLocationSearch', () => {
  it('an empty query gives the defaults, no language and no problems', () => {
    expect(parseLocationSearch('')).toEqual({ scenario: DEFAULTS, lang: null, account: null, problems: [] });
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

describe('parseLocationSearch with a key given more than once', () => {
  it('the first value counts, and one problem names the key, how often it came and the value used', () => {
    const parsed = parseLocationSearch('?churnRate=0.25&churnRate=0.3&churnRate=0.4');
    expect(parsed.scenario.churnRate).toBe(0.25);
    expect(parsed.problems).toEqual([{ key: 'churnRate', raw: '0.25', reason: 'repeated', count: 3 }]);
  });

  it('a repeated invalid language gives one repetition and one invalid-value problem, not one per copy', () => {
    const parsed = parseLocationSearch('?lang=fr&lang=fr&lang=fr');
    expect(parsed.lang).toBeNull();
    expect(parsed.problems).toEqual([
      { key: 'lang', raw: 'fr', reason: 'repeated', count: 3 },
      { key: 'lang', raw: 'fr', reason: 'unknownLanguage' },
    ]);
  });

  it('a repeated language uses its first value even when a later one is valid', () => {
    const parsed = parseLocationSearch('?lang=en&lang=de');
    expect(parsed.lang).toBe('en');
    expect(parsed.problems).toEqual([{ key: 'lang', raw: 'en', reason: 'repeated', count: 2 }]);
  });

  it('repeated app keys (currency, embed) are noted too', () => {
    expect(parseLocationSearch('?currency=CHF&currency=USD').problems).toEqual([
      { key: 'currency', raw: 'CHF', reason: 'repeated', count: 2 },
    ]);
  });
});

describe('parseLocationSearch accepts plain decimal numbers only', () => {
  it.each(['0.25', '.25', '+0.25', '2.5e-1', '25E-2', ' 0.25 '])('churnRate=%s is 0.25', (raw) => {
    const parsed = parseLocationSearch(`?churnRate=${encodeURIComponent(raw)}`);
    expect(parsed.scenario.churnRate).toBe(0.25);
    expect(parsed.problems).toEqual([]);
  });

  it.each(['0x10', '0X10', '0b101', '0o17', '1_000', 'Infinity', '-Infinity', 'NaN', '1e', '.', '--1', '1.2.3', '٣', '１０'])(
    'orderValue=%s is refused with a notice and the default stays',
    (raw) => {
      const parsed = parseLocationSearch(`?orderValue=${encodeURIComponent(raw)}`);
      expect(parsed.scenario.orderValue).toBe(DEFAULTS.orderValue);
      expect(parsed.problems).toEqual([{ key: 'orderValue', raw, reason: 'notANumber' }]);
    },
  );

  it('seed=0b101 and customers=0x3e8 are refused, not read as 5 and 1000', () => {
    const parsed = parseLocationSearch('?seed=0b101&customers=0x3e8');
    expect(parsed.scenario.seed).toBe(DEFAULTS.seed);
    expect(parsed.scenario.customers).toBe(DEFAULTS.customers);
    expect(parsed.problems.map((p) => p.reason)).toEqual(['notANumber', 'notANumber']);
  });

  it('horizon=0x10 is refused too (only words, not numbers, stand for unlimited)', () => {
    expect(parseLocationSearch('?horizon=0x10').problems).toEqual([{ key: 'horizon', raw: '0x10', reason: 'notANumber' }]);
  });

  it('the words for an unlimited horizon still mean unlimited', () => {
    for (const word of ['unlimited', 'null', 'unbegrenzt', 'inf', 'Infinity', '∞']) {
      expect(parseLocationSearch(`?horizon=${encodeURIComponent(word)}`).scenario.horizon, word).toBeNull();
    }
  });
});

describe('parseLocationSearch names every ignored key', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', ''])('%s= is reported as unknown', (key) => {
    const parsed = parseLocationSearch(`?${encodeURIComponent(key)}=1`);
    expect(parsed.scenario).toEqual(DEFAULTS);
    expect(parsed.problems).toEqual([{ key, raw: '1', reason: 'unknownKey' }]);
  });

  it('__proto__ cannot change the scenario or the prototype of anything', () => {
    const parsed = parseLocationSearch('?__proto__[churnRate]=0.9&__proto__=x&churnRate=0.3');
    expect(parsed.scenario.churnRate).toBe(0.3);
    expect(Object.getPrototypeOf(parsed.scenario)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['churnRate']).toBeUndefined();
    expect(parsed.problems.map((p) => p.key)).toEqual(['__proto__[churnRate]', '__proto__']);
  });
});

describe('echo: raw input as a notice quotes it', () => {
  it('keeps short plain text as it is', () => {
    expect(echo('churnRate')).toBe('churnRate');
    expect(echo('Zürich 25 %')).toBe('Zürich 25 %');
    expect(echo('')).toBe('');
  });

  it('spells out control, bidi, zero-width and tag characters', () => {
    expect(echo('abc\u202Edef')).toBe('abc\\u202Edef');
    expect(echo('a\nb\tc\u0000')).toBe('a\\u000Ab\\u0009c\\u0000');
    expect(echo('\u200B\u2066\u2069\uFEFF\u061C\u0085')).toBe('\\u200B\\u2066\\u2069\\uFEFF\\u061C\\u0085');
    expect(echo('x\u{E0041}')).toBe('x\\u{E0041}');
    expect(echo('lone \uD800')).toBe('lone \\uD800');
  });

  it('keeps letters outside the BMP whole (an emoji is not a hidden character)', () => {
    expect(echo('😀')).toBe('😀');
    expect(echo('😀'.repeat(50))).toBe(`${'😀'.repeat(ECHO_MAX_CHARS)}…`);
  });

  it('cuts a long text to a few dozen characters, counting spelled-out ones in full and never splitting one', () => {
    expect(echo('k'.repeat(50_000))).toBe(`${'k'.repeat(ECHO_MAX_CHARS)}…`);
    const bidi = echo('\u202E'.repeat(1000));
    expect(bidi.length).toBeLessThanOrEqual(ECHO_MAX_CHARS + 1);
    expect(bidi).toMatch(/^(\\u202E)+…$/);
  });

  it('never returns a hidden character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const shown = echo(text);
        // eslint-disable-next-line no-control-regex -- no control character may survive
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
        expect([...shown].length).toBeLessThanOrEqual(ECHO_MAX_CHARS + 1);
      }),
    );
  }, 30_000);
});

describe('parseLocationSearch names an unknown currency', () => {
  it('currency=XYZ is noted (the app keeps EUR); a known one is not', () => {
    i18n.locale = 'en';
    const problems = parseLocationSearch('?currency=XYZ').problems;
    expect(problems).toEqual([{ key: 'currency', raw: 'XYZ', reason: 'unknownCurrency' }]);
    expect(problems.map(urlProblemText)).toEqual(['URL parameter currency=XYZ ignored: allowed are EUR, USD, CHF, GBP.']);
    expect(parseLocationSearch('?currency=CHF').problems).toEqual([]);
  });
});

describe('URL notices quote raw input shortened and visible', () => {
  it('a 50,000-character key is named by its first few dozen characters', () => {
    i18n.locale = 'en';
    const key = 'x'.repeat(50_000);
    const texts = parseLocationSearch(`?${key}=1`).problems.map(urlProblemText);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toBe(`URL parameter ${'x'.repeat(ECHO_MAX_CHARS)}… is unknown and was ignored.`);
  });

  it('a bidi override in a value is shown as \\u202E, not applied', () => {
    i18n.locale = 'en';
    const [text = ''] = parseLocationSearch(`?orderValue=${encodeURIComponent('12\u202E34')}`).problems.map(urlProblemText);
    expect(text).toContain('“12\\u202E34”');
    expect(text).not.toContain('\u202E');
  });

  it('__proto__ and constructor get a notice of their own', () => {
    i18n.locale = 'en';
    const texts = parseLocationSearch('?__proto__=1&constructor=2').problems.map(urlProblemText);
    expect(texts).toEqual([
      'URL parameter __proto__ is unknown and was ignored.',
      'URL parameter constructor is unknown and was ignored.',
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
