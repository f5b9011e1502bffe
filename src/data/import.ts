// Importing a transaction table (issue 7, scope 1-2): text or bytes in, a
// TransactionTable, the rejected rows and a report out; never throws on bad
// input. Parsing is papaparse on chunks cut at line ends outside quotes, so
// a worker can report progress and notice a cancel (AbortSignal) between
// chunks; the rest is typed arrays (table.ts).
import Papa from 'papaparse';
import type { ColumnMapping } from './columns.ts';
import { formatDay, parseDay } from './dates.ts';
import { decodeBytes, textProblem, type TextEncoding } from './decode.ts';
import { columnsProblem, detectDialect, type Dialect, type DialectDetection } from './dialect.ts';
import { parseAmount } from './numbers.ts';
import { importError, quoteCell, type ImportError, type RejectCode, type RejectedRow } from './problems.ts';
import { createTableBuilder, type TableRow, type TransactionTable } from './table.ts';

export interface ImportProgress {
  /** Share of the text parsed, 0..1. */
  fraction: number;
  /** Data rows read so far (kept and rejected). */
  rows: number;
}

export interface ImportOptions {
  /** Overrides of the detected dialect (e.g. the date format the user chose). */
  dialect?: Partial<Dialect>;
  /** Column roles chosen by the user; detected from the headers when absent. */
  mapping?: ColumnMapping;
  /** Characters per parsed chunk (progress and cancel happen between chunks). */
  chunkChars?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /**
   * Last valid purchase day (days since 1970-01-01); rows dated later are
   * rejected as future dates. Default: tomorrow by the clock (UTC), so a file
   * written in a time zone ahead of UTC keeps today's rows.
   */
  latestDay?: number;
}

export interface ImportReport {
  /** Data rows in the file (empty lines and the header not counted). */
  rows: number;
  kept: number;
  rejected: number;
  customers: number;
  rejectedByCode: Partial<Record<RejectCode, number>>;
  /** Kept rows with a negative amount: returns or credits, netted against the purchases of their day (summary.ts). */
  negativeRows: number;
  /** Last valid purchase day; rows dated later were rejected (futureDate). */
  latestDay: number;
  /** First and last purchase day (days since 1970-01-01), NaN without rows. */
  firstDay: number;
  lastDay: number;
}

export type ImportOutcome =
  | {
      ok: true;
      table: TransactionTable;
      /** Every rejected row, in file order (the UI shows the first 100 and offers all as a download). */
      rejected: RejectedRow[];
      report: ImportReport;
      dialect: Dialect;
      mapping: ColumnMapping;
      detection: DialectDetection;
      encoding: TextEncoding | null;
    }
  | { ok: false; error: ImportError; rejected: RejectedRow[] };

export const DEFAULT_CHUNK_CHARS = 1 << 20;

const MS_PER_DAY = 86_400_000;

/** Lets a worker handle messages (a cancel) between chunks. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Where the next chunk ends: just after the first line end at or after
 * `target` that lies outside quotes (the text's end if none). A quote that is
 * never closed would swallow every line after it; then the chunk ends at the
 * start of the line holding that quote, reported as `strayLine`.
 */
function chunkEnd(text: string, from: number, target: number, lineEnd: number, hasQuotes: boolean): { end: number; strayLine: boolean } {
  if (target >= text.length && !hasQuotes) return { end: text.length, strayLine: false };
  if (!hasQuotes) {
    const at = text.indexOf(String.fromCharCode(lineEnd), target);
    return { end: at < 0 ? text.length : at + 1, strayLine: false };
  }
  let inQuotes = false;
  let lineStart = from;
  let quotedLineStart = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      inQuotes = !inQuotes;
      if (inQuotes) quotedLineStart = lineStart;
    } else if (c === lineEnd && !inQuotes) {
      if (i >= target) return { end: i + 1, strayLine: false };
      lineStart = i + 1;
    }
  }
  return inQuotes ? { end: quotedLineStart, strayLine: true } : { end: text.length, strayLine: false };
}

function newlineOf(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  if (lf === cr + 1) return '\r\n';
  return lf < 0 || cr < lf ? '\r' : '\n';
}

const EXPECTED_COLUMNS =
  'a customer id (e.g. Kundennummer, Kunde, customer_id), a date (Datum, Bestelldatum, date, order_date) and an amount (Umsatz, Betrag, revenue, amount)';

