// Model choice on one data set (issue 16, item 2): log-likelihood, AIC and
// BIC on the calibration period, and the holdout error of each model's
// conditional forecast E[Y(t*) | x, t_x, T] (t* = holdout length) against the
// purchases each customer actually made in the holdout period:
//   MAE per customer = mean_i |actual_i - predicted_i|
//   total error      = |sum_i actual_i - sum_i predicted_i|, also as a share of sum_i actual_i.
// AIC = 2k - 2 ln L, BIC = k ln N - 2 ln L (k = 4 parameters for each model,
// N = customers in the likelihood).
import type { HoldoutGroup, HoldoutInput } from './holdout.ts';
import { holdoutGroups, HOLDOUT_TOP_GROUP } from './holdout.ts';
import { forecasterOf, PARAMETER_NAMES, type FittedModel, type Forecaster, type ModelName } from './models.ts';

export interface HoldoutError {
  maePerCustomer: number;
  totalActual: number;
  totalPredicted: number;
  totalError: number;
  /** totalError / totalActual; null when nobody bought in the holdout. */
  totalErrorShare: number | null;
}

export interface ModelScore {
  name: ModelName;
  logLik: number;
  parameters: number;
  aic: number;
  bic: number;
  holdout: HoldoutError | null;
}

export function informationCriteria(model: FittedModel): { parameters: number; aic: number; bic: number } {
  const k = PARAMETER_NAMES[model.name].length;
  return { parameters: k, aic: 2 * k - 2 * model.logLik, bic: k * Math.log(Math.max(model.customers, 1)) - 2 * model.logLik };
}

export function holdoutError(forecaster: Forecaster, data: HoldoutInput, holdoutLength: number): HoldoutError {
  let absolute = 0;
  let actual = 0;
  let predicted = 0;
  const n = data.frequency.length;
  for (let i = 0; i < n; i++) {
    const y = data.holdoutFrequency[i] as number;
    const e = forecaster.expectedPurchases(holdoutLength, data.frequency[i] as number, data.recency[i] as number, data.T[i] as number);
    absolute += Math.abs(y - e);
    actual += y;
    predicted += e;
  }
  const totalError = Math.abs(actual - predicted);
  return { maePerCustomer: n > 0 ? absolute / n : 0, totalActual: actual, totalPredicted: predicted, totalError, totalErrorShare: actual > 0 ? totalError / actual : null };
}

/** The holdout check of holdout.ts (groups x = 0 ... 7+) for any model. */
export function holdoutGroupsOf(forecaster: Forecaster, data: HoldoutInput, holdoutLength: number, topGroup: number = HOLDOUT_TOP_GROUP): HoldoutGroup[] {
  return holdoutGroups((t, x, tx, T) => forecaster.expectedPurchases(t, x, tx, T), data, holdoutLength, topGroup);
}

export function scoreModels(models: readonly FittedModel[], data: HoldoutInput, holdoutLength: number): ModelScore[] {
  return models.map((model) => ({
    name: model.name,
    logLik: model.logLik,
    ...informationCriteria(model),
    holdout: holdoutLength > 0 ? holdoutError(forecasterOf(model), data, holdoutLength) : null,
  }));
}

/**
 * Holdout errors within this share of each other count as a tie, decided by
 * BIC: a 1 % better MAE on one holdout period is noise, not evidence.
 */
export const HOLDOUT_TIE_SHARE = 0.01;

export interface Recommendation {
  name: ModelName;
  /** 'holdout': lowest MAE per customer; 'bic': lowest BIC (no holdout, or a holdout tie). */
  basis: 'holdout' | 'bic';
  /** The runner-up on that basis, null with a single model. */
  runnerUp: ModelName | null;
  /** holdout: the runner-up's MAE above the winner's, as a share; bic: the runner-up's BIC minus the winner's. */
  margin: number | null;
}

export function recommendModel(scores: readonly ModelScore[]): Recommendation | null {
  const usable = scores.filter((s) => Number.isFinite(s.bic));
  if (usable.length === 0) return null;
  const byBic = [...usable].sort((p, q) => p.bic - q.bic);
  const withHoldout = usable.filter((s) => s.holdout !== null);
  if (withHoldout.length === usable.length) {
    const byMae = [...withHoldout].sort((p, q) => (p.holdout?.maePerCustomer ?? 0) - (q.holdout?.maePerCustomer ?? 0));
    const best = byMae[0] as ModelScore;
    const second = byMae[1];
    const bestMae = best.holdout?.maePerCustomer ?? 0;
    const share = second === undefined || !(bestMae > 0) ? null : (second.holdout?.maePerCustomer ?? 0) / bestMae - 1;
    if (share === null || share > HOLDOUT_TIE_SHARE) {
      return { name: best.name, basis: 'holdout', runnerUp: second?.name ?? null, margin: share };
    }
    // A tie on the holdout: the tied models by BIC.
    const tied = byBic.filter((s) => (s.holdout?.maePerCustomer ?? 0) <= bestMae * (1 + HOLDOUT_TIE_SHARE));
    const winner = tied[0] as ModelScore;
    const runner = tied[1] as ModelScore;
    return { name: winner.name, basis: 'bic', runnerUp: runner.name, margin: runner.bic - winner.bic };
  }
  const winner = byBic[0] as ModelScore;
  const runner = byBic[1];
  return { name: winner.name, basis: 'bic', runnerUp: runner?.name ?? null, margin: runner === undefined ? null : runner.bic - winner.bic };
}
