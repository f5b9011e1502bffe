// Importing a per-customer summary instead of transactions (issue 15, "past
// the browser"): a file with the columns customer_id, frequency, recency, T,
// monetary_value (the names lifetimes, CLVTools and PyMC-Marketing use),
// optionally first_purchase, revenue, cost, channel, as computed where the
// data lives (sql/duckdb/customer_summary.sql). It becomes the same
// CustomerSummary a transaction import gives, so the same fits run on it and
// give the same parameters. What a summary cannot give (cohorts, purchase
// timelines, a holdout split) stays empty: every customer is a calibration
// customer and the holdout is empty.
// Bad rows (a negative or missing value, recency > T, a frequency that is no
// whole number, monetary_value <= 0 for a repeat buyer) are each rejected
// with their line; the rest is used.
import Papa from 'papaparse';
import { parseDay } from './dates.ts';
import { detectDelimiter } from './dialect.ts';
import { importError, quoteCell, type ImportError, type RejectCode, type RejectedRow } from './problems.ts';
import type { CustomerSummary, TimeUnit } from './summary.ts';

const REQUIRED = ['customer_id', 'frequency', 'recency', 't', 'monetary_value'] as const;
const OPTIONAL = ['first_purchase', 'revenue', 'cost', 'channel'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** Header cells normalised for matching: trimmed, lower case, without quotes or BOM. */
const normalised = (cell: string): string => cell.replace(/^\uFEFF/, '').trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();

/** Column positions when the header names a summary file (all required columns), else null. */
export function summaryColumns(headers: readonly string[]): Partial<Record<Column, number>> | null {
  const names = headers.map(normalised);
  const at: Partial<Record<Column, number>> = {};
  for (const column of [...REQUIRED, ...OPTIONAL]) {
    const k = names.indexOf(column);
    if (k >= 0) at[column] = k;
  }
  return REQUIRED.every((column) => at[column] !== undefined) ? at : null;
}

/** The first line of the text, split on its delimiter. */
function headerOf(text: string): { headers: string[]; delimiter: string } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const end = body.search(/\r\n|\n|\r/);
  const first = end < 0 ? body : body.slice(0, end);
  const delimiter = detectDelimiter(body.slice(0, 64 * 1024));
  return { headers: Papa.parse<string[]>(first, { delimiter }).data[0] ?? [], delimiter };
}

/** True when the file's header names a per-customer summary rather than transactions. */
export function isSummaryText(text: string): boolean {
  return summaryColumns(headerOf(text).headers) !== null;
}

export interface SummaryImportOptions {
  /** The time unit of recency and T, as the user states it (a summary file does not say). */
  unit: TimeUnit;
  onProgress?: (progress: { fraction: number; rows: number }) => void;
}

export type SummaryImportOutcome =
  | { ok: true; summary: CustomerSummary; rejected: RejectedRow[]; rows: number; hasFirstPurchase: boolean }
  | { ok: false; error: ImportError; rejected: RejectedRow[] };

