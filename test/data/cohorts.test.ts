import { describe, expect, it } from 'vitest';
import { channelTotals, cohortTable, monthLabel, monthOfDay } from '../../src/data/cohorts.ts';
import { dayFromCivil } from '../../src/data/dates.ts';
import { importTransactions } from '../../src/data/import.ts';
import { summarizeCustomers } from '../../src/data/summary.ts';

describe('monthOfDay(day) and monthLabel(month)', () => {
  it('numbers months from January 1970', () => {
    expect(monthOfDay(0)).toBe(0);
    expect(monthOfDay(dayFromCivil(1997, 3, 25))).toBe(27 * 12 + 2);
    expect(monthLabel(monthOfDay(dayFromCivil(2024, 2, 29)))).toBe('2024-02');
    expect(monthLabel(monthOfDay(dayFromCivil(1969, 12, 31)))).toBe('1969-12');
  });
});

describe('cohortTable(table, summary) and channelTotals(table)', () => {
  it('sums revenue and counts active customers per cohort and month, and totals per channel', async () => {
    const outcome = await importTransactions(
      'Kunde;Datum;Umsatz;Kosten;Kanal\n1;05.01.2025;10,00;4,00;Shop\n1;20.01.2025;5,00;1,00;Shop\n2;10.02.2025;7,00;2,00;Filiale\n1;01.02.2025;3,00;1,00;Filiale\n',
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    const result = cohortTable(outcome.table, summarizeCustomers(outcome.table));
    expect(result.months).toEqual(['2025-01', '2025-02']);
    expect(result.cohorts.map((c) => c.label)).toEqual(['2025-01', '2025-02']);
    expect(Array.from(result.cohorts[0]?.revenue ?? [])).toEqual([15, 3]);
    expect(Array.from(result.cohorts[0]?.active ?? [])).toEqual([1, 1]);
    expect(Array.from(result.cohorts[1]?.active ?? [])).toEqual([0, 1]);
    expect(channelTotals(outcome.table)).toEqual([
      { channel: 'Shop', transactions: 2, customers: 1, revenue: 15, margin: 10 },
      { channel: 'Filiale', transactions: 2, customers: 2, revenue: 10, margin: 7 },
    ]);
  });
});
