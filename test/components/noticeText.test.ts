import { afterEach, describe, expect, it } from 'vitest';
import { engineNotices, rangeText, urlProblemText } from '../../src/components/panels/noticeText.ts';
import { createEngine } from '../../src/engine/index.ts';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { fmt, i18n } from '../../src/i18n/i18n.svelte.ts';

afterEach(() => {
  i18n.locale = 'de';
});

function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('rangeText', () => {
  it('gives the range in the units the user sees, translated', () => {
    expect(rangeText('churnRate')).toBe('0 bis 100 %');
    expect(rangeText('horizon')).toBe('ganze Zahl von 1 bis 50 Jahre oder „unlimited“');
    i18n.locale = 'en';
    expect(rangeText('customers')).toBe('a whole number from 100 to 1,000,000');
  });
});

describe('urlProblemText', () => {
  it('names the parameter, its label, the rejected text and the allowed range, in English too', () => {
    i18n.locale = 'en';
    expect(plain(urlProblemText({ key: 'orderValue', raw: '-5', reason: 'outOfRange' }))).toBe(
      'URL parameter orderValue (Order value) ignored: “-5” is not valid, allowed is 0 to 5,000 €.',
    );
    expect(urlProblemText({ key: 'foo', raw: '1', reason: 'unknownKey' })).toBe(
      'URL parameter foo is unknown and was ignored.',
    );
  });
});

describe('engineNotices', () => {
  it('says nothing for the default scenario', () => {
    expect(engineNotices(createEngine().compute({ ...DEFAULTS, customers: 500 }))).toEqual([]);
  });

  it('explains an unbounded CLV (no churn, unlimited horizon) and a negative margin', () => {
    const engine = createEngine();
    const unbounded = engineNotices(engine.compute({ ...DEFAULTS, customers: 500, churnRate: 0, horizon: null }));
    expect(unbounded.join(' ')).toMatch(/auf [\d.]+ Jahre begrenzt/);
    const negative = engineNotices(engine.compute({ ...DEFAULTS, customers: 500, serviceCostPerYear: 2000 }));
    expect(negative.join(' ')).toContain('Deckungsbeitrag je Kunde ist negativ');
  });

  it('for a total value that is not positive, names the total and the four shares the app then shows as "–" (null in the CLI)', () => {
    i18n.locale = 'en';
    const results = createEngine().compute({ ...DEFAULTS, customers: 500, marginRate: 0 });
    // m = -200 a year for every customer: the total is negative.
    expect(results.portfolio.totals.value).toBeLessThan(0);
    expect(results.portfolio.whalePeak).toBeNull();
    const text = plain(engineNotices(results).find((notice) => notice.startsWith('The total value')) ?? '');
    expect(text).toContain(`(${plain(fmt.money(results.portfolio.totals.value, 0))})`);
    expect(text).toContain('the value shares of the best 20 % and the worst 10 % therefore show “–”');
  });
});