/** A plain decimal number ("12", "-3.5", "1e3"); NaN for anything else, so "" or "12abc" are no zeros. */
function numberOf(cell: string | undefined): number {
  if (cell === undefined) return Number.NaN;
  const text = cell.trim();
  if (text.length === 0) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** Lines of the text; quoted cells (rare in a summary) go through papaparse. */
function* linesOf(text: string, delimiter: string): Generator<string[]> {
  if (text.includes('"')) {
    for (const cells of Papa.parse<string[]>(text, { delimiter }).data) yield cells;
    return;
  }
  let position = 0;
  while (position <= text.length) {
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(position, end - 1) : text.slice(position, end);
    yield line.split(delimiter);
    position = end + 1;
  }
}

const PROGRESS_ROWS = 250_000;

export function importSummaryText(input: string, options: SummaryImportOptions): SummaryImportOutcome {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const { headers, delimiter } = headerOf(text);
  const at = summaryColumns(headers);
  if (at === null) {
    return { ok: false, error: importError('missingColumns', `Not a customer summary: expected the columns ${REQUIRED.join(', ').replace('t,', 'T,')}.`), rejected: [] };
  }
  const rejected: RejectedRow[] = [];
  const reject = (line: number, code: RejectCode, message: string): void => {
    rejected.push({ line, code, message: `line ${line}: ${message}` });
  };
  const col = at as Record<(typeof REQUIRED)[number], number> & Partial<Record<(typeof OPTIONAL)[number], number>>;
  const needed = Math.max(...Object.values(at)) + 1;
  const ids: string[] = [];
  let frequency: number[] = [];
  let recency: number[] = [];
  let T: number[] = [];
  let monetary: number[] = [];
  const firstDay: number[] = [];
  const revenue: number[] = [];
  const cost: number[] = [];
  const channelOf: number[] = [];
  const channels: string[] = [];
  const channelIndex = new Map<string, number>();
  let line = 0;
  let rows = 0;
  for (const cells of linesOf(text, delimiter)) {
    line++;
    if (line === 1) continue;
    if (cells.length === 1 && (cells[0] as string).trim().length === 0) continue;
    rows++;
    if (options.onProgress !== undefined && rows % PROGRESS_ROWS === 0) options.onProgress({ fraction: Math.min(1, line / Math.max(1, text.length / 24)), rows });
    if (cells.length < needed) {
      reject(line, 'tooFewFields', `${cells.length} field(s), expected at least ${needed}`);
      continue;
    }
    const id = (cells[col.customer_id] as string).trim();
    if (id.length === 0) {
      reject(line, 'missingId', 'no customer id');
      continue;
    }
    const x = numberOf(cells[col.frequency]);
    const tx = numberOf(cells[col.recency]);
    const age = numberOf(cells[col.t]);
    const m = numberOf(cells[col.monetary_value]);
    // monetary_value may be empty for a customer without repeat purchases (it is 0 then), never negative.
    if (!(x >= 0 && tx >= 0 && age >= 0) || m < 0 || (x > 0 && Number.isNaN(m))) {
      const shown = [col.frequency, col.recency, col.t, col.monetary_value].map((k) => quoteCell(cells[k] ?? '')).join(', ');
      reject(line, 'negativeValue', `frequency, recency, T and monetary_value must be numbers >= 0, got ${shown}`);
      continue;
    }
    if (!Number.isInteger(x)) {
      reject(line, 'badFrequency', `frequency ${quoteCell(cells[col.frequency] ?? '')} is not a whole number of repeat purchases`);
      continue;
    }
    if (tx > age) {
      reject(line, 'recencyAfterT', `recency ${tx} is greater than T ${age}: the last purchase cannot come after the end of the period`);
      continue;
    }
    if (x > 0 && !(m > 0)) {
      reject(line, 'badMonetary', `monetary_value ${quoteCell(cells[col.monetary_value] ?? '')} must be > 0 for a customer with repeat purchases`);
      continue;
    }
    ids.push(id);
    frequency.push(x);
    recency.push(tx);
    T.push(age);
    monetary.push(x > 0 ? m : 0);
    if (col.first_purchase !== undefined) firstDay.push(parseDay(cells[col.first_purchase] ?? '', 'YYYY-MM-DD'));
    if (col.revenue !== undefined) revenue.push(numberOf(cells[col.revenue]));
    if (col.cost !== undefined) cost.push(numberOf(cells[col.cost]));
    if (col.channel !== undefined) {
      const name = (cells[col.channel] ?? '').trim();
      let k = channelIndex.get(name);
      if (k === undefined) {
        k = channels.length;
        channels.push(name);
        channelIndex.set(name, k);
      }
      channelOf.push(k);
    }
  }
  options.onProgress?.({ fraction: 1, rows });
  const n = ids.length;
  if (rows === 0) return { ok: false, error: importError('noDataRows', 'No customers: the file has a header row but no data rows.'), rejected };
  if (n === 0) return { ok: false, error: importError('noValidRows', `No usable customers: all ${rejected.length} rows were rejected, e.g. ${rejected[0]?.message ?? ''}.`), rejected };
  const perUnit = options.unit === 'day' ? 1 : 7;
  const hasFirstPurchase = col.first_purchase !== undefined && firstDay.every((d) => !Number.isNaN(d));
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  if (hasFirstPurchase) {
    for (let c = 0; c < n; c++) {
      first[c] = firstDay[c] as number;
      last[c] = Math.round((firstDay[c] as number) + (recency[c] as number) * perUnit);
    }
  }
  // Without a revenue column the summary only knows the repeat purchases' revenue: x * monetary_value.
  const totalRevenue = Float64Array.from({ length: n }, (_, c) =>
    col.revenue !== undefined && Number.isFinite(revenue[c]) ? (revenue[c] as number) : (frequency[c] as number) * (monetary[c] as number),
  );
  const margin = col.cost !== undefined ? Float64Array.from({ length: n }, (_, c) => (totalRevenue[c] as number) - (Number.isFinite(cost[c]) ? (cost[c] as number) : 0)) : null;
  const purchases = Uint32Array.from(frequency, (x) => x + 1);
  // The calibration end, when known, is the common date of first purchase + T.
  const calibrationEnd = hasFirstPurchase && n > 0 ? Math.round((firstDay[0] as number) + (T[0] as number) * perUnit) : Number.NaN;
  const summary: CustomerSummary = {
    customers: n,
    calibrationCustomers: n,
    ids,
    unit: options.unit,
    calibrationEnd,
    observationEnd: calibrationEnd,
    holdoutLength: 0,
    inCalibration: new Uint8Array(n).fill(1),
    frequency: Float64Array.from(frequency),
    recency: Float64Array.from(recency),
    T: Float64Array.from(T),
    monetary: Float64Array.from(monetary),
    holdoutFrequency: new Float64Array(n),
    holdoutRevenue: new Float64Array(n),
    purchaseDays: purchases,
    transactions: purchases.slice(),
    revenue: totalRevenue,
    margin,
    returns: null,
    firstDay: first,
    lastDay: last,
    channel: col.channel !== undefined ? Uint32Array.from(channelOf) : null,
    channels,
  };
  // Free the growable arrays before the fits run on a large file.
  frequency = recency = T = monetary = [];
  return { ok: true, summary, rejected, rows, hasFirstPurchase };
}
