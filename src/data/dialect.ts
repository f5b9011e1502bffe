// Recognising how a table is written before importing it: delimiter, decimal
// separator, date format, header row and column roles, from a sample of the
// text (the first MB). Ambiguities are reported, not hidden, so the UI can
// ask (dates such as 03.04.2025, amounts such as 1.234).
import Papa from 'papaparse';
import { detectColumns, MAX_COLUMNS, type ColumnDetection, type ColumnMapping } from './columns.ts';
import { detectDateFormat, type DateFormat } from './dates.ts';
import { detectDecimalSeparator, parseAmount, type DecimalSeparator } from './numbers.ts';
import { importError, type ImportError } from './problems.ts';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface Dialect {
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  dateFormat: DateFormat;
  /** False for a file that starts with data; columns are then mapped by content. */
  hasHeader: boolean;
}

export interface DialectDetection {
  dialect: Dialect;
  ambiguousDate: boolean;
  /** Default first; two entries when ambiguous (DD.MM.YYYY and MM.DD.YYYY, or MM/DD/YYYY and DD/MM/YYYY). */
  dateCandidates: DateFormat[];
  ambiguousDecimal: boolean;
  /** Header cells (or "Column 1", ... without a header row). */
  headers: string[];
  columns: ColumnDetection;
  /** The first data rows as cells, for the mapping dialog. */
  preview: string[][];
}

/** Text inspected for detection: enough rows to see a day above 12 in most exports. */
export const SAMPLE_CHARS = 1 << 20;
const PREVIEW_ROWS = 10;
const DELIMITER_LINES = 50;
const DELIMITERS: readonly Delimiter[] = [';', '\t', ',', '|'];

/**
 * The delimiter that splits the first lines into the same number of cells
 * most consistently (quoted sections are ignored), ties to more cells.
 * A semicolon file with decimal commas thus stays a semicolon file.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = sample
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim().length > 0)
    .slice(0, DELIMITER_LINES)
    .map((line) => line.replace(/"[^"]*"/g, '""'));
  let best: Delimiter = ',';
  let bestScore = 0;
  let bestCells = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const score = counts.filter((c) => c === first).length / counts.length;
    if (score > bestScore || (score === bestScore && first > bestCells)) {
      best = delimiter;
      bestScore = score;
      bestCells = first;
    }
  }
  return best;
}

/** A first line longer than the sample is read up to this length, so a header's columns are counted whole. */
const MAX_FIRST_LINE_CHARS = 16 * SAMPLE_CHARS;

/** The sample: the first SAMPLE_CHARS of the text, cut at a line end so no row is torn (at least the whole first line). */
export function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  if (cut > 0) return text.slice(0, cut);
  const firstEnd = text.indexOf('\n', SAMPLE_CHARS);
  return text.slice(0, firstEnd > 0 ? Math.min(firstEnd, MAX_FIRST_LINE_CHARS) : Math.min(text.length, MAX_FIRST_LINE_CHARS));
}

function columnCells(rows: readonly string[][], index: number | undefined): string[] {
  if (index === undefined) return [];
  const cells: string[] = [];
  for (const row of rows) {
    const cell = row[index];
    if (cell !== undefined && cell.trim().length > 0) cells.push(cell);
  }
  return cells;
}

/** Share of non-empty cells of a column that satisfy `test`. */
function share(cells: readonly string[], test: (cell: string) => boolean): number {
  if (cells.length === 0) return 0;
  let hits = 0;
  for (const cell of cells) if (test(cell)) hits++;
  return hits / cells.length;
}

/**
 * Without a header row: the date column is the one made of dates, the
 * revenue column the last numeric one with decimals (else the last numeric),
 * the customer id the first remaining column.
 */
