// The key account (issue 17) with the example group of six entities, the
// MODEL.md section-1 defaults (s_o = 20, d = 8 %, H = 10, u = 0) and a small
// portfolio of ten customers whose segment means are easy to check by hand.
// Figures were computed by an independent script (Python) and by hand where shown.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import {
  computeKeyAccount,
  copyAccount,
  EXAMPLE_ACCOUNT,
  keyAccountKpis,
  portfolioReference,
  sameAccount,
  type KeyAccountEntity,
} from '../../../src/engine/keyAccount/index.ts';
import { marginOnRevenue } from '../../../src/engine/keyAccount/value.ts';
import { programmeRevenue } from '../../../src/engine/keyAccount/programme.ts';
import { expectClose } from '../close.ts';

// Ten customers, values best first: A = top 2, B = next 3, C = bottom 5.
const CLV = [10_000, 5_000, 3_000, 2_000, 1_000, 800, 500, 200, -100, -500];
const REVENUE = [20_000, 9_000, 6_000, 4_000, 2_500, 2_000, 1_500, 1_000, 800, 600];
const ORDER = Uint32Array.from(CLV.map((_, i) => i));
const PREFIX = Float64Array.from([0, ...CLV.map((_, k) => CLV.slice(0, k + 1).reduce((a, b) => a + b, 0))]);
const reference = portfolioReference(CLV, REVENUE, ORDER, PREFIX);

const result = computeKeyAccount(EXAMPLE_ACCOUNT, DEFAULTS, reference);

function exampleEntity(index: number): KeyAccountEntity {
  const entity = EXAMPLE_ACCOUNT.entities[index];
  if (!entity) throw new Error(`the example has no entity ${index}`);
  return { ...entity };
}

describe('portfolioReference: segment means and positions on the value distribution', () => {
  it('A = (10,000 + 5,000) / 2 = 7,500; B = (3,000 + 2,000 + 1,000) / 3 = 2,000; C = (800 + 500 + 200 - 100 - 500) / 5 = 180', () => {
    expect(reference.segmentValue).toEqual([7_500, 2_000, 180]);
    // Revenue: A (20,000 + 9,000) / 2 = 14,500; B 12,500 / 3; C 5,900 / 5 = 1,180.
    expectClose(reference.segmentRevenue[0], 14_500, 1e-9);
    expectClose(reference.segmentRevenue[1], 12_500 / 3, 1e-9);
    expectClose(reference.segmentRevenue[2], 1_180, 1e-9);
  });
  it('a value of 2,500 sits below 3 customers: percentile 70 %, whale x = 0.3, y = 18,000 / 21,900', () => {
    const p = reference.position(2_500);
    expect(p.customersAbove).toBe(3);
    expectClose(p.percentile, 0.7, 1e-12);
    expectClose(p.whaleX, 0.3, 1e-12);
    expectClose(p.whaleY, 18_000 / 21_900, 1e-12);
  });
  it('a value above every customer is at the 100th percentile, on the whale curve at x = 0', () => {
    const p = reference.position(1e6);
    expect(p.percentile).toBe(1);
    expect(p.whaleX).toBe(0);
    expect(p.whaleY).toBe(0);
  });
});

describe('the account as a market (example group)', () => {
  it('potential 900 + 420 + 300 + 250 + 120 + 600 = 2,590 k; revenue 360 + 60 + 150 + 25 + 90 + 15 = 700 k; share of wallet 700 / 2,590 = 27.03 %', () => {
    expect(result.potential).toBe(2_590_000);
    expect(result.revenue).toBe(700_000);
    expectClose(result.shareOfWallet, 700 / 2590, 1e-12);
    expect(result.whitespace).toBe(1_890_000);
  });
  it('per entity: Essen 360 / 900 = 40 %, whitespace 540 k; Ohio 15 / 600 = 2.5 %, whitespace 585 k', () => {
    const [essen, , , , , ohio] = result.entities;
    expectClose(essen?.shareOfWallet, 0.4, 1e-12);
    expect(essen?.whitespace).toBe(540_000);
    expectClose(ohio?.shareOfWallet, 0.025, 1e-12);
    expect(ohio?.whitespace).toBe(585_000);
  });
});

