import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/data/bgnbd.ts';
import { dayFromCivil } from '../../src/data/dates.ts';
import { fitGammaGamma, prepareGammaGamma } from '../../src/data/gammaGamma.ts';
import { importTransactions } from '../../src/data/import.ts';
import { calibrationData, dataEndData, proposeCalibrationEnd, summarizeCustomers } from '../../src/data/summary.ts';
import type { TransactionTable } from '../../src/data/table.ts';
import { expectClose } from '../engine/close.ts';
import { calibrationSummary, column, numericColumns, relative, sharedText } from './fixtures.ts';

async function cdnowTable(): Promise<TransactionTable> {
  const outcome = await importTransactions(sharedText('cdnow_sample_transactions.csv'));
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.table;
}

const CALIBRATION_END = dayFromCivil(1997, 9, 30);

describe('summarizeCustomers(table) on the CDNOW event log', () => {
  it('reproduces every row of cdnow_summary.csv (78 weeks) to 1e-6', async () => {
    const table = await cdnowTable();
    const summary = summarizeCustomers(table);
    const expected = numericColumns(sharedText('cdnow_summary.csv'));
    const ids = column(expected, 'customer_id');
    expect(summary.customers).toBe(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const c = summary.ids.indexOf(String(ids[k]));
      expect(c, `customer ${ids[k]}`).toBeGreaterThanOrEqual(0);
      for (const [name, actual] of [
        ['frequency', summary.frequency],
        ['recency', summary.recency],
        ['T', summary.T],
        ['monetary_value', summary.monetary],
      ] as const) {
        // The file is rounded to 6 decimals: 5e-7 plus float noise.
        expect(Math.abs((actual[c] as number) - (column(expected, name)[k] as number)), `${name} of customer ${ids[k]}`).toBeLessThanOrEqual(1e-6);
      }
    }
    let repeatBuyers = 0;
    let repeatTransactions = 0;
    for (let c = 0; c < summary.customers; c++) {
      if ((summary.frequency[c] as number) > 0) repeatBuyers++;
      repeatTransactions += summary.frequency[c] as number;
    }
    expect([repeatBuyers, repeatTransactions]).toEqual([1139, 4339]);
  });

  it('merges same-day purchases: 6,919 rows, 6,696 customer-days, revenue 244,091.94', async () => {
    const table = await cdnowTable();
    const summary = summarizeCustomers(table);
    let days = 0;
    let revenue = 0;
    for (let c = 0; c < summary.customers; c++) {
      days += summary.purchaseDays[c] as number;
      revenue += summary.revenue[c] as number;
    }
    expect(table.rows).toBe(6919);
    expect(days).toBe(6696);
    expectClose(revenue, 244091.94, 1e-6);
  });

  it('splits at 1997-09-30 like cdnow_calibration_summary.csv: same frequencies and holdout counts, rounding differences <= 0.005', async () => {
    const summary = summarizeCustomers(await cdnowTable(), { calibrationEnd: CALIBRATION_END });
    const shipped = calibrationSummary();
    expect(summary.calibrationCustomers).toBe(2357);
    expectClose(summary.holdoutLength, 39, 1e-12);
    let holdoutTotal = 0;
    for (let c = 0; c < summary.customers; c++) {
      // Customer ids are 1..2357 in file order.
      expect(summary.frequency[c]).toBe(shipped.frequency[c]);
      expect(summary.holdoutFrequency[c]).toBe(shipped.holdout[c]);
      expectClose(summary.recency[c], shipped.recency[c] as number, 0.005 + 1e-9);
      expectClose(summary.T[c], shipped.T[c] as number, 0.005 + 1e-9);
      expectClose(summary.monetary[c], shipped.monetary[c] as number, 0.005 + 1e-9);
      holdoutTotal += summary.holdoutFrequency[c] as number;
    }
    expect(holdoutTotal).toBe(1882);
  });

  it('counts days instead of weeks with unit "day"', async () => {
    const summary = summarizeCustomers(await cdnowTable(), { calibrationEnd: CALIBRATION_END, unit: 'day' });
    expect(summary.T[0]).toBe(272);
    expect(summary.holdoutLength).toBe(273);
  });

  it('leaves customers who first buy after the calibration end out of the calibration, but keeps their revenue', () => {
    const table: TransactionTable = {
      rows: 3,
      customerIds: ['a', 'b'],
      customer: Uint32Array.from([0, 1, 0]),
      day: Int32Array.from([10, 20, 25]),
      revenue: Float64Array.from([5, 7, 3]),
      cost: null,
      margin: null,
      returns: null,
      quantity: null,
      channel: null,
      channels: [],
      line: Uint32Array.from([2, 3, 4]),
    };
    const summary = summarizeCustomers(table, { calibrationEnd: 15, unit: 'day' });
    expect(Array.from(summary.inCalibration)).toEqual([1, 0]);
    expect(Array.from(summary.holdoutFrequency)).toEqual([1, 1]);
    expect(Array.from(summary.revenue)).toEqual([8, 7]);
    expect(calibrationData(summary).index).toEqual(Uint32Array.from([0]));
  });
});

