// Importing a per-customer summary file (issue 15, "past the browser"): the
// same fits as the transactions it came from, bad rows rejected with their line.
import { describe, expect, it } from 'vitest';
import { fitSummary } from '../../src/data/analysis.ts';
import { importTransactions } from '../../src/data/import.ts';
import { summarizeCustomers } from '../../src/data/summary.ts';
import { importSummaryText, isSummaryText } from '../../src/data/summaryImport.ts';
import { summaryCsv } from '../../src/cli/analyze.ts';
import { parseDay } from '../../src/data/dates.ts';
import { relative, sharedText } from './fixtures.ts';

function fitsOf(text: string, unit: 'week' | 'day' = 'week') {
  const imported = importSummaryText(text, { unit });
  if (!imported.ok) throw new Error(imported.error.message);
  const fitted = fitSummary(imported.summary);
  if (!fitted.ok) throw new Error(fitted.error.message);
  return { imported, fits: fitted.fits };
}

describe('summary import', () => {
  it('detects a summary by its header (lifetimes/CLVTools names, any case) and a transaction file as none', () => {
    expect(isSummaryText(sharedText('cdnow_calibration_summary.csv'))).toBe(true);
    expect(isSummaryText('Customer_ID;Frequency;Recency;t;Monetary_Value\n1;0;0;3;0\n')).toBe(true);
    expect(isSummaryText(sharedText('cdnow_sample_transactions.csv'))).toBe(false);
    expect(isSummaryText('customer_id,frequency,recency,T\n1,0,0,3\n')).toBe(false);
  });

  it("fits lifetimes' CDNOW calibration summary to the figures of shared/data/README (2-decimal file row)", () => {
    const { imported, fits } = fitsOf(sharedText('cdnow_calibration_summary.csv'));
    expect(imported.summary.customers).toBe(2357);
    expect(imported.rejected).toEqual([]);
    // shared/data/README.md, BG/NBD table, row "cdnow_calibration_summary.csv": r 0.2425929, alpha 4.413532, a 0.7928862, b 2.425754, LL -9582.4256.
    expect(relative(fits.bgnbd.r, 0.2425929)).toBeLessThan(1e-5);
    expect(relative(fits.bgnbd.alpha, 4.413532)).toBeLessThan(1e-5);
    expect(relative(fits.bgnbd.a, 0.7928862)).toBeLessThan(1e-5);
    expect(relative(fits.bgnbd.b, 2.425754)).toBeLessThan(1e-5);
    expect(Math.abs(fits.bgnbd.logLik - -9582.4256)).toBeLessThan(1e-3);
  });

  it('gives the parameters of the transactions it came from: CDNOW event log vs the 78-week cdnow_summary.csv (6 decimals)', async () => {
    const imported = await importTransactions(sharedText('cdnow_sample_transactions.csv'), { latestDay: parseDay('1998-06-30', 'YYYY-MM-DD') });
    if (!imported.ok) throw new Error(imported.error.message);
    const summary = summarizeCustomers(imported.table, { unit: 'week' });
    const fromTransactions = fitSummary(summary);
    if (!fromTransactions.ok) throw new Error('fit failed');
    const { fits } = fitsOf(sharedText('cdnow_summary.csv'));
    // The file rounds recency, T and spend to 6 decimals (README: at most 5e-7 off lifetimes), so the fits agree to about 1e-5.
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relative(fits.bgnbd[key], fromTransactions.fits.bgnbd[key])).toBeLessThan(1e-5);
    for (const key of ['p', 'q', 'v'] as const) expect(relative(fits.gammaGamma[key] ?? 0, fromTransactions.fits.gammaGamma[key] ?? 1)).toBeLessThan(1e-5);
    // Written at full precision (summaryCsv) and read back, the summary gives the very same fit.
    const again = fitsOf(summaryCsv(summary, true));
    expect(again.fits.bgnbd.r).toBe(fromTransactions.fits.bgnbd.r);
    expect(again.fits.gammaGamma.p).toBe(fromTransactions.fits.gammaGamma.p);
    expect(again.imported.summary.firstDay[0]).toBe(parseDay('1997-01-01', 'YYYY-MM-DD'));
  });

  it('rejects each bad row with its line number and a reason, and uses the rest', () => {
    const rows = [
      'customer_id,frequency,recency,T,monetary_value,revenue',
      'a,2,10,20,15.5,40', // line 2: good
      'b,-1,10,20,15.5,40', // line 3: negative
      'c,2,25,20,15.5,40', // line 4: recency > T
      'd,1.5,10,20,15.5,40', // line 5: frequency not whole
      'e,2,10,20,0,40', // line 6: no spend for a repeat buyer
      'f,0,0,20,0,12', // line 7: good, one-time buyer
      'g,3,x,20,10,40', // line 8: not a number
      '',
      'h,1,5,20,9', // line 10: good (revenue column short: too few fields)
    ];
    const outcome = importSummaryText(`${rows.join('\n')}\n`, { unit: 'week' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.rejected.map((row) => [row.line, row.code])).toEqual([
      [3, 'negativeValue'],
      [4, 'recencyAfterT'],
      [5, 'badFrequency'],
      [6, 'badMonetary'],
      [8, 'negativeValue'],
      [10, 'tooFewFields'],
    ]);
    expect(outcome.rejected[1]?.message).toMatch(/^line 4: recency 25 is greater than T 20/);
    expect([...outcome.summary.ids]).toEqual(['a', 'f']);
    expect([...outcome.summary.frequency]).toEqual([2, 0]);
    expect([...outcome.summary.revenue]).toEqual([40, 12]);
    expect(outcome.summary.purchaseDays[0]).toBe(3);
  });

  it('takes recency and T in the unit the user states: days fit alpha 7 times the weeks', () => {
    const weeks = fitsOf(sharedText('cdnow_calibration_summary.csv'));
    const text = sharedText('cdnow_calibration_summary.csv')
      .trim()
      .split('\n')
      .map((line, k) => (k === 0 ? line : line.split(',').map((cell, j) => (j === 2 || j === 3 ? String(Number(cell) * 7) : cell)).join(',')))
      .join('\n');
    const days = fitsOf(text, 'day');
    expect(days.imported.summary.unit).toBe('day');
    expect(relative(days.fits.bgnbd.alpha, 7 * weeks.fits.bgnbd.alpha)).toBeLessThan(1e-4);
    expect(relative(days.fits.bgnbd.r, weeks.fits.bgnbd.r)).toBeLessThan(1e-4);
  });

  it('refuses a file with no usable customer, naming the first problem', () => {
    const outcome = importSummaryText('customer_id,frequency,recency,T,monetary_value\n1,-2,0,3,0\n', { unit: 'week' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/all 1 rows were rejected, e\.g\. line 2/);
  });
});