describe('CLV per entity (MODEL.md section 1): m_e = R_e g_e - F_e s_o - k_e, CLV_e = m_e a(q_e)', () => {
  it('Essen: m = 360,000 x 0.28 - 48 x 20 - 18,000 = 81,840; q = 0.95 / 1.08 = 0.87963; a = (1 - q^10) / (1 - q) / 1.08 = 5.55899; CLV = 454,947.90', () => {
    const essen = result.entities[0];
    expect(essen?.annualContribution).toBeCloseTo(81_840, 6);
    expectClose(essen?.q, 0.95 / 1.08, 1e-12);
    expectClose(essen?.annuity, 5.558992, 1e-6);
    expectClose(essen?.clv, 454_947.9, 0.01);
    // gamma = 0.28 - 20 x 48 / 360,000 = 0.277333: the margin on each extra euro after order costs.
    expectClose(essen?.marginOnRevenue, 0.28 - 960 / 360_000, 1e-12);
  });
  it('Polska: m = 60,000 x 0.32 - 24 x 20 - 6,000 = 12,720; q = 0.88 / 1.08; CLV = 55,395.61', () => {
    const polska = result.entities[1];
    expect(polska?.annualContribution).toBeCloseTo(12_720, 6);
    expectClose(polska?.clv, 55_395.61, 0.01);
  });
  it('sum of the six CLVs = 745,120.28; minus the group cost 25,000 x a(1/1.08) = 25,000 x 6.71008 = 167,752.03: own-market value 577,368.25', () => {
    expectClose(result.entitiesClv, 745_120.28, 0.01);
    expectClose(result.managementAnnuity, 6.710081, 1e-6);
    expectClose(result.managementCost, 167_752.03, 0.01);
    expectClose(result.value, 577_368.25, 0.01);
  });
  it('valued like average customers of their segments A, B, B, C, A, C: 7,500 + 2,000 + 2,000 + 180 + 7,500 + 180 = 19,360 (29.8 times less)', () => {
    expect(result.valueAsAverage).toBe(19_360);
    expectClose(result.valueRatio, 577_368.25 / 19_360, 1e-3);
  });
  it('the own-market value is above every portfolio customer (percentile 100 %); the average valuation sits below 0 customers too (19,360 > 10,000)', () => {
    expect(result.position.percentile).toBe(1);
    expect(result.positionAsAverage.customersAbove).toBe(0);
  });
  it('an entity that buys nothing yet earns g - s_o / V on new revenue, at the scenario order value: 0.28 - 20 / 250 = 0.2', () => {
    const fresh = { ...exampleEntity(0), revenue: 0, ordersPerYear: 0 };
    expectClose(marginOnRevenue(fresh, DEFAULTS), 0.28 - 20 / 250, 1e-12);
  });
  it('orders below one unit of money each count as one: 10 of revenue in 1,000 orders earns 0.28 - 20 / 1 on the next unit', () => {
    const tiny = { ...exampleEntity(0), revenue: 10, ordersPerYear: 1_000 };
    expectClose(marginOnRevenue(tiny, DEFAULTS), 0.28 - 20, 1e-12);
  });
  it('revenue above the potential raises the potential to it: share of wallet 100 %, no whitespace', () => {
    const account = copyAccount(EXAMPLE_ACCOUNT);
    account.entities[0] = { ...exampleEntity(0), revenue: 1_000_000 };
    const raised = computeKeyAccount(account, DEFAULTS, reference).entities[0];
    expect(raised?.potentialRaised).toBe(true);
    expect(raised?.shareOfWallet).toBe(1);
    expect(raised?.whitespace).toBe(0);
  });
});

