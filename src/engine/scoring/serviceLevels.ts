// Service levels (MODEL.md sections 4 and 5): up to four levels, each with a
// yearly cost per customer, assigned by ABC segment. A level's cost is care
// spend; its intensity is x = cost / b against the reference care budget b
// per customer (the focus view's watering-can budget), and customers respond
// as in MODEL section 4:
//   churn  c' = clamp(c x_eff^(-e_c), 0.01, 1)
//   orders F' = F x_eff^(e_f)
//   growth u' = u + e_u ln(x_eff),       x_eff = min(x, x_max)
// with the spend a cost in m_i, and sticky costs counted as in section 4:
//   value_i = m_i' annuity_i' + stickiness (cost_i' - cost_i).
// Compared with equal service for all: everyone gets the average spend of the
// assignment, so the total budget is the same and only its allocation differs.
import type { Scenario } from '../parameters.ts';
import { annuityOf, clampChurn } from '../valuation.ts';
import { ABC_SEGMENTS, type AbcSegment } from './abc.ts';

export const MAX_SERVICE_LEVELS = 4;

export interface ServiceLevel {
  /** Yearly cost per customer at this level. */
  readonly cost: number;
}

export interface ServiceSettings {
  readonly levels: readonly ServiceLevel[];
  /** Level index for segments A, B and C. */
  readonly assignment: readonly [number, number, number];
}

/** Example levels: key account, standard, basic, self-service. */
export const DEFAULT_SERVICE: Readonly<ServiceSettings> = Object.freeze({
  levels: [{ cost: 90 }, { cost: 30 }, { cost: 10 }, { cost: 3 }],
  assignment: [0, 1, 2] as const,
});

export type ServiceScenario = Pick<
  Scenario,
  | 'stickiness'
  | 'growthRate'
  | 'discountRate'
  | 'horizon'
  | 'careBudgetPerCustomer'
  | 'careSaturation'
  | 'careChurnElasticity'
  | 'careOrderElasticity'
  | 'careGrowthElasticity'
>;

/** Per-customer inputs (plain arrays, so imported customers can use them too). */
export interface ServiceInput {
  readonly revenue: ArrayLike<number>;
  /** Annual contribution m_i. */
  readonly margin: ArrayLike<number>;
  /** Annual service load s_y_i. */
  readonly serviceCost: ArrayLike<number>;
  /** Annual order and service costs. */
  readonly annualCost: ArrayLike<number>;
  readonly churn: ArrayLike<number>;
  /** Discounted order and service costs over the horizon (MODEL section 3). */
  readonly cost: ArrayLike<number>;
  /** 0 = A, 1 = B, 2 = C. */
  readonly segment: Uint8Array;
}

export interface ServiceSegmentFigures {
  segment: AbcSegment;
  level: number;
  customers: number;
  spendPerCustomer: number;
  intensity: number;
  keptAfter1: number;
  keptAfter3: number;
  keptAfter5: number;
  value: number;
}

export interface ServiceOutcome {
  /** Total yearly spend on service levels. */
  budget: number;
  value: number;
  /** Expected customers kept after 1, 3 and 5 years. */
  keptAfter1: number;
  keptAfter3: number;
  keptAfter5: number;
  segments: ServiceSegmentFigures[];
}

export interface ServiceResult {
  assigned: ServiceOutcome;
  /** Everyone at the average spend of the assignment. */
  equal: ServiceOutcome;
}

export type ServiceProblem = 'serviceLevelsInvalid';

export function checkService(s: ServiceSettings): ServiceProblem | null {
  const levelsOk =
    s.levels.length >= 1 && s.levels.length <= MAX_SERVICE_LEVELS && s.levels.every((l) => Number.isFinite(l.cost) && l.cost >= 0);
  const assignmentOk = s.assignment.every((k) => Number.isInteger(k) && k >= 0 && k < s.levels.length);
  return levelsOk && assignmentOk ? null : 'serviceLevelsInvalid';
}

interface Response {
  spend: number;
  intensity: number;
  orderFactor: number;
  churnFactor: number;
  growthFactor: number;
}

/** The section-4 response to a yearly spend. Without a reference budget (b = 0) nobody responds. */
export function careResponse(spend: number, s: ServiceScenario): Response {
  const b = s.careBudgetPerCustomer;
  const x = b > 0 ? spend / b : 1;
  const xEff = Math.min(x, s.careSaturation);
  return {
    spend,
    intensity: x,
    orderFactor: xEff > 0 ? Math.pow(xEff, s.careOrderElasticity) : 0,
    churnFactor: xEff > 0 ? Math.pow(xEff, -s.careChurnElasticity) : Number.POSITIVE_INFINITY,
    growthFactor: xEff > 0 ? Math.max(0, 1 + s.growthRate + s.careGrowthElasticity * Math.log(xEff)) : 0,
  };
}

