// Forecasts for every calibration customer (issue 7, scope 4): expected
// purchases in the next period, P(alive), expected spend per purchase and
// CLV, as typed arrays aligned with CalibrationData (summary.ts).
import { discountedYearsAlive } from './aliveTime.ts';
import { conditionalExpectedPurchases, probabilityAlive, type BgNbdParameters } from './bgnbd.ts';
import { customerLifetimeValue, type ClvOptions } from './clv.ts';
import { conditionalExpectedAverageProfit, type GammaGammaParameters } from './gammaGamma.ts';
import type { CalibrationData } from './summary.ts';

export interface CustomerForecasts {
  /** E[Y(t) | x, t_x, T] for t = `period`. */
  expectedPurchases: Float64Array;
  probabilityAlive: Float64Array;
  expectedSpend: Float64Array;
  /** CLV net of the cost to serve (clv.ts). */
  clv: Float64Array;
  /** Expected discounted years alive over the horizon (aliveTime.ts); null without a cost to serve, which is the only thing that needs them. */
  yearsAlive: Float64Array | null;
  period: number;
}

export function forecastCustomers(
  bgnbd: BgNbdParameters,
  gammaGamma: GammaGammaParameters,
  data: CalibrationData,
  period: number,
  clvOptions: ClvOptions,
): CustomerForecasts {
  const n = data.frequency.length;
  const forecasts: CustomerForecasts = {
    expectedPurchases: new Float64Array(n),
    probabilityAlive: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    clv: new Float64Array(n),
    yearsAlive: clvOptions.serviceCost > 0 ? new Float64Array(n) : null,
    period,
  };
  // The revenue part once, the cost part from the same D that is kept.
  const revenueOptions = { ...clvOptions, serviceCost: 0 };
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i] as number;
    const tx = data.recency[i] as number;
    const T = data.T[i] as number;
    const mbar = data.monetary[i] as number;
    forecasts.expectedPurchases[i] = conditionalExpectedPurchases(bgnbd, period, x, tx, T);
    forecasts.probabilityAlive[i] = probabilityAlive(bgnbd, x, tx, T);
    forecasts.expectedSpend[i] = conditionalExpectedAverageProfit(gammaGamma, x, mbar);
    const value = customerLifetimeValue(bgnbd, gammaGamma, { x, tx, T, mbar }, revenueOptions);
    if (forecasts.yearsAlive === null) {
      forecasts.clv[i] = value;
    } else {
      const years = discountedYearsAlive(bgnbd, x, tx, T, clvOptions);
      forecasts.yearsAlive[i] = years;
      forecasts.clv[i] = value - clvOptions.serviceCost * years;
    }
  }
  return forecasts;
}
