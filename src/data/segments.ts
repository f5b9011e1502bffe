// The imported customers as the scoring engine's per-customer arrays
// (engine/scoring/segments.ts `SegmentCustomers`, issue 8: "works on both the
// simulated portfolio and imported data"), so ABC, RFM, RFMR, soft factors,
// portfolio matrix, service levels, leads and the A/C profile run unchanged
// on a file from the Daten tab. Pure: no DOM, no worker.
//
// Every mapping, per customer i (Y = years the data covers, first purchase
// day to the analysis end; g = the forecast's contribution rate; the analysis
// end E = the summary's observation end, the last day of the data unless a
// later calibration end was chosen; "the window" = the last 24 months before
// E, days (E - 730.5, E]):
//
//   revenue_i           = observed revenue_i / Y                 (per year)
//   contribution_i      = margin column_i / Y when a margin (or cost) column
//                         is mapped (summary.ts: margin, else revenue - cost),
//                         else g * revenue_i (as the Daten tab's portfolio)
//   value_i             = the forecast CLV of clv.ts (0 for customers without
//                         a forecast or with a non-finite one), via the
//                         engine valuation of valuation.ts (realValuation), so
//                         segments, whale curve, drop and focus agree
//   margin_i, annuity_i, churn_i, annualCost_i, serviceCost_i, cost_i
//                       = that valuation (see valuation.ts): margin_i is
//                         g * revenue_i less the forecast's cost to serve
//                         per year (serviceCost_i, 0 without one), which
//                         keeps CLV_i = margin_i * annuity_i
//   recencyMonths_i     = (E - last purchase day_i) / (365.25 / 12): days since
//                         the last purchase at the analysis end, in months
//   purchases_i (RFM F) = distinct purchase days in the window (same-day rows
//                         merged, as summary.ts does), the simulated
//                         portfolio's "purchases in the last 24 months"; not
//                         the BG/NBD repeat frequency x (first purchase
//                         excluded), which would score a customer with one
//                         purchase like one with none
//   monetary_i (RFM M)  = revenue in the window (the engine's definition of M)
//   averageOrderValue_i = monetary_i / purchases_i, the mean spend per purchase
//                         day in the window (0 without a purchase there), the
//                         RFMR order-value bands
//   ordersPerYear_i     = all purchase days_i / Y   (the A/C profile)
//   orderValue_i        = observed revenue_i / all purchase days_i
//   returns_i           = the returns column summed over the window's rows,
//                         read as a count of returns per row; 0 without a
//                         returns column
//   catalogues_i, mailings_i = 0: a transaction file says nothing about
//                         advertising sent, so RFMR deducts nothing for it
//   soft                = optional per-customer soft-factor columns
//                         (`ImportedSoftColumns`), else defaultSoftTraits(n):
//                         3 points on every criterion, average referrals and
//                         payment; the importer maps no such columns yet, so
//                         the Segmente tab says that defaults are used
//   leads               = an own lead list when given (leads.ts), else the
//                         simulated one from `leadSeed`
//
// The service-level scenario (`importedServiceScenario`): discount rate and
// horizon of the forecast, no growth (the forecast has none); stickiness and
// the care response (budget, saturation, elasticities) are model assumptions
// taken from the simulator's sliders.
import type { LeadList } from '../engine/scoring/leads.ts';
import type { SegmentCustomers } from '../engine/scoring/segments.ts';
import type { ServiceScenario } from '../engine/scoring/serviceLevels.ts';
import { defaultSoftTraits, SOFT_CRITERIA, type SoftCriterion, type SoftTraits } from '../engine/scoring/softFactors.ts';
import type { Valuation } from '../engine/valuation.ts';
import type { Analysis } from './analysis.ts';
import type { CustomerForecasts } from './forecast.ts';
import type { CustomerSummary } from './summary.ts';
import type { TransactionTable } from './table.ts';
import { costByCustomer, engineHorizon, perSummaryCustomer, realValuation } from './valuation.ts';

