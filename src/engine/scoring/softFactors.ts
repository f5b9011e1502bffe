// Soft factors (MODEL.md section 5).
//
// Monetised, added to a customer's value when switched on:
// - referrals: rho_i referred new customers per year, each worth
//   (CLV_new - A_ref) with the reduced acquisition cost A_ref of a referred
//   account; rho_i < 0 for unhappy customers (negative word of mouth).
//   They keep coming while the customer stays, so the yearly amount is
//   multiplied by the customer's expected discounted years (annuity_i).
// - payment behaviour: days late DSO_i cost d * DSO_i / 365 * revenue_i a year
//   in interest, plus a bad-debt rate on revenue, also over annuity_i.
// Not monetisable: innovation, co-development, reference value, strategic fit
// and future potential, points 1-5 per customer, combined by weights into a
// potential score (their weighted mean, 1-5).
//
// Simulated customers get these traits from the seeded generator (random.ts)
// on streams of their own: every trait is a fixed function of (seed, i).
import { customerHash, normalOf, uniformOf } from '../random.ts';

export const SOFT_CRITERIA = ['innovation', 'coDevelopment', 'reference', 'strategicFit', 'potential'] as const;
export type SoftCriterion = (typeof SOFT_CRITERIA)[number];
export type SoftWeights = Readonly<Record<SoftCriterion, number>>;

export const DEFAULT_SOFT_WEIGHTS: SoftWeights = Object.freeze({
  innovation: 1,
  coDevelopment: 1,
  reference: 1,
  strategicFit: 2,
  potential: 2,
});

export interface SoftSettings {
  /** Add the referral value to each customer's value. */
  readonly referralsOn: boolean;
  /** Mean referred accounts per customer and year. */
  readonly referralsPerYear: number;
  /** Acquisition cost of a referred account (below the normal one). */
  readonly referralAcquisitionCost: number;
  /** Add the cost of late payment and bad debt. */
  readonly paymentOn: boolean;
  /** Mean days paid late. */
  readonly daysLate: number;
  /** Mean bad-debt rate on revenue. */
  readonly badDebtRate: number;
  readonly weights: SoftWeights;
}

export const DEFAULT_SOFT_SETTINGS: Readonly<SoftSettings> = Object.freeze({
  referralsOn: true,
  referralsPerYear: 0.05,
  referralAcquisitionCost: 100,
  paymentOn: true,
  daysLate: 12,
  badDebtRate: 0.005,
  weights: DEFAULT_SOFT_WEIGHTS,
});

/** Per-customer soft-factor traits; for imported data from optional columns or defaults. */
export interface SoftTraits {
  readonly size: number;
  /** Referral propensity (mean 1; negative = negative word of mouth). */
  readonly referralFactor: Float64Array;
  /** Lateness factor (mean 1): days late = daysLate * factor. */
  readonly latenessFactor: Float64Array;
  /** Bad-debt factor (mean 1). */
  readonly badDebtFactor: Float64Array;
  /** Points 1-5 per criterion. */
  readonly points: Readonly<Record<SoftCriterion, Uint8Array>>;
}

/** Streams of the soft traits, apart from the population (0..319) and the history (6400..). */
export const SOFT_STREAM = 7000;

/** How strongly each criterion's points go with customer size (a correlation). */
export const SIZE_CORRELATION: SoftWeights = Object.freeze({
  innovation: 0.1,
  coDevelopment: 0.3,
  reference: 0.4,
  strategicFit: 0.3,
  // Small customers have more room to grow.
  potential: -0.2,
});

/** Standard normal to points 1-5 at the quintiles of N(0, 1): each point value is equally common. */
const POINT_CUTS = [-0.8416, -0.2533, 0.2533, 0.8416];

export function pointsOf(z: number): number {
  let p = 1;
  for (const cut of POINT_CUTS) if (z > cut) p++;
  return p;
}

/** A referral factor 1 + z (mean 1), below zero (negative word of mouth) for about one customer in six. */
const REFERRAL_SPREAD = 1;

