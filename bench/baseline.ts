// The plain implementation the benchmark compares against: one object per
// customer, Array.prototype.sort with a comparator, Math.pow. Same figures as
// the engine's portfolio and drop step (MODEL.md sections 2 and 3), written
// the way one would first write them.
import type { Scenario } from '../src/engine/parameters.ts';
import type { Population } from '../src/engine/population.ts';

interface CustomerRecord {
  revenue: number;
  margin: number;
  clv: number;
  cost: number;
  service: number;
  marginRate: number;
  annuity: number;
}

export interface BaselineTraits {
  phi: number;
  nu: number;
  kappa: number;
  psi: number;
  chi: number;
}

export function baselineTraits(population: Population): BaselineTraits[] {
  return Array.from({ length: population.size }, (_, i) => ({
    phi: population.frequency[i] as number,
    nu: population.orderValue[i] as number,
    kappa: population.churn[i] as number,
    psi: population.orderCost[i] as number,
    chi: population.serviceLoad[i] as number,
  }));
}

export function baselineRecompute(traits: BaselineTraits[], s: Scenario) {
  const customers: CustomerRecord[] = traits.map((t) => {
    const size = t.phi * t.nu;
    const orders = s.ordersPerYear * t.phi;
    const revenue = orders * s.orderValue * t.nu;
    const marginRate = Math.min(1, s.marginRate * Math.pow(size, -s.sizeDiscountElasticity));
    const orderCost = orders * s.costPerOrder * t.psi;
    const service = s.serviceCostPerYear * t.chi * Math.pow(size, s.serviceSizeElasticity);
    const margin = revenue * marginRate - orderCost - service;
    const churn = Math.min(1, Math.max(0.01, s.churnRate * t.kappa));
    const q = ((1 - churn) * (1 + s.growthRate)) / (1 + s.discountRate);
    const horizon = s.horizon ?? 100;
    const annuity = (1 - Math.pow(q, horizon)) / (1 - q) / (1 + s.discountRate);
    return { revenue, margin, clv: margin * annuity, cost: (orderCost + service) * annuity, service, marginRate, annuity };
  });
  const n = customers.length;
  const byRevenue = [...customers].sort((a, b) => a.revenue - b.revenue);
  const totalRevenue = byRevenue.reduce((sum, c) => sum + c.revenue, 0);
  let cumulative = 0;
  let weighted = 0;
  const lorenz: number[] = [];
  byRevenue.forEach((c, k) => {
    cumulative += c.revenue;
    weighted += (k + 1) * c.revenue;
    lorenz.push(cumulative / totalRevenue);
  });
  const gini = (2 * weighted) / (n * totalRevenue) - (n + 1) / n;
  const top20RevenueShare = 1 - (lorenz[n - Math.round(0.2 * n) - 1] ?? 0);
  const byValue = [...customers].sort((a, b) => b.clv - a.clv);
  const totalValue = byValue.reduce((sum, c) => sum + c.clv, 0);
  let running = 0;
  const whale = byValue.map((c) => (running += c.clv) / totalValue);
  const whalePeak = Math.max(...whale.filter((_, k) => k % 1000 === 0), whale[n - 1] ?? 0);
  const deciles = Array.from({ length: 10 }, (_, d) => {
    const group = byValue.slice(Math.floor((d * n) / 10), Math.floor(((d + 1) * n) / 10));
    return {
      revenue: group.reduce((sum, c) => sum + c.revenue, 0),
      contribution: group.reduce((sum, c) => sum + c.margin, 0),
      value: group.reduce((sum, c) => sum + c.clv, 0),
    };
  });
  const values = byValue.map((c) => c.clv);
  const low = values[Math.floor(0.99 * (n - 1))] ?? 0;
  const high = values[Math.floor(0.01 * (n - 1))] ?? 0;
  const width = (high - low) / 30 || 1;
  const histogram = new Array<number>(30).fill(0);
  for (const v of values) {
    const bin = Math.min(29, Math.max(0, Math.floor((v - low) / width)));
    histogram[bin] = (histogram[bin] ?? 0) + 1;
  }
  const dropped = byValue.slice(n - Math.round(s.dropShare * n));
  const revenueRank = new Map(byRevenue.map((c, k) => [c, n - 1 - k]));
  const naiveGain = -dropped.reduce((sum, c) => sum + c.clv, 0);
  const realisticGain = naiveGain - s.stickiness * dropped.reduce((sum, c) => sum + c.cost, 0);
  const important = dropped.filter((c) => (revenueRank.get(c) ?? n) < Math.round(0.3 * n)).length;
  return { gini, top20RevenueShare, whalePeak, deciles, histogram, naiveGain, realisticGain, important, lorenz: lorenz.length };
}
