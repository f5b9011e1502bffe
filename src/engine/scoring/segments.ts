// Scoring and segmentation in one call (MODEL.md section 5): ABC by revenue,
// contribution and value, RFM quintiles, the RFMR points model against the
// value ranking, soft factors, the portfolio matrix, service levels, leads
// and the A/C profile. Inputs are plain per-customer arrays, so simulated and
// imported customers are scored alike; only summaries are returned.
import { rank } from '../rank.ts';
import {
  abcChanges,
  abcCrossTable,
  abcFigures,
  abcSegments,
  checkAbcThresholds,
  DEFAULT_ABC_THRESHOLDS,
  type AbcSegmentFigures,
  type AbcThresholds,
} from './abc.ts';
import { spearman, topOverlap } from './agreement.ts';
import { planLeads, simulateLeads, type LeadList, type LeadPlan, type LeadSettings, DEFAULT_LEADS } from './leads.ts';
import { portfolioMatrix, type MatrixResult } from './matrix.ts';
import { segmentProfile, type ProfileRow } from './profile.ts';
import { quintileScores, rfmGrid, rfmScores, type RfmGrid, type RfmScores } from './rfm.ts';
import { checkRfmrTable, DEFAULT_RFMR_TABLE, rfmrScores, type RfmrInput, type RfmrTable } from './rfmr.ts';
import { DEFAULT_SERVICE, checkService, serviceLevels, type ServiceInput, type ServiceResult, type ServiceScenario, type ServiceSettings } from './serviceLevels.ts';
import {
  DEFAULT_SOFT_SETTINGS,
  SOFT_CRITERIA,
  checkSoftWeights,
  monetisedSoftValue,
  potentialScores,
  type SoftCriterion,
  type SoftSettings,
  type SoftTraits,
} from './softFactors.ts';

export interface SegmentSettings {
  readonly abc: AbcThresholds;
  readonly rfmr: RfmrTable;
  readonly soft: SoftSettings;
  readonly service: ServiceSettings;
  readonly leads: LeadSettings;
}

export const DEFAULT_SEGMENT_SETTINGS: Readonly<SegmentSettings> = Object.freeze({
  abc: DEFAULT_ABC_THRESHOLDS,
  rfmr: DEFAULT_RFMR_TABLE,
  soft: DEFAULT_SOFT_SETTINGS,
  service: DEFAULT_SERVICE,
  leads: DEFAULT_LEADS,
});

/** Everything known per customer; arrays of equal length n. */
export interface SegmentCustomers extends Omit<ServiceInput, 'segment'>, RfmrInput {
  readonly size: number;
  /** Annual contribution m_i (also `margin`). */
  readonly contribution: ArrayLike<number>;
  /** Value before soft factors: CLV_i without acquisition cost. */
  readonly value: ArrayLike<number>;
  /** Expected discounted years, CLV_i = m_i annuity_i. */
  readonly annuity: ArrayLike<number>;
  readonly ordersPerYear: ArrayLike<number>;
  readonly orderValue: ArrayLike<number>;
  /** Revenue of the last 24 months (RFM's M). */
  readonly monetary: ArrayLike<number>;
  readonly soft: SoftTraits;
  /** Seed of the simulated lead list. */
  readonly leadSeed: number;
  /** A lead list of imported data; null = simulate one. */
  readonly leads: LeadList | null;
  /**
   * The recency and frequency quintiles of this history, when the caller keeps them
   * (they depend only on the history, which a money slider rarely changes).
   */
  readonly historyScores?: Pick<RfmScores, 'recency' | 'frequency'>;
}

export type SegmentProblem =
  | 'noCustomers'
  | 'singleCustomer'
  | 'thresholdsInvalid'
  | 'weightsZero'
  | 'weightsNegative'
  | 'rfmrNotFinite'
  | 'rfmrBandsUnordered'
  | 'serviceLevelsInvalid';

export interface AbcResult {
  thresholds: AbcThresholds;
  byRevenue: AbcSegmentFigures[];
  byContribution: AbcSegmentFigures[];
  byValue: AbcSegmentFigures[];
  /** Customers in a different segment between two definitions. */
  changes: { revenueContribution: number; revenueValue: number; contributionValue: number };
  /** cross[from][to]: segment by revenue (from) against segment by value (to). */
  revenueToValue: number[][];
}

