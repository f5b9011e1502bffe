// The Daten tab through what a user sees, with the worker's data session
// running in-process. Expected figures come from src/data directly.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import DataView from '../../../src/components/data/DataView.svelte';
import { analyzeBytes, type AnalysisOptions, type AnalysisOutcome } from '../../../src/data/analysis.ts';
import { proposeCalibrationEnd } from '../../../src/data/summary.ts';
import { spendIndependenceCheck } from '../../../src/data/spendCheck.ts';
import { dayFromCivil } from '../../../src/data/dates.ts';
import { channelTotals } from '../../../src/data/cohorts.ts';
import { formatMoney } from '../../../src/i18n/format.ts';
import { realPortfolio } from '../../../src/data/portfolio.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { DataState } from '../../../src/state/data.svelte.ts';
import { createDataSession } from '../../../src/data/session.ts';
import { sharedBytes, sharedText } from '../../data/fixtures.ts';

/** A German ERP export: 24 customers, several buying again, one bad row (line 3). */
function germanCsv(): string {
  const lines = ['Kundennummer;Datum;Umsatz'];
  lines.push('K1;13.01.2025;1.234,56');
  lines.push('K2;32.01.2025;10,00');
  for (let c = 1; c <= 24; c++) {
    const purchases = 1 + (c % 5);
    for (let k = 0; k < purchases; k++) {
      const day = 1 + ((c * 7 + k * 11) % 28);
      const month = 1 + ((c + k * 3) % 12);
      const amount = (20 + c * 3.5 + k * 12.25).toFixed(2).replace('.', ',');
      lines.push(`K${c};${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.2025;${amount}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The analysis the tab shows for a file without a chosen calibration end: the proposed split, else all purchases. */
async function splitAnalysis(bytes: Uint8Array, options: AnalysisOptions): Promise<AnalysisOutcome> {
  const all = await analyzeBytes(bytes, options);
  if (!all.ok) return all;
  const end = proposeCalibrationEnd(all.analysis.imported.report.firstDay, all.analysis.imported.report.lastDay);
  if (end === null) return all;
  const split = await analyzeBytes(bytes, { ...options, calibrationEnd: end });
  return split.ok ? split : all;
}

function kpiValue(name: string): number {
  const element = document.querySelector<HTMLElement>(`[data-kpi="${name}"]`);
  if (!element) throw new Error(`no KPI ${name}`);
  return Number(element.dataset.value);
}

async function importGerman(user: ReturnType<typeof userEvent.setup>): Promise<string> {
  const text = germanCsv();
  const data = new DataState(createDataSession());
  render(DataView, { data, fetchSample: () => Promise.reject(new Error('no sample in this test')) });
  await user.upload(screen.getByLabelText('Transaction file (CSV)'), new File([text], 'export.csv', { type: 'text/csv' }));
  await screen.findByRole('form', { name: /Map the columns: export.csv/ });
  return text;
}

describe('DataView', () => {
  beforeEach(() => {
    i18n.locale = 'en';
  });

  it('shows the detected columns of a German file in the mapping selects', async () => {
    const user = userEvent.setup();
    await importGerman(user);
    const selected = (label: string): string => {
      const select = screen.getByLabelText<HTMLSelectElement>(label);
      return select.selectedOptions[0]?.textContent ?? '';
    };
    expect(selected('Customer id column')).toBe('Kundennummer');
    expect(selected('Date column')).toBe('Datum');
    expect(selected('Revenue column')).toBe('Umsatz');
    expect(selected('Sales channel column (optional)')).toBe('– none –');
    expect(screen.getByLabelText<HTMLSelectElement>('Decimal separator').value).toBe(',');
    expect(screen.getByText(/semicolon/)).toBeInTheDocument();
  });

  it('imports, reports kept and rejected rows with line numbers, and shows the engine figures', async () => {
    const user = userEvent.setup();
    const text = await importGerman(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByRole('region', { name: /Import: export.csv/ });

    const expected = await splitAnalysis(new TextEncoder().encode(text), { unit: 'week' });
    if (!expected.ok) throw new Error(expected.error.message);
    const { imported, bgnbd, gammaGamma, summary } = expected.analysis;

    const summaryRegion = screen.getByRole('region', { name: /Import: export.csv/ });
    expect(within(summaryRegion).getByText('kept').nextElementSibling?.textContent).toBe(String(imported.report.kept));
    expect(within(summaryRegion).getByText('rejected').nextElementSibling?.textContent).toBe('1');
    const rejected = screen.getByRole('region', { name: 'Rejected rows: 1' });
    const row = within(rejected).getByText('invalid date').closest('tr');
    expect(row?.dataset.line).toBe('3');
    expect(within(row as HTMLElement).getByText('3')).toBeInTheDocument();

    expect(kpiValue('data.customers')).toBe(imported.report.customers);
    expect(kpiValue('data.transactions')).toBe(imported.report.kept);
    expect(kpiValue('data.bgnbdR')).toBeCloseTo(bgnbd.r, 12);
    expect(kpiValue('data.bgnbdAlpha')).toBeCloseTo(bgnbd.alpha, 12);
    expect(kpiValue('data.bgnbdA')).toBeCloseTo(bgnbd.a, 12);
    expect(kpiValue('data.bgnbdB')).toBeCloseTo(bgnbd.b, 12);
    expect(kpiValue('data.ggP')).toBeCloseTo(gammaGamma.p, 12);
    expect(kpiValue('data.ggQ')).toBeCloseTo(gammaGamma.q, 12);
    expect(kpiValue('data.ggV')).toBeCloseTo(gammaGamma.v, 12);
    const revenue = summary.revenue;
    const portfolio = realPortfolio(revenue, revenue, revenue);
    expect(kpiValue('data.top20RevenueShare')).toBeCloseTo(portfolio.top20RevenueShare, 12);
    expect(kpiValue('data.revenue')).toBeCloseTo(revenue.reduce((a, b) => a + b, 0), 9);
  });

  it('writes the dates of the import in the locale: DD.MM.YYYY in German, never YYYY-MM-DD (issue 15, defect 5)', async () => {
    const user = userEvent.setup();
    await importGerman(user);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const region = await screen.findByRole('region', { name: /Import: export.csv/ });
    i18n.locale = 'de';
    await waitFor(() => expect(within(region).getByText('Zeitraum').nextElementSibling?.textContent).toMatch(/^\d\d\.\d\d\.2025 – \d\d\.\d\d\.2025$/));
    expect(region.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('gives one clear message for a binary file and keeps the page usable', async () => {
    const user = userEvent.setup();
    const data = new DataState(createDataSession());
    render(DataView, { data });
    const binary = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]);
    await user.upload(screen.getByLabelText('Transaction file (CSV)'), new File([binary], 'table.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('This is not a text file.'));
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('asks how to read dates that fit DD.MM and MM.DD, and shows profit by channel', async () => {
    const user = userEvent.setup();
    const lines = ['Kunde;Bestelldatum;Betrag;Kanal;Kosten'];
    for (let c = 1; c <= 12; c++) {
      for (let k = 0; k <= c % 3; k++) lines.push(`${c};${String(1 + ((c + k) % 12)).padStart(2, '0')}.${String(1 + ((c * 2 + k * 5) % 12)).padStart(2, '0')}.2024;${10 * c + k},50;${c % 2 === 0 ? 'Shop' : 'Außendienst'};${c},00`);
    }
    const text = `${lines.join('\n')}\n`;
    const data = new DataState(createDataSession());
    render(DataView, { data });
    await user.upload(screen.getByLabelText('Transaction file (CSV)'), new File([text], 'kanal.csv', { type: 'text/csv' }));
    const question = await screen.findByRole('group', { name: /How should a date such as/ });
    const options = within(question).getAllByRole('radio');
    expect(options.map((o) => (o as HTMLInputElement).value)).toEqual(['DD.MM.YYYY', 'MM.DD.YYYY']);
    expect(options[0]).toBeChecked();
    await user.click(options[1] as HTMLElement);
    expect(screen.getByLabelText<HTMLSelectElement>('Date format').value).toBe('MM.DD.YYYY');
    expect(screen.getByLabelText<HTMLSelectElement>('Sales channel column (optional)').selectedOptions[0]?.textContent).toBe('Kanal');
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const expected = await splitAnalysis(new TextEncoder().encode(text), { unit: 'week', dialect: { dateFormat: 'MM.DD.YYYY' } });
    if (!expected.ok) throw new Error(expected.error.message);
    const channels = channelTotals(expected.analysis.imported.table);
    const region = await screen.findByRole('region', { name: 'Profit by sales channel' });
    for (const channel of channels) {
      const row = within(region).getByText(channel.channel).closest('tr');
      expect(row?.textContent).toContain(formatMoney(channel.margin ?? Number.NaN, 'en', 0));
    }
    expect(kpiValue('data.bgnbdR')).toBeCloseTo(expected.analysis.bgnbd.r, 12);
  });
});

describe('DataView: the win-back list says which moment it speaks of (issue 15, defect 1)', () => {
  beforeEach(() => {
    i18n.locale = 'de';
  });

  it('is as of the end of the data by default, in German dates, and can be switched to the calibration end', async () => {
    const user = userEvent.setup();
    const data = new DataState(createDataSession());
    render(DataView, { data, fetchSample: () => Promise.resolve(sharedBytes('cdnow_sample_transactions.csv')) });
    await user.click(screen.getByRole('button', { name: 'Mit Beispieldaten testen' }));
    const note = await screen.findByText(/^Stand 30\.06\.1998, dem Ende der Daten/, {}, { timeout: 20_000 });
    expect(note).toHaveAttribute('data-atrisk-asof', 'dataEnd');
    const table = screen.getByRole('region', { name: 'Gefährdete Kunden: Rückgewinnungsliste' });
    const lastPurchases = () => within(table).getAllByRole('row').slice(1).map((row) => row.querySelectorAll('td')[3]?.getAttribute('data-value') ?? '');
    expect(lastPurchases().every((day) => day < '1998-05-01')).toBe(true);

    await user.click(screen.getByRole('radio', { name: 'Ende der Kalibrierung (30.09.1997)' }));
    await waitFor(() => expect(screen.getByText(/^Stand 30\.09\.1997, dem Ende der Kalibrierung/)).toHaveAttribute('data-atrisk-asof', 'calibrationEnd'));
    await waitFor(() => expect(lastPurchases().every((day) => day <= '1997-09-30')).toBe(true));
    expect(screen.getByRole('radio', { name: 'Ende der Daten (30.06.1998)' })).not.toBeChecked();
  });
});

describe('DataView: the cohort table is a heat map with its numbers kept (issue 15, defect 5)', () => {
  it('shades each month by revenue, darkest at the strongest month, and by the active share on request', async () => {
    i18n.locale = 'de';
    const user = userEvent.setup();
    const data = new DataState(createDataSession());
    render(DataView, { data, fetchSample: () => Promise.resolve(sharedBytes('cdnow_sample_transactions.csv')) });
    await user.click(screen.getByRole('button', { name: 'Mit Beispieldaten testen' }));
    const table = await screen.findByRole('region', { name: 'Kohorten nach Monat des Erstkaufs' }, { timeout: 20_000 });
    const cells = () => Array.from(table.querySelectorAll<HTMLElement>('td.heat'));
    const number = (cell: HTMLElement) => Number((cell.textContent ?? '').trim().replace(/\./g, '').replace(',', '.'));
    await waitFor(() => expect(cells().length).toBeGreaterThan(0));
    const byRevenue = cells();
    const max = Math.max(...byRevenue.map(number));
    for (const cell of byRevenue) {
      // Every cell still says its number; the shade follows it.
      expect(cell.textContent?.trim()).not.toBe('');
      if (number(cell) === max) expect(cell.dataset.shade).toBe('7');
      if (number(cell) === 0) expect(cell.dataset.shade).toBe('0');
    }
    expect(screen.getByText(/desto mehr Umsatz im Monat/)).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Angezeigte Kennzahl'), 'active');
    await waitFor(() => expect(screen.getByText(/desto größer der Anteil der Kohorte/)).toBeInTheDocument());
    const row = table.querySelector<HTMLElement>('tr[data-cohort]');
    const size = Number((row?.querySelectorAll('td')[0]?.textContent ?? '').replace(/\./g, ''));
    const first = row?.querySelectorAll<HTMLElement>('td.heat')[0];
    // In its first month every customer of a cohort buys: the full share, the darkest shade.
    expect(first && number(first)).toBe(size);
    expect(first?.dataset.shade).toBe('7');
  });
});

describe('DataView: a file gets a proposed holdout split it can change (issue 15, defect 3)', () => {
  it('proposes 1997-09-30 for the CDNOW file, refits on every purchase on request, and with a chosen end', async () => {
    i18n.locale = 'en';
    const user = userEvent.setup();
    const data = new DataState(createDataSession());
    render(DataView, { data, fetchSample: () => Promise.reject(new Error('not the sample')) });
    await user.upload(screen.getByLabelText('Transaction file (CSV)'), new File([sharedText('cdnow_sample_transactions.csv')], 'cdnow.csv', { type: 'text/csv' }));
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    const summary = await screen.findByRole('region', { name: /Import: cdnow.csv/ }, { timeout: 20_000 });
    expect(within(summary).getByText(/Proposed by the app/)).toHaveTextContent('up to 30 Sept 1997');
    // The same fit as the sample data (shared/data/README.md: r = 0.2425945 from the event log).
    expect(kpiValue('data.bgnbdR')).toBeCloseTo(0.2425945, 3);

    await user.click(within(summary).getByRole('button', { name: 'Fit without a holdout' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: /Import: cdnow.csv/ })).getByText(/no holdout/)).toBeInTheDocument(), { timeout: 20_000 });
    expect(screen.queryByText(/Proposed by the app/)).toBeNull();
    const r = kpiValue('data.bgnbdR');
    expect(Math.abs(r - 0.2425945)).toBeGreaterThan(1e-3);

    const field = screen.getByLabelText<HTMLInputElement>('Calibration up to');
    await user.clear(field);
    await user.type(field, '1997-12-31');
    await user.click(screen.getByRole('button', { name: 'Fit again' }));
    await waitFor(() => expect(screen.getByRole('region', { name: /Import: cdnow.csv/ })).toHaveTextContent(/up to 31 Dec 1997, then a holdout of 25.9 weeks/), { timeout: 20_000 });
  });
});

describe('DataView: the spend model says whether its assumption holds (issue 16, item 5)', () => {
  it('names the correlation of frequency and mean spend among the repeat buyers of CDNOW (0.11, below 0.3)', async () => {
    i18n.locale = 'de';
    const user = userEvent.setup();
    const data = new DataState(createDataSession());
    render(DataView, { data, fetchSample: () => Promise.resolve(sharedBytes('cdnow_sample_transactions.csv')) });
    await user.click(screen.getByRole('button', { name: 'Mit Beispieldaten testen' }));
    const check = await waitFor(() => {
      const element = document.querySelector<HTMLElement>('[data-spend-check]');
      if (!element) throw new Error('no spend check yet');
      return element;
    }, { timeout: 20_000 });
    const analysis = await analyzeBytes(sharedBytes('cdnow_sample_transactions.csv'), { unit: 'week', calibrationEnd: dayFromCivil(1997, 9, 30) });
    if (!analysis.ok) throw new Error(analysis.error.message);
    const expected = spendIndependenceCheck(analysis.analysis.calibration.frequency, analysis.analysis.calibration.monetary);
    expect(check.dataset.spendCheck).toBe('ok');
    // 946 repeat buyers in the calibration period (FHL 2005); their correlation rounds to 0.11.
    expect(expected.customers).toBe(946);
    expect(check.textContent?.replace(/\s+/g, ' ')).toContain('Geprüft an 946 Wiederholungskäufern: Korrelation von Kaufhäufigkeit und Durchschnittsbetrag 0,11, unter der Warnschwelle von ±0,3');
    expect(expected.correlation).toBeCloseTo(0.11, 2);
  });

  it('warns when frequent buyers spend more per purchase', () => {
    // Frequencies 1..5 with mean spend rising with them: correlation 1.
    const check = spendIndependenceCheck([1, 2, 3, 4, 5, 0], [10, 20, 30, 40, 50, 0]);
    expect(check).toMatchObject({ customers: 5, nonPositive: 0, warn: true });
    expect(check.correlation).toBeCloseTo(1, 12);
    expect(spendIndependenceCheck([1, 2, 3, 4], [10, -5, 30, 12])).toMatchObject({ customers: 3, nonPositive: 1 });
  });
});
