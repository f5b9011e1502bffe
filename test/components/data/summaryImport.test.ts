// A per-customer summary chosen on the Daten tab (issue 15): recognised by its
// header, the user must state the time unit, the fit is the summary's, and
// what a summary cannot show is said instead of shown empty.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import DataView from '../../../src/components/data/DataView.svelte';
import { fitSummary } from '../../../src/data/analysis.ts';
import { createDataSession } from '../../../src/data/session.ts';
import { importSummaryText } from '../../../src/data/summaryImport.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { openDataSetStore } from '../../../src/persistence/dataSets.ts';
import { DataState } from '../../../src/state/data.svelte.ts';
import { sharedText } from '../../data/fixtures.ts';

function kpiValue(name: string): number {
  const element = document.querySelector<HTMLElement>(`[data-kpi="${name}"]`);
  if (!element) throw new Error(`no KPI ${name}`);
  return Number(element.dataset.value);
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('summary import on the Daten tab', () => {
  it('asks for the time unit, fits the CDNOW calibration summary and says what a summary cannot show', async () => {
    i18n.locale = 'en';
    const user = userEvent.setup();
    const text = sharedText('cdnow_calibration_summary.csv');
    const data = new DataState(createDataSession(), openDataSetStore(globalThis.indexedDB));
    render(DataView, { data, fetchSample: () => Promise.reject(new Error('not the sample')) });
    await user.upload(screen.getByLabelText('Transaction file (CSV)'), new File([text], 'cdnow_summary.csv', { type: 'text/csv' }));
    const step = await screen.findByRole('form', { name: 'Customer summary: cdnow_summary.csv' });
    expect(within(step).getByText(/Recognised as a summary with one row per customer/)).toBeInTheDocument();
    const importButton = within(step).getByRole('button', { name: 'Import' });
    // No unit assumed: Import waits for the user's answer.
    expect(importButton).toBeDisabled();
    expect(within(step).getByText(/Please choose the time unit/)).toBeInTheDocument();
    expect(within(step).getByText(/cohorts, purchase timelines, the list of customers at risk/)).toBeInTheDocument();
    await user.click(within(step).getByRole('radio', { name: 'Weeks' }));
    await user.click(importButton);

    const summary = await screen.findByRole('region', { name: 'Import: cdnow_summary.csv' }, { timeout: 20_000 });
    expect(within(summary).getByText("from the file (Weeks)")).toBeInTheDocument();
    const parsed = importSummaryText(text, { unit: 'week' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const fitted = fitSummary(parsed.summary);
    if (!fitted.ok) throw new Error(fitted.error.message);
    expect(kpiValue('data.bgnbdR')).toBeCloseTo(fitted.fits.bgnbd.r, 10);
    expect(kpiValue('data.customers')).toBe(2357);
    // A summary has no transactions: its rows are the customers counted above, not a second figure.
    expect(document.querySelector('[data-kpi="data.transactions"]')).toBeNull();
    expect(screen.queryByText(/Transactions/)).toBeNull();
    expect(screen.getByText('One row of the customer summary per customer; all of them enter the models.')).toBeInTheDocument();
    expect(screen.getByText(/From a customer summary: cohorts, purchase timelines, customers at risk and the holdout check need the single purchases/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Fit again' })).toBeNull();
    // Kept like any import, as a summary.
    const kept = screen.getByRole('region', { name: 'Data sets kept in this browser' });
    await within(kept).findByText('cdnow_summary.csv');
    expect(data.kept[0]?.source).toBe('summary');
  });
});