describe('fits on the summary computed from the event log, end 1997-09-30 (README full-precision rows)', () => {
  it('BG/NBD: r 0.2425945, alpha 4.413602, a 0.7929221, b 2.425907, log-likelihood -9582.4292', async () => {
    const data = calibrationData(summarizeCustomers(await cdnowTable(), { calibrationEnd: CALIBRATION_END }));
    const fit = fitBgNbd(data);
    const expected = { r: 0.2425945, alpha: 4.413602, a: 0.7929221, b: 2.425907 };
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relative(fit[key], expected[key]), key).toBeLessThan(1e-3);
    expectClose(fit.logLik, -9582.4292, 0.01);
  });

  it('Gamma-Gamma: p 6.249574, q 3.744225, v 15.44352, log-likelihood -4055.9177', async () => {
    const data = calibrationData(summarizeCustomers(await cdnowTable(), { calibrationEnd: CALIBRATION_END }));
    const fit = fitGammaGamma(prepareGammaGamma(data.frequency, data.monetary));
    const expected = { p: 6.249574, q: 3.744225, v: 15.44352 };
    for (const key of ['p', 'q', 'v'] as const) expect(relative(fit[key], expected[key]), key).toBeLessThan(1e-3);
    expectClose(fit.logLik, -4055.9177, 0.01);
    expect(fit.customers).toBe(946);
  });

  it('78 weeks (not published, README "our fits"): BG/NBD and Gamma-Gamma', async () => {
    const data = calibrationData(summarizeCustomers(await cdnowTable()));
    const bgnbd = fitBgNbd(data);
    const expected = { r: 0.253561, alpha: 5.44725, a: 0.607366, b: 2.647235 };
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relative(bgnbd[key], expected[key]), key).toBeLessThan(1e-3);
    expectClose(bgnbd.logLik, -17138.234, 0.01);
    const gg = fitGammaGamma(prepareGammaGamma(data.frequency, data.monetary));
    const expectedGg = { p: 4.683454, q: 4.189783, v: 24.39055 };
    for (const key of ['p', 'q', 'v'] as const) expect(relative(gg[key], expectedGg[key]), key).toBeLessThan(1e-3);
    expectClose(gg.logLik, -4884.5663, 0.01);
  });
});

describe('dataEndData(summary, calibration): the calibration customers as of the end of the data', () => {
  it('counts calibration and holdout purchases together, to the last day observed (hand-computed, weeks)', async () => {
    const csv = [
      'customer_id,date,revenue',
      'a,2020-01-01,10',
      'a,2020-01-15,20',
      'a,2020-02-12,30',
      'b,2020-01-10,5',
      'b,2020-02-26,7',
      'c,2020-02-05,9',
    ].join('\n');
    const outcome = await importTransactions(csv);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const summary = summarizeCustomers(outcome.table, { calibrationEnd: dayFromCivil(2020, 1, 31), unit: 'week' });
    const calibration = calibrationData(summary);
    const atEnd = dataEndData(summary, calibration);
    // c bought first after the calibration end: not a calibration customer, in neither.
    expect(Array.from(atEnd.index, (c) => summary.ids[c])).toEqual(['a', 'b']);
    // a: calibration x = 1, t_x = 14/7 = 2, T = 30/7, spend 20; at the end (26 Feb): x = 2, t_x = 42/7 = 6, T = 56/7 = 8, spend (20 + 30)/2 = 25.
    expect([calibration.frequency[0], calibration.recency[0], calibration.monetary[0]]).toEqual([1, 2, 20]);
    expectClose(calibration.T[0], 30 / 7, 1e-12);
    expect([atEnd.frequency[0], atEnd.recency[0], atEnd.T[0], atEnd.monetary[0]]).toEqual([2, 6, 8, 25]);
    // b: calibration x = 0, T = 21/7 = 3; at the end x = 1, t_x = T = 47/7, spend 7.
    expect([calibration.frequency[1], calibration.T[1]]).toEqual([0, 3]);
    expect(atEnd.frequency[1]).toBe(1);
    expectClose(atEnd.recency[1], 47 / 7, 1e-12);
    expectClose(atEnd.T[1], 47 / 7, 1e-12);
    expect(atEnd.monetary[1]).toBe(7);
  });

  it('without a holdout it is the calibration data itself', async () => {
    const table = await cdnowTable();
    const summary = summarizeCustomers(table);
    const calibration = calibrationData(summary);
    const atEnd = dataEndData(summary, calibration);
    for (const name of ['frequency', 'recency', 'T'] as const) expect(Array.from(atEnd[name]), name).toEqual(Array.from(calibration[name]));
    for (let k = 0; k < calibration.monetary.length; k++) expectClose(atEnd.monetary[k], calibration.monetary[k] as number, 1e-9);
  });
});

describe('proposeCalibrationEnd(firstDay, lastDay): the split the app proposes for a file (issue 15, defect 3)', () => {
  it('CDNOW (1997-01-01 to 1998-06-30, 545 days): half is 272.5 days, 39 whole weeks, so 1997-09-30 as in the published fits', () => {
    expect(proposeCalibrationEnd(dayFromCivil(1997, 1, 1), dayFromCivil(1998, 6, 30))).toBe(dayFromCivil(1997, 9, 30));
  });

  it('ends a whole number of weeks after the first day, and leaves no split for less than four weeks of data', () => {
    const first = dayFromCivil(2024, 1, 1);
    // 100 days: half is 50 days, 7 weeks (49 days), so the calibration ends on day 48 after the first.
    expect(proposeCalibrationEnd(first, first + 100)).toBe(first + 48);
    expect(proposeCalibrationEnd(first, first + 27)).toBeNull();
    expect(proposeCalibrationEnd(first, first + 28)).toBe(first + 13);
  });
});
