// Analysis over time (issue 7, scope 5): revenue and active customers per
// calendar month by acquisition cohort (month of the first purchase), and
// revenue and margin per sales channel (profit by channel).
import type { CustomerSummary } from './summary.ts';
import type { TransactionTable } from './table.ts';

/** Months since January 1970 of a day number (civil-from-days, H. Hinnant). */
export function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return (year - 1970) * 12 + (month - 1);
}

/** "YYYY-MM" of a month index. */
export function monthLabel(month: number): string {
  const years = Math.floor(month / 12);
  return `${1970 + years}-${String(month - years * 12 + 1).padStart(2, '0')}`;
}

export interface Cohort {
  /** Month of the first purchase, "YYYY-MM". */
  label: string;
  customers: number;
  /** Per calendar month of `CohortTable.months`: revenue and customers who bought that month. */
  revenue: Float64Array;
  active: Uint32Array;
}

export interface CohortTable {
  months: string[];
  cohorts: Cohort[];
}

export function cohortTable(table: TransactionTable, summary: CustomerSummary): CohortTable {
  if (table.rows === 0) return { months: [], cohorts: [] };
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < table.rows; i++) {
    const d = table.day[i] as number;
    if (d > summary.observationEnd) continue;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const firstMonth = monthOfDay(first);
  const width = monthOfDay(last) - firstMonth + 1;
  const cohortOf = new Int32Array(summary.customers);
  const customersPerCohort = new Uint32Array(width);
  for (let c = 0; c < summary.customers; c++) {
    const k = monthOfDay(summary.firstDay[c] as number) - firstMonth;
    cohortOf[c] = k;
    customersPerCohort[k] = (customersPerCohort[k] as number) + 1;
  }
  const revenue = Array.from({ length: width }, () => new Float64Array(width));
  const active = Array.from({ length: width }, () => new Uint32Array(width));
  // A customer counts once per month in which she bought, whatever the row order.
  const counted = new Set<number>();
  for (let i = 0; i < table.rows; i++) {
    const d = table.day[i] as number;
    if (d > summary.observationEnd) continue;
    const c = table.customer[i] as number;
    const k = cohortOf[c] as number;
    const m = monthOfDay(d) - firstMonth;
    const row = revenue[k] as Float64Array;
    row[m] = (row[m] as number) + (table.revenue[i] as number);
    const key = c * width + m;
    if (!counted.has(key)) {
      counted.add(key);
      const activeRow = active[k] as Uint32Array;
      activeRow[m] = (activeRow[m] as number) + 1;
    }
  }
  return {
    months: Array.from({ length: width }, (_, m) => monthLabel(firstMonth + m)),
    cohorts: Array.from({ length: width }, (_, k) => ({
      label: monthLabel(firstMonth + k),
      customers: customersPerCohort[k] as number,
      revenue: revenue[k] as Float64Array,
      active: active[k] as Uint32Array,
    })).filter((cohort) => cohort.customers > 0),
  };
}

export interface ChannelTotals {
  channel: string;
  /** Rows and distinct customers with at least one purchase in the channel. */
  transactions: number;
  customers: number;
  revenue: number;
  /** Margin column, else revenue - cost; null when the file has neither. */
  margin: number | null;
}

/** Revenue and margin per channel over the whole table; empty without a channel column. */
export function channelTotals(table: TransactionTable): ChannelTotals[] {
  const channel = table.channel;
  if (channel === null) return [];
  const k = table.channels.length;
  const transactions = new Uint32Array(k);
  const revenue = new Float64Array(k);
  const margin = new Float64Array(k);
  const customers = Array.from({ length: k }, () => new Set<number>());
  for (let i = 0; i < table.rows; i++) {
    const j = channel[i] as number;
    const value = table.revenue[i] as number;
    transactions[j] = (transactions[j] as number) + 1;
    revenue[j] = (revenue[j] as number) + value;
    if (table.margin !== null) margin[j] = (margin[j] as number) + (table.margin[i] as number);
    else if (table.cost !== null) margin[j] = (margin[j] as number) + value - (table.cost[i] as number);
    customers[j]?.add(table.customer[i] as number);
  }
  const hasMargin = table.margin !== null || table.cost !== null;
  return table.channels.map((name, j) => ({
    channel: name,
    transactions: transactions[j] as number,
    customers: customers[j]?.size ?? 0,
    revenue: revenue[j] as number,
    margin: hasMargin ? (margin[j] as number) : null,
  }));
}
