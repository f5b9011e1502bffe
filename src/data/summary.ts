// Per-customer summary of a transaction table (MODEL.md section 6, the
// conventions of shared/data/README.md, identical to lifetimes'
// summary_data_from_transaction_data and BTYD):
// - purchases of one customer on one day are merged, revenue summed;
// - negative amounts are returns or credits: they count in revenue and net
//   against the purchases of their day; a day whose net amount is negative
//   is no purchase (not in frequency, recency, T or the spend per purchase),
//   so the spend model only ever sees days of zero or positive spend;
// - frequency x = repeat purchase days (distinct purchase days - 1) up to the
//   calibration end (inclusive);
// - recency t_x = last - first purchase day, age T = calibration end - first
//   purchase day, both in days / 7 (unit 'week') or days (unit 'day');
// - monetary value = mean revenue of the repeat purchase days (the first is
//   excluded), 0 when x = 0;
// - holdout frequency = distinct purchase days after the calibration end up
//   to the observation end.
// Customers whose first purchase falls after the calibration end are not
// part of the calibration (inCalibration = 0); revenue, margin, returns and
// purchase days cover the whole table up to the observation end.
import type { TransactionTable } from './table.ts';

export type TimeUnit = 'week' | 'day';

export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { week: 7, day: 1 };

export interface SummaryOptions {
  /** Last day of the calibration period, inclusive (days since 1970-01-01); default the last purchase day. */
  calibrationEnd?: number;
  /** Last day observed; default the last purchase day (or the calibration end if later). Later rows are ignored. */
  observationEnd?: number;
  unit?: TimeUnit;
}

export interface CustomerSummary {
  customers: number;
  /** Customers with their first purchase on or before the calibration end. */
  calibrationCustomers: number;
  ids: readonly string[];
  unit: TimeUnit;
  calibrationEnd: number;
  observationEnd: number;
  /** Length of the holdout period (observation end - calibration end) in the time unit. */
  holdoutLength: number;
  inCalibration: Uint8Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  holdoutFrequency: Float64Array;
  holdoutRevenue: Float64Array;
  /** Whole table (calibration and holdout). */
  purchaseDays: Uint32Array;
  transactions: Uint32Array;
  revenue: Float64Array;
  /** The margin column, else revenue - cost, else null. */
  margin: Float64Array | null;
  returns: Float64Array | null;
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Channel of the first purchase (acquisition channel), index into `channels`; null without a channel column. */
  channel: Uint32Array | null;
  channels: readonly string[];
}

/** Rows grouped by customer (counting sort, stable), each group sorted by day. */
function rowsByCustomer(table: TransactionTable, customers: number): { order: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(customers + 1);
  const { customer, day } = table;
  for (let i = 0; i < table.rows; i++) start[(customer[i] as number) + 1] = (start[(customer[i] as number) + 1] as number) + 1;
  for (let c = 0; c < customers; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, customers);
  const order = new Uint32Array(table.rows);
  for (let i = 0; i < table.rows; i++) {
    const c = customer[i] as number;
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  }
  // Exports are usually in date order, so an insertion sort per customer costs one pass.
  for (let c = 0; c < customers; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    for (let k = from + 1; k < to; k++) {
      const row = order[k] as number;
      const d = day[row] as number;
      let j = k - 1;
      while (j >= from && (day[order[j] as number] as number) > d) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = row;
    }
  }
  return { order, start };
}

