// Adapters from the worker's real-customer portfolio (src/data/portfolio.ts)
// to the prop shapes of the simulator's charts and tables, so those are
// reused as they are (no copied chart code).
import type { Decile, PortfolioResult } from '../../engine/results.ts';
import type { PortfolioSummary } from '../../data/session.ts';

/** The PortfolioResult the Pareto chart reads (lorenz and concentration figures), totals filled from the data. */
export function portfolioResultOf(portfolio: PortfolioSummary): PortfolioResult {
  const n = portfolio.customers;
  return {
    totals: {
      customers: n,
      revenue: portfolio.revenue,
      contribution: portfolio.contribution,
      value: portfolio.value,
      lifetimeProfit: portfolio.value,
      negativeCount: portfolio.negativeCount,
      negativeShare: n > 0 ? portfolio.negativeCount / n : 0,
      meanClv: n > 0 ? portfolio.value / n : 0,
      medianClv: 0,
      cappedCustomers: 0,
    },
    lorenz: portfolio.lorenz,
    top20RevenueShare: portfolio.top20RevenueShare,
    customersFor80Revenue: portfolio.customersFor80Revenue,
    gini: portfolio.gini,
    whale: portfolio.whale,
    whalePeak: portfolio.whalePeak,
    whalePeakAt: portfolio.whalePeakAt,
    top20ValueShare: portfolio.top20ValueShare,
    worst10ValueShare: portfolio.worst10ValueShare,
    deciles: portfolio.deciles,
    histogram: portfolio.histogram,
  };
}

/** The decile table shows revenue and contribution per year: the observed totals divided by the years observed. */
export function annualDeciles(deciles: readonly Decile[], observedYears: number): Decile[] {
  const years = observedYears > 0 ? observedYears : 1;
  return deciles.map((decile) => ({ ...decile, revenue: decile.revenue / years, contribution: decile.contribution / years }));
}
