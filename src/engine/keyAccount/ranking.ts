// Where to go next in the account: its entities as leads (MODEL.md section 5,
// the leads logic of the Segmente tab, scoring/leads.ts). Winning entity e's
// whitespace is worth what that extra revenue earns over the entity's
// expected lifetime, W_e gamma_e a(q_e); pursuing it takes h_e sales hours
// at the cost per hour and succeeds with probability p_e:
//   added value_e = p_e W_e gamma_e a(q_e) - h_e x cost per hour
//   value per hour_e = added value_e / h_e
// Within the hours available the plan takes the best value per hour first;
// the watering can gives every entity the same share of the hours.
import { planLeads, type LeadList } from '../scoring/leads.ts';
import type { EntityValue } from './value.ts';
import type { KeyAccount } from './account.ts';

export interface EntityRank {
  index: number;
  name: string;
  /** W_e gamma_e a(q_e): the value of winning the whole whitespace. */
  whitespaceValue: number;
  winProbability: number;
  hours: number;
  addedValue: number;
  valuePerHour: number;
  /** Taken by the ranked plan within the hours available. */
  pursued: boolean;
}

export interface AccountRanking {
  /** Best value per hour first. */
  rows: EntityRank[];
  hoursAvailable: number;
  hoursUsed: number;
  value: number;
  wateringCanValue: number;
  hoursPerEntityWateringCan: number;
}

export function rankEntities(entities: readonly EntityValue[], account: Readonly<KeyAccount>): AccountRanking {
  const n = entities.length;
  // Each entity is its own "segment" of the leads logic: a market of its own.
  const leads: LeadList = {
    size: n,
    winProbability: Float64Array.from(account.entities.map((e) => e.winProbability)),
    hours: Float64Array.from(account.entities.map((e) => e.salesHours)),
    segment: Uint8Array.from(entities.map((_, index) => index)),
  };
  const whitespaceValue = entities.map((e) => e.whitespace * e.marginOnRevenue * e.annuity);
  const settings = { count: n, capacityHours: account.salesHoursAvailable, costPerHour: account.costPerHour };
  const plan = planLeads(leads, whitespaceValue, settings, n);
  const rows = plan.top.map((row) => ({
      index: row.index,
      name: entities[row.index]?.name ?? '',
      whitespaceValue: whitespaceValue[row.index] ?? 0,
      winProbability: row.winProbability,
      hours: row.hours,
      addedValue: row.expectedValue,
      valuePerHour: row.valuePerHour,
      pursued: row.pursued,
    }));
  return {
    rows,
    hoursAvailable: account.salesHoursAvailable,
    hoursUsed: plan.hoursUsed,
    value: plan.value,
    wateringCanValue: plan.wateringCanValue,
    hoursPerEntityWateringCan: plan.hoursPerLeadWateringCan,
  };
}