export function summarizeCustomers(table: TransactionTable, options: SummaryOptions = {}): CustomerSummary {
  const n = table.customerIds.length;
  const unit = options.unit ?? 'week';
  const perUnit = DAYS_PER_UNIT[unit];
  let lastPurchase = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < table.rows; i++) if ((table.day[i] as number) > lastPurchase) lastPurchase = table.day[i] as number;
  // A calibration end after the last purchase observes until then, with an empty holdout (as lifetimes does).
  const observationEnd = options.observationEnd ?? Math.max(lastPurchase, options.calibrationEnd ?? lastPurchase);
  const calibrationEnd = options.calibrationEnd ?? observationEnd;
  const { order, start } = rowsByCustomer(table, n);
  const { day, revenue } = table;
  const marginColumn = table.margin;
  const costColumn = table.cost;

  const inCalibration = new Uint8Array(n);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetary = new Float64Array(n);
  const holdoutFrequency = new Float64Array(n);
  const holdoutRevenue = new Float64Array(n);
  const purchaseDays = new Uint32Array(n);
  const transactions = new Uint32Array(n);
  const totalRevenue = new Float64Array(n);
  const margin = marginColumn !== null || costColumn !== null ? new Float64Array(n) : null;
  const returns = table.returns !== null ? new Float64Array(n) : null;
  const firstDay = new Int32Array(n);
  const lastDay = new Int32Array(n);
  const channel = table.channel !== null ? new Uint32Array(n) : null;
  let calibrationCustomers = 0;

  for (let c = 0; c < n; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    let first = Number.NaN;
    let last = Number.NaN;
    let firstRow = Number.NaN;
    let lastRow = Number.NaN;
    let days = 0;
    let calibrationDays = 0;
    let lastCalibrationDay = Number.NaN;
    let repeatRevenue = 0;
    let holdoutDays = 0;
    let holdoutSum = 0;
    let kept = 0;
    let revenueSum = 0;
    let marginSum = 0;
    let returnsSum = 0;
    let currentDay = Number.NaN;
    let currentRevenue = 0;
    // Closes the merged day currentDay with net revenue currentRevenue; a negative net is a return, no purchase.
    const closeDay = (): void => {
      if (Number.isNaN(currentDay) || currentRevenue < 0) return;
      days++;
      if (days === 1) first = currentDay;
      last = currentDay;
      if (currentDay <= calibrationEnd) {
        calibrationDays++;
        lastCalibrationDay = currentDay;
        if (calibrationDays > 1) repeatRevenue += currentRevenue;
      } else {
        holdoutDays++;
        holdoutSum += currentRevenue;
      }
    };
    for (let k = from; k < to; k++) {
      const row = order[k] as number;
      const d = day[row] as number;
      if (d > observationEnd) continue;
      if (kept === 0) {
        firstRow = d;
        if (channel !== null && table.channel !== null) channel[c] = table.channel[row] as number;
      }
      kept++;
      lastRow = d;
      const value = revenue[row] as number;
      revenueSum += value;
      if (marginColumn !== null) marginSum += marginColumn[row] as number;
      else if (costColumn !== null) marginSum += value - (costColumn[row] as number);
      if (table.returns !== null) returnsSum += table.returns[row] as number;
      if (d !== currentDay) {
        closeDay();
        currentDay = d;
        currentRevenue = 0;
      }
      currentRevenue += value;
    }
    closeDay();
    transactions[c] = kept;
    purchaseDays[c] = days;
    totalRevenue[c] = revenueSum;
    if (margin !== null) margin[c] = marginSum;
    if (returns !== null) returns[c] = returnsSum;
    // First and last purchase; a customer with returns only keeps the days of her rows.
    firstDay[c] = days > 0 ? first : kept > 0 ? firstRow : 0;
    lastDay[c] = days > 0 ? last : kept > 0 ? lastRow : 0;
    holdoutFrequency[c] = holdoutDays;
    holdoutRevenue[c] = holdoutSum;
    if (calibrationDays > 0) {
      inCalibration[c] = 1;
      calibrationCustomers++;
      const x = calibrationDays - 1;
      frequency[c] = x;
      recency[c] = (lastCalibrationDay - first) / perUnit;
      T[c] = (calibrationEnd - first) / perUnit;
      monetary[c] = x > 0 ? repeatRevenue / x : 0;
    }
  }
  return {
    customers: n,
    calibrationCustomers,
    ids: table.customerIds,
    unit,
    calibrationEnd,
    observationEnd,
    holdoutLength: (observationEnd - calibrationEnd) / perUnit,
    inCalibration,
    frequency,
    recency,
    T,
    monetary,
    holdoutFrequency,
    holdoutRevenue,
    purchaseDays,
    transactions,
    revenue: totalRevenue,
    margin,
    returns,
    firstDay,
    lastDay,
    channel,
    channels: table.channels,
  };
}