export const WINDOW_MONTHS = 24;
export const DAYS_PER_MONTH = 365.25 / 12;
export const WINDOW_DAYS = WINDOW_MONTHS * DAYS_PER_MONTH;
/** Seed of the simulated lead list when a data set brings none. */
export const IMPORTED_LEAD_SEED = 1;

/** Optional per-customer soft-factor columns, aligned with the summary's customers; absent ones get defaults. */
export interface ImportedSoftColumns {
  /** Referral propensity (mean 1; negative = negative word of mouth). */
  referralFactor?: ArrayLike<number>;
  /** Lateness factor (mean 1): days late = daysLate * factor. */
  latenessFactor?: ArrayLike<number>;
  badDebtFactor?: ArrayLike<number>;
  /** Points 1-5 per criterion; other numbers are rounded and clamped to 1-5, non-numbers get 3. */
  points?: Partial<Record<SoftCriterion, ArrayLike<number>>>;
}

export interface ImportedSegmentInput {
  table: Pick<TransactionTable, 'rows' | 'customer' | 'day' | 'revenue' | 'returns'>;
  summary: Pick<CustomerSummary, 'customers' | 'observationEnd' | 'lastDay' | 'purchaseDays' | 'revenue' | 'margin'>;
  /** The engine valuation of the imported customers (valuation.ts realValuation), aligned with the summary. */
  valuation: Pick<Valuation, 'size' | 'revenue' | 'margin' | 'annualCost' | 'serviceCost' | 'churn' | 'annuity' | 'clv' | 'cost'>;
  /** Years the data covers (Y). */
  observedYears: number;
  soft?: ImportedSoftColumns | null;
  leads?: LeadList | null;
  leadSeed?: number;
}

/** A factor column or 1 (the neutral mean); non-finite entries become 1. */
function factorColumn(n: number, column: ArrayLike<number> | undefined): Float64Array {
  const out = new Float64Array(n).fill(1);
  if (column === undefined) return out;
  for (let i = 0; i < n && i < column.length; i++) {
    const v = column[i] as number;
    if (Number.isFinite(v)) out[i] = v;
  }
  return out;
}

/** Points 1-5 from a column: rounded and clamped; missing or non-numbers get the neutral 3. */
export function pointsColumn(n: number, column: ArrayLike<number> | undefined): Uint8Array {
  const out = new Uint8Array(n).fill(3);
  if (column === undefined) return out;
  for (let i = 0; i < n && i < column.length; i++) {
    const v = column[i] as number;
    if (Number.isFinite(v)) out[i] = Math.min(5, Math.max(1, Math.round(v)));
  }
  return out;
}

/** Soft traits from optional columns; without any column exactly `defaultSoftTraits(n)`. */
export function importedSoftTraits(n: number, columns: ImportedSoftColumns | null | undefined): SoftTraits {
  if (!columns) return defaultSoftTraits(n);
  const points = Object.fromEntries(SOFT_CRITERIA.map((c) => [c, pointsColumn(n, columns.points?.[c])])) as Record<SoftCriterion, Uint8Array>;
  return {
    size: n,
    referralFactor: factorColumn(n, columns.referralFactor),
    latenessFactor: factorColumn(n, columns.latenessFactor),
    badDebtFactor: factorColumn(n, columns.badDebtFactor),
    points,
  };
}

/** True when at least one soft-factor column is given (else the defaults apply). */
export function hasSoftColumns(columns: ImportedSoftColumns | null | undefined): boolean {
  if (!columns) return false;
  const points = columns.points ?? {};
  return (
    columns.referralFactor !== undefined ||
    columns.latenessFactor !== undefined ||
    columns.badDebtFactor !== undefined ||
    SOFT_CRITERIA.some((c) => points[c] !== undefined)
  );
}

