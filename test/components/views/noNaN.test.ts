// No view ever prints NaN or Infinity (issue 14 item 2): random slider moves
// go through the parameter state exactly as the sliders send them (Home and
// End included), the engine computes in this thread, and every view is
// rendered in both languages and searched, text and attributes alike.
import { cleanup, render } from '@testing-library/svelte';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import Notices from '../../../src/components/panels/Notices.svelte';
import { engineNotices } from '../../../src/components/panels/noticeText.ts';
import CustomerView from '../../../src/components/views/CustomerView.svelte';
import DropView from '../../../src/components/views/DropView.svelte';
import FocusView from '../../../src/components/views/FocusView.svelte';
import PortfolioView from '../../../src/components/views/PortfolioView.svelte';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, PARAMETERS, PARAMETER_KEYS, type ParameterKey } from '../../../src/engine/parameters.ts';
import type { Locale } from '../../../src/i18n/format.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { ParametersState } from '../../../src/state/parameters.svelte.ts';

afterEach(() => {
  cleanup();
  i18n.locale = 'de';
});

type Move = readonly [ParameterKey, number | null];

/** Customers kept small so that one run renders in well under a second; the count is not what breaks a figure. */
const CUSTOMER_COUNTS = [100, 250, 1000];
const SHARE_KEYS: readonly ParameterKey[] = ['focusShareA', 'focusShareB', 'focusShareC'];
const MOVABLE = PARAMETER_KEYS.filter((key) => key !== 'customers');

/** One slider move: Home (min), End (max) or any value in range; the horizon also "unlimited". */
function moveOf(key: ParameterKey): fc.Arbitrary<Move> {
  const spec = PARAMETERS[key];
  const values: fc.Arbitrary<number | null>[] = [
    fc.constant(spec.min),
    fc.constant(spec.max),
    spec.integer
      ? fc.integer({ min: spec.min, max: Math.min(spec.max, 1000) })
      : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }),
  ];
  if (key === 'horizon') values.push(fc.constant(null));
  return fc.oneof(...values).map((value) => [key, value] as const);
}

const move: fc.Arbitrary<Move> = fc.oneof(
  { arbitrary: fc.constantFrom(...MOVABLE).chain(moveOf), weight: 3 },
  // The focus shares often, so that all three at 0 is tried (it printed "NaN €" 38 times).
  { arbitrary: fc.constantFrom(...SHARE_KEYS).chain(moveOf), weight: 1 },
  { arbitrary: fc.constantFrom(...CUSTOMER_COUNTS).map((n) => ['customers', n] as const), weight: 1 },
);

const BAD = /NaN|Infinity/;

/** Every text and attribute value in the rendered DOM that mentions NaN or Infinity. */
function badTexts(root: HTMLElement): string[] {
  const found: string[] = [];
  const text = root.textContent ?? '';
  for (const match of text.matchAll(/.{0,40}(?:NaN|Infinity).{0,20}/g)) found.push(`text: ${match[0]}`);
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      if (BAD.test(attribute.value)) found.push(`${element.tagName.toLowerCase()}[${attribute.name}="${attribute.value.slice(0, 80)}"]`);
    }
  }
  return found;
}

function renderAll(moves: readonly Move[], locale: Locale): string[] {
  i18n.locale = locale;
  const params = new ParametersState({ ...DEFAULTS, customers: 250 });
  for (const [key, value] of moves) params.set(key, value);
  const scenario = params.scenario;
  const results = createEngine().compute(scenario);
  const found: string[] = [];
  const views = [
    render(CustomerView, { customer: results.customer, scenario }),
    render(PortfolioView, { portfolio: results.portfolio, after: results.after ?? null, decision: results.decision, scenario }),
    render(DropView, { drop: results.drop, portfolio: results.portfolio, scenario }),
    render(FocusView, { focus: results.focus, scenario }),
    render(Notices, { notices: engineNotices(results), errors: [] }),
  ];
  for (const view of views) found.push(...badTexts(view.container));
  cleanup();
  return found;
}

/** Home on the three full-focus budget shares A, B and C. */
const HOME_ON_SHARES: Move[] = SHARE_KEYS.map((key) => [key, 0] as const);

describe('every view over random slider moves', () => {
  it('Home on the budget shares A, B and C leaves a positive sum and the Fokus tab without NaN', () => {
    const params = new ParametersState();
    for (const [key, value] of HOME_ON_SHARES) params.set(key, value);
    const { focusShareA, focusShareB, focusShareC } = params.scenario;
    expect(focusShareA + focusShareB + focusShareC).toBeGreaterThan(0);
    expect(renderAll(HOME_ON_SHARES, 'de')).toEqual([]);
  });

  it('prints no NaN or Infinity in any view, in German or English', () => {
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 14 }), fc.constantFrom<Locale>('de', 'en'), (moves, locale) => {
        expect(renderAll(moves, locale)).toEqual([]);
      }),
      {
        numRuns: 30,
        examples: [
          [HOME_ON_SHARES, 'de'],
          [[['horizon', null], ['churnRate', 0], ['growthRate', 0.3], ['discountRate', 0]], 'en'],
          [[['orderValue', 0], ['ordersPerYear', 0], ['serviceCostPerYear', 0], ['acquisitionCost', 0]], 'de'],
          [[['marginRate', 0], ['spread', 0]], 'en'],
        ],
      },
    );
  }, 120_000);
});
