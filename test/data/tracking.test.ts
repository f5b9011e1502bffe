// The tracking chart's series (src/data/tracking.ts) and the purchase-day
// lists behind it (src/data/purchaseDays.ts): by hand on a tiny file, and on
// the CDNOW event log against the totals of shared/data/README.md (2,457
// repeat purchases in the 39 calibration weeks, 1,882 in the 39 holdout weeks).
import { describe, expect, it } from 'vitest';
import { expectedPurchases } from '../../src/data/bgnbd.ts';
import { dayFromCivil } from '../../src/data/dates.ts';
import { importTransactions } from '../../src/data/import.ts';
import { daysOf, purchaseDaysOf } from '../../src/data/purchaseDays.ts';
import { calibrationData, summarizeCustomers } from '../../src/data/summary.ts';
import { calibrationEndAfter, cumulativeOf, trackingOf, weeksUntil } from '../../src/data/tracking.ts';
import type { TransactionTable } from '../../src/data/table.ts';
import { expectClose } from '../engine/close.ts';
import { sharedText } from './fixtures.ts';

async function tableOf(text: string): Promise<TransactionTable> {
  const outcome = await importTransactions(text);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.table;
}

const TINY = [
  'customer,date,amount',
  'A,2025-01-01,10',
  'A,2025-01-09,10',
  'A,2025-01-20,10',
  'B,2025-01-03,10',
  'B,2025-01-03,5',
  'B,2025-01-10,-5',
  'B,2025-01-16,20',
].join('\n');

describe('trackingOf: weekly repeat purchases, actual and expected', () => {
  it('by hand: same-day rows merge, a return day is no purchase, E[X(t)] = t gives 10/7, 14/7, 12/7 per week', async () => {
    const table = await tableOf(TINY);
    const observationEnd = dayFromCivil(2025, 1, 20);
    const lists = purchaseDaysOf(table, observationEnd);
    const d0 = dayFromCivil(2025, 1, 1);
    expect(Array.from(daysOf(lists, 0))).toEqual([d0, d0 + 8, d0 + 19]);
    expect(Array.from(daysOf(lists, 1))).toEqual([d0 + 2, d0 + 15]);
    const tracking = trackingOf({ lists, index: [0, 1], calibrationEnd: d0 + 13, observationEnd, daysPerUnit: 7 }, (t) => t);
    expect(tracking.startDay).toBe(d0);
    expect(tracking.weeks.map((w) => w.start)).toEqual([d0, d0 + 7, d0 + 14]);
    expect(tracking.weeks.map((w) => w.actual)).toEqual([0, 1, 2]);
    // Week ends d0 + 6, d0 + 13 and the last day d0 + 19: A is 6, 13, 19 days old, B 4, 11, 17.
    [10 / 7, 14 / 7, 12 / 7].forEach((expected, w) => expectClose(tracking.weeks[w]?.expected ?? Number.NaN, expected, 1e-12));
    expect(cumulativeOf(tracking.weeks).map((w) => w.actual)).toEqual([0, 1, 3]);
    expectClose(cumulativeOf(tracking.weeks)[2]?.expected ?? Number.NaN, 36 / 7, 1e-12);
  });

  it('the handle moves the split by whole weeks from the first purchase day', () => {
    const d0 = dayFromCivil(1997, 1, 1);
    expect(calibrationEndAfter(d0, 39)).toBe(dayFromCivil(1997, 9, 30));
    expect(weeksUntil(d0, dayFromCivil(1997, 9, 30))).toBe(39);
  });
});

describe('tracking on the CDNOW event log, calibration to 1997-09-30', async () => {
  const table = await tableOf(sharedText('cdnow_sample_transactions.csv'));
  const summary = summarizeCustomers(table, { calibrationEnd: dayFromCivil(1997, 9, 30) });
  const calibration = calibrationData(summary);
  const lists = purchaseDaysOf(table, summary.observationEnd);
  const BG = { r: 0.2425945, alpha: 4.413602, a: 0.7929221, b: 2.425907 };
  const tracking = trackingOf(
    { lists, index: calibration.index, calibrationEnd: summary.calibrationEnd, observationEnd: summary.observationEnd, daysPerUnit: 7 },
    (t) => expectedPurchases(BG, t),
  );

  it('the purchase-day lists agree with the summary: purchase days, first and last day of every customer', () => {
    for (let c = 0; c < summary.customers; c++) {
      const days = daysOf(lists, c);
      expect(days.length).toBe(summary.purchaseDays[c]);
      expect(days[0]).toBe(summary.firstDay[c]);
      expect(days[days.length - 1]).toBe(summary.lastDay[c]);
    }
  });

  it('78 weeks; 2,457 actual repeat purchases in weeks 1-39 and 1,882 in weeks 40-78 (README)', () => {
    expect(tracking.weeks).toHaveLength(78);
    const sum = (from: number, to: number) => tracking.weeks.slice(from, to).reduce((s, w) => s + w.actual, 0);
    expect(sum(0, 39)).toBe(2457);
    expect(sum(39, 78)).toBe(1882);
  });

  it('expected by the calibration end = sum of E[X(T_i)] over the customers (FHL 2005 eq. 7, computed per customer)', () => {
    let direct = 0;
    for (let k = 0; k < calibration.T.length; k++) direct += expectedPurchases(BG, calibration.T[k] as number);
    const byWeek = tracking.weeks.slice(0, 39).reduce((s, w) => s + w.expected, 0);
    expectClose(byWeek, direct, 1e-9);
    // Weekly expectations are never negative: E[X(t)] rises with t.
    expect(tracking.weeks.every((w) => w.expected >= 0)).toBe(true);
  });
});