export interface RfmrQuintile {
  /** 1 = the lowest fifth of scores, 5 = the highest. */
  quintile: number;
  customers: number;
  meanScore: number;
  meanValue: number;
}

export interface RfmrResult {
  valid: boolean;
  meanScore: number;
  minScore: number;
  maxScore: number;
  /** Spearman rank correlation of score and value; null when undefined (n < 2 or a constant side). */
  rankCorrelation: number | null;
  /** Share of the top 20 % by score that is also in the top 20 % by value. */
  top20Overlap: number | null;
  quintiles: RfmrQuintile[];
}

export interface SoftResult {
  baseValue: number;
  referralValue: number;
  paymentValue: number;
  /** Value used for segments: base plus the switched-on soft values. */
  value: number;
  /** Weighted potential score, mean over customers; null when the weights sum to zero. */
  meanPotential: number | null;
  /** counts[criterion][p - 1]: customers with p points. */
  pointCounts: Record<SoftCriterion, number[]>;
}

export interface HistoryFigures {
  meanPurchases: number;
  shareWithoutPurchase: number;
  meanRecencyMonths: number;
}

export interface SegmentsResult {
  customers: number;
  problems: SegmentProblem[];
  history: HistoryFigures;
  abc: AbcResult;
  rfm: RfmGrid;
  rfmr: RfmrResult;
  soft: SoftResult;
  /** null when the soft-factor weights sum to zero. */
  matrix: MatrixResult | null;
  service: ServiceResult;
  /** Mean value of an A, B and C customer: what a lead resembling one is worth. */
  leadSegmentValue: number[];
  leads: LeadPlan;
  profile: ProfileRow[];
}

// Plain loops instead of Float64Array.from with a callback: a call per customer is slow at 1M.
function orderCosts(c: SegmentCustomers): Float64Array {
  const out = new Float64Array(c.size);
  for (let i = 0; i < c.size; i++) out[i] = (c.annualCost[i] as number) - (c.serviceCost[i] as number);
  return out;
}

function times(values: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) * factor;
  return out;
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] as number;
  return s;
}

/** `valueDescending` is rank(value, true), shared with the ABC segments by value. */
function rfmrFigures(scores: Float64Array, value: ArrayLike<number>, valid: boolean, valueDescending: Uint32Array): RfmrResult {
  const n = scores.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const order = rank(scores, false);
  const quintiles: RfmrQuintile[] = [];
  for (let q = 0; q < 5; q++) {
    const from = Math.round((q * n) / 5);
    const to = Math.round(((q + 1) * n) / 5);
    let scoreSum = 0;
    let valueSum = 0;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      scoreSum += scores[i] as number;
      valueSum += value[i] as number;
    }
    const count = to - from;
    quintiles.push({ quintile: q + 1, customers: count, meanScore: count > 0 ? scoreSum / count : 0, meanValue: count > 0 ? valueSum / count : 0 });
  }
  return {
    valid,
    meanScore: n > 0 ? sum(scores) / n : 0,
    minScore: n > 0 ? min : 0,
    maxScore: n > 0 ? max : 0,
    // One ranking per measure and direction, each used by every figure that needs it.
    rankCorrelation: spearman(scores, value, order),
    top20Overlap: topOverlap(scores, value, 0.2, undefined, valueDescending),
    quintiles,
  };
}

