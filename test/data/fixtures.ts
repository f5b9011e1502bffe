// The CDNOW reference files of ../shared/data (README there): read once per
// test file. CI has shared/ beside the repository, so the path is relative to it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

export function sharedText(name: string): string {
  return readFileSync(resolve(SHARED_DATA, name), 'utf8');
}

export function sharedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(SHARED_DATA, name)));
}

/** A numeric CSV with a header row, as columns of numbers keyed by header name. */
export function numericColumns(text: string): Record<string, Float64Array> {
  const lines = text.trim().split('\n');
  const header = (lines[0] ?? '').split(',');
  const columns: Record<string, Float64Array> = {};
  header.forEach((name, j) => {
    columns[name] = Float64Array.from(lines.slice(1), (line) => Number(line.split(',')[j]));
  });
  return columns;
}

export function column(columns: Record<string, Float64Array>, name: string): Float64Array {
  const found = columns[name];
  if (found === undefined) throw new Error(`no column ${name}`);
  return found;
}

/** The shipped 39-week calibration summary (values rounded to 2 decimals in the source). */
export function calibrationSummary() {
  const columns = numericColumns(sharedText('cdnow_calibration_summary.csv'));
  return {
    frequency: column(columns, 'frequency'),
    recency: column(columns, 'recency'),
    T: column(columns, 'T'),
    monetary: column(columns, 'monetary_value'),
    holdout: column(columns, 'frequency_holdout'),
  };
}

/** Relative difference, for "parameters to 1e-3 relative". */
export function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
