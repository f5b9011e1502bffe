// A per-customer summary in the Daten tab's session (issue 15, "past the
// browser"): recognised by its header, fitted in the unit the user states,
// and a round trip — the CDNOW transactions' own summary (written as
// `analyze --summary` does) gives the transactions' parameters to 1e-6.
import { describe, expect, it } from 'vitest';
import { summaryCsv } from '../../src/cli/analyze.ts';
import { dayFromCivil } from '../../src/data/dates.ts';
import { createDataSession } from '../../src/data/session.ts';
import type { DataProgress } from '../../src/worker/api.ts';
import { sharedBytes } from './fixtures.ts';

const relative = (x: number, y: number): number => Math.abs(x - y) / Math.max(Math.abs(y), 1e-12);

async function transactionFit() {
  const session = createDataSession();
  const detected = await session.detectData(sharedBytes('cdnow_sample_transactions.csv'));
  if (!detected.ok || detected.detection.columns.mapping === null) throw new Error('CDNOW not detected');
  expect(detected.source).toBe('transactions');
  const outcome = await session.importData({ unit: 'week', mapping: detected.detection.columns.mapping, calibrationEnd: dayFromCivil(1997, 9, 30) });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const payload = await session.keptPayload();
  if (payload === null) throw new Error('no analysis');
  return { result: outcome.result, summary: payload.analysis.summary };
}

describe('data session: a customer summary file', () => {
  it('round trip: the summary of the CDNOW transactions gives the same BG/NBD and Gamma-Gamma parameters to 1e-6', async () => {
    const transactions = await transactionFit();
    const text = summaryCsv(transactions.summary, true);
    const session = createDataSession();
    const detected = await session.detectData(new TextEncoder().encode(text));
    if (!detected.ok) throw new Error(detected.error.message);
    expect(detected.source).toBe('summary');
    const progress: DataProgress[] = [];
    const outcome = await session.importData({ unit: 'week', source: 'summary' }, (p) => progress.push(p));
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { result } = outcome;
    expect(result.source).toBe('summary');
    expect(result.split).toBe('summary');
    expect(result.report.customers).toBe(2357);
    expect(result.holdout).toBeNull();
    for (const key of ['r', 'alpha', 'a', 'b', 'logLik'] as const) expect(relative(result.bgnbd[key], transactions.result.bgnbd[key])).toBeLessThan(1e-6);
    for (const key of ['p', 'q', 'v', 'logLik'] as const) expect(relative(result.gammaGamma[key], transactions.result.gammaGamma[key])).toBeLessThan(1e-6);
    // first_purchase + T: the calibration end of the transactions.
    expect(result.calibrationEnd).toBe(dayFromCivil(1997, 9, 30));
    expect(progress.some((p) => p.phase === 'parse')).toBe(true);
    // What a summary cannot show is not sent as an empty table.
    expect(await session.cohorts()).toBeNull();
    expect(await session.atRisk()).toEqual([]);
  });

  it('the unit the user states sets the forecast: read as days, the same rows give the same fit but a year holds 7x the units', async () => {
    const text = sharedBytes('cdnow_calibration_summary.csv');
    const weeks = await createDataSession().importData({ unit: 'week', source: 'summary', bytes: text });
    const days = await createDataSession().importData({ unit: 'day', source: 'summary', bytes: text });
    if (!weeks.ok || !days.ok) throw new Error('summary not fitted');
    // The same numbers read as days: the rate per unit is the same, so the BG/NBD fit is identical
    // (alpha is in the file's unit), while the forecast period (1 year) holds 7x the units.
    expect(days.result.bgnbd.r).toBeCloseTo(weeks.result.bgnbd.r, 10);
    expect(days.result.unit).toBe('day');
    expect(days.result.forecast.period).toBeCloseTo(7 * weeks.result.forecast.period, 6);
    // FHL 2005 on the 39-week calibration summary (values rounded to 2 decimals): r = 0.243.
    expect(weeks.result.bgnbd.r).toBeCloseTo(0.243, 2);
    // Without first_purchase the span is the longest T (38.86 weeks), not a date since 1970.
    expect(weeks.result.forecast.observedYears).toBeCloseTo((38.86 * 7) / 365.25, 6);
  });

  it('a summary file with only bad rows is an error with the rejected lines, not a crash', async () => {
    const text = 'customer_id,frequency,recency,T,monetary_value\nA,2,10,5,20\nB,-1,3,9,10\n';
    const outcome = await createDataSession().importData({ unit: 'week', source: 'summary', bytes: new TextEncoder().encode(text) });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('noValidRows');
    expect(outcome.rejected.map((row) => row.line)).toEqual([2, 3]);
  });
});
