// The key account as a market and its value (MODEL.md section 1 per entity;
// the formulas are in the README's model notes and on the Konzernkunde tab).
// Per entity e, with the scenario's cost per order s_o, discount rate d,
// growth u and horizon H:
//   P_e' = max(P_e, R_e)                  potential, at least today's revenue
//   SoW_e = R_e / P_e'                     share of wallet (0 when P_e' = 0)
//   W_e = P_e' - R_e                       whitespace
//   m_e = R_e g_e - F_e s_o - k_e           (section 1: F (V g - s_o) - s_y with
//                                          V = R_e / F_e and s_y = k_e)
//   gamma_e = g_e - s_o / V_e               what one more unit of revenue earns after
//                                          order costs, at the entity's order size
//                                          V_e = max(R_e / F_e, 1) (no orders yet: V)
//   q_e = (1 - c_e)(1 + u) / (1 + d),  CLV_e = m_e a(q_e)  (section 1)
// The group-level management cost K is paid every year of the horizon
// whichever entities stay: a_0 = a(1 / (1 + d)), no churn, no growth.
//   value as its own market = sum_e CLV_e - K a_0
//   value like an average customer = sum_e mean value of e's segment
import { annuityFactor } from '../customer.ts';
import type { Scenario } from '../parameters.ts';
import { ACCOUNT_SEGMENTS, type KeyAccount, type KeyAccountEntity } from './account.ts';
import type { PortfolioReference, ValuePosition } from './reference.ts';

export type ValuationScenario = Pick<Scenario, 'costPerOrder' | 'orderValue' | 'discountRate' | 'growthRate' | 'horizon'>;

export interface EntityValue {
  index: number;
  name: string;
  segment: KeyAccountEntity['segment'];
  /** P_e' = max(P_e, R_e). */
  potential: number;
  revenue: number;
  shareOfWallet: number;
  whitespace: number;
  /** gamma_e: contribution per unit of revenue after order costs. */
  marginOnRevenue: number;
  /** m_e per year. */
  annualContribution: number;
  /** q_e = r_e (1 + u) / (1 + d). */
  q: number;
  /** a(q_e): CLV_e = m_e a(q_e). */
  annuity: number;
  clv: number;
  /** The mean value of a portfolio customer of the entity's segment. */
  valueAsAverage: number;
  revenueAsAverage: number;
  /** The entity's revenue was above its potential: the potential was raised to it. */
  potentialRaised: boolean;
  /** An unlimited horizon diverged (q_e >= 1) and the sum was capped. */
  unbounded: boolean;
}

export interface AccountValue {
  entities: EntityValue[];
  potential: number;
  revenue: number;
  /** R / P' over the whole account; 0 when there is no potential. */
  shareOfWallet: number;
  whitespace: number;
  annualContribution: number;
  entitiesClv: number;
  /** a_0 = a(1 / (1 + d)). */
  managementAnnuity: number;
  /** K a_0. */
  managementCost: number;
  /** sum_e CLV_e - K a_0. */
  value: number;
  valueAsAverage: number;
  revenueAsAverage: number;
  /** value / valueAsAverage; null when the average is not positive. */
  valueRatio: number | null;
  position: ValuePosition;
  positionAsAverage: ValuePosition;
  /** A divergent unlimited horizon capped some sums (see customer.ts). */
  unbounded: boolean;
}

/** An order is worth at least one unit of money: keeps gamma finite for a tiny revenue spread over many orders. */
export const MIN_ORDER_SIZE = 1;

/** V_e: today's order size, or the scenario's order value V for an entity without orders; null = no order costs. */
export function orderSize(entity: Readonly<KeyAccountEntity>, s: ValuationScenario): number | null {
  if (entity.revenue > 0 && entity.ordersPerYear > 0) return Math.max(entity.revenue / entity.ordersPerYear, MIN_ORDER_SIZE);
  if (entity.revenue > 0) return null;
  return s.orderValue > 0 ? Math.max(s.orderValue, MIN_ORDER_SIZE) : null;
}

/** gamma_e = g_e - s_o / V_e. */
export function marginOnRevenue(entity: Readonly<KeyAccountEntity>, s: ValuationScenario): number {
  const size = orderSize(entity, s);
  return size === null ? entity.marginRate : entity.marginRate - s.costPerOrder / size;
}

export function entityValue(entity: Readonly<KeyAccountEntity>, index: number, s: ValuationScenario, reference: PortfolioReference): EntityValue {
  const potential = Math.max(entity.potential, entity.revenue);
  const gamma = marginOnRevenue(entity, s);
  const m = entity.revenue * entity.marginRate - entity.ordersPerYear * s.costPerOrder - entity.costToServe;
  const q = ((1 - entity.churnRate) * (1 + s.growthRate)) / (1 + s.discountRate);
  const annuity = annuityFactor(q, s.discountRate, s.horizon);
  const g = ACCOUNT_SEGMENTS.indexOf(entity.segment);
  return {
    index,
    name: entity.name,
    segment: entity.segment,
    potential,
    revenue: entity.revenue,
    shareOfWallet: potential > 0 ? entity.revenue / potential : 0,
    whitespace: potential - entity.revenue,
    marginOnRevenue: gamma,
    annualContribution: m,
    q,
    annuity: annuity.factor,
    clv: m * annuity.factor,
    valueAsAverage: reference.segmentValue[g] ?? 0,
    revenueAsAverage: reference.segmentRevenue[g] ?? 0,
    potentialRaised: entity.revenue > entity.potential,
    unbounded: annuity.unbounded,
  };
}

export function accountValue(account: Readonly<KeyAccount>, s: ValuationScenario, reference: PortfolioReference): AccountValue {
  const entities = account.entities.map((entity, index) => entityValue(entity, index, s, reference));
  const sum = (pick: (e: EntityValue) => number): number => entities.reduce((total, e) => total + pick(e), 0);
  const potential = sum((e) => e.potential);
  const revenue = sum((e) => e.revenue);
  const management = annuityFactor(1 / (1 + s.discountRate), s.discountRate, s.horizon);
  const managementCost = account.managementCostPerYear * management.factor;
  const entitiesClv = sum((e) => e.clv);
  const value = entitiesClv - managementCost;
  const valueAsAverage = sum((e) => e.valueAsAverage);
  return {
    entities,
    potential,
    revenue,
    shareOfWallet: potential > 0 ? revenue / potential : 0,
    whitespace: sum((e) => e.whitespace),
    annualContribution: sum((e) => e.annualContribution),
    entitiesClv,
    managementAnnuity: management.factor,
    managementCost,
    value,
    valueAsAverage,
    revenueAsAverage: sum((e) => e.revenueAsAverage),
    valueRatio: valueAsAverage > 0 ? value / valueAsAverage : null,
    position: reference.position(value),
    positionAsAverage: reference.position(valueAsAverage),
    unbounded: management.unbounded || entities.some((e) => e.unbounded),
  };
}
