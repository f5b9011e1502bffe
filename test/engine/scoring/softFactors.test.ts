import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SOFT_SETTINGS,
  checkSoftWeights,
  defaultSoftTraits,
  monetisedSoftValue,
  pointsOf,
  potentialScores,
  simulateSoftTraits,
  type SoftTraits,
} from '../../../src/engine/scoring/softFactors.ts';
import { expectClose } from '../close.ts';

function traitsWith(points: Record<string, number[]>): SoftTraits {
  const n = points.innovation?.length ?? 0;
  const base = defaultSoftTraits(n);
  return {
    ...base,
    points: {
      innovation: Uint8Array.from(points.innovation ?? []),
      coDevelopment: Uint8Array.from(points.coDevelopment ?? []),
      reference: Uint8Array.from(points.reference ?? []),
      strategicFit: Uint8Array.from(points.strategicFit ?? []),
      potential: Uint8Array.from(points.potential ?? []),
    },
  };
}

describe('potentialScores: the weighted mean of the points 1-5', () => {
  const traits = traitsWith({ innovation: [5, 1], coDevelopment: [1, 1], reference: [3, 5], strategicFit: [4, 2], potential: [2, 5] });
  it('weights 1, 0, 1, 2, 0: (5 + 3 + 2*4) / 4 = 4 and (1 + 5 + 2*2) / 4 = 2.5', () => {
    const scores = potentialScores(traits, { innovation: 1, coDevelopment: 0, reference: 1, strategicFit: 2, potential: 0 });
    expect(scores && Array.from(scores)).toEqual([4, 2.5]);
  });
  it('weights summing to zero give no score and the problem "weightsZero"', () => {
    const zero = { innovation: 0, coDevelopment: 0, reference: 0, strategicFit: 0, potential: 0 };
    expect(potentialScores(traits, zero)).toBeNull();
    expect(checkSoftWeights(zero)).toBe('weightsZero');
    expect(checkSoftWeights({ ...zero, innovation: -1, reference: 1 })).toBe('weightsNegative');
  });
});

describe('monetisedSoftValue (MODEL.md section 5)', () => {
  const traits = defaultSoftTraits(1);
  const input = { revenue: [1000], annuity: [4], newCustomerValue: 500, discountRate: 0.08 };
  const settings = { ...DEFAULT_SOFT_SETTINGS, referralsPerYear: 0.1, referralAcquisitionCost: 100, daysLate: 12, badDebtRate: 0.005 };
  it('referrals: 0.1 per year x (500 - 100) x 4 discounted years = 160', () => {
    expectClose(monetisedSoftValue(input, traits, settings).referral[0], 160, 1e-9);
  });
  it('payment: -(0.08 x 12 / 365 + 0.005) x 1000 x 4 = -30.52', () => {
    expectClose(monetisedSoftValue(input, traits, settings).payment[0], -(0.08 * 12 / 365 + 0.005) * 4000, 1e-9);
    expectClose(monetisedSoftValue(input, traits, settings).paymentTotal, -30.5205, 1e-3);
  });
  it('switched off, nothing is added', () => {
    const off = monetisedSoftValue(input, traits, { ...settings, referralsOn: false, paymentOn: false });
    expect(off.referralTotal).toBe(0);
    expect(off.paymentTotal).toBe(0);
  });
});

describe('simulateSoftTraits: seeded and reproducible', () => {
  const sizes = Float64Array.from({ length: 5000 }, (_, i) => Math.exp(((i % 100) - 50) / 25));
  const a = simulateSoftTraits(1, sizes);
  const b = simulateSoftTraits(1, sizes);
  const c = simulateSoftTraits(2, sizes);
  it('the same seed gives the same traits, another seed others', () => {
    expect(Array.from(a.points.reference)).toEqual(Array.from(b.points.reference));
    expect(Array.from(a.referralFactor.slice(0, 20))).toEqual(Array.from(b.referralFactor.slice(0, 20)));
    expect(Array.from(a.points.reference)).not.toEqual(Array.from(c.points.reference));
  });
  it('each point value is about equally common (quintiles of a normal), and factors have mean about 1', () => {
    for (let p = 1; p <= 5; p++) {
      const share = a.points.innovation.filter((x) => x === p).length / sizes.length;
      expectClose(share, 0.2, 0.03);
    }
    expectClose(a.latenessFactor.reduce((s, x) => s + x, 0) / sizes.length, 1, 0.05);
    expectClose(a.referralFactor.reduce((s, x) => s + x, 0) / sizes.length, 1, 0.05);
  });
  it('pointsOf cuts a standard normal at its quintiles', () => {
    expect([-2, -0.5, 0, 0.5, 2].map(pointsOf)).toEqual([1, 2, 3, 4, 5]);
  });
});
