// The Konzernkunde tab's figures in one call, from the account, the scenario
// (cost per order, discount rate, growth, horizon) and the simulated
// portfolio it is compared with. Pure: runs in the worker and in Node tests.
import type { KeyAccount } from './account.ts';
import { programmeInvestment, type ProgrammeResult } from './programme.ts';
import { rankEntities, type AccountRanking } from './ranking.ts';
import type { PortfolioReference } from './reference.ts';
import { accountValue, type AccountValue, type ValuationScenario } from './value.ts';

export interface KeyAccountResult extends AccountValue {
  programme: ProgrammeResult;
  ranking: AccountRanking;
  /** Portfolio customers compared with. */
  portfolioCustomers: number;
  /** The most valuable portfolio customer's value. */
  portfolioTopValue: number;
  /** Mean value of an A, B and C portfolio customer. */
  segmentValue: readonly [number, number, number];
  segmentRevenue: readonly [number, number, number];
}

/** The flat figures behind the tab's `data-kpi` attributes (payback null = never). */
export interface KeyAccountKpis {
  keyAccountPotential: number;
  keyAccountRevenue: number;
  keyAccountShareOfWallet: number;
  keyAccountValue: number;
  keyAccountValueAsAverage: number;
  keyAccountProgrammePayback: number | null;
}

export function computeKeyAccount(account: Readonly<KeyAccount>, scenario: ValuationScenario, reference: PortfolioReference): KeyAccountResult {
  const value = accountValue(account, scenario, reference);
  return {
    ...value,
    programme: programmeInvestment(value.entities, account.programme, scenario),
    ranking: rankEntities(value.entities, account),
    portfolioCustomers: reference.customers,
    portfolioTopValue: reference.topValue,
    segmentValue: reference.segmentValue,
    segmentRevenue: reference.segmentRevenue,
  };
}

export function keyAccountKpis(result: KeyAccountResult): KeyAccountKpis {
  return {
    keyAccountPotential: result.potential,
    keyAccountRevenue: result.revenue,
    keyAccountShareOfWallet: result.shareOfWallet,
    keyAccountValue: result.value,
    keyAccountValueAsAverage: result.valueAsAverage,
    keyAccountProgrammePayback: result.programme.paybackYears,
  };
}

export * from './account.ts';
export type { PortfolioReference, ValuePosition } from './reference.ts';
export { portfolioReference } from './reference.ts';
export type { AccountValue, EntityValue } from './value.ts';
export type { ProgrammeResult, ProgrammeYear } from './programme.ts';
export type { AccountRanking, EntityRank } from './ranking.ts';
