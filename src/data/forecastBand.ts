// A band for the portfolio forecast (issue 16, item 6): the 2.5, 50 and
// 97.5 % quantiles of the portfolio's expected repeat purchases in the
// forecast period and of its total CLV when the model parameters are drawn
// from their sampling distribution. The draws come from the normal
// approximation of the log-parameters (intervals.ts: covariance from the
// Hessian), BG/NBD and Gamma-Gamma apart, as they are fitted apart. Not the
// bootstrap: it refits only the BG/NBD (no spend), costs a refit per draw, and
// on CDNOW agrees with the Hessian intervals. The band says how far the
// figures move because the parameters are estimated; the customers' own
// randomness (who buys how often) is not in it, and it is what makes one
// customer's figure uncertain, not the portfolio's total.
import { conditionalExpectedPurchases, type BgNbdParameters } from './bgnbd.ts';
import { discountedYearsAlive } from './aliveTime.ts';
import { discountedPurchases, type ClvOptions } from './clv.ts';
import { quantile } from './bootstrap.ts';
import { conditionalExpectedAverageProfit, type GammaGammaParameters } from './gammaGamma.ts';
import { cholesky } from './intervals.ts';
import type { CalibrationData } from './summary.ts';
import { customerHash, normalOf } from '../engine/random.ts';

export interface BandQuantiles {
  lower: number;
  median: number;
  upper: number;
}

export interface ForecastBand {
  /** Parameter draws the quantiles rest on (draws with a non-finite figure are dropped). */
  draws: number;
  purchases: BandQuantiles;
  clv: BandQuantiles;
}

/** A fitted parameter vector and the covariance of its logarithms. */
export interface LogNormalFit {
  values: readonly number[];
  logCovariance: readonly (readonly number[])[];
}

/**
 * Parameter vectors exp(ln value + L z), z standard normal from the seeded
 * generator (draw d uses index d; `offset` keeps two models' draws apart);
 * null when the covariance is not positive definite.
 */
export function drawParameters(fit: LogNormalFit, draws: number, seed: number, offset: number): number[][] | null {
  const lower = cholesky(fit.logCovariance);
  if (lower === null) return null;
  const n = fit.values.length;
  const out: number[][] = [];
  for (let d = 0; d < draws; d++) {
    const hash = customerHash(seed, d);
    const z = Array.from({ length: n }, (_, j) => normalOf(hash, offset + j));
    out.push(
      fit.values.map((value, i) => {
        let shift = 0;
        for (let j = 0; j <= i; j++) shift += ((lower[i] as number[])[j] as number) * (z[j] as number);
        return value * Math.exp(shift);
      }),
    );
  }
  return out;
}

/** Calibration customers grouped by (x, t_x, T): the BG/NBD figures are the same within a group, only spend differs. */
export interface CustomerGroups {
  x: number[];
  tx: number[];
  T: number[];
  /** Group of each calibration customer. */
  of: Uint32Array;
}

export function groupCustomers(data: CalibrationData): CustomerGroups {
  const groups: CustomerGroups = { x: [], tx: [], T: [], of: new Uint32Array(data.frequency.length) };
  const index = new Map<string, number>();
  for (let i = 0; i < data.frequency.length; i++) {
    const x = data.frequency[i] as number;
    const tx = data.recency[i] as number;
    const T = data.T[i] as number;
    const key = `${x},${tx},${T}`;
    let g = index.get(key);
    if (g === undefined) {
      g = groups.x.length;
      index.set(key, g);
      groups.x.push(x);
      groups.tx.push(tx);
      groups.T.push(T);
    }
    groups.of[i] = g;
  }
  return groups;
}

/**
 * Total expected purchases in `period` and total CLV of the calibration
 * customers under one parameter set: the sums of forecast.ts's per-customer
 * figures, with the BG/NBD evaluated once per group (CDNOW: 2,357 customers,
 * far fewer groups, as most never bought again).
 */
export function portfolioTotals(
  bgnbd: BgNbdParameters,
  gammaGamma: GammaGammaParameters,
  data: CalibrationData,
  groups: CustomerGroups,
  period: number,
  clvOptions: ClvOptions,
): { purchases: number; clv: number } {
  const count = new Float64Array(groups.x.length);
  const spend = new Float64Array(groups.x.length);
  for (let i = 0; i < data.frequency.length; i++) {
    const g = groups.of[i] as number;
    count[g] = (count[g] as number) + 1;
    spend[g] = (spend[g] as number) + conditionalExpectedAverageProfit(gammaGamma, data.frequency[i] as number, data.monetary[i] as number);
  }
  let purchases = 0;
  let clv = 0;
  /** Expected discounted years alive of all customers: what the cost to serve is paid for. */
  let yearsAlive = 0;
  for (let g = 0; g < groups.x.length; g++) {
    const x = groups.x[g] as number;
    const tx = groups.tx[g] as number;
    const T = groups.T[g] as number;
    purchases += (count[g] as number) * conditionalExpectedPurchases(bgnbd, period, x, tx, T);
    clv += (spend[g] as number) * discountedPurchases(bgnbd, x, tx, T, clvOptions);
    if (clvOptions.serviceCost > 0) yearsAlive += (count[g] as number) * discountedYearsAlive(bgnbd, x, tx, T, clvOptions);
  }
  return { purchases, clv: clvOptions.horizon > 0 ? clvOptions.marginRate * clv - clvOptions.serviceCost * yearsAlive : 0 };
}

function quantilesOf(values: number[]): BandQuantiles {
  const sorted = values.sort((p, q) => p - q);
  return { lower: quantile(sorted, 0.025), median: quantile(sorted, 0.5), upper: quantile(sorted, 0.975) };
}

/** The band from `draws` parameter sets; null when either model's covariance is not positive definite. */
export function forecastBand(
  bgnbd: LogNormalFit,
  gammaGamma: LogNormalFit,
  data: CalibrationData,
  period: number,
  clvOptions: ClvOptions,
  draws: number,
  seed: number,
): ForecastBand | null {
  const bgDraws = drawParameters(bgnbd, draws, seed, 0);
  const ggDraws = drawParameters(gammaGamma, draws, seed, bgnbd.values.length);
  if (bgDraws === null || ggDraws === null) return null;
  const groups = groupCustomers(data);
  const purchases: number[] = [];
  const clv: number[] = [];
  for (let d = 0; d < draws; d++) {
    const bg = bgDraws[d] as number[];
    const gg = ggDraws[d] as number[];
    const totals = portfolioTotals(
      { r: bg[0] as number, alpha: bg[1] as number, a: bg[2] as number, b: bg[3] as number },
      { p: gg[0] as number, q: gg[1] as number, v: gg[2] as number },
      data,
      groups,
      period,
      clvOptions,
    );
    if (!Number.isFinite(totals.purchases) || !Number.isFinite(totals.clv)) continue;
    purchases.push(totals.purchases);
    clv.push(totals.clv);
  }
  return { draws: purchases.length, purchases: quantilesOf(purchases), clv: quantilesOf(clv) };
}
