// Invariants of the key account over any entities the table accepts (fast-check):
// share of wallet in [0, 1], whitespace never negative, the programme never
// lifts an entity's revenue above its potential, and no NaN anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, PARAMETERS } from '../../../src/engine/parameters.ts';
import {
  ACCOUNT_SEGMENTS,
  computeKeyAccount,
  ENTITY_LIMITS,
  ENTITY_NUMBER_KEYS,
  EXAMPLE_ACCOUNT,
  portfolioReference,
  type EntityNumberKey,
  type KeyAccount,
  type KeyAccountEntity,
} from '../../../src/engine/keyAccount/index.ts';
import { programmeRevenue } from '../../../src/engine/keyAccount/programme.ts';

function bounded(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(fc.constant(min), fc.constant(max), fc.double({ min, max, noNaN: true }));
}

// Money up to 10 M (beyond that only the size changes), rates over their whole range.
const MONEY_CAP = 1e7;
const entity: fc.Arbitrary<KeyAccountEntity> = fc
  .record({
    name: fc.string({ maxLength: 20 }),
    segment: fc.constantFrom(...ACCOUNT_SEGMENTS),
    ...(Object.fromEntries(
      ENTITY_NUMBER_KEYS.map((key) => [key, bounded(ENTITY_LIMITS[key].min, Math.min(ENTITY_LIMITS[key].max, MONEY_CAP))]),
    ) as Record<EntityNumberKey, fc.Arbitrary<number>>),
  })
  .map((e) => e as KeyAccountEntity);

const account: fc.Arbitrary<KeyAccount> = fc.record({
  name: fc.string({ maxLength: 20 }),
  entities: fc.array(entity, { maxLength: 12 }),
  managementCostPerYear: bounded(0, 1e6),
  programme: fc.record({ costPerYear: bounded(0, 1e6), startCost: bounded(0, 1e6), shareGainPerYear: bounded(0, 1) }),
  salesHoursAvailable: bounded(0, 5_000),
  costPerHour: bounded(0, 500),
});

const scenario = fc.record({
  costPerOrder: bounded(PARAMETERS.costPerOrder.min, PARAMETERS.costPerOrder.max),
  orderValue: bounded(PARAMETERS.orderValue.min, PARAMETERS.orderValue.max),
  discountRate: bounded(PARAMETERS.discountRate.min, PARAMETERS.discountRate.max),
  growthRate: bounded(PARAMETERS.growthRate.min, PARAMETERS.growthRate.max),
  horizon: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null, freq: 4 }),
});

const clv = [4_000, 1_000, 300, 50, -200];
const reference = portfolioReference(clv, [9_000, 3_000, 1_000, 500, 400], Uint32Array.from([0, 1, 2, 3, 4]), Float64Array.from([0, 4_000, 5_000, 5_300, 5_350, 5_150]));

function nonFinite(value: unknown, path = 'result'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

const RUNS = { numRuns: 150 };

describe('key account invariants', () => {
  it('share of wallet is in [0, 1] and whitespace is never negative, per entity and overall', () => {
    fc.assert(
      fc.property(account, scenario, (a, s) => {
        const result = computeKeyAccount(a, s, reference);
        expect(result.shareOfWallet).toBeGreaterThanOrEqual(0);
        expect(result.shareOfWallet).toBeLessThanOrEqual(1);
        expect(result.whitespace).toBeGreaterThanOrEqual(0);
        for (const e of result.entities) {
          expect(e.shareOfWallet).toBeGreaterThanOrEqual(0);
          expect(e.shareOfWallet).toBeLessThanOrEqual(1);
          expect(e.whitespace).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });
  it('the programme never lifts an entity above its potential, nor the account above its total potential', () => {
    fc.assert(
      fc.property(account, scenario, fc.integer({ min: 0, max: 100 }), (a, s, year) => {
        const result = computeKeyAccount(a, s, reference);
        for (const e of result.entities) {
          const revenue = programmeRevenue(e, a.programme.shareGainPerYear, year);
          expect(revenue).toBeLessThanOrEqual(e.potential);
          expect(revenue).toBeGreaterThanOrEqual(e.revenue);
        }
        for (const y of result.programme.years) expect(y.revenue).toBeLessThanOrEqual(result.potential * (1 + 1e-12));
      }),
      RUNS,
    );
  });
  it('every figure is finite, whatever the inputs (no NaN, no Infinity)', () => {
    fc.assert(
      fc.property(account, scenario, (a, s) => {
        expect(nonFinite(computeKeyAccount(a, s, reference))).toEqual([]);
      }),
      RUNS,
    );
  });
  it('the ranked plan never uses more hours than available and never earns less than nothing', () => {
    fc.assert(
      fc.property(account, scenario, (a, s) => {
        const { ranking } = computeKeyAccount(a, s, reference);
        expect(ranking.hoursUsed).toBeLessThanOrEqual(a.salesHoursAvailable + 1e-9);
        expect(ranking.value).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
  it('with the example group and the defaults the figures are finite against an empty portfolio too', () => {
    const empty = portfolioReference([], [], new Uint32Array(0), Float64Array.from([0]));
    expect(nonFinite(computeKeyAccount(EXAMPLE_ACCOUNT, DEFAULTS, empty))).toEqual([]);
  });
});