export function simulateSoftTraits(seed: number, customerSize: ArrayLike<number>): SoftTraits {
  const n = customerSize.length;
  let sumLog = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const l = Math.log(Math.max(customerSize[i] as number, 1e-12));
    sumLog += l;
    sumSq += l * l;
  }
  const meanLog = n > 0 ? sumLog / n : 0;
  const sdLog = n > 1 ? Math.sqrt(Math.max(0, sumSq / n - meanLog * meanLog)) : 0;
  const referralFactor = new Float64Array(n);
  const latenessFactor = new Float64Array(n);
  const badDebtFactor = new Float64Array(n);
  const points = Object.fromEntries(SOFT_CRITERIA.map((c) => [c, new Uint8Array(n)])) as Record<SoftCriterion, Uint8Array>;
  for (let i = 0; i < n; i++) {
    // One hash of (seed, i) for all of the customer's draws (the same draws as normal/uniform(seed, i, ...)).
    const hash = customerHash(seed, i);
    referralFactor[i] = 1 + REFERRAL_SPREAD * normalOf(hash, SOFT_STREAM);
    // Lateness and bad debt follow Exp(1) (mean 1): most pay nearly on time, a few are very late.
    latenessFactor[i] = -Math.log(uniformOf(hash, SOFT_STREAM + 1));
    badDebtFactor[i] = -Math.log(uniformOf(hash, SOFT_STREAM + 2));
    const zSize = sdLog > 0 ? (Math.log(Math.max(customerSize[i] as number, 1e-12)) - meanLog) / sdLog : 0;
    SOFT_CRITERIA.forEach((criterion, k) => {
      const rho = SIZE_CORRELATION[criterion];
      const z = rho * zSize + Math.sqrt(1 - rho * rho) * normalOf(hash, SOFT_STREAM + 10 + k);
      points[criterion][i] = pointsOf(z);
    });
  }
  return { size: n, referralFactor, latenessFactor, badDebtFactor, points };
}

/** Neutral traits for customers without soft-factor data: 3 points everywhere, average behaviour. */
export function defaultSoftTraits(n: number): SoftTraits {
  return {
    size: n,
    referralFactor: new Float64Array(n).fill(1),
    latenessFactor: new Float64Array(n).fill(1),
    badDebtFactor: new Float64Array(n).fill(1),
    points: Object.fromEntries(SOFT_CRITERIA.map((c) => [c, new Uint8Array(n).fill(3)])) as Record<SoftCriterion, Uint8Array>,
  };
}

export type SoftProblem = 'weightsZero' | 'weightsNegative';

export function checkSoftWeights(weights: SoftWeights): SoftProblem | null {
  const values = SOFT_CRITERIA.map((c) => weights[c]);
  if (values.some((w) => !Number.isFinite(w) || w < 0)) return 'weightsNegative';
  if (values.reduce((a, b) => a + b, 0) <= 0) return 'weightsZero';
  return null;
}

/** Weighted mean of the points (1-5), or null when the weights sum to zero or are negative. */
export function potentialScores(traits: SoftTraits, weights: SoftWeights): Float64Array | null {
  if (checkSoftWeights(weights) !== null) return null;
  const total = SOFT_CRITERIA.reduce((sum, c) => sum + weights[c], 0);
  const scores = new Float64Array(traits.size);
  for (const criterion of SOFT_CRITERIA) {
    const w = weights[criterion] / total;
    if (w === 0) continue;
    const p = traits.points[criterion];
    for (let i = 0; i < traits.size; i++) scores[i] = (scores[i] as number) + w * (p[i] as number);
  }
  return scores;
}

export interface MonetisedInput {
  readonly revenue: ArrayLike<number>;
  /** Expected discounted years (CLV_i = m_i * annuity_i). */
  readonly annuity: ArrayLike<number>;
  /** Value of a newly won customer before acquisition cost (e.g. the mean CLV). */
  readonly newCustomerValue: number;
  readonly discountRate: number;
}

export interface MonetisedValue {
  /** Referral value per customer (0 when switched off). */
  readonly referral: Float64Array;
  /** Payment cost per customer as a negative value (0 when switched off). */
  readonly payment: Float64Array;
  readonly referralTotal: number;
  readonly paymentTotal: number;
}

/** Referral value rho_i (CLV_new - A_ref) annuity_i and payment cost -(d DSO_i / 365 + badDebt_i) revenue_i annuity_i. */
export function monetisedSoftValue(input: MonetisedInput, traits: SoftTraits, s: SoftSettings): MonetisedValue {
  const n = traits.size;
  const referral = new Float64Array(n);
  const payment = new Float64Array(n);
  let referralTotal = 0;
  let paymentTotal = 0;
  const perReferral = input.newCustomerValue - s.referralAcquisitionCost;
  for (let i = 0; i < n; i++) {
    const annuity = input.annuity[i] as number;
    if (s.referralsOn) {
      const rho = s.referralsPerYear * (traits.referralFactor[i] as number);
      const v = rho * perReferral * annuity;
      referral[i] = v;
      referralTotal += v;
    }
    if (s.paymentOn) {
      const days = s.daysLate * (traits.latenessFactor[i] as number);
      const rate = (input.discountRate * days) / 365 + s.badDebtRate * (traits.badDebtFactor[i] as number);
      const v = -rate * (input.revenue[i] as number) * annuity;
      payment[i] = v;
      paymentTotal += v;
    }
  }
  return { referral, payment, referralTotal, paymentTotal };
}