function mapByContent(rows: readonly string[][], width: number): { found: Partial<Record<'customerId' | 'date' | 'revenue', number>> } {
  const found: Partial<Record<'customerId' | 'date' | 'revenue', number>> = {};
  for (let j = 0; j < width; j++) {
    const detection = detectDateFormat(columnCells(rows, j));
    if (detection !== null && detection.format !== 'YYYYMMDD') {
      found.date = j;
      break;
    }
  }
  if (found.date === undefined) {
    for (let j = 0; j < width; j++) {
      const detection = detectDateFormat(columnCells(rows, j));
      if (detection !== null) {
        found.date = j;
        break;
      }
    }
  }
  let numeric: number | undefined;
  let decimals: number | undefined;
  for (let j = 0; j < width; j++) {
    if (j === found.date) continue;
    const cells = columnCells(rows, j);
    const decimal = detectDecimalSeparator(cells, ',').decimal;
    if (share(cells, (c) => Number.isFinite(parseAmount(c, decimal))) < 0.9) continue;
    numeric = j;
    if (cells.some((c) => /[.,]\d{1,2}\s*$/.test(c))) decimals = j;
  }
  const revenue = decimals ?? numeric;
  if (revenue !== undefined) found.revenue = revenue;
  for (let j = 0; j < width; j++) {
    if (j !== found.date && j !== found.revenue) {
      found.customerId = j;
      break;
    }
  }
  return { found };
}

/** The error for a header with more than MAX_COLUMNS columns, else null. */
export function columnsProblem(detection: DialectDetection): ImportError | null {
  const n = detection.headers.length;
  if (n <= MAX_COLUMNS) return null;
  return importError(
    'tooManyColumns',
    `The first row has ${n} columns; a table of purchases has at most ${MAX_COLUMNS}. Is the delimiter "${detection.dialect.delimiter === '\t' ? 'tab' : detection.dialect.delimiter}" right? Otherwise choose a table with one row per purchase.`,
    { n, max: MAX_COLUMNS },
  );
}

export function detectDialect(text: string): DialectDetection {
  const sample = sampleOf(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const delimiter = detectDelimiter(sample);
  const parsed = Papa.parse<string[]>(sample, { delimiter, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const firstRow = rows[0] ?? [];
  let columns = detectColumns(firstRow);
  let hasHeader = true;
  let headers = firstRow.map((cell) => cell.trim());
  // No recognised header and a first row that holds a date: a file without header row.
  const firstRowHasDate = firstRow.some((cell) => detectDateFormat([cell]) !== null);
  if (Object.keys(columns.found).length === 0 && firstRowHasDate) {
    hasHeader = false;
    headers = firstRow.map((_, j) => `Column ${j + 1}`);
    const { found } = mapByContent(rows, firstRow.length);
    const missing = (['customerId', 'date', 'revenue'] as const).filter((role) => found[role] === undefined);
    const mapping: ColumnMapping | null =
      found.customerId !== undefined && found.date !== undefined && found.revenue !== undefined
        ? { customerId: found.customerId, date: found.date, revenue: found.revenue }
        : null;
    columns = { found, missing, mapping };
  }
  const dataRows = hasHeader ? rows.slice(1) : rows;
  const dateDetection = detectDateFormat(columnCells(dataRows, columns.found.date));
  const amountCells = [
    ...columnCells(dataRows, columns.found.revenue),
    ...columnCells(dataRows, columns.found.cost),
    ...columnCells(dataRows, columns.found.margin),
    ...columnCells(dataRows, columns.found.returns),
  ];
  const decimal = detectDecimalSeparator(amountCells, delimiter);
  return {
    dialect: { delimiter, decimal: decimal.decimal, dateFormat: dateDetection?.format ?? 'YYYY-MM-DD', hasHeader },
    ambiguousDate: dateDetection?.ambiguous ?? false,
    dateCandidates: dateDetection?.candidates ?? ['YYYY-MM-DD'],
    ambiguousDecimal: decimal.ambiguous && amountCells.some((c) => /[.,]/.test(c)),
    headers,
    columns,
    preview: dataRows.slice(0, PREVIEW_ROWS),
  };
}