/** Per segment: customers, value, kept after 1, 3 and 5 years, at SUMS * g + that. */
const SUMS = 5;

function outcome(input: ServiceInput, responses: readonly Response[], levelOf: readonly number[], s: ServiceScenario): ServiceOutcome {
  const totals = new Float64Array(SUMS * ABC_SEGMENTS.length);
  const budget = outcomeSums(input, responses, s, totals);
  const sums = ABC_SEGMENTS.map((_, g) => ({
    customers: totals[SUMS * g] as number,
    value: totals[SUMS * g + 1] as number,
    kept1: totals[SUMS * g + 2] as number,
    kept3: totals[SUMS * g + 3] as number,
    kept5: totals[SUMS * g + 4] as number,
  }));
  const segments = ABC_SEGMENTS.map((segment, g): ServiceSegmentFigures => {
    const sum = sums[g] ?? { customers: 0, value: 0, kept1: 0, kept3: 0, kept5: 0 };
    const r = responses[g];
    const mean = (x: number) => (sum.customers > 0 ? x / sum.customers : 0);
    return {
      segment,
      level: levelOf[g] ?? 0,
      customers: sum.customers,
      spendPerCustomer: r?.spend ?? 0,
      intensity: r?.intensity ?? 0,
      keptAfter1: mean(sum.kept1),
      keptAfter3: mean(sum.kept3),
      keptAfter5: mean(sum.kept5),
      value: sum.value,
    };
  });
  return {
    budget,
    value: segments.reduce((a, x) => a + x.value, 0),
    keptAfter1: sums.reduce((a, x) => a + x.kept1, 0),
    keptAfter3: sums.reduce((a, x) => a + x.kept3, 0),
    keptAfter5: sums.reduce((a, x) => a + x.kept5, 0),
    segments,
  };
}

/**
 * The per-customer loop of `outcome`: sums into `totals`, returns the care budget spent. A
 * function of its own, reading the inputs as locals: V8 compiles a long loop while it runs, and
 * the closures after it made every later call throw that code away (see focus.ts markSegments).
 */
function outcomeSums(input: ServiceInput, responses: readonly Response[], s: ServiceScenario, totals: Float64Array): number {
  const { segment, serviceCost, annualCost, margin: marginOf, churn: churnOf, cost: costOf } = input;
  const { stickiness, horizon } = s;
  const discountFactor = 1 + s.discountRate;
  const groups = Math.min(responses.length, ABC_SEGMENTS.length);
  let budget = 0;
  const n = segment.length;
  for (let i = 0; i < n; i++) {
    const g = segment[i] as number;
    if (g >= groups) continue;
    const r = responses[g] as Response;
    const service = serviceCost[i] as number;
    const orderCost = (annualCost[i] as number) - service;
    const orderMargin = (marginOf[i] as number) + service;
    const churn = clampChurn((churnOf[i] as number) * r.churnFactor);
    const annuity = annuityOf(churn, r.growthFactor, discountFactor, horizon);
    const margin = r.orderFactor * orderMargin - service - r.spend;
    const cost = (r.orderFactor * orderCost + service) * annuity;
    const value = margin * annuity + stickiness * (cost - (costOf[i] as number));
    const retention = 1 - churn;
    const retention3 = retention * retention * retention;
    const at = SUMS * g;
    totals[at] = (totals[at] as number) + 1;
    totals[at + 1] = (totals[at + 1] as number) + value;
    totals[at + 2] = (totals[at + 2] as number) + retention;
    totals[at + 3] = (totals[at + 3] as number) + retention3;
    totals[at + 4] = (totals[at + 4] as number) + retention3 * retention * retention;
    budget += r.spend;
  }
  return budget;
}

export function serviceLevels(input: ServiceInput, settings: ServiceSettings, s: ServiceScenario): ServiceResult {
  const problem = checkService(settings);
  if (problem) throw new RangeError(problem);
  const spendOf = settings.assignment.map((k) => settings.levels[k]?.cost ?? 0);
  const assigned = outcome(
    input,
    spendOf.map((spend) => careResponse(spend, s)),
    settings.assignment,
    s,
  );
  const n = input.segment.length;
  const average = n > 0 ? assigned.budget / n : 0;
  const equalResponse = careResponse(average, s);
  const equal = outcome(input, [equalResponse, equalResponse, equalResponse], settings.assignment, s);
  return { assigned, equal };
}
