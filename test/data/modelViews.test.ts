// The model views of the data worker (src/data/modelViews.ts through the
// session, as the Daten tab calls them) on the CDNOW sample.
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../src/data/dates.ts';
import { expectClose } from '../engine/close.ts';
import { relative } from './fixtures.ts';
import { cdnowSession } from './cdnowSession.ts';


describe('moveCalibrationEnd: the tracking chart handle refits without reading the file again', () => {
  it('from 26 weeks back to 1997-09-30 gives the published fit again (README: r 0.2425945, alpha 4.413602)', async () => {
    const { session, result } = await cdnowSession(undefined, dayFromCivil(1997, 7, 1) - 1);
    expect(relative(result.bgnbd.r, 0.2425945)).toBeGreaterThan(1e-2);
    const moved = await session.moveCalibrationEnd(dayFromCivil(1997, 9, 30));
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.update.split).toBe('chosen');
    expect(moved.update.holdoutLength).toBe(39);
    expect(relative(moved.update.bgnbd.r, 0.2425945)).toBeLessThan(1e-3);
    expect(relative(moved.update.bgnbd.alpha, 4.413602)).toBeLessThan(1e-3);
    // The tracking and the holdout check follow the new split.
    const tracking = await session.tracking();
    expect(tracking?.calibrationEnd).toBe(dayFromCivil(1997, 9, 30));
    expect(moved.update.holdout?.[0]?.actual).toBeCloseTo(0.24, 2);
  });

  it('a calibration end before every first purchase is refused with a message and leaves the fit as it was', async () => {
    const { session, result } = await cdnowSession();
    const moved = await session.moveCalibrationEnd(dayFromCivil(1996, 12, 1));
    expect(moved.ok).toBe(false);
    const forecast = await session.forecastData(result.forecast.options);
    expect(forecast?.totalClv).toBeCloseTo(result.forecast.totalClv, 6);
    expect((await session.tracking())?.calibrationEnd).toBe(dayFromCivil(1997, 9, 30));
  });
});

describe('compareModels on CDNOW (39 + 39 weeks)', () => {
  it('fits all three; BG/NBD is the app fit, Pareto/NBD the published one (README: r 0.55328, beta 11.6687, ln L -9594.976)', async () => {
    const { session, result } = await cdnowSession();
    const comparison = await session.compareModels();
    if (comparison === null) throw new Error('no comparison');
    expect(comparison.models.map((m) => m.name)).toEqual(['bgnbd', 'mbgnbd', 'pnbd']);
    expect(comparison.models[0]?.values[0]).toBe(result.bgnbd.r);
    const pnbd = comparison.models[2];
    expect(relative(pnbd?.values[0] ?? 0, 0.55328)).toBeLessThan(2e-3);
    expect(relative(pnbd?.values[3] ?? 0, 11.6687)).toBeLessThan(5e-3);
    expect(Math.abs((pnbd?.logLik ?? 0) + 9594.976)).toBeLessThan(1e-2);
    expect(comparison.groups).toHaveLength(3);
    // The same actual holdout means in each model's groups (README: 0.24, 0.70, 1.39 for x = 0, 1, 2).
    for (const { groups } of comparison.groups) expect(groups.slice(0, 3).map((g) => Number(g.actual.toFixed(2)))).toEqual([0.24, 0.7, 1.39]);
    expect(comparison.recommendation).not.toBeNull();
  }, 30_000);
});

describe('customerDetail and forecastMatrices', () => {
  it("one customer's distribution sums to 1, her path ends at her P(alive), an unknown id is null", async () => {
    const { session } = await cdnowSession();
    const detail = await session.customerDetail('1', 'dataEnd');
    if (detail === null) throw new Error('no detail');
    expectClose(detail.distribution.reduce((s, p) => s + p, 0), 1, 1e-12);
    expect(detail.distribution).toHaveLength(11);
    expect(detail.path.at(-1)?.alive).toBeCloseTo(detail.alive, 12);
    expect(detail.repeats).toHaveLength(detail.frequency);
    expect(detail.asOfDay).toBe(dayFromCivil(1998, 6, 30));
    const atCalibration = await session.customerDetail('1', 'calibrationEnd');
    expect(atCalibration?.T).toBeLessThan(detail.T);
    expect(await session.customerDetail('no such id', 'dataEnd')).toBeNull();
    const matrix = await session.forecastMatrices();
    expect(matrix?.alive).toHaveLength(13);
    // x = 0 with t_x > 0 cannot occur; more purchases with a recent last one mean a higher P(alive).
    expect(matrix?.alive[0]?.[1]).toBeNull();
    const last = (matrix?.alive[5]?.length ?? 1) - 1;
    expect(matrix?.alive[5]?.[last] ?? 0).toBeGreaterThan(matrix?.alive[5]?.[1] ?? 1);
  });
});

describe('parameterIntervals: Hessian standard errors', () => {
  it("match lifetimes' summary on CDNOW to 2 % (BG/NBD se r 0.012557, alpha 0.378221; Gamma-Gamma se p 1.189687, q 0.290166, v 4.159994)", async () => {
    const { session } = await cdnowSession();
    const intervals = await session.parameterIntervals();
    const se = (list: { standardError: number }[] | null | undefined, i: number) => list?.[i]?.standardError ?? Number.NaN;
    expect(relative(se(intervals?.bgnbd, 0), 0.012557)).toBeLessThan(0.02);
    expect(relative(se(intervals?.bgnbd, 1), 0.378221)).toBeLessThan(0.02);
    expect(relative(se(intervals?.gammaGamma, 0), 1.189687)).toBeLessThan(0.02);
    expect(relative(se(intervals?.gammaGamma, 1), 0.290166)).toBeLessThan(0.02);
    expect(relative(se(intervals?.gammaGamma, 2), 4.159994)).toBeLessThan(0.02);
    for (const interval of [...(intervals?.bgnbd ?? []), ...(intervals?.gammaGamma ?? [])]) {
      expect(interval.lower).toBeLessThan(interval.estimate);
      expect(interval.upper).toBeGreaterThan(interval.estimate);
    }
  });

  it('the bootstrap reports progress for every resample and brackets the estimate', async () => {
    const { session } = await cdnowSession();
    const seen: number[] = [];
    const result = await session.bootstrapIntervals(8, (done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result?.resamples).toBe(8);
    const r = result?.intervals[0];
    expect(r?.lower).toBeLessThan(r?.upper ?? 0);
  }, 30_000);
});