export function computeSegments(c: SegmentCustomers, settings: SegmentSettings, scenario: ServiceScenario): SegmentsResult {
  const n = c.size;
  const problems: SegmentProblem[] = [];
  if (n === 0) problems.push('noCustomers');
  if (n === 1) problems.push('singleCustomer');
  const thresholdProblem = checkAbcThresholds(settings.abc);
  if (thresholdProblem) problems.push(thresholdProblem);
  const thresholds = thresholdProblem ? DEFAULT_ABC_THRESHOLDS : settings.abc;
  const weightProblem = checkSoftWeights(settings.soft.weights);
  if (weightProblem) problems.push(weightProblem);
  const tableProblem = checkRfmrTable(settings.rfmr);
  if (tableProblem) problems.push(tableProblem);
  const serviceProblem = checkService(settings.service);
  if (serviceProblem) problems.push(serviceProblem);

  // Soft factors first: the value used for segments includes them when switched on.
  const baseValue = sum(c.value);
  const newCustomerValue = n > 0 ? baseValue / n : 0;
  const monetised = monetisedSoftValue(
    { revenue: c.revenue, annuity: c.annuity, newCustomerValue, discountRate: scenario.discountRate },
    c.soft,
    settings.soft,
  );
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) value[i] = (c.value[i] as number) + (monetised.referral[i] as number) + (monetised.payment[i] as number);
  const potential = potentialScores(c.soft, settings.soft.weights);
  const pointCounts = Object.fromEntries(
    SOFT_CRITERIA.map((criterion) => {
      const counts = [0, 0, 0, 0, 0];
      const points = c.soft.points[criterion];
      for (let i = 0; i < n; i++) {
        const p = (points[i] as number) - 1;
        counts[p] = (counts[p] ?? 0) + 1;
      }
      return [criterion, counts];
    }),
  ) as Record<SoftCriterion, number[]>;

  // ABC by three measures.
  const byRevenue = abcSegments(c.revenue, thresholds);
  const byContribution = abcSegments(c.contribution, thresholds);
  const valueDescending = rank(value, true);
  const byValue = abcSegments(value, thresholds, valueDescending);
  const abc: AbcResult = {
    thresholds,
    byRevenue: abcFigures(byRevenue, c.revenue, c.contribution, value),
    byContribution: abcFigures(byContribution, c.revenue, c.contribution, value),
    byValue: abcFigures(byValue, c.revenue, c.contribution, value),
    changes: {
      revenueContribution: abcChanges(byRevenue, byContribution),
      revenueValue: abcChanges(byRevenue, byValue),
      contributionValue: abcChanges(byContribution, byValue),
    },
    revenueToValue: abcCrossTable(byRevenue, byValue),
  };

  const scores = c.historyScores
    ? { ...c.historyScores, monetary: quintileScores(c.monetary, true) }
    : rfmScores(c.recencyMonths, c.purchases, c.monetary);
  const rfm = rfmGrid(scores, c.revenue, value);
  const rfmr = rfmrFigures(rfmrScores(tableProblem ? DEFAULT_RFMR_TABLE : settings.rfmr, c), value, tableProblem === null, valueDescending);

  const matrix = potential === null ? null : portfolioMatrix(value, potential, c.revenue);
  const service = serviceLevels({ ...c, segment: byValue }, serviceProblem ? DEFAULT_SERVICE : settings.service, scenario);

  const leadSegmentValue = abc.byValue.map((s) => (s.customers > 0 ? s.value / s.customers : 0));
  const leadList = c.leads ?? simulateLeads(c.leadSeed, settings.leads.count);
  const leads = planLeads(leadList, leadSegmentValue, settings.leads);

  const profile = segmentProfile(byValue, [
    { id: 'ordersPerYear', values: c.ordersPerYear },
    { id: 'orderValue', values: c.orderValue },
    { id: 'revenue', values: c.revenue },
    { id: 'serviceLoad', values: c.serviceCost },
    { id: 'orderCosts', values: orderCosts(c) },
    { id: 'churnRate', values: c.churn },
    { id: 'recencyMonths', values: c.recencyMonths },
    { id: 'referrals', values: times(c.soft.referralFactor, settings.soft.referralsPerYear) },
    { id: 'daysLate', values: times(c.soft.latenessFactor, settings.soft.daysLate) },
    ...SOFT_CRITERIA.map((criterion) => ({ id: criterion, values: c.soft.points[criterion] })),
  ]);

  let withoutPurchase = 0;
  for (let i = 0; i < n; i++) if ((c.purchases[i] as number) === 0) withoutPurchase++;

  return {
    customers: n,
    problems,
    history: {
      meanPurchases: n > 0 ? sum(c.purchases) / n : 0,
      shareWithoutPurchase: n > 0 ? withoutPurchase / n : 0,
      meanRecencyMonths: n > 0 ? sum(c.recencyMonths) / n : 0,
    },
    abc,
    rfm,
    rfmr,
    soft: {
      baseValue,
      referralValue: monetised.referralTotal,
      paymentValue: monetised.paymentTotal,
      value: baseValue + monetised.referralTotal + monetised.paymentTotal,
      meanPotential: potential === null || n === 0 ? null : sum(potential) / n,
      pointCounts,
    },
    matrix,
    service,
    leadSegmentValue,
    leads,
    profile,
  };
}
