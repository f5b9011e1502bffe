// The Portfolio tab after a decision (issue 12): it shows the portfolio after
// the decision by default, says which decision is applied, and one click
// shows the state before it; figures and captions always come from one state.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import PortfolioView from '../../../src/components/views/PortfolioView.svelte';
import { computeResults } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';

afterEach(() => {
  cleanup();
  i18n.locale = 'de';
});

function kpiValue(container: HTMLElement, name: string): number {
  return Number(container.querySelector(`[data-kpi="${name}"]`)?.getAttribute('data-value'));
}

function readingOf(container: HTMLElement, chart: string): string {
  return container.querySelector(`[data-chart="${chart}"] .reading`)?.textContent ?? '';
}

function renderWith(s: Scenario) {
  const r = computeResults(s);
  return { r, ...render(PortfolioView, { portfolio: r.portfolio, after: r.after ?? null, scenario: s, decision: r.decision, focus: r.focus }) };
}

describe('PortfolioView before and after the decision', () => {
  it('shows the portfolio after dropping the worst 10 % by default and the one before on a click', async () => {
    const s: Scenario = { ...DEFAULTS, customers: 2000, applyDrop: 1, focus: 0.6 };
    const { r, container } = renderWith(s);
    const after = r.after;
    if (!after) throw new Error('after missing');
    expect(screen.getByRole('radio', { name: 'Nach der Entscheidung' })).toBeChecked();
    expect(screen.getByTestId('portfolio-state-line').textContent).toMatch(/^Angewandt: f = 0,6 · 10\s?% entfernt · Ergebnis [\d.]+\s€\. Jeder Kunde trägt hier das Betreuungsbudget von 30,00\s€ je Jahr/);
    expect(kpiValue(container, 'negativeShare')).toBeCloseTo(after.totals.negativeShare, 12);
    expect(kpiValue(container, 'whalePeak')).toBeCloseTo(after.whalePeak ?? NaN, 12);
    expect(readingOf(container, 'whale')).toMatch(/^Nach der Entscheidung: /);
    expect(readingOf(container, 'pareto')).toMatch(/^Nach der Entscheidung: /);
    expect(readingOf(container, 'histogram')).toMatch(/^Nach der Entscheidung: /);
    expect(readingOf(container, 'deciles')).toMatch(/^Nach der Entscheidung: /);
    expect(after.whalePeak).not.toBeCloseTo(r.portfolio.whalePeak ?? NaN, 3);

    await fireEvent.click(screen.getByRole('radio', { name: 'Vorher' }));
    expect(screen.getByRole('radio', { name: 'Vorher' })).toBeChecked();
    expect(kpiValue(container, 'whalePeak')).toBeCloseTo(r.portfolio.whalePeak ?? NaN, 12);
    expect(kpiValue(container, 'negativeShare')).toBeCloseTo(r.portfolio.totals.negativeShare, 12);
    expect(readingOf(container, 'whale')).toMatch(/^Vorher: /);
    expect(readingOf(container, 'histogram')).toMatch(/^Vorher: /);
    expect(readingOf(container, 'deciles')).toMatch(/^Vorher: /);
  });

  it('has no switch and plain captions when nothing is decided', () => {
    const { container } = renderWith({ ...DEFAULTS, customers: 500 });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(readingOf(container, 'whale')).toMatch(/^Die besten Kunden/);
  });

  it('names the states in English', () => {
    i18n.locale = 'en';
    renderWith({ ...DEFAULTS, customers: 500, applyDrop: 1 });
    expect(screen.getByRole('radio', { name: 'After the decision' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Before' })).not.toBeChecked();
    expect(screen.getByTestId('portfolio-state-line').textContent).toMatch(/^Applied: f = 0 · 10\s?% removed · result €[\d,]+\. Every customer carries the care budget of €30\.00 a year/);
  });
});
