// Starting points for the three kinds of business the seminar uses. Each
// preset only overrides section-1 inputs and the portfolio size; the spread
// model stays calibrated (MODEL.md section 2).
import { DEFAULTS, type Scenario } from './parameters.ts';

export type PresetId = 'b2bSupplier' | 'onlineShop' | 'subscription';

export const PRESETS: Readonly<Record<PresetId, Readonly<Scenario>>> = Object.freeze({
  // MODEL.md defaults: a mid-size B2B supplier.
  b2bSupplier: DEFAULTS,
  // Many small customers, cheap to win, high churn, little account care.
  onlineShop: Object.freeze({
    ...DEFAULTS,
    acquisitionCost: 40,
    orderValue: 60,
    ordersPerYear: 3,
    marginRate: 0.35,
    costPerOrder: 8,
    serviceCostPerYear: 5,
    churnRate: 0.45,
    careBudgetPerCustomer: 2,
  }),
  // Monthly billing: twelve small orders a year, high margin, moderate churn.
  subscription: Object.freeze({
    ...DEFAULTS,
    acquisitionCost: 120,
    orderValue: 30,
    ordersPerYear: 12,
    marginRate: 0.7,
    costPerOrder: 1,
    serviceCostPerYear: 20,
    churnRate: 0.25,
    careBudgetPerCustomer: 10,
  }),
});

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];
