import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/data/analysis.ts';
import { dayFromCivil } from '../../src/data/dates.ts';
import { expectClose } from '../engine/close.ts';
import { sharedBytes } from './fixtures.ts';

describe('analyzeBytes(bytes, options)', () => {
  it('runs import, summary, both fits and the holdout check on the CDNOW event log', async () => {
    const outcome = await analyzeBytes(sharedBytes('cdnow_sample_transactions.csv'), { calibrationEnd: dayFromCivil(1997, 9, 30) });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { imported, summary, bgnbd, gammaGamma, holdout } = outcome.analysis;
    expect(imported.encoding).toBe('utf-8');
    expect(summary.calibrationCustomers).toBe(2357);
    expectClose(bgnbd.logLik, -9582.4292, 0.01);
    expectClose(gammaGamma.logLik, -4055.9177, 0.01);
    expect(holdout?.map((g) => Number(g.actual.toFixed(2))).slice(0, 6)).toEqual([0.24, 0.7, 1.39, 1.56, 2.53, 2.95]);
  });

  it('has no holdout check when the calibration runs to the last purchase', async () => {
    const outcome = await analyzeBytes(sharedBytes('cdnow_sample_transactions.csv'));
    expect(outcome.ok && outcome.analysis.holdout).toBeNull();
  });

  it('passes file errors through as one error', async () => {
    const outcome = await analyzeBytes(new Uint8Array(0));
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('empty');
  });
});
