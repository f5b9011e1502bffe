import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SegmentsView from '../../../src/components/segments/SegmentsView.svelte';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import type { SegmentSettings, SegmentsResult } from '../../../src/engine/scoring/segments.ts';
import { formatMoney, formatNumber, formatPercent } from '../../../src/i18n/format.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { SegmentsState } from '../../../src/state/segments.svelte.ts';

/** A small portfolio keeps the real engine fast in jsdom. */
const SMALL: Scenario = { ...DEFAULTS, customers: 2000 };

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

function kpi(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-kpi="segments.${name}"]`);
  if (!element) throw new Error(`no KPI ${name}`);
  return element;
}

/** The view with the real engine answering in the test's thread; `answers` records what the engine said. */
function renderView(active = true) {
  const engine = createEngine();
  const answers: { settings: SegmentSettings; result: SegmentsResult }[] = [];
  const model = new SegmentsState((scenario, settings) => {
    const result = engine.segments(scenario, settings);
    answers.push({ settings, result });
    return Promise.resolve(result);
  });
  render(SegmentsView, { model, scenario: SMALL, active });
  return { model, answers };
}

function latest(answers: { result: SegmentsResult }[]): SegmentsResult {
  const last = answers.at(-1);
  if (!last) throw new Error('the engine was not asked');
  return last.result;
}

beforeEach(() => {
  i18n.locale = 'en';
});

afterEach(() => {
  i18n.locale = 'de';
});

describe('SegmentsView shows the engine figures', () => {
  it('asks the engine only while its tab is shown', async () => {
    const { answers } = renderView(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answers.length).toBe(0);
  });

  it('headline figures carry the engine numbers: rank correlation, top-20 overlap, service and lead gains', async () => {
    const { answers } = renderView();
    await waitFor(() => expect(kpi('rankCorrelation').dataset.value).not.toBe(''));
    const result = latest(answers);
    const rho = result.rfmr.rankCorrelation ?? Number.NaN;
    expect(kpi('rankCorrelation').dataset.value).toBe(String(rho));
    expect(plain(kpi('rankCorrelation').querySelector('.kpi-value')?.textContent)).toBe(plain(formatNumber(rho, 'en', 2)));
    const overlap = result.rfmr.top20Overlap ?? Number.NaN;
    expect(plain(kpi('top20Overlap').querySelector('.kpi-value')?.textContent)).toBe(plain(formatPercent(overlap, 'en', 1)));
    const serviceGain = result.service.assigned.value - result.service.equal.value;
    expect(kpi('serviceGain').dataset.value).toBe(String(serviceGain));
    expect(plain(kpi('serviceGain').querySelector('.kpi-value')?.textContent)).toBe(plain(formatMoney(serviceGain, 'en', 0)));
    const leadGain = result.leads.value - result.leads.wateringCanValue;
    expect(kpi('leadGain').dataset.value).toBe(String(leadGain));
  });

  it('the ABC table shows the counts and values of the engine, and the history note says it is simulated', async () => {
    const { answers } = renderView();
    await waitFor(() => expect(document.querySelector('[data-abc="value-A"]')).not.toBeNull());
    const result = latest(answers);
    const rowA = document.querySelector('[data-abc="value-A"]');
    const cells = rowA?.querySelectorAll('td') ?? [];
    expect(plain(cells[1]?.textContent)).toBe(plain(formatNumber(result.abc.byValue[0]?.customers ?? -1, 'en', 0)));
    expect(plain(cells[4]?.textContent)).toBe(plain(formatMoney(result.abc.byValue[0]?.value ?? Number.NaN, 'en', 0)));
    expect(plain(screen.getByTestId('seg-abc-reading').textContent)).toContain(
      `${plain(formatNumber(result.abc.changes.revenueValue, 'en', 0))} accounts change segment between revenue and value`,
    );
    expect(screen.getByTestId('seg-history').textContent).toContain('Simulated purchase history');
  });

  it('the RFM grid holds every account across the 25 R x F cells', async () => {
    renderView();
    await waitFor(() => expect(screen.getByTestId('seg-rfm-grid')).toBeInTheDocument());
    const cells = [...screen.getByTestId('seg-rfm-grid').querySelectorAll('td[data-cell]')];
    expect(cells.length).toBe(25);
    const total = cells.reduce((sum, cell) => sum + Number(plain(cell.textContent).replace(/,/g, '')), 0);
    expect(total).toBe(2000);
  });

  it('moving a weight slider recomputes: the mean potential follows the engine', async () => {
    const { answers, model } = renderView();
    await waitFor(() => expect(screen.getByTestId('seg-mean-potential')).toBeInTheDocument());
    const before = answers.length;
    const slider = screen.getByLabelText('Weight: future potential');
    await fireEvent.input(slider, { target: { value: '5' } });
    await waitFor(() => expect(answers.length).toBeGreaterThan(before));
    expect(model.settings.soft.weights.potential).toBe(5);
    const result = latest(answers);
    await waitFor(() =>
      expect(plain(screen.getByTestId('seg-mean-potential').textContent)).toContain(plain(formatNumber(result.soft.meanPotential ?? Number.NaN, 'en', 2))),
    );
  });

  it('all weights at zero: a clear message and no matrix', async () => {
    const { model } = renderView();
    await waitFor(() => expect(screen.getByTestId('seg-mean-potential')).toBeInTheDocument());
    model.setSoft({ weights: { innovation: 0, coDevelopment: 0, reference: 0, strategicFit: 0, potential: 0 } });
    await waitFor(() => expect(screen.getByText(/All weights are zero/)).toBeInTheDocument());
    expect(screen.getByText('No matrix: all weights are zero.')).toBeInTheDocument();
  });

  it('editing an RFMR row changes the score ranking figures as the engine says', async () => {
    const { answers } = renderView();
    await waitFor(() => expect(screen.getByTestId('seg-rfmr-agreement')).toBeInTheDocument());
    const field = screen.getByLabelText('Points: Per purchase in 24 months');
    await fireEvent.change(field, { target: { value: '20' } });
    await waitFor(() => expect(answers.at(-1)?.settings.rfmr.perPurchase).toBe(20));
    const result = latest(answers);
    await waitFor(() =>
      expect(plain(kpi('rankCorrelation').querySelector('.kpi-value')?.textContent)).toBe(plain(formatNumber(result.rfmr.rankCorrelation ?? Number.NaN, 'en', 2))),
    );
  });

  it('the service table shows assigned and equal service as the engine computed them', async () => {
    const { answers } = renderView();
    await waitFor(() => expect(screen.getByTestId('seg-service-table')).toBeInTheDocument());
    const result = latest(answers);
    const equal = document.querySelector('[data-service="equal"]')?.querySelectorAll('td') ?? [];
    expect(plain(equal[1]?.textContent)).toBe(plain(formatMoney(result.service.equal.value, 'en', 0)));
    expect(plain(equal[0]?.textContent)).toBe(plain(formatMoney(result.service.assigned.budget, 'en', 0)));
  });
});
