// What the Daten tab's model views ask of a loaded data set (issue 16):
// the tracking chart, the comparison of BG/NBD, MBG/NBD and Pareto/NBD, one
// customer's view, the forecast matrices and the parameter intervals. Pure
// functions of an Analysis (analysis.ts); the derived data (compressed
// likelihood data, purchase-day lists, further fits) is cached per analysis,
// so a view opened twice costs nothing and a new split starts afresh.
import type { Analysis } from './analysis.ts';
import { bootstrapModel, type BootstrapResult } from './bootstrap.ts';
import { prepareBgNbd, type BgNbdData } from './bgnbd.ts';
import { aliveHistory, customerPurchaseDistribution, forecastMatrix, type AlivePoint, type ForecastMatrix } from './customerView.ts';
import { prepareGammaGamma } from './gammaGamma.ts';
import type { HoldoutGroup } from './holdout.ts';
import type { ClvOptions } from './clv.ts';
import { forecastBand, type ForecastBand } from './forecastBand.ts';
import { gammaGammaHessian, hessianIntervals, type ParameterInterval } from './intervals.ts';
import { holdoutGroupsOf, recommendModel, scoreModels, type ModelScore, type Recommendation } from './modelComparison.ts';
import { fitModel, forecasterOf, MODEL_NAMES, type FittedModel, type ModelName } from './models.ts';
import { daysOf, purchaseDaysOf, type PurchaseDays } from './purchaseDays.ts';
import { DAYS_PER_UNIT } from './summary.ts';
import { trackingOf, type Tracking } from './tracking.ts';

interface ModelCache {
  data: BgNbdData;
  lists: PurchaseDays | null;
  fits: Map<ModelName, FittedModel>;
  comparison: ModelComparison | null;
}

const caches = new WeakMap<Analysis, ModelCache>();

function cacheOf(analysis: Analysis): ModelCache {
  let cache = caches.get(analysis);
  if (cache === undefined) {
    const b = analysis.bgnbd;
    // The app's own BG/NBD fit is the comparison's BG/NBD: no second fit, and the figures agree with the rest of the tab.
    const bgnbd: FittedModel = { name: 'bgnbd', values: [b.r, b.alpha, b.a, b.b], logLik: b.logLik, customers: b.customers, converged: b.converged };
    cache = { data: prepareBgNbd(analysis.calibration), lists: null, fits: new Map([['bgnbd', bgnbd]]), comparison: null };
    caches.set(analysis, cache);
  }
  return cache;
}

function listsOf(analysis: Analysis): PurchaseDays {
  const cache = cacheOf(analysis);
  cache.lists ??= purchaseDaysOf(analysis.imported.table, analysis.summary.observationEnd);
  return cache.lists;
}

export function fittedModel(analysis: Analysis, name: ModelName): FittedModel {
  const cache = cacheOf(analysis);
  let model = cache.fits.get(name);
  if (model === undefined) {
    model = fitModel(name, cache.data);
    cache.fits.set(name, model);
  }
  return model;
}

export function trackingFor(analysis: Analysis, name: ModelName = 'bgnbd'): Tracking {
  const { summary, calibration } = analysis;
  const forecaster = forecasterOf(fittedModel(analysis, name));
  return trackingOf(
    {
      lists: listsOf(analysis),
      index: calibration.index,
      calibrationEnd: summary.calibrationEnd,
      observationEnd: summary.observationEnd,
      daysPerUnit: DAYS_PER_UNIT[summary.unit],
    },
    (t) => forecaster.newCustomerPurchases(t),
  );
}

export interface ModelComparison {
  models: FittedModel[];
  scores: ModelScore[];
  recommendation: Recommendation | null;
  /** Holdout length in the time unit; 0 without holdout (then no groups). */
  holdoutLength: number;
  /** The holdout check by calibration frequency for each model (same actual means in each). */
  groups: { name: ModelName; groups: HoldoutGroup[] }[];
}

export function compareModels(analysis: Analysis): ModelComparison {
  const cache = cacheOf(analysis);
  if (cache.comparison !== null) return cache.comparison;
  const models = MODEL_NAMES.map((name) => fittedModel(analysis, name));
  const holdoutLength = analysis.summary.holdoutLength;
  const scores = scoreModels(models, analysis.calibration, holdoutLength);
  const groups = holdoutLength > 0 ? models.map((model) => ({ name: model.name, groups: holdoutGroupsOf(forecasterOf(model), analysis.calibration, holdoutLength) })) : [];
  cache.comparison = { models, scores, recommendation: recommendModel(scores), holdoutLength, groups };
  return cache.comparison;
}

/** Which history a customer view speaks of: all purchases to the end of the data, or the calibration period only. */
export type HistoryEnd = 'dataEnd' | 'calibrationEnd';