/** The calibration customers only, as the models take them; `index` maps back to the summary. */
export interface CalibrationData {
  index: Uint32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  holdoutFrequency: Float64Array;
}

export function calibrationData(summary: CustomerSummary): CalibrationData {
  const m = summary.calibrationCustomers;
  const data: CalibrationData = {
    index: new Uint32Array(m),
    frequency: new Float64Array(m),
    recency: new Float64Array(m),
    T: new Float64Array(m),
    monetary: new Float64Array(m),
    holdoutFrequency: new Float64Array(m),
  };
  let k = 0;
  for (let c = 0; c < summary.customers; c++) {
    if (summary.inCalibration[c] !== 1) continue;
    data.index[k] = c;
    data.frequency[k] = summary.frequency[c] as number;
    data.recency[k] = summary.recency[c] as number;
    data.T[k] = summary.T[c] as number;
    data.monetary[k] = summary.monetary[c] as number;
    data.holdoutFrequency[k] = summary.holdoutFrequency[c] as number;
    k++;
  }
  return data;
}

/**
 * The calibration customers as of the end of the data: the same customers
 * (same `index`), with their purchases of calibration and holdout together.
 * The models fitted on the calibration period are then evaluated at the
 * observation end (the BG/NBD posterior updated on all data), so that
 * P(alive) and the last purchase shown beside it speak of the same moment.
 * Repeat spend: the calibration repeat purchases plus every holdout purchase
 * (a calibration customer's first purchase is always in the calibration).
 */
export function dataEndData(summary: CustomerSummary, calibration: CalibrationData): CalibrationData {
  const m = calibration.index.length;
  const perUnit = DAYS_PER_UNIT[summary.unit];
  const data: CalibrationData = {
    index: calibration.index,
    frequency: new Float64Array(m),
    recency: new Float64Array(m),
    T: new Float64Array(m),
    monetary: new Float64Array(m),
    holdoutFrequency: new Float64Array(m),
  };
  for (let k = 0; k < m; k++) {
    const c = calibration.index[k] as number;
    const xCalibration = calibration.frequency[k] as number;
    const holdout = summary.holdoutFrequency[c] as number;
    const x = xCalibration + holdout;
    const first = summary.firstDay[c] as number;
    data.frequency[k] = x;
    data.recency[k] = ((summary.lastDay[c] as number) - first) / perUnit;
    data.T[k] = (summary.observationEnd - first) / perUnit;
    data.monetary[k] = x > 0 ? ((calibration.monetary[k] as number) * xCalibration + (summary.holdoutRevenue[c] as number)) / x : 0;
  }
  return data;
}

/** Shortest span (days) worth splitting: below it the holdout would hold less than two weeks. */
const MIN_SPLIT_SPAN_DAYS = 28;

/**
 * The calibration end the app proposes for a file (issue 15, defect 3): the
 * first half of the time span, ending at a whole number of weeks after the
 * first purchase day, so the calibration holds whole weeks and the other half
 * checks the forecast. On the CDNOW sample (1997-01-01 to 1998-06-30) this is
 * 39 weeks, 1997-09-30: the split of the published fits. Null when the span
 * is too short to split.
 */
export function proposeCalibrationEnd(firstDay: number, lastDay: number): number | null {
  const span = lastDay - firstDay;
  if (!(span >= MIN_SPLIT_SPAN_DAYS)) return null;
  const weeks = Math.max(1, Math.round(span / 2 / 7));
  return firstDay + weeks * 7 - 1;
}
