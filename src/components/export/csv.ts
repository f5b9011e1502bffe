// Tables as CSV that a spreadsheet opens as it is: German Excel expects a
// semicolon between fields, a decimal comma and a UTF-8 byte order mark
// (without it, umlauts and € break); English uses comma and decimal point.
// Numbers are written raw (no grouping, no unit) so they stay numbers; text
// that a spreadsheet would run as a formula is neutralised. This is the one
// CSV writer: tables, the win-back list and the rejected rows all use it.
import type { Locale } from '../../i18n/format.ts';

export type CsvCell = string | number | null;
export type CsvRow = readonly CsvCell[];

export interface CsvDialect {
  separator: string;
  decimal: string;
  /** Start with U+FEFF so that Excel reads the file as UTF-8. */
  bom: boolean;
}

export const CSV_DIALECTS: Readonly<Record<Locale, CsvDialect>> = {
  de: { separator: ';', decimal: ',', bom: true },
  en: { separator: ',', decimal: '.', bom: false },
};

/** RFC 4180 line ends: Excel and LibreOffice read them everywhere. */
export const CSV_LINE_END = '\r\n';

/** Decimals kept in a number: more than any figure shows, fewer than float noise. */
export const CSV_MAX_DECIMALS = 6;

export function csvNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(CSV_MAX_DECIMALS));
  // Number -> string never uses grouping; only the decimal point needs the locale's mark.
  const text = Object.is(rounded, -0) ? '0' : String(rounded);
  return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
}

/**
 * First characters with which Excel, LibreOffice or Google Sheets read a cell
 * as a formula (= + - @), or which hide one in front of it (tab, CR). A
 * customer id or channel from a user's file may start with them: =HYPERLINK(…)
 * would run when the export is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet shows as it is: a leading apostrophe (hidden by the spreadsheet) in front of a formula start. */
export function neutralised(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A text cell. Every text is neutralised (numbers are never text here, so -12.5 stays a number). */
export function csvText(value: string, dialect: CsvDialect): string {
  const text = neutralised(value);
  const needsQuotes = text.includes(dialect.separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvCell(cell: CsvCell, dialect: CsvDialect): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? csvNumber(cell, dialect) : csvText(cell, dialect);
}

/** The whole file: header row first, one line per row, in the locale's dialect. */
export function buildCsv(rows: readonly CsvRow[], locale: Locale): string {
  const dialect = CSV_DIALECTS[locale];
  const body = rows.map((row) => row.map((cell) => csvCell(cell, dialect)).join(dialect.separator)).join(CSV_LINE_END);
  return `${dialect.bom ? '\uFEFF' : ''}${body}${CSV_LINE_END}`;
}