describe('the key-account programme: J-curve and payback against doing nothing', () => {
  it('year 1: every entity + 5 % of its potential (Service capped later at 120 k); discounted gain 34,950.93 - cost 60,000 / 1.08 = 55,555.56', () => {
    const year1 = result.programme.years[1];
    expectClose(year1?.gain, 34_950.93, 0.01);
    expectClose(year1?.cost, 60_000 / 1.08, 1e-6);
    // J(1) = -40,000 + 34,950.93 - 55,555.56 = -60,604.63
    expectClose(year1?.cumulative, -60_604.63, 0.01);
    // Revenue: 700,000 + 0.05 x 2,590,000 = 829,500 (nobody at the cap yet).
    expectClose(year1?.revenue, 829_500, 1e-6);
  });
  it('J(3) = -31,036.32, J(4) = 3,547.86: payback at 3 + 31,036.32 / 34,584.18 = 3.897 years; value after 10 years 257,757.33', () => {
    expectClose(result.programme.years[3]?.cumulative, -31_036.32, 0.01);
    expectClose(result.programme.years[4]?.cumulative, 3_547.86, 0.01);
    expectClose(result.programme.paybackYears, 3 + 31_036.32 / 34_584.18, 1e-4);
    expectClose(result.programme.value, 257_757.33, 0.01);
  });
  it('Service GmbH (75 % share of wallet) reaches its potential in year 5: 90 k + 5 x 6 k = 120 k', () => {
    expect(programmeRevenue({ potential: 120_000, revenue: 90_000 }, 0.05, 4)).toBe(114_000);
    expect(programmeRevenue({ potential: 120_000, revenue: 90_000 }, 0.05, 5)).toBe(120_000);
    expect(programmeRevenue({ potential: 120_000, revenue: 90_000 }, 0.05, 9)).toBe(120_000);
  });
  it('a programme that wins nothing never pays back', () => {
    const account = copyAccount(EXAMPLE_ACCOUNT);
    account.programme.shareGainPerYear = 0;
    const never = computeKeyAccount(account, DEFAULTS, reference).programme;
    expect(never.paybackYears).toBeNull();
    expect(never.value).toBeLessThan(0);
  });
  it('without start cost and with a gain from year 1 above the cost, it pays back at once (0 years)', () => {
    const account = copyAccount(EXAMPLE_ACCOUNT);
    account.programme = { costPerYear: 1_000, startCost: 0, shareGainPerYear: 0.05 };
    expect(computeKeyAccount(account, DEFAULTS, reference).programme.paybackYears).toBe(0);
  });
});

describe('ranking by added value per sales hour (the leads logic) within 200 hours', () => {
  it('Essen: 0.5 x 540,000 x 0.277333 x 5.55899 - 120 x 80 = 406,657.31, 3,388.81 per hour: first', () => {
    const first = result.ranking.rows[0];
    expect(first?.name).toBe('Nordstahl AG, Essen');
    expectClose(first?.addedValue, 406_657.31, 0.01);
    expectClose(first?.valuePerHour, 3_388.81, 0.01);
  });
  it('order Essen, Polska, Ostrava, France, Ohio, Service; the plan takes Essen (120 h), Polska (60 h), then only Service (20 h) still fits: 591,403.41', () => {
    expect(result.ranking.rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 5, 4]);
    expect(result.ranking.rows.filter((r) => r.pursued).map((r) => r.index)).toEqual([0, 1, 4]);
    expect(result.ranking.hoursUsed).toBe(200);
    expectClose(result.ranking.value, 591_403.41, 0.01);
  });
  it('the watering can, 200 / 6 = 33.3 hours each, earns 388,198.35: a third less', () => {
    expectClose(result.ranking.hoursPerEntityWateringCan, 200 / 6, 1e-12);
    expectClose(result.ranking.wateringCanValue, 388_198.35, 0.01);
  });
});

describe('headline figures and account identity', () => {
  it('keyAccountKpis carries the contract names', () => {
    const kpis = keyAccountKpis(result);
    expect(kpis.keyAccountPotential).toBe(2_590_000);
    expect(kpis.keyAccountRevenue).toBe(700_000);
    expectClose(kpis.keyAccountShareOfWallet, 700 / 2590, 1e-12);
    expectClose(kpis.keyAccountValue, 577_368.25, 0.01);
    expect(kpis.keyAccountValueAsAverage).toBe(19_360);
    expectClose(kpis.keyAccountProgrammePayback, 3.8974, 1e-4);
  });
  it('sameAccount compares field by field; a copy is equal, one changed entity is not', () => {
    const copy = copyAccount(EXAMPLE_ACCOUNT);
    expect(sameAccount(copy, EXAMPLE_ACCOUNT)).toBe(true);
    copy.entities[2] = { ...exampleEntity(2), churnRate: 0.09 };
    expect(sameAccount(copy, EXAMPLE_ACCOUNT)).toBe(false);
  });
});
