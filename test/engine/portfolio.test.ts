import { describe, expect, it } from 'vitest';
import { computeResults, createEngine } from '../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../src/engine/parameters.ts';
import { generatePopulation, populationKeysOf } from '../../src/engine/population.ts';
import { expectClose } from './close.ts';

const scenario = (overrides: Partial<Scenario>): Scenario => ({ ...DEFAULTS, ...overrides });

describe('the seeded population (MODEL.md section 2)', () => {
  it('is reproducible from (seed, N, spread)', () => {
    const a = generatePopulation(populationKeysOf(DEFAULTS));
    const b = generatePopulation(populationKeysOf(DEFAULTS));
    expect(a.frequency).toEqual(b.frequency);
    expect(a.churn).toEqual(b.churn);
  });

  it('differs for another seed', () => {
    const a = generatePopulation(populationKeysOf(DEFAULTS));
    const b = generatePopulation(populationKeysOf(scenario({ seed: 2 })));
    expect(a.frequency[0]).not.toBe(b.frequency[0]);
  });

  it('keeps every customer when N grows', () => {
    const small = generatePopulation(populationKeysOf(scenario({ customers: 1000 })));
    const large = generatePopulation(populationKeysOf(scenario({ customers: 5000 })));
    expect(large.orderValue.subarray(0, 1000)).toEqual(small.orderValue);
  });

  it('draws traits with mean 1 (200,000 customers, within 2 %)', () => {
    const p = generatePopulation(populationKeysOf(scenario({ customers: 200_000 })));
    for (const trait of [p.frequency, p.orderValue, p.churn, p.orderCost, p.serviceLoad]) {
      const mean = trait.reduce((s, x) => s + x, 0) / trait.length;
      expectClose(mean, 1, 0.02);
    }
  });

  it('spread 0 makes every customer identical', () => {
    const p = generatePopulation(populationKeysOf(scenario({ spread: 0, customers: 100 })));
    expect(new Set([...p.frequency, ...p.orderValue, ...p.churn, ...p.orderCost, ...p.serviceLoad])).toEqual(new Set([1]));
  });
});

describe('portfolio figures', () => {
  it('spread 0: every customer is the section-1 customer with service load size^e_S = 1', () => {
    const r = computeResults(scenario({ spread: 0, customers: 1000 }));
    expectClose(r.portfolio.totals.value, 1000 * 339.3803492585367, 1e-6);
    expectClose(r.portfolio.gini, 0, 1e-12);
    expectClose(r.portfolio.top20RevenueShare, 0.2, 1e-12);
    expectClose(r.portfolio.totals.revenue, 1000 * 4 * 250, 1e-6);
  });

  it('a money slider never regenerates the population: revenue scales exactly with the order value', () => {
    const engine = createEngine();
    const before = engine.compute(DEFAULTS).portfolio;
    const after = engine.compute(scenario({ orderValue: 300 })).portfolio;
    expectClose(after.totals.revenue / before.totals.revenue, 300 / 250, 1e-12);
    expectClose(after.top20RevenueShare, before.top20RevenueShare, 1e-12);
  });

  it('the decile table adds up to the totals, best decile first', () => {
    const r = computeResults(DEFAULTS).portfolio;
    const sum = (key: 'value' | 'revenue' | 'customers') => r.deciles.reduce((s, d) => s + d[key], 0);
    expectClose(sum('value'), r.totals.value, 1e-6 * Math.abs(r.totals.value));
    expectClose(sum('revenue'), r.totals.revenue, 1e-6 * r.totals.revenue);
    expect(sum('customers')).toBe(10_000);
    for (let d = 1; d < 10; d++) expect(r.deciles[d - 1]?.value).toBeGreaterThanOrEqual(r.deciles[d]?.value ?? Infinity);
  });

  it('the histogram counts every customer once', () => {
    const r = computeResults(DEFAULTS).portfolio;
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(10_000);
  });

  it('handles 1,000,000 customers', () => {
    const r = computeResults(scenario({ customers: 1_000_000 }));
    expect(r.portfolio.totals.customers).toBe(1_000_000);
    expect(r.portfolio.lorenz.length).toBeLessThanOrEqual(201);
    expect(r.portfolio.top20RevenueShare).toBeGreaterThan(0.7);
  });
});

describe('calibration of the default portfolio (MODEL.md section 2 bands)', () => {
  // The stylized facts the seminar quotes; every seed should meet them, we check ten.
  const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
  it.each(seeds)('seed %i: top 20 pct bring 70-80 pct of revenue, whale peak 130-170 pct at 35-65 pct, top 20 pct earn 90-140 pct, worst 10 pct destroy at least 10 pct', (seed) => {
    const p = computeResults(scenario({ seed })).portfolio;
    expect(p.top20RevenueShare).toBeGreaterThanOrEqual(0.7);
    expect(p.top20RevenueShare).toBeLessThanOrEqual(0.8);
    expect(p.whalePeak).toBeGreaterThanOrEqual(1.3);
    expect(p.whalePeak).toBeLessThanOrEqual(1.7);
    expect(p.whalePeakAt).toBeGreaterThanOrEqual(0.35);
    expect(p.whalePeakAt).toBeLessThanOrEqual(0.65);
    expect(p.top20ValueShare).toBeGreaterThanOrEqual(0.9);
    expect(p.top20ValueShare).toBeLessThanOrEqual(1.4);
    expect(p.worst10ValueShare).toBeLessThanOrEqual(-0.1);
  });
});
