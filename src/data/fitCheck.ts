// Whether fitted models can be shown (issue 14, item 10). A fit without a
// finite optimum gives nonsense figures: a log-likelihood that is NaN (BG/NBD
// on a handful of rows) or grows without bound (Gamma-Gamma on too uniform
// spend: logLik +7e10 at p = 1e25), or a mean that is infinite or far off
// the data. Such fits, and spend the Gamma-Gamma model
// cannot describe, become one error with a message, never a result.
//
// Some boundary optima are proper limit models and stay: r, alpha -> infinity
// with r / alpha fixed (equal purchase rates), a -> 0 (no drop-out),
// a + b -> infinity (one drop-out probability, bgnbd.ts caps a + b),
// q, v -> infinity with v / q fixed (equal expected spend) and p -> infinity
// with p v fixed (no spread within a customer: her forecast spend is her own
// mean). Small files end there often, and their forecasts are finite.
import type { BgNbdParameters } from './bgnbd.ts';
import type { GammaGammaParameters } from './gammaGamma.ts';
import { importError, type ImportError } from './problems.ts';

/**
 * Beyond e^±12 (about 1.6e5 and 6e-6) of the data's own figure the model's
 * mean purchase rate (r / alpha) or mean spend (p v / (q - 1)) counts as
 * run off, the bound at which the fitters try their fallback starts; relative
 * to the data, so weeks or days, euros or yen are judged alike.
 */
export const MAX_LOG_PARAMETER = 12;

/**
 * A Gamma-Gamma fit that has collapsed onto its data: the mean log density of
 * ln(mean spend) per repeat buyer above this (the model then claims each
 * buyer's mean spend to 1 part in e^10 = 22,000). Scale-free; a settled fit
 * is near -1 (CDNOW: -0.8).
 */
export const MAX_MEAN_LOG_DENSITY = 10;

/** The data's own units: repeat purchases per time unit, and spend per repeat purchase. */
export interface FitScales {
  meanRate: number;
  meanSpend: number;
  /** Mean of ln(mean spend) over repeat buyers with positive spend (turns the spend density into one of ln spend). */
  meanLogSpend: number;
}

export function fitScales(frequency: ArrayLike<number>, T: ArrayLike<number>, monetary: ArrayLike<number>): FitScales {
  let purchases = 0;
  let time = 0;
  let spend = 0;
  let spendPurchases = 0;
  let logSpend = 0;
  let spenders = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    const m = monetary[i] as number;
    time += T[i] as number;
    purchases += x;
    if (x > 0 && m > 0) {
      spend += x * m;
      spendPurchases += x;
      logSpend += Math.log(m);
      spenders++;
    }
  }
  return {
    meanRate: time > 0 && purchases > 0 ? purchases / time : 1,
    meanSpend: spendPurchases > 0 ? spend / spendPurchases : 1,
    meanLogSpend: spenders > 0 ? logSpend / spenders : 0,
  };
}

const shown = (value: number): string => String(Number(value.toPrecision(4)));

/** False for a value that is not a positive finite number within e^±MAX_LOG_PARAMETER of `reference`. */
function withinBound(value: number, reference = 1): boolean {
  return Number.isFinite(value) && value > 0 && Math.abs(Math.log(value / reference)) <= MAX_LOG_PARAMETER;
}

const positiveFinite = (value: number): boolean => Number.isFinite(value) && value > 0;

export function fitProblem(
  bgnbd: BgNbdParameters & { logLik: number },
  gammaGamma: GammaGammaParameters & { logLik: number; customers: number; excluded: number },
  scales: FitScales,
): ImportError | null {
  // A data problem first: it names what to change in the file.
  if (gammaGamma.customers === 0) {
    return importError(
      'noPositiveSpend',
      `The spend model (Gamma-Gamma) needs repeat purchases of positive value: all ${gammaGamma.excluded} repeat buyers spent zero or less per repeat purchase.`,
    );
  }
  const { r, alpha, a, b } = bgnbd;
  const bgnbdSettled = Number.isFinite(bgnbd.logLik) && [r, alpha, a, b].every(positiveFinite) && withinBound(r / alpha, scales.meanRate);
  if (!bgnbdSettled) {
    return importError(
      'bgnbdFailed',
      `The purchase model (BG/NBD) did not settle at finite values (r = ${shown(r)}, alpha = ${shown(alpha)}, a = ${shown(a)}, b = ${shown(b)}, ` +
        `log-likelihood ${shown(bgnbd.logLik)}): the data are too few or too uniform to estimate it. Load more customers or a longer period.`,
    );
  }
  const { p, q, v } = gammaGamma;
  const values = `p = ${shown(p)}, q = ${shown(q)}, v = ${shown(v)}, log-likelihood ${shown(gammaGamma.logLik)}`;
  const meanLogDensity = gammaGamma.logLik / gammaGamma.customers + scales.meanLogSpend;
  if (!Number.isFinite(gammaGamma.logLik) || ![p, q, v].every(positiveFinite) || meanLogDensity > MAX_MEAN_LOG_DENSITY) {
    return importError(
      'gammaGammaFailed',
      `The spend model (Gamma-Gamma) did not settle at finite values (${values}): the mean spend per purchase is nearly the same for every ` +
        'repeat buyer (e.g. fixed prices) or there are too few repeat buyers to estimate it.',
    );
  }
  if (!(q > 1) || !withinBound((p * v) / (q - 1), scales.meanSpend)) {
    return importError(
      'gammaGammaFailed',
      `The spend model (Gamma-Gamma) implies no finite mean spend near the data's (${values}; q = ${shown(q)}${q > 1 ? '' : ' <= 1'}): a few very large purchases dominate; check the amounts for outliers.`,
    );
  }
  return null;
}
