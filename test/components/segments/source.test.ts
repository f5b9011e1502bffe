// The Segmente tab's source switch: with a small CSV imported through the
// Daten tab's state (the worker's data session in-process), choosing
// "Imported data" shows the figures of src/data/segments.ts + computeSegments
// called directly; "Simulated portfolio" shows the simulated engine's again.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SegmentsView from '../../../src/components/segments/SegmentsView.svelte';
import { analyzeBytes } from '../../../src/data/analysis.ts';
import { CLV_DEFAULTS } from '../../../src/data/clv.ts';
import { forecastCustomers } from '../../../src/data/forecast.ts';
import { importedServiceScenario, segmentCustomersOfAnalysis } from '../../../src/data/segments.ts';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { computeSegments, type SegmentsResult } from '../../../src/engine/scoring/segments.ts';
import { formatMoney, formatNumber } from '../../../src/i18n/format.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { DataState } from '../../../src/state/data.svelte.ts';
import { SegmentsState } from '../../../src/state/segments.svelte.ts';
import { createDataSession, FORECAST_DEFAULTS } from '../../../src/data/session.ts';

const SMALL: Scenario = { ...DEFAULTS, customers: 500 };

/** 30 customers over 2024 and 2025, most buying again; with a returns column. */
function csv(): string {
  const lines = ['customer,date,revenue,returns'];
  for (let c = 1; c <= 30; c++) {
    const purchases = 1 + (c % 6);
    for (let k = 0; k < purchases; k++) {
      const month = 1 + ((c * 5 + k * 7) % 24);
      const year = month > 12 ? 2025 : 2024;
      const day = 1 + ((c * 3 + k * 5) % 27);
      const amount = (15 + c * 4.5 + k * 9.75).toFixed(2);
      const returns = (c + k) % 7 === 0 ? 1 : 0;
      lines.push(`C${c},${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')},${amount},${returns}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

function kpi(name: string): HTMLElement {
  const all = document.querySelectorAll<HTMLElement>(`[data-kpi="segments.${name}"]`);
  expect(all.length).toBe(1);
  const element = all[0];
  if (!element) throw new Error(`no KPI ${name}`);
  return element;
}

/** What the adapter and the engine say directly for the same file and forecast defaults. */
async function expectedImported(bytes: Uint8Array, model: SegmentsState): Promise<SegmentsResult> {
  const outcome = await analyzeBytes(bytes, { unit: 'week' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const { analysis } = outcome;
  const options = FORECAST_DEFAULTS;
  const clvOptions = { ...CLV_DEFAULTS, horizon: options.horizonYears * CLV_DEFAULTS.periodsPerYear, annualDiscountRate: options.annualDiscountRate, marginRate: options.marginRate };
  const forecasts = forecastCustomers(analysis.bgnbd, analysis.gammaGamma, analysis.calibration, clvOptions.horizon, clvOptions);
  const customers = segmentCustomersOfAnalysis(analysis, forecasts, options, CLV_DEFAULTS.periodsPerYear);
  return computeSegments(customers, model.settings, importedServiceScenario(SMALL, options));
}

function setup() {
  const engine = createEngine();
  const session = createDataSession();
  const data = new DataState(session);
  const model = new SegmentsState(
    (scenario, settings) => Promise.resolve(engine.segments(scenario, settings)),
    (settings, scenario) => session.dataSegments(settings, scenario),
  );
  render(SegmentsView, { model, scenario: SMALL, active: true, data });
  return { engine, data, model };
}

async function importCsv(data: DataState, bytes: Uint8Array): Promise<void> {
  await data.openFile('accounts.csv', bytes);
  const mapping = data.detection?.columns.mapping;
  if (!mapping) throw new Error('columns not detected');
  expect(mapping.returns).toBe(3);
  await data.runImport({ mapping, dialect: {}, calibrationEnd: '', holdout: 'none' });
  if (data.result === null) throw new Error(data.error?.message ?? 'import failed');
}

beforeEach(() => {
  i18n.locale = 'en';
});

afterEach(() => {
  i18n.locale = 'de';
});

describe('Segmente source switch', () => {
  it('without an import the imported option is disabled with a hint, and the simulated portfolio is scored', async () => {
    setup();
    const imported = screen.getByRole('radio', { name: 'Imported data' });
    expect(imported).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Simulated portfolio' })).toBeChecked();
    expect(screen.getByRole('radiogroup', { name: 'Which accounts are scored' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing imported yet/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('seg-history').dataset.source).toBe('simulated'));
  });

  it('switching to the imported data shows the adapter + computeSegments figures, and back', async () => {
    const { engine, data, model } = setup();
    const bytes = new TextEncoder().encode(csv());
    await importCsv(data, bytes);
    const imported = screen.getByRole('radio', { name: 'Imported data' });
    await waitFor(() => expect(imported).toBeEnabled());
    expect(screen.getByText('Imported file: accounts.csv')).toBeInTheDocument();

    await fireEvent.click(imported);
    expect(model.source).toBe('imported');
    await waitFor(() => expect(screen.getByTestId('seg-history').dataset.source).toBe('imported'));
    const expected = await expectedImported(bytes, model);
    expect(expected.customers).toBe(30);

    expect(kpi('rankCorrelation').dataset.value).toBe(String(expected.rfmr.rankCorrelation ?? ''));
    const serviceGain = expected.service.assigned.value - expected.service.equal.value;
    expect(kpi('serviceGain').dataset.value).toBe(String(serviceGain));
    expect(plain(kpi('serviceGain').querySelector('.kpi-value')?.textContent)).toBe(plain(formatMoney(serviceGain, 'en', 0)));
    const leadGain = expected.leads.value - expected.leads.wateringCanValue;
    expect(kpi('leadGain').dataset.value).toBe(String(leadGain));
    const rowA = document.querySelectorAll('[data-abc="value-A"]');
    expect(rowA.length).toBe(1);
    const cells = rowA[0]?.querySelectorAll('td') ?? [];
    expect(plain(cells[1]?.textContent)).toBe(plain(formatNumber(expected.abc.byValue[0]?.customers ?? -1, 'en', 0)));
    expect(plain(cells[4]?.textContent)).toBe(plain(formatMoney(expected.abc.byValue[0]?.value ?? Number.NaN, 'en', 0)));
    const rfmTotal = [...screen.getByTestId('seg-rfm-grid').querySelectorAll('td[data-cell]')].reduce(
      (sum, cell) => sum + Number(plain(cell.textContent).replace(/,/g, '')),
      0,
    );
    expect(rfmTotal).toBe(30);
    expect(screen.getByTestId('seg-history').textContent).toContain('Imported data: 30 accounts');
    expect(screen.getByTestId('seg-imported-defaults').textContent).toContain('neutral defaults');

    await fireEvent.click(screen.getByRole('radio', { name: 'Simulated portfolio' }));
    await waitFor(() => expect(screen.getByTestId('seg-history').dataset.source).toBe('simulated'));
    const simulated = engine.segments(SMALL, model.settings);
    expect(kpi('rankCorrelation').dataset.value).toBe(String(simulated.rfmr.rankCorrelation ?? ''));
    expect(screen.queryByTestId('seg-imported-defaults')).toBeNull();
  });

  it('a settings change on the imported source recomputes from the imported customers', async () => {
    const { data, model } = setup();
    const bytes = new TextEncoder().encode(csv());
    await importCsv(data, bytes);
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Imported data' })).toBeEnabled());
    await fireEvent.click(screen.getByRole('radio', { name: 'Imported data' }));
    await waitFor(() => expect(screen.getByTestId('seg-history').dataset.source).toBe('imported'));
    model.setAbc({ shareA: 0.1 });
    const expected = await expectedImported(bytes, model);
    await waitFor(() =>
      expect(plain(document.querySelector('[data-abc="value-A"]')?.querySelectorAll('td')[1]?.textContent)).toBe(
        plain(formatNumber(expected.abc.byValue[0]?.customers ?? -1, 'en', 0)),
      ),
    );
    expect(expected.abc.byValue[0]?.customers).toBe(3);
  });
});
