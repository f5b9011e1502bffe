// The formula boards write the MODEL.md chains out with the engine's numbers.
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ConventionsBoard from '../../../src/components/teaching/ConventionsBoard.svelte';
import CustomerFormulas from '../../../src/components/teaching/CustomerFormulas.svelte';
import DropFormulas from '../../../src/components/teaching/DropFormulas.svelte';
import FocusFormulas from '../../../src/components/teaching/FocusFormulas.svelte';
import { superscript } from '../../../src/components/teaching/superscript.ts';
import { singleCustomer } from '../../../src/engine/customer.ts';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { formatMoney, formatPercent } from '../../../src/i18n/format.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';

const SMALL: Scenario = { ...DEFAULTS, customers: 2000 };

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

afterEach(() => {
  i18n.locale = 'de';
});

describe('superscript(text)', () => {
  it('turns digits and the exponent symbols into superscripts', () => {
    expect(superscript('10')).toBe('¹⁰');
    expect(superscript('t−1')).toBe('ᵗ⁻¹');
  });
});

describe('CustomerFormulas', () => {
  it('writes out m = 4 × (250 € × 30 % − 20 €) − 120 € = 100 € per year and the chain with the defaults', () => {
    const results = createEngine().compute(SMALL);
    const { container } = render(CustomerFormulas, { customer: results.customer, scenario: SMALL });
    const text = plain(container.textContent);
    expect(text).toContain('m = F × (V × g − so) − sy');
    expect(text).toContain('= 4 × (250,00 € × 30 % − 20,00 €) − 120,00 €');
    expect(text).toContain('= 100,00 € pro Jahr');
    expect(text).toContain('= (0,8 × 1) / (1,08) = 0,7407');
    expect(text).toContain(`= ${plain(formatMoney(results.customer.clv, 'de'))}`);
    expect(text).toContain('= 339,38 € − 300,00 €');
    expect(text).toContain(`= ${plain(formatMoney(results.customer.lifetimeProfit, 'de'))}`);
    expect(text).toContain('bei T = 6,12 Jahre');
    expect(text).toContain(`0,8${superscript('3')}`);
    expect(text).toContain('= 51,2 %');
    // The textbook figure beside it, and why the two differ.
    expect(text).toContain('= 100,00 € × 5 − 300,00 €');
    expect(text).toContain('= 200,00 €');
    expect(text).toContain('darum bleiben 39,38 € statt 200,00 €');
  });

  it('switches to the unlimited-horizon formula and to English', () => {
    i18n.locale = 'en';
    const scenario = { ...SMALL, horizon: null };
    const results = createEngine().compute(scenario);
    const { container } = render(CustomerFormulas, { customer: results.customer, scenario });
    const text = plain(container.textContent);
    expect(text).toContain('Customer value, no time limit');
    expect(text).toContain('(€100.00) / (1.08 − 0.8 × 1)');
    expect(text).toContain(`= ${formatMoney(results.customer.clv, 'en')}`);
    expect(text).toContain('= $100.00 per year'.replace('$', '€'));
  });

  it('says "never" when the customer destroys value', () => {
    const scenario = { ...SMALL, serviceCostPerYear: 2000 };
    const results = createEngine().compute(scenario);
    const { container } = render(CustomerFormulas, { customer: results.customer, scenario });
    const text = plain(container.textContent);
    expect(text).toContain('im Betrachtungszeitraum nie');
    expect(text).toContain('P = 0 %');
  });
});

describe('DropFormulas', () => {
  it('shows naive − sticky = realistic with the engine’s figures', () => {
    const results = createEngine().compute(SMALL);
    const { drop } = results;
    const { container } = render(DropFormulas, { drop, scenario: SMALL });
    const text = plain(container.textContent);
    expect(text).toContain(`= ${plain(formatMoney(drop.naiveGain, 'de', 0))} − ${plain(formatMoney(drop.stickyCost, 'de', 0))}`);
    expect(text).toContain(`= 50 % × ${plain(formatMoney(drop.stickyCost / 0.5, 'de', 0))}`);
    expect(text).toContain(`= ${plain(formatMoney(drop.realisticGain, 'de', 0))}`);
  });
});

describe('FocusFormulas', () => {
  it('splits B = N × b over the segments as the engine does', () => {
    const scenario = { ...SMALL, focus: 0.5 };
    const results = createEngine().compute(scenario);
    const { container } = render(FocusFormulas, { focus: results.focus, scenario });
    const text = plain(container.textContent);
    expect(text).toContain('= 2.000 × 30,00 €');
    expect(text).toContain(`= ${plain(formatMoney(results.focus.budget, 'de', 0))} pro Jahr`);
    const a = results.focus.segments.find((segment) => segment.segment === 'A');
    if (!a) throw new Error('no segment A');
    // (1 − 0.5) × 20 % + 0.5 × 60 % = 40 %
    expect(text).toContain(`(1 − 0,5) × 20 % + 0,5 × 60 % = ${plain(formatPercent(a.budgetShare, 'de', 1))}`);
    expect(a.budgetShare).toBeCloseTo(0.4, 10);
  });
});

describe('ConventionsBoard: why CLV calculators disagree', () => {
  const customer = singleCustomer(DEFAULTS);
  const shown = (container: HTMLElement, id: string) => container.querySelector(`[data-convention="${id}"]`);

  it('shows the same customer under five conventions with the figures of MODEL section 1 (de)', () => {
    const { container } = render(ConventionsBoard, { customer, scenario: DEFAULTS });
    const text = plain(container.textContent);
    expect(text).toContain('zwischen 271,50 € und 500,00 € wert; dieses Modell sagt 339,38 €');
    expect(plain(shown(container, 'model')?.textContent)).toContain('= 339,38 €');
    // 0.8 × 339.38 = 271.50, 20 % below this model.
    expect(plain(shown(container, 'textbook')?.textContent)).toContain('= 0,8 × 339,38 € = 271,50 € (−20 %)');
    expect(plain(shown(container, 'undiscounted')?.textContent)).toContain('= 100,00 € × 5 = 500,00 € (+47,3 %)');
    expect(plain(shown(container, 'monthly')?.textContent)).toContain('Monate zu 30,4375 Tagen, 120 Monate');
    expect(plain(shown(container, 'monthly')?.textContent)).toContain('= 318,57 €');
    expect(plain(shown(container, 'monthly30')?.textContent)).toContain('= 317,81 €');
    // The chart carries the contract name lessons point at, with one bar per convention.
    expect(container.querySelectorAll('[data-chart="conventions"] rect.bar')).toHaveLength(5);
    expect(text).not.toContain('_');
  });

  it('follows the sliders: with churn 10 % the classic formula is 0.9 × the CLV (en)', () => {
    i18n.locale = 'en';
    const churn = { ...DEFAULTS, churnRate: 0.1 };
    const c = singleCustomer(churn);
    const { container } = render(ConventionsBoard, { customer: c, scenario: churn });
    expect(plain(shown(container, 'textbook')?.textContent)).toContain(`= 0.9 × ${plain(formatMoney(c.clv, 'en'))}`);
    expect(plain(shown(container, 'undiscounted')?.textContent)).toContain('= €100.00 × 10 = €1,000.00');
    expect(plain(container.textContent)).toContain('over 10 years');
  });
});
