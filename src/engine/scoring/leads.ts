// Leads under limited sales capacity (MODEL.md section 5). A lead's expected
// value is P(win) * CLV_expected - A_lead, where A_lead = hours x cost per
// hour is the sales effort to pursue it and CLV_expected is the mean value of
// the segment it resembles. With S sales hours a year the plan takes the
// leads with the highest value per hour that still fit (positive value only).
// The watering can gives every lead the same S / L hours instead: a lead
// that gets fewer hours than it needs is won with proportionally lower
// probability, P min(1, e / h), and costs the hours spent.
import { uniform } from '../random.ts';

export interface LeadList {
  readonly size: number;
  readonly winProbability: Float64Array;
  /** Sales hours needed to pursue the lead. */
  readonly hours: Float64Array;
  /** Segment the lead resembles: 0 = A, 1 = B, 2 = C. */
  readonly segment: Uint8Array;
}

export interface LeadSettings {
  /** Leads in the simulated list. */
  readonly count: number;
  /** Sales hours available per year (S). */
  readonly capacityHours: number;
  readonly costPerHour: number;
}

export const DEFAULT_LEADS: Readonly<LeadSettings> = Object.freeze({ count: 200, capacityHours: 400, costPerHour: 40 });

/** Streams of the lead list, apart from every customer trait. */
export const LEAD_STREAM = 8000;
/** Simulated leads resemble A, B and C customers in these shares. */
export const LEAD_SEGMENT_SHARES = [0.15, 0.35, 0.5] as const;
/** Median hours to pursue a lead like an A, B or C customer. */
export const LEAD_HOURS = [10, 4, 2] as const;

/** A seeded lead list: segment by share, win probability 5-60 %, hours log-normal around the segment's median. */
export function simulateLeads(seed: number, count: number): LeadList {
  const n = Math.max(0, Math.floor(count));
  const winProbability = new Float64Array(n);
  const hours = new Float64Array(n);
  const segment = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const u = uniform(seed, j, LEAD_STREAM);
    const g = u < LEAD_SEGMENT_SHARES[0] ? 0 : u < LEAD_SEGMENT_SHARES[0] + LEAD_SEGMENT_SHARES[1] ? 1 : 2;
    segment[j] = g;
    winProbability[j] = 0.05 + 0.55 * uniform(seed, j, LEAD_STREAM + 1);
    // exp(0.5 * (2u - 1) * ln 4): between half and twice the median.
    hours[j] = LEAD_HOURS[g as 0 | 1 | 2] * Math.exp((2 * uniform(seed, j, LEAD_STREAM + 2) - 1) * Math.log(2));
  }
  return { size: n, winProbability, hours, segment };
}

export interface LeadRow {
  index: number;
  segment: number;
  winProbability: number;
  hours: number;
  expectedValue: number;
  valuePerHour: number;
}

export interface LeadPlan {
  /** Leads pursued by value per hour. */
  pursued: number;
  hoursUsed: number;
  /** Expected value of the ranked plan. */
  value: number;
  /** Expected value of the watering can. */
  wateringCanValue: number;
  hoursPerLeadWateringCan: number;
  /** Expected new customers won by each plan. */
  wins: number;
  wateringCanWins: number;
  /** The best leads by value per hour (at most 20), and whether each is pursued. */
  top: (LeadRow & { pursued: boolean })[];
  /** Cumulative value against hours along the ranking (for the chart). */
  curve: { hours: number; value: number }[];
}

/** Expected value and value per hour of every lead. */
export function leadRows(leads: LeadList, segmentValue: readonly number[], costPerHour: number): LeadRow[] {
  const rows: LeadRow[] = [];
  for (let j = 0; j < leads.size; j++) {
    const g = leads.segment[j] as number;
    const h = leads.hours[j] as number;
    const p = leads.winProbability[j] as number;
    const expectedValue = p * (segmentValue[g] ?? 0) - h * costPerHour;
    rows.push({ index: j, segment: g, winProbability: p, hours: h, expectedValue, valuePerHour: h > 0 ? expectedValue / h : expectedValue });
  }
  return rows;
}

/** `topCount`: rows kept in `top` (the key account keeps all of its entities). */
export function planLeads(leads: LeadList, segmentValue: readonly number[], s: LeadSettings, topCount = 20): LeadPlan {
  const rows = leadRows(leads, segmentValue, s.costPerHour);
  // Best value per hour first; ties by list order.
  const ranked = [...rows].sort((a, b) => b.valuePerHour - a.valuePerHour || a.index - b.index);
  const pursuedSet = new Set<number>();
  let hoursUsed = 0;
  let value = 0;
  let wins = 0;
  const curve = [{ hours: 0, value: 0 }];
  for (const row of ranked) {
    if (row.expectedValue <= 0) break;
    if (hoursUsed + row.hours > s.capacityHours) continue;
    hoursUsed += row.hours;
    value += row.expectedValue;
    wins += row.winProbability;
    pursuedSet.add(row.index);
    curve.push({ hours: hoursUsed, value });
  }
  const n = leads.size;
  const effort = n > 0 ? s.capacityHours / n : 0;
  let wateringCanValue = 0;
  let wateringCanWins = 0;
  for (const row of rows) {
    const spent = Math.min(effort, row.hours);
    const share = row.hours > 0 ? spent / row.hours : 1;
    const p = row.winProbability * share;
    wateringCanWins += p;
    wateringCanValue += p * (segmentValue[row.segment] ?? 0) - spent * s.costPerHour;
  }
  return {
    pursued: pursuedSet.size,
    hoursUsed,
    value,
    wateringCanValue,
    hoursPerLeadWateringCan: effort,
    wins,
    wateringCanWins,
    top: ranked.slice(0, topCount).map((row) => ({ ...row, pursued: pursuedSet.has(row.index) })),
    curve,
  };
}
