// Faults of issue 14 in the Daten tab, through what a user sees: a header of
// 100,000 columns, a wide file mapped through the search field, fits that do
// not settle, and notes on returns and future dates.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import DataView from '../../../src/components/data/DataView.svelte';
import { MAX_COLUMNS } from '../../../src/data/columns.ts';
import { columnsProblem, detectDialect } from '../../../src/data/dialect.ts';
import { importTransactions } from '../../../src/data/import.ts';
import { createDataSession } from '../../../src/data/session.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { DataState } from '../../../src/state/data.svelte.ts';

function open(label = 'Transaction file (CSV)'): { user: ReturnType<typeof userEvent.setup>; upload: (name: string, text: string) => Promise<void> } {
  const user = userEvent.setup();
  const data = new DataState(createDataSession());
  render(DataView, { data, fetchSample: () => Promise.reject(new Error('no sample in this test')) });
  return { user, upload: (name, text) => user.upload(screen.getByLabelText(label), new File([text], name, { type: 'text/csv' })) };
}

/** A header of `width` columns: extra_0, extra_1, ... with customer_id, date and revenue at the given places. */
function wideCsv(width: number, at: { id: number; date: number; revenue: number }): string {
  const header = Array.from({ length: width }, (_, j) => (j === at.id ? 'customer_id' : j === at.date ? 'date' : j === at.revenue ? 'revenue' : `extra_${j}`));
  const row = (id: string, date: string, revenue: string) => header.map((_, j) => (j === at.id ? id : j === at.date ? date : j === at.revenue ? revenue : '')).join(',');
  return `${header.join(',')}\n${row('A', '2025-01-02', '10')}\n${row('A', '2025-02-03', '12')}\n`;
}

describe('the column limit (unit)', () => {
  it('refuses more than MAX_COLUMNS columns with the count, and accepts exactly MAX_COLUMNS', async () => {
    const over = detectDialect(wideCsv(MAX_COLUMNS + 1, { id: 0, date: 1, revenue: 2 }));
    expect(columnsProblem(over)).toMatchObject({ code: 'tooManyColumns', values: { n: MAX_COLUMNS + 1, max: MAX_COLUMNS } });
    expect(columnsProblem(detectDialect(wideCsv(MAX_COLUMNS, { id: 0, date: 1, revenue: 2 })))).toBeNull();
    const imported = await importTransactions(wideCsv(MAX_COLUMNS + 1, { id: 0, date: 1, revenue: 2 }));
    expect(imported.ok ? 'ok' : imported.error.code).toBe('tooManyColumns');
  });
});

describe('Daten tab: faults found by probing (issue 14)', () => {
  beforeEach(() => {
    i18n.locale = 'en';
  });

  it('refuses a header of 100,000 columns at once with a clear message, and renders no mapping', async () => {
    const { upload } = open();
    await upload('wide.csv', wideCsv(100_000, { id: 0, date: 1, revenue: 2 }));
    // The header (1.1 MB) is longer than the dialect sample of 1 MB: it is still counted whole.
    const alert = await screen.findByText(/^The first row has 100,000 columns; a table of purchases has at most 2,000\./);
    expect(alert.closest('[data-error]')?.getAttribute('data-error')).toBe('tooManyColumns');
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.querySelectorAll('option').length).toBe(0);
  }, 30_000);

  it('lists at most 50 columns per select in a wide file, finds any column by search, and imports with it', async () => {
    const { user, upload } = open();
    await upload('wide.csv', wideCsv(1500, { id: 0, date: 700, revenue: 1400 }));
    const form = await screen.findByRole('form', { name: /Map the columns: wide.csv/ });
    expect(within(form).getByText(/The file has 1,500 columns\. The first 50 that match are listed/)).toBeTruthy();
    const revenue = within(form).getByLabelText<HTMLSelectElement>('Revenue column');
    const date = within(form).getByLabelText<HTMLSelectElement>('Date column');
    // The detected columns stay selected although they are not among the first 50.
    expect(revenue.selectedOptions[0]?.textContent).toBe('revenue');
    expect(date.selectedOptions[0]?.textContent).toBe('date');
    for (const select of within(form).getAllByRole<HTMLSelectElement>('combobox')) expect(select.options.length).toBeLessThanOrEqual(52);
    expect(within(form).getByText('The preview shows 20 of 1,500 columns.')).toBeTruthy();
    await user.type(within(form).getByLabelText('Find a column'), 'extra_1399');
    const cost = within(form).getByLabelText<HTMLSelectElement>('Cost column (optional)');
    expect(Array.from(cost.options, (o) => o.textContent)).toEqual(['– none –', 'extra_1399']);
    await user.selectOptions(cost, 'extra_1399');
    expect(cost.selectedOptions[0]?.textContent).toBe('extra_1399');
  }, 30_000);

  it('says that the purchase model did not settle for a 4-row file instead of showing figures', async () => {
    const { user, upload } = open();
    await upload('four.csv', 'id,date,revenue\n1,2025-01-01,5\n1,2025-01-08,6\n2,2025-01-02,7\n2,2025-01-20,8\n');
    await screen.findByRole('form', { name: /Map the columns: four.csv/ });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/The purchase model \(BG\/NBD\) finds no finite values for these data/)).toBeTruthy();
    expect(document.querySelector('[data-ready]')).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  }, 30_000);

  it('notes returns and future dates in the summary, in German with plural forms', async () => {
    i18n.locale = 'de';
    const today = new Date().toISOString().slice(0, 10);
    const lines = ['Kundennummer;Datum;Umsatz'];
    for (let c = 1; c <= 30; c++) {
      for (let k = 0; k < 1 + (c % 4); k++) lines.push(`K${c};${String(1 + ((c + 7 * k) % 28)).padStart(2, '0')}.${String(1 + k * 3).padStart(2, '0')}.2024;${(12 + ((c * 37 + k * 53) % 90)).toFixed(2).replace('.', ',')}`);
    }
    lines.push('K1;15.11.2024;-5,00', 'K2;15.11.2024;-7,50', 'K3;31.12.2099;10,00');
    const { user, upload } = open('Transaktionsdatei (CSV)');
    await upload('retouren.csv', `${lines.join('\n')}\n`);
    await screen.findByRole('form', { name: /Spalten zuordnen: retouren.csv/ });
    await user.click(screen.getByRole('button', { name: 'Importieren' }));
    const negative = await screen.findByText(/^2 Zeilen mit negativem Betrag wurden als Retouren oder Gutschriften gezählt/);
    expect(negative.dataset.note).toBe('negative');
    const future = screen.getByText(/^1 Zeile mit einem Datum nach dem \d{2}\.\d{2}\.\d{4} wurde abgelehnt/);
    expect(future.textContent).toContain(today.slice(0, 4));
    expect(document.querySelector('tr[data-line]')?.textContent).toContain('Datum in der Zukunft');
  }, 30_000);
});
