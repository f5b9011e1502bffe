// `npm run --silent analyze -- <file.csv> [--end YYYY-MM-DD] [--unit week|day]`:
// imports a transaction file (dialect detected as in the app), fits BG/NBD
// and Gamma-Gamma on the calibration period and prints one JSON object:
//   {customers, transactions, skippedRows,
//    bgnbd: {r, alpha, a, b, logLik}, gammaGamma: {p, q, v, logLik}}
// customers = customers with a first purchase on or before the end (those fitted);
// transactions = data rows kept after parsing (raw rows, before same-day
// purchases are merged, holdout rows included); skippedRows = rows rejected.
// Time unit weeks (days / 7) unless --unit day; --end = last day of the
// calibration period, inclusive, default the last purchase day; later rows
// are the holdout. A fit without a finite optimum, or no repeat purchase of
// positive value, is an error (exit code 2), never figures. Notes on the data
// (negative amounts taken as returns, future dates, unclosed quotes) go to
// stderr as "analyze: note: ...".
// A contract for checks outside this repo: keep keys, units and exit codes
// stable (bad file or bad arguments: exit code 2, message on stderr).
// Progress (parsing, then the fits' likelihood evaluations) goes to stderr,
// about once a second, so stdout stays one JSON object.
import { readFileSync } from 'node:fs';
import { analyzeBytes, type AnalysisOptions } from '../data/analysis.ts';
import { formatDay, parseDay } from '../data/dates.ts';
import type { TimeUnit } from '../data/summary.ts';

export interface AnalyzeOutput {
  customers: number;
  transactions: number;
  skippedRows: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLik: number };
  gammaGamma: { p: number | null; q: number | null; v: number | null; logLik: number | null };
}

export type AnalyzeOutcome = { ok: true; output: AnalyzeOutput; notes: string[] } | { ok: false; errors: string[] };

const englishPlural = new Intl.PluralRules('en');
/** "1 row", "2 rows": the noun by the count's plural category. */
const counted = (n: number, one: string, other: string): string => `${n} ${englishPlural.select(n) === 'one' ? one : other}`;

const USAGE = 'usage: analyze <file.csv> [--end YYYY-MM-DD] [--unit week|day]';

interface Arguments {
  file: string;
  end?: number;
  unit: TimeUnit;
}

export function parseArguments(args: readonly string[]): { ok: true; arguments: Arguments } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  let file: string | undefined;
  let end: number | undefined;
  let unit: TimeUnit = 'week';
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--end' || flag === '--unit') {
      const value = inline ?? args[++k];
      if (value === undefined) {
        errors.push(`${flag} needs a value`);
      } else if (flag === '--end') {
        end = parseDay(value, 'YYYY-MM-DD');
        if (Number.isNaN(end) || !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`--end must be a date YYYY-MM-DD, got "${value}"`);
      } else if (value === 'week' || value === 'day') {
        unit = value;
      } else {
        errors.push(`--unit must be week or day, got "${value}"`);
      }
    } else if (arg.startsWith('--')) {
      errors.push(`unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      errors.push(`unexpected argument "${arg}" (one file only)`);
    }
  }
  if (file === undefined) errors.push('no file given');
  if (errors.length > 0 || file === undefined) return { ok: false, errors: [...errors, USAGE] };
  return { ok: true, arguments: end === undefined ? { file, unit } : { file, end, unit } };
}

/** At most one progress line per this many ms. */
const PROGRESS_MS = 1000;

/** Progress lines for stderr, throttled. */
export function progressReporter(write: (line: string) => void, now: () => number = () => performance.now()): Pick<AnalysisOptions, 'onProgress' | 'onFit'> {
  let last = Number.NEGATIVE_INFINITY;
  const throttled = (line: string): void => {
    const at = now();
    if (at - last < PROGRESS_MS) return;
    last = at;
    write(line);
  };
  const names = { bgnbd: 'BG/NBD', gammaGamma: 'Gamma-Gamma' } as const;
  return {
    onProgress: (progress) => throttled(`analyze: parsing ${Math.round(progress.fraction * 100)} %, ${progress.rows} rows\n`),
    onFit: (progress) => throttled(`analyze: fitting ${names[progress.model]}, ${progress.evaluations} likelihood evaluations\n`),
  };
}

export async function runAnalyze(args: readonly string[], progress: Pick<AnalysisOptions, 'onProgress' | 'onFit'> = {}): Promise<AnalyzeOutcome> {
  const parsed = parseArguments(args);
  if (!parsed.ok) return parsed;
  const { file, end, unit } = parsed.arguments;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    return { ok: false, errors: [`cannot read ${file}: ${(error as Error).message}`] };
  }
  const outcome = await analyzeBytes(bytes, end === undefined ? { unit, ...progress } : { unit, calibrationEnd: end, ...progress });
  if (!outcome.ok) return { ok: false, errors: [`${file}: ${outcome.error.message}`] };
  const { imported, summary, bgnbd, gammaGamma } = outcome.analysis;
  const { report } = imported;
  const notes: string[] = [];
  if (report.negativeRows > 0) {
    notes.push(`${counted(report.negativeRows, 'row', 'rows')} with a negative amount counted as returns: netted against the purchases of the same day; a day with a negative total is no purchase`);
  }
  const future = report.rejectedByCode.futureDate ?? 0;
  if (future > 0) notes.push(`${counted(future, 'row', 'rows')} dated after ${formatDay(report.latestDay)} rejected: a purchase cannot be in the future`);
  const quotes = imported.rejected.filter((row) => row.code === 'unbalancedQuote');
  if (quotes.length > 0) notes.push(`${counted(quotes.length, 'line', 'lines')} with a quote that is never closed skipped (first: line ${quotes[0]?.line ?? 0}); the lines after were read`);
  if (gammaGamma.excluded > 0) notes.push(`${counted(gammaGamma.excluded, 'repeat buyer', 'repeat buyers')} with zero spend per repeat purchase left out of the Gamma-Gamma fit`);
  return {
    ok: true,
    notes,
    output: {
      customers: summary.calibrationCustomers,
      transactions: report.kept,
      skippedRows: report.rejected,
      bgnbd: { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b, logLik: bgnbd.logLik },
      gammaGamma: { p: gammaGamma.p, q: gammaGamma.q, v: gammaGamma.v, logLik: gammaGamma.logLik },
    },
  };
}

// Run only when executed as a script, not when imported by the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await runAnalyze(
    process.argv.slice(2),
    progressReporter((line) => process.stderr.write(line)),
  );
  if (outcome.ok) {
    for (const note of outcome.notes) process.stderr.write(`analyze: note: ${note}\n`);
    process.stdout.write(`${JSON.stringify(outcome.output)}\n`);
  } else {
    for (const error of outcome.errors) process.stderr.write(`analyze: ${error}\n`);
    process.exitCode = 2;
  }
}