export interface CustomerDetail {
  id: string;
  model: ModelName;
  /** Repeat purchases, age of the last one and age at the moment, in the time unit. */
  frequency: number;
  recency: number;
  T: number;
  /** First purchase and the moment (days since 1970-01-01). */
  firstDay: number;
  asOfDay: number;
  /** Forecast period t of the distribution, in the time unit. */
  period: number;
  /** P(Y(t) = 0 ... 9) and P(Y(t) >= 10). */
  distribution: number[];
  alive: number;
  expected: number;
  /** P(alive) along her history, ages in the time unit. */
  path: AlivePoint[];
  /** Ages of her repeat purchases in the time unit. */
  repeats: number[];
}

export function customerDetailOf(analysis: Analysis, id: string, end: HistoryEnd, period: number, name: ModelName = 'bgnbd'): CustomerDetail | null {
  const { summary } = analysis;
  const c = summary.ids.indexOf(id);
  if (c < 0 || summary.inCalibration[c] !== 1) return null;
  const perUnit = DAYS_PER_UNIT[summary.unit];
  const asOfDay = end === 'dataEnd' ? summary.observationEnd : summary.calibrationEnd;
  const days = Array.from(daysOf(listsOf(analysis), c)).filter((day) => day <= asOfDay);
  const firstDay = days[0] ?? (summary.firstDay[c] as number);
  const repeats = days.slice(1).map((day) => (day - firstDay) / perUnit);
  const T = (asOfDay - firstDay) / perUnit;
  const x = repeats.length;
  const tx = repeats[x - 1] ?? 0;
  const forecaster = forecasterOf(fittedModel(analysis, name));
  return {
    id,
    model: name,
    frequency: x,
    recency: tx,
    T,
    firstDay,
    asOfDay,
    period,
    distribution: customerPurchaseDistribution(forecaster, period, x, tx, T),
    alive: forecaster.probabilityAlive(x, tx, T),
    expected: forecaster.expectedPurchases(period, x, tx, T),
    path: aliveHistory(forecaster, repeats, T),
    repeats,
  };
}

/** Rows (frequency 0 ... this) and columns (recency from 0 to T) of the forecast matrices. */
export const MATRIX_MAX_FREQUENCY = 12;
export const MATRIX_COLUMNS = 9;

/** P(alive) and E[Y(t)] by frequency and recency, at the age of the oldest calibration customer (where every recency can occur). */
export function forecastMatricesOf(analysis: Analysis, period: number, name: ModelName = 'bgnbd'): ForecastMatrix {
  const T = analysis.calibration.T.reduce((m, v) => Math.max(m, v), 0);
  return forecastMatrix(forecasterOf(fittedModel(analysis, name)), T, MATRIX_MAX_FREQUENCY, MATRIX_COLUMNS, period);
}

export interface ParameterIntervals {
  /** BG/NBD r, alpha, a, b; null when its information matrix is not positive definite. */
  bgnbd: ParameterInterval[] | null;
  /** Gamma-Gamma p, q, v; null likewise. */
  gammaGamma: ParameterInterval[] | null;
}

/** Wald intervals on the log scale from the Hessian of the Gamma-Gamma log-likelihood (intervals.ts). */
export function gammaGammaIntervals(analysis: Analysis): ParameterInterval[] | null {
  return gammaGammaHessian(analysis.gammaGamma, prepareGammaGamma(analysis.calibration.frequency, analysis.calibration.monetary))?.intervals ?? null;
}

export function parameterIntervalsOf(analysis: Analysis): ParameterIntervals {
  return { bgnbd: hessianIntervals(fittedModel(analysis, 'bgnbd'), cacheOf(analysis).data)?.intervals ?? null, gammaGamma: gammaGammaIntervals(analysis) };
}

/** Seed of the bootstrap, fixed so that the same data gives the same intervals. */
export const BOOTSTRAP_SEED = 20_160;

export function bootstrapOf(analysis: Analysis, resamples: number, onProgress?: (done: number, total: number) => void, name: ModelName = 'bgnbd'): BootstrapResult {
  return bootstrapModel(fittedModel(analysis, name), cacheOf(analysis).data, resamples, BOOTSTRAP_SEED, onProgress);
}

/** Parameter draws behind the portfolio band: enough for stable 2.5 % and 97.5 % quantiles (5 draws beyond each). */
export const BAND_DRAWS = 200;

/** Seed of the band's parameter draws, fixed so that the same data and settings give the same band. */
export const BAND_SEED = 20_161;

/** 95 % band of the portfolio's expected purchases and CLV from parameter uncertainty (forecastBand.ts); null without a positive definite information matrix. */
export function forecastBandOf(analysis: Analysis, clvOptions: ClvOptions, draws: number = BAND_DRAWS): ForecastBand | null {
  const bg = hessianIntervals(fittedModel(analysis, 'bgnbd'), cacheOf(analysis).data);
  const { p, q, v } = analysis.gammaGamma;
  const gg = gammaGammaHessian(analysis.gammaGamma, prepareGammaGamma(analysis.calibration.frequency, analysis.calibration.monetary));
  if (bg === null || gg === null) return null;
  const bgFit = { values: bg.intervals.map((i) => i.estimate), logCovariance: bg.logCovariance };
  return forecastBand(bgFit, { values: [p, q, v], logCovariance: gg.logCovariance }, analysis.calibration, clvOptions.horizon, clvOptions, draws, BAND_SEED);
}