/** The per-customer window figures from the rows: purchase days, revenue and returns in the last 24 months. */
export interface WindowFigures {
  purchases: Float64Array;
  monetary: Float64Array;
  returns: Float64Array;
}

export function windowFigures(table: ImportedSegmentInput['table'], customers: number, end: number): WindowFigures {
  const from = end - WINDOW_DAYS;
  const purchases = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  const returns = new Float64Array(customers);
  // Distinct days per customer without sorting: a set of (customer, day) keys.
  const seen = new Set<number>();
  for (let row = 0; row < table.rows; row++) {
    const d = table.day[row] as number;
    if (d > end || d <= from) continue;
    const c = table.customer[row] as number;
    if (c >= customers) continue;
    monetary[c] = (monetary[c] as number) + (table.revenue[row] as number);
    if (table.returns !== null) returns[c] = (returns[c] as number) + (table.returns[row] as number);
    // The window spans at most 731 whole days, so (customer, day in window) fits one number.
    const key = c * 1024 + Math.floor(d - from);
    if (!seen.has(key)) {
      seen.add(key);
      purchases[c] = (purchases[c] as number) + 1;
    }
  }
  return { purchases, monetary, returns };
}

export function importedSegmentCustomers(input: ImportedSegmentInput): SegmentCustomers {
  const { summary, valuation } = input;
  const n = summary.customers;
  if (valuation.size !== n || summary.revenue.length !== n) throw new RangeError('summary and valuation need one entry per customer');
  const years = input.observedYears > 0 ? input.observedYears : 1;
  const end = summary.observationEnd;
  const window = windowFigures(input.table, n, end);
  const contribution = new Float64Array(n);
  const recencyMonths = new Float64Array(n);
  const averageOrderValue = new Float64Array(n);
  const ordersPerYear = new Float64Array(n);
  const orderValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    contribution[i] = summary.margin === null ? (valuation.margin[i] as number) : (summary.margin[i] as number) / years;
    recencyMonths[i] = Math.max(0, end - (summary.lastDay[i] as number)) / DAYS_PER_MONTH;
    const purchases = window.purchases[i] as number;
    averageOrderValue[i] = purchases > 0 ? (window.monetary[i] as number) / purchases : 0;
    const days = summary.purchaseDays[i] as number;
    ordersPerYear[i] = days / years;
    orderValue[i] = days > 0 ? (summary.revenue[i] as number) / days : 0;
  }
  return {
    size: n,
    revenue: valuation.revenue,
    contribution,
    margin: valuation.margin,
    value: valuation.clv,
    annuity: valuation.annuity,
    serviceCost: valuation.serviceCost,
    annualCost: valuation.annualCost,
    churn: valuation.churn,
    cost: valuation.cost,
    ordersPerYear,
    orderValue,
    recencyMonths,
    purchases: window.purchases,
    averageOrderValue,
    returns: window.returns,
    catalogues: new Float64Array(n),
    mailings: new Float64Array(n),
    monetary: window.monetary,
    soft: importedSoftTraits(n, input.soft),
    leadSeed: input.leadSeed ?? IMPORTED_LEAD_SEED,
    leads: input.leads ?? null,
  };
}

/** The forecast's discount rate and horizon, no growth; stickiness and care response from the simulator's scenario. */
export function importedServiceScenario(
  scenario: ServiceScenario,
  forecast: { annualDiscountRate: number; horizonYears: number },
): ServiceScenario {
  return {
    stickiness: scenario.stickiness,
    growthRate: 0,
    discountRate: forecast.annualDiscountRate,
    horizon: engineHorizon(forecast.horizonYears),
    careBudgetPerCustomer: scenario.careBudgetPerCustomer,
    careSaturation: scenario.careSaturation,
    careChurnElasticity: scenario.careChurnElasticity,
    careOrderElasticity: scenario.careOrderElasticity,
    careGrowthElasticity: scenario.careGrowthElasticity,
  };
}

