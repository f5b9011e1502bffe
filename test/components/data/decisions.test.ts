// "Bereinigung und Fokus" in the Daten tab, with the worker's data session
// in-process: the figures on screen are those of the adapter
// (src/data/valuation.ts) with the engine's dropWorst and focusStrategy,
// computed here directly from the same file.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import DataView from '../../../src/components/data/DataView.svelte';
import { analyzeBytes } from '../../../src/data/analysis.ts';
import { CLV_DEFAULTS } from '../../../src/data/clv.ts';
import { forecastCustomers } from '../../../src/data/forecast.ts';
import { costByCustomer, focusValuation, realValuation } from '../../../src/data/valuation.ts';
import { prefixSums } from '../../../src/engine/curve.ts';
import { dropWorst } from '../../../src/engine/drop.ts';
import { focusBase, focusStrategy } from '../../../src/engine/focus.ts';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import { rank } from '../../../src/engine/rank.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { DataState } from '../../../src/state/data.svelte.ts';
import { createDataSession, EXAMPLE_MARGIN_RATE, FORECAST_DEFAULTS } from '../../../src/data/session.ts';

/** 30 customers over a year with a cost column; some buy once, some often. */
function csv(): string {
  const lines = ['customer_id,date,revenue,cost'];
  for (let c = 1; c <= 30; c++) {
    for (let k = 0; k <= c % 6; k++) {
      const day = String(1 + ((c * 5 + k * 9) % 28)).padStart(2, '0');
      const month = String(1 + ((c * 2 + k * 5) % 12)).padStart(2, '0');
      lines.push(`C${c},2024-${month}-${day},${(15 + (c % 11) * 8 + k * 3).toFixed(2)},${(3 + (c % 4) * 2).toFixed(2)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function kpiValue(name: string): number {
  const element = document.querySelector<HTMLElement>(`[data-kpi="${name}"]`);
  if (!element) throw new Error(`no KPI ${name}`);
  const raw = element.dataset.value ?? '';
  return raw === '' ? Number.NaN : Number(raw);
}

/** What the section should show, from the adapter and the engine directly. */
async function expected(text: string, settings: { dropShare: number; stickiness: number; focus: number }) {
  const outcome = await analyzeBytes(new TextEncoder().encode(text), { unit: 'week' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const { summary, calibration, bgnbd, gammaGamma, imported } = outcome.analysis;
  // The mapping step's contribution field left at its example value (30 %).
  const options = { ...FORECAST_DEFAULTS, marginRate: EXAMPLE_MARGIN_RATE };
  const clvOptions = {
    ...CLV_DEFAULTS,
    horizon: options.horizonYears * CLV_DEFAULTS.periodsPerYear,
    annualDiscountRate: options.annualDiscountRate,
    marginRate: options.marginRate,
  };
  const forecasts = forecastCustomers(bgnbd, gammaGamma, calibration, clvOptions.horizon, clvOptions);
  const clv = new Float64Array(summary.customers);
  calibration.index.forEach((c, k) => {
    clv[c] = forecasts.clv[k] as number;
  });
  const firstDay = Math.min(...summary.firstDay);
  const observedYears = Math.max(1, summary.observationEnd - firstDay + 1) / 365.25;
  const valuation = realValuation(
    { revenue: summary.revenue, cost: costByCustomer(imported.table, summary.customers, summary.observationEnd), clv, frequency: summary.frequency, T: summary.T, yearsAlive: null },
    {
      observedYears,
      marginRate: options.marginRate,
      annualDiscountRate: options.annualDiscountRate,
      horizonYears: options.horizonYears,
      serviceCost: 0,
      periodsPerYear: CLV_DEFAULTS.periodsPerYear,
      bgnbd,
    },
  );
  const valueOrder = rank(valuation.clv, true);
  const valuePrefix = prefixSums(valuation.clv, valueOrder);
  const revenueOrder = rank(summary.revenue, true);
  const revenuePosition = new Uint32Array(revenueOrder.length);
  revenueOrder.forEach((c, k) => {
    revenuePosition[c] = k;
  });
  const drop = dropWorst({ valuation, valueOrder, valuePrefix, revenuePosition }, { ...DEFAULTS, ...settings });
  const meanRevenue = valuation.revenue.reduce((a, b) => a + b, 0) / valuation.size;
  const focus = focusStrategy(focusBase(focusValuation(valuation, options.annualDiscountRate, options.horizonYears), valueOrder), {
    ...DEFAULTS,
    ...settings,
    growthRate: 0,
    discountRate: options.annualDiscountRate,
    horizon: 1,
    careBudgetPerCustomer: 0.03 * meanRevenue,
  });
  return { drop, focus };
}

async function imported(): Promise<string> {
  const text = csv();
  const user = userEvent.setup();
  render(DataView, { data: new DataState(createDataSession()), fetchSample: () => Promise.reject(new Error('no sample in this test')) });
  await user.upload(screen.getByLabelText('Transaction file (CSV)'), new File([text], 'costs.csv', { type: 'text/csv' }));
  await screen.findByRole('form', { name: /Map the columns: costs.csv/ });
  await user.click(screen.getByRole('button', { name: 'Import' }));
  await screen.findByRole('region', { name: 'Clean-up and concentration' });
  await waitFor(() => expect(Number.isFinite(kpiValue('data.dropRealisticGain'))).toBe(true));
  return text;
}

describe('DataDecisions in the Daten tab', () => {
  beforeEach(() => {
    i18n.locale = 'en';
  });

  it('shows the drop and focus figures of the adapter and the engine at the default settings', async () => {
    const text = await imported();
    const { drop, focus } = await expected(text, { dropShare: 0.1, stickiness: 0.5, focus: 0 });
    expect(drop.stickyCost).toBeGreaterThan(0);
    expect(kpiValue('data.dropValueBefore')).toBeCloseTo(drop.valueBefore, 8);
    expect(kpiValue('data.dropValueAfter')).toBeCloseTo(drop.valueAfter, 8);
    expect(kpiValue('data.dropRealisticGain')).toBeCloseTo(drop.realisticGain, 8);
    expect(kpiValue('data.droppedImportantCount')).toBe(drop.importantCount);
    expect(kpiValue('data.bestFocus')).toBe(focus.bestFocus);
    expect(kpiValue('data.valueAtBestFocus')).toBeCloseTo(focus.valueAtBestFocus, 8);
    expect(kpiValue('data.valueAtNoFocus')).toBeCloseTo(focus.valueAtNoFocus, 8);
    // The charts and the assumptions are there, in words a user reads.
    expect(screen.getByRole('heading', { name: 'Whale curve before and after removing' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Watering can or concentration?' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Distribution of customer value' })).toBeInTheDocument();
    expect(screen.getByText(/Cost column per year/)).toBeInTheDocument();
    // Every data-kpi name exactly once.
    const names = Array.from(document.querySelectorAll<HTMLElement>('[data-kpi]'), (element) => element.dataset.kpi);
    expect(new Set(names).size).toBe(names.length);
  });

  it('follows the sliders: no costs that stay, 20 % removed, concentration 0.5', async () => {
    const text = await imported();
    await fireEvent.input(screen.getByRole('slider', { name: /Costs that stay/ }), { target: { value: '0' } });
    await fireEvent.input(screen.getByRole('slider', { name: /Share to remove/ }), { target: { value: '0.2' } });
    await fireEvent.input(screen.getByRole('slider', { name: /Budget concentration/ }), { target: { value: '0.5' } });
    expect(screen.getByText('20%', { selector: 'output' })).toBeInTheDocument();
    const { drop, focus } = await expected(text, { dropShare: 0.2, stickiness: 0, focus: 0.5 });
    await waitFor(() => expect(kpiValue('data.dropRealisticGain')).toBeCloseTo(drop.realisticGain, 8));
    // Stickiness 0: the realistic gain is minus the value of the removed customers.
    expect(drop.realisticGain).toBeCloseTo(drop.naiveGain, 10);
    await waitFor(() => expect(kpiValue('data.valueAtFocus')).toBeCloseTo(focus.valueAtFocus, 8));
    expect(kpiValue('data.valueAtBestFocus')).toBeCloseTo(focus.valueAtBestFocus, 8);
  });
});
