// The band of the portfolio forecast (issue 16, item 6): parameter draws from
// the Hessian's normal approximation, through the session as the Daten tab
// asks for it, on the CDNOW sample (shared/data, 2,357 customers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil } from '../../src/data/dates.ts';
import { analyzeBytes } from '../../src/data/analysis.ts';
import { CLV_DEFAULTS } from '../../src/data/clv.ts';
import { forecastCustomers } from '../../src/data/forecast.ts';
import { drawParameters, groupCustomers, portfolioTotals } from '../../src/data/forecastBand.ts';
import { sharedBytes, sharedText } from './fixtures.ts';
import { cdnowSession } from './cdnowSession.ts';

/** The CDNOW session, with only the customers `keep` accepts. */
function cdnowSubset(keep: (customer: number) => boolean = () => true) {
  const lines = sharedText('cdnow_sample_transactions.csv').trim().split('\n');
  const text = [lines[0], ...lines.slice(1).filter((line) => keep(Number(line.split(',')[0])))].join('\n') + '\n';
  return cdnowSession(new TextEncoder().encode(text));
}

const width = (q: { lower: number; upper: number }, point: number): number => (q.upper - q.lower) / point;

describe('forecastBand on CDNOW', () => {
  it('brackets the point forecast of purchases and CLV, and is the same on a second ask (seeded)', async () => {
    const { session, result } = await cdnowSubset();
    const band = await session.forecastBand(result.forecast.options);
    const { totalExpectedPurchases: purchases, totalClv: clv } = result.forecast;
    expect(band?.draws).toBe(200);
    expect(band?.purchases.lower).toBeLessThan(purchases);
    expect(band?.purchases.upper).toBeGreaterThan(purchases);
    expect(band?.clv.lower).toBeLessThan(clv);
    expect(band?.clv.upper).toBeGreaterThan(clv);
    // The median of the draws sits near the point forecast: the log-normal draws are nearly symmetric at this N.
    expect(Math.abs((band?.purchases.median ?? 0) / purchases - 1)).toBeLessThan(0.02);
    expect(await session.forecastBand(result.forecast.options)).toEqual(band);
  }, 60_000);

  it('narrows on the full data against a half sample (odd customer ids): about 1/sqrt(2) as wide', async () => {
    const full = await cdnowSubset();
    const half = await cdnowSubset((id) => id % 2 === 1);
    const fullBand = await full.session.forecastBand(full.result.forecast.options);
    const halfBand = await half.session.forecastBand(half.result.forecast.options);
    if (fullBand === null || halfBand === null) throw new Error('no band');
    const ratioPurchases = width(fullBand.purchases, full.result.forecast.totalExpectedPurchases) / width(halfBand.purchases, half.result.forecast.totalExpectedPurchases);
    const ratioClv = width(fullBand.clv, full.result.forecast.totalClv) / width(halfBand.clv, half.result.forecast.totalClv);
    // Standard errors fall with 1/sqrt(N): 0.71; the draws' noise and the half's own fit leave room around it.
    expect(ratioPurchases).toBeGreaterThan(0.5);
    expect(ratioPurchases).toBeLessThan(0.9);
    expect(ratioClv).toBeGreaterThan(0.5);
    expect(ratioClv).toBeLessThan(0.9);
  }, 120_000);
});

describe('portfolioTotals', () => {
  it('is the sum of the per-customer forecasts (forecast.ts) at the fitted parameters, grouped or not', async () => {
    const outcome = await analyzeBytes(sharedBytes('cdnow_sample_transactions.csv'), { calibrationEnd: dayFromCivil(1997, 9, 30) });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { bgnbd, gammaGamma, calibration } = outcome.analysis;
    const options = { ...CLV_DEFAULTS, marginRate: 0.3, horizon: 2 * CLV_DEFAULTS.periodsPerYear };
    const each = forecastCustomers(bgnbd, gammaGamma, calibration, options.horizon, options);
    const groups = groupCustomers(calibration);
    expect(groups.x.length).toBeLessThan(calibration.frequency.length);
    const totals = portfolioTotals(bgnbd, gammaGamma, calibration, groups, options.horizon, options);
    const sum = (values: Float64Array) => values.reduce((s, v) => s + v, 0);
    expect(totals.purchases / sum(each.expectedPurchases)).toBeCloseTo(1, 10);
    expect(totals.clv / sum(each.clv)).toBeCloseTo(1, 10);
  });
});

describe('drawParameters', () => {
  it('reproduces the log covariance it draws from (2,000 draws, to sampling error)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.5, noNaN: true }), fc.double({ min: 0.05, max: 0.5, noNaN: true }), fc.double({ min: -0.8, max: 0.8, noNaN: true }), (s1, s2, rho) => {
        const covariance = [
          [s1 * s1, rho * s1 * s2],
          [rho * s1 * s2, s2 * s2],
        ];
        const draws = drawParameters({ values: [2, 5], logCovariance: covariance }, 2000, 7, 0);
        if (draws === null) return false;
        const logs = draws.map((d) => d.map(Math.log));
        const mean = [0, 1].map((j) => logs.reduce((s, d) => s + (d[j] as number), 0) / logs.length);
        const cov = (i: number, j: number) => logs.reduce((s, d) => s + ((d[i] as number) - (mean[i] as number)) * ((d[j] as number) - (mean[j] as number)), 0) / (logs.length - 1);
        expect(Math.abs((mean[0] as number) - Math.log(2))).toBeLessThan(5 * s1 / Math.sqrt(2000));
        expect(Math.abs(Math.sqrt(cov(0, 0)) / s1 - 1)).toBeLessThan(0.1);
        expect(Math.abs(Math.sqrt(cov(1, 1)) / s2 - 1)).toBeLessThan(0.1);
        expect(Math.abs(cov(0, 1) / Math.sqrt(cov(0, 0) * cov(1, 1)) - rho)).toBeLessThan(0.1);
        return true;
      }),
      { numRuns: 20 },
    );
  });

  it('gives no draws for a covariance that is not positive definite', () => {
    expect(drawParameters({ values: [1, 1], logCovariance: [[1, 2], [2, 1]] }, 3, 1, 0)).toBeNull();
  });
});