export interface ImportedForecastSettings {
  marginRate: number;
  annualDiscountRate: number;
  horizonYears: number;
  serviceCost: number;
}

/** Years from the first purchase to the analysis end (at least one day), as the Daten tab counts them. */
export function observedYears(summary: Pick<CustomerSummary, 'firstDay' | 'observationEnd'>): number {
  let first = Number.POSITIVE_INFINITY;
  for (let i = 0; i < summary.firstDay.length; i++) first = Math.min(first, summary.firstDay[i] as number);
  return Math.max(1, summary.observationEnd - first + 1) / 365.25;
}

/**
 * The whole path for the worker: the loaded analysis and its forecasts to
 * `SegmentCustomers` (forecast CLV per summary customer, the engine valuation
 * of valuation.ts, then `importedSegmentCustomers`).
 */
export function segmentCustomersOfAnalysis(
  analysis: Pick<Analysis, 'imported' | 'summary' | 'calibration' | 'bgnbd'>,
  forecasts: Pick<CustomerForecasts, 'clv' | 'yearsAlive'>,
  settings: ImportedForecastSettings,
  periodsPerYear: number,
  extra: Pick<ImportedSegmentInput, 'soft' | 'leads' | 'leadSeed'> = NO_EXTRA,
): SegmentCustomers {
  // Only the segment settings move while a slider is dragged: the customers are kept per forecast.
  const cached = lastCustomers;
  if (
    cached !== null &&
    cached.analysis === analysis &&
    cached.forecasts === forecasts &&
    cached.marginRate === settings.marginRate &&
    cached.annualDiscountRate === settings.annualDiscountRate &&
    cached.horizonYears === settings.horizonYears &&
    cached.serviceCost === settings.serviceCost &&
    cached.periodsPerYear === periodsPerYear &&
    cached.extra === extra
  ) {
    return cached.customers;
  }
  const customers = buildCustomers(analysis, forecasts, settings, periodsPerYear, extra);
  lastCustomers = { analysis, forecasts, ...settings, periodsPerYear, extra, customers };
  return customers;
}

const NO_EXTRA: Pick<ImportedSegmentInput, 'soft' | 'leads' | 'leadSeed'> = Object.freeze({});

let lastCustomers:
  | (ImportedForecastSettings & {
      analysis: object;
      forecasts: object;
      periodsPerYear: number;
      extra: object;
      customers: SegmentCustomers;
    })
  | null = null;

function buildCustomers(
  analysis: Pick<Analysis, 'imported' | 'summary' | 'calibration' | 'bgnbd'>,
  forecasts: Pick<CustomerForecasts, 'clv' | 'yearsAlive'>,
  settings: ImportedForecastSettings,
  periodsPerYear: number,
  extra: Pick<ImportedSegmentInput, 'soft' | 'leads' | 'leadSeed'>,
): SegmentCustomers {
  const { summary, calibration } = analysis;
  const table = analysis.imported.table;
  const clv = perSummaryCustomer(forecasts.clv, calibration.index, summary.customers);
  const yearsAlive = forecasts.yearsAlive === null ? null : perSummaryCustomer(forecasts.yearsAlive, calibration.index, summary.customers);
  const years = observedYears(summary);
  const valuation = realValuation(
    {
      revenue: summary.revenue,
      cost: costByCustomer(table, summary.customers, summary.observationEnd),
      clv,
      frequency: summary.frequency,
      T: summary.T,
      yearsAlive,
    },
    {
      observedYears: years,
      marginRate: settings.marginRate,
      annualDiscountRate: settings.annualDiscountRate,
      horizonYears: settings.horizonYears,
      serviceCost: settings.serviceCost,
      periodsPerYear,
      bgnbd: analysis.bgnbd,
    },
  );
  return importedSegmentCustomers({ table, summary, valuation, observedYears: years, ...extra });
}
