// The entity table as a CSV file and back. Export writes the locale's
// spreadsheet dialect through the one CSV writer (German ; and decimal
// comma, English , and point; rates as fractions so they stay numbers).
// Import reads either dialect, finds the columns by their header in either
// language (or the field's own name), and checks every cell against the
// engine's limits: a file with any problem is refused as a whole, with one
// problem per cell, so a bad file never half-replaces the table. Pure: no
// DOM, tested in Node.
import {
  ACCOUNT_SEGMENTS,
  ENTITY_LIMITS,
  ENTITY_NUMBER_KEYS,
  inLimit,
  MAX_ENTITIES,
  MAX_NAME_LENGTH,
  type AccountSegment,
  type KeyAccountEntity,
} from '../../engine/keyAccount/index.ts';
import type { Locale } from '../../i18n/format.ts';
import { parseAmount } from '../../data/numbers.ts';
import { buildCsv, type CsvRow } from '../export/csv.ts';

export type EntityColumn = keyof KeyAccountEntity;

export const CSV_COLUMNS: readonly EntityColumn[] = ['name', 'segment', ...ENTITY_NUMBER_KEYS];

/** A problem of the file (row null) or of one cell; the view words it in the UI language. */
export interface CsvProblem {
  /** 1-based line of the file (the header is line 1); null for the file as a whole. */
  line: number | null;
  column: EntityColumn | null;
  kind: 'empty' | 'missingColumn' | 'tooManyRows' | 'missing' | 'notNumber' | 'outOfRange' | 'segment' | 'nameTooLong';
}

export type CsvImport = { ok: true; entities: KeyAccountEntity[] } | { ok: false; problems: CsvProblem[] };

/** The file's header names a column by any of these (lower case): each language's label and the field's own name. */
export function entitiesCsv(entities: readonly KeyAccountEntity[], header: (column: EntityColumn) => string, locale: Locale): string {
  const rows: CsvRow[] = [CSV_COLUMNS.map(header), ...entities.map((e) => CSV_COLUMNS.map((column) => e[column]))];
  return buildCsv(rows, locale);
}

/** Splits one CSV text into rows of cells (RFC 4180 quotes, CRLF or LF). */
export function csvRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** The separator the header line uses most: semicolon, comma or tab. */
function separatorOf(headerLine: string): string {
  const counts = [';', ',', '\t'].map((s) => [s, headerLine.split(s).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A spreadsheet may prefix text with an apostrophe (our export does, against formulas). */
const unquoted = (text: string): string => text.trim().replace(/^'/, '');

export function parseEntitiesCsv(text: string, headerNames: (column: EntityColumn) => readonly string[]): CsvImport {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = separatorOf(firstLine);
  // With ; between fields the decimal mark is a comma; with , it can only be a point.
  const decimal = separator === ',' ? '.' : ',';
  const rows = csvRows(body, separator);
  const [header, ...data] = rows;
  if (!header || data.length === 0) return { ok: false, problems: [{ line: null, column: null, kind: 'empty' }] };
  const wanted = header.map((cell) => unquoted(cell).toLowerCase());
  const index = new Map<EntityColumn, number>();
  const problems: CsvProblem[] = [];
  for (const column of CSV_COLUMNS) {
    const names = headerNames(column).map((n) => n.toLowerCase());
    const at = wanted.findIndex((cell) => names.includes(cell));
    if (at < 0) problems.push({ line: null, column, kind: 'missingColumn' });
    else index.set(column, at);
  }
  if (data.length > MAX_ENTITIES) problems.push({ line: null, column: null, kind: 'tooManyRows' });
  if (problems.length > 0) return { ok: false, problems };
  const entities: KeyAccountEntity[] = [];
  data.forEach((cells, row) => {
    const line = row + 2;
    const cell = (column: EntityColumn): string => unquoted(cells[index.get(column) ?? -1] ?? '');
    const name = cell('name');
    if (name === '') problems.push({ line, column: 'name', kind: 'missing' });
    else if (name.length > MAX_NAME_LENGTH) problems.push({ line, column: 'name', kind: 'nameTooLong' });
    const segment = cell('segment').toUpperCase();
    if (!(ACCOUNT_SEGMENTS as readonly string[]).includes(segment)) problems.push({ line, column: 'segment', kind: 'segment' });
    const entity: Record<string, unknown> = { name, segment: segment as AccountSegment };
    for (const key of ENTITY_NUMBER_KEYS) {
      const raw = cell(key);
      if (raw === '') {
        problems.push({ line, column: key, kind: 'missing' });
        continue;
      }
      const value = parseAmount(raw.replace(/\s*%$/, ''), decimal);
      // "35 %" in a rate column means 0.35.
      const number = raw.trim().endsWith('%') ? value / 100 : value;
      if (Number.isNaN(number)) problems.push({ line, column: key, kind: 'notNumber' });
      else if (!inLimit(number, ENTITY_LIMITS[key])) problems.push({ line, column: key, kind: 'outOfRange' });
      else entity[key] = number;
    }
    entities.push(entity as unknown as KeyAccountEntity);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entities };
}