function mappingProblem(detection: DialectDetection, mapping: ColumnMapping | undefined): ImportError | null {
  if (mapping !== undefined) {
    const width = detection.headers.length;
    const bad = Object.entries(mapping).filter(([, at]) => at !== undefined && !(Number.isInteger(at) && at >= 0 && at < width));
    if (bad.length > 0) return importError('badOptions', `Column mapping points outside the ${width} columns of the file: ${bad.map(([role]) => role).join(', ')}.`);
    return null;
  }
  if (detection.columns.mapping !== null) return null;
  const shown = detection.headers.slice(0, 12).map(quoteCell).join(', ');
  if (Object.keys(detection.columns.found).length === 0) {
    return importError('noColumns', `No usable columns found (first row: ${shown}). Expected ${EXPECTED_COLUMNS}.`);
  }
  return importError('missingColumns', `No column found for: ${detection.columns.missing.join(', ')} (columns: ${shown}). Expected ${EXPECTED_COLUMNS}.`);
}

export async function importBytes(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, error: decoded.error, rejected: [] };
  return importTransactionsAs(decoded.text, options, decoded.encoding);
}

export function importTransactions(text: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  return importTransactionsAs(text, options, null);
}

async function importTransactionsAs(input: string, options: ImportOptions, encoding: TextEncoding | null): Promise<ImportOutcome> {
  const problem = textProblem(input);
  if (problem !== null) return { ok: false, error: problem, rejected: [] };
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const detection = detectDialect(text);
  const dialect: Dialect = { ...detection.dialect, ...options.dialect };
  const wide = columnsProblem(detection);
  if (wide !== null) return { ok: false, error: wide, rejected: [] };
  const badMapping = mappingProblem(detection, options.mapping);
  if (badMapping !== null) return { ok: false, error: badMapping, rejected: [] };
  const chosen = options.mapping ?? detection.columns.mapping;
  if (chosen === null) return { ok: false, error: importError('noColumns', `No usable columns found. Expected ${EXPECTED_COLUMNS}.`), rejected: [] };
  const mapping: ColumnMapping = chosen;

  const builder = createTableBuilder({
    cost: mapping.cost !== undefined,
    margin: mapping.margin !== undefined,
    returns: mapping.returns !== undefined,
    quantity: mapping.quantity !== undefined,
    channel: mapping.channel !== undefined,
  });
  const rejected: RejectedRow[] = [];
  const rejectedByCode: Partial<Record<RejectCode, number>> = {};
  const reject = (line: number, code: RejectCode, message: string): void => {
    rejected.push({ line, code, message: `line ${line}: ${message}` });
    rejectedByCode[code] = (rejectedByCode[code] ?? 0) + 1;
  };
  const latestDay = options.latestDay ?? Math.floor(Date.now() / MS_PER_DAY) + 1;
  let negativeRows = 0;
  const needed = Math.max(...Object.values(mapping).filter((at): at is number => at !== undefined)) + 1;
  const { decimal, dateFormat, delimiter } = dialect;
  const optionalAmount = (cells: string[], at: number | undefined): number => {
    if (at === undefined) return 0;
    const cell = cells[at] ?? '';
    return cell.trim().length === 0 ? 0 : parseAmount(cell, decimal);
  };
  const row: TableRow = { customer: 0, day: 0, revenue: 0, cost: 0, margin: 0, returns: 0, quantity: 0, channel: 0, line: 0 };
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  let dataRows = 0;
  let headerPending = dialect.hasHeader;

  function take(cells: string[], line: number): void {
    if (cells.length < needed) {
      reject(line, 'tooFewFields', `${cells.length} field(s), expected at least ${needed} (is the delimiter "${delimiter === '\t' ? 'tab' : delimiter}" right?)`);
      return;
    }
    const id = (cells[mapping.customerId] as string).trim();
    if (id.length === 0) return reject(line, 'missingId', 'no customer id');
    const dateCell = cells[mapping.date] as string;
    if (dateCell.trim().length === 0) return reject(line, 'missingDate', 'no date');
    const day = parseDay(dateCell, dateFormat);
    if (Number.isNaN(day)) return reject(line, 'badDate', `date ${quoteCell(dateCell)} is not a valid date in the format ${dateFormat}`);
    if (day > latestDay) return reject(line, 'futureDate', `date ${quoteCell(dateCell)} lies after ${formatDay(latestDay)}; a purchase cannot be in the future`);
    const revenueCell = cells[mapping.revenue] as string;
    if (revenueCell.trim().length === 0) return reject(line, 'missingRevenue', 'no amount');
    const revenue = parseAmount(revenueCell, decimal);
    if (Number.isNaN(revenue)) return reject(line, 'badRevenue', `amount ${quoteCell(revenueCell)} is not a number (decimal separator "${decimal}")`);
    row.cost = optionalAmount(cells, mapping.cost);
    if (Number.isNaN(row.cost)) return reject(line, 'badCost', `cost ${quoteCell(cells[mapping.cost ?? 0] ?? '')} is not a number`);
    row.margin = optionalAmount(cells, mapping.margin);
    if (Number.isNaN(row.margin)) return reject(line, 'badMargin', `margin ${quoteCell(cells[mapping.margin ?? 0] ?? '')} is not a number`);
    row.returns = optionalAmount(cells, mapping.returns);
    if (Number.isNaN(row.returns)) return reject(line, 'badReturns', `returns ${quoteCell(cells[mapping.returns ?? 0] ?? '')} is not a number`);
    row.quantity = optionalAmount(cells, mapping.quantity);
    if (Number.isNaN(row.quantity)) return reject(line, 'badQuantity', `quantity ${quoteCell(cells[mapping.quantity ?? 0] ?? '')} is not a number`);
    row.channel = mapping.channel === undefined ? 0 : builder.channelIndex((cells[mapping.channel] as string).trim());
    row.customer = builder.customerIndex(id);
    row.day = day;
    row.revenue = revenue;
    row.line = line;
    if (revenue < 0) negativeRows++;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
    builder.add(row);
  }

  const newline = newlineOf(text);
  const lineEnd = newline.charCodeAt(newline.length - 1);
  const lineEndChar = String.fromCharCode(lineEnd);
  const hasQuotes = text.includes('"');
  const chunkChars = Math.max(1024, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const interactive = options.signal !== undefined || options.onProgress !== undefined;
  let position = 0;
  let nextLine = 1;
  while (position < text.length) {
    if (interactive) {
      await nextTask();
      if (options.signal?.aborted) return { ok: false, error: importError('cancelled', 'Import cancelled.'), rejected };
    }
    const { end, strayLine } = chunkEnd(text, position, position + chunkChars, lineEnd, hasQuotes);
    if (end > position) {
      const chunk = text.slice(position, end);
      const rows = Papa.parse<string[]>(chunk, { delimiter, newline, quoteChar: '"' }).data;
      // A chunk ending in a line end makes papaparse add one empty row that is no line of the file.
      if (chunk.charCodeAt(chunk.length - 1) === lineEnd && rows.length > 0) rows.pop();
      for (const cells of rows) {
        const line = nextLine;
        nextLine++;
        // Line ends inside quoted cells are lines of the file too.
        if (hasQuotes) for (const cell of cells) for (let k = cell.indexOf(lineEndChar); k >= 0; k = cell.indexOf(lineEndChar, k + 1)) nextLine++;
        if (cells.length === 1 && (cells[0] as string).trim().length === 0) continue;
        if (headerPending) {
          headerPending = false;
          continue;
        }
        dataRows++;
        take(cells, line);
      }
    }
    position = end;
    if (strayLine) {
      // The line with the unclosed quote is skipped on its own; parsing goes on after its line end.
      const at = text.indexOf(lineEndChar, position);
      position = at < 0 ? text.length : at + 1;
      if (headerPending) headerPending = false;
      else {
        dataRows++;
        reject(nextLine, 'unbalancedQuote', 'a quote (") opened here is never closed, so the line was skipped');
      }
      nextLine++;
    }
    options.onProgress?.({ fraction: position / text.length, rows: dataRows });
  }

  const table = builder.finish();
  const report: ImportReport = {
    rows: dataRows,
    kept: table.rows,
    rejected: rejected.length,
    customers: table.customerIds.length,
    rejectedByCode,
    negativeRows,
    latestDay,
    firstDay: table.rows > 0 ? firstDay : Number.NaN,
    lastDay: table.rows > 0 ? lastDay : Number.NaN,
  };
  if (dataRows === 0) return { ok: false, error: importError('noDataRows', 'No usable transactions: the file has a header row but no data rows.'), rejected };
  if (table.rows === 0) {
    return { ok: false, error: importError('noValidRows', `No usable transactions: all ${rejected.length} rows were rejected, e.g. ${rejected[0]?.message ?? ''}.`), rejected };
  }
  return { ok: true, table, rejected, report, dialect, mapping, detection, encoding };
}
