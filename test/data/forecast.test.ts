import { describe, expect, it } from 'vitest';
import { fitBgNbd, probabilityAlive } from '../../src/data/bgnbd.ts';
import { CLV_DEFAULTS } from '../../src/data/clv.ts';
import { forecastCustomers } from '../../src/data/forecast.ts';
import { fitGammaGamma, prepareGammaGamma } from '../../src/data/gammaGamma.ts';
import { calibrationSummary } from './fixtures.ts';

describe('forecastCustomers(bgnbd, gammaGamma, data, period, clv)', () => {
  it('gives finite forecasts for all 2,357 CDNOW customers, aligned with the input', () => {
    const cdnow = calibrationSummary();
    const data = { ...cdnow, index: Uint32Array.from(cdnow.frequency, (_, i) => i), holdoutFrequency: cdnow.holdout };
    const bgnbd = fitBgNbd(data);
    const gammaGamma = fitGammaGamma(prepareGammaGamma(data.frequency, data.monetary));
    const forecasts = forecastCustomers(bgnbd, gammaGamma, data, 39, CLV_DEFAULTS);
    for (const values of [forecasts.expectedPurchases, forecasts.probabilityAlive, forecasts.expectedSpend, forecasts.clv]) {
      expect(values.length).toBe(2357);
      expect(values.every(Number.isFinite)).toBe(true);
    }
    expect(forecasts.probabilityAlive[0]).toBe(probabilityAlive(bgnbd, 2, 30.43, 38.86));
    // Predicted 39-week purchases of the whole cohort come close to the 1,882 actual (FHL 2005: 1,940 vs 1,882 on 78 weeks' cumulative).
    const total = forecasts.expectedPurchases.reduce((sum, e) => sum + e, 0);
    expect(total).toBeGreaterThan(1500);
    expect(total).toBeLessThan(2000);
  });
});
