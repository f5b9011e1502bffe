// `npm run --silent analyze -- <file.csv> [--end YYYY-MM-DD] [--unit week|day]
//   [--summary out.csv] [--customers out.csv] [--model bgnbd|mbgnbd|pnbd|all]`:
// imports a transaction file (dialect detected as in the app) or a
// per-customer summary (detected by its header: customer_id, frequency,
// recency, T, monetary_value; recency and T in --unit), fits BG/NBD
// and Gamma-Gamma on the calibration period and prints one JSON object:
//   {customers, transactions, skippedRows,
//    bgnbd: {r, alpha, a, b, logLik}, gammaGamma: {p, q, v, logLik}}
// customers = customers with a first purchase on or before the end (those fitted);
// transactions = data rows kept after parsing (raw rows, before same-day
// purchases are merged, holdout rows included; for a summary file: customer
// rows kept); skippedRows = rows rejected.
// --model adds each named model's fit under its name, e.g. "pnbd": {r, alpha,
// s, beta, logLik} (bgnbd is always there). --summary writes the per-customer
// summary of the calibration period (the columns above plus first_purchase,
// revenue, cost and channel when known; an input to analyze again), and
// --customers the per-customer forecasts as the app's Daten tab shows them.
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
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeImported, fitSummary, type AnalysisOptions, type SummaryFits } from '../data/analysis.ts';
import { prepareBgNbd } from '../data/bgnbd.ts';
import { CLV_DEFAULTS, CLV_DEFAULTS_DAYS } from '../data/clv.ts';
import { formatDay, parseDay } from '../data/dates.ts';
import { decodeBytes } from '../data/decode.ts';
import { forecastCustomers } from '../data/forecast.ts';
import { importTransactions } from '../data/import.ts';
import { fitModel, MODEL_NAMES, parametersOf, type ModelName } from '../data/models.ts';
import { FORECAST_DEFAULTS } from '../data/session.ts';
import type { CustomerSummary, TimeUnit } from '../data/summary.ts';
import { importSummaryText, isSummaryText } from '../data/summaryImport.ts';

export interface AnalyzeOutput {
  customers: number;
  transactions: number;
  skippedRows: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLik: number };
  gammaGamma: { p: number | null; q: number | null; v: number | null; logLik: number | null };
  /** With --model: each further model's parameters and log-likelihood under its name. */
  mbgnbd?: { r: number; alpha: number; a: number; b: number; logLik: number };
  pnbd?: { r: number; alpha: number; s: number; beta: number; logLik: number };
}

export type AnalyzeOutcome = { ok: true; output: AnalyzeOutput; notes: string[] } | { ok: false; errors: string[] };

const englishPlural = new Intl.PluralRules('en');
/** "1 row", "2 rows": the noun by the count's plural category. */
const counted = (n: number, one: string, other: string): string => `${n} ${englishPlural.select(n) === 'one' ? one : other}`;

const USAGE = 'usage: analyze <file.csv> [--end YYYY-MM-DD] [--unit week|day] [--summary out.csv] [--customers out.csv] [--model bgnbd|mbgnbd|pnbd|all] [--help]';

export const HELP = `${USAGE}

Fits BG/NBD and Gamma-Gamma to a transaction file (customer id, date, amount)
or to a per-customer summary file (header customer_id, frequency, recency, T,
monetary_value; optional first_purchase, revenue, cost, channel) and prints
one JSON object {customers, transactions, skippedRows, bgnbd, gammaGamma}.

options:
  --end YYYY-MM-DD   last day of the calibration period, inclusive (transactions
                     only; default the last purchase day); later rows are the holdout
  --unit week|day    time unit of recency and T (default week); for a summary
                     file, the unit its recency and T are in
  --summary FILE     write the per-customer summary of the calibration period
                     (customer_id,frequency,recency,T,monetary_value,...) as CSV
  --customers FILE   write per-customer forecasts as CSV: customer_id,
                     expected_purchases (next year), p_alive, expected_spend, clv
  --model NAME       also fit bgnbd, mbgnbd, pnbd or all, each printed under its
                     name as {parameters..., logLik}
  --help             show this text
`;

/** True when the arguments ask for the help text (which then replaces any run). */
export function helpRequested(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

interface Arguments {
  file: string;
  end?: number;
  unit: TimeUnit;
  summaryOut?: string;
  customersOut?: string;
  models: ModelName[];
}

export function parseArguments(args: readonly string[]): { ok: true; arguments: Arguments } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  let file: string | undefined;
  let end: number | undefined;
  let unit: TimeUnit = 'week';
  let summaryOut: string | undefined;
  let customersOut: string | undefined;
  let models: ModelName[] = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--end' || flag === '--unit' || flag === '--summary' || flag === '--customers' || flag === '--model') {
      const value = inline ?? args[++k];
      if (value === undefined) {
        errors.push(`${flag} needs a value`);
      } else if (flag === '--summary') {
        summaryOut = value;
      } else if (flag === '--customers') {
        customersOut = value;
      } else if (flag === '--model') {
        if (value === 'all') models = [...MODEL_NAMES];
        else if ((MODEL_NAMES as readonly string[]).includes(value)) models = [value as ModelName];
        else errors.push(`--model must be bgnbd, mbgnbd, pnbd or all, got "${value}"`);
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
  const outputs = { ...(summaryOut === undefined ? {} : { summaryOut }), ...(customersOut === undefined ? {} : { customersOut }) };
  return { ok: true, arguments: end === undefined ? { file, unit, models, ...outputs } : { file, end, unit, models, ...outputs } };
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

/** A CSV cell: quoted when it holds the delimiter, a quote or a line end. */
const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Full precision (shortest round-trip form), so a summary read back gives the same fits. */
const csvNumber = (value: number): string => String(value);

/** The summary of the calibration customers as a summary file (summaryImport.ts reads it back). */
export function summaryCsv(summary: CustomerSummary, withFirstPurchase: boolean): string {
  const header = ['customer_id', 'frequency', 'recency', 'T', 'monetary_value'];
  if (withFirstPurchase) header.push('first_purchase');
  header.push('revenue');
  if (summary.margin !== null) header.push('cost');
  if (summary.channel !== null) header.push('channel');
  const lines = [header.join(',')];
  for (let c = 0; c < summary.customers; c++) {
    if (summary.inCalibration[c] !== 1) continue;
    const revenue = summary.revenue[c] as number;
    const cells = [csvCell(summary.ids[c] as string), csvNumber(summary.frequency[c] as number), csvNumber(summary.recency[c] as number), csvNumber(summary.T[c] as number), csvNumber(summary.monetary[c] as number)];
    if (withFirstPurchase) cells.push(formatDay(summary.firstDay[c] as number));
    cells.push(csvNumber(revenue));
    if (summary.margin !== null) cells.push(csvNumber(revenue - (summary.margin[c] as number)));
    if (summary.channel !== null) cells.push(csvCell(summary.channels[summary.channel[c] as number] ?? ''));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Per-customer forecasts with the Daten tab's defaults (next year, its discount and margin rates). */
export function customersCsv(summary: CustomerSummary, fits: SummaryFits): string {
  const base = summary.unit === 'day' ? CLV_DEFAULTS_DAYS : CLV_DEFAULTS;
  const clvOptions = {
    ...base,
    horizon: FORECAST_DEFAULTS.horizonYears * base.periodsPerYear,
    annualDiscountRate: FORECAST_DEFAULTS.annualDiscountRate,
    marginRate: FORECAST_DEFAULTS.marginRate,
  };
  const f = forecastCustomers(fits.bgnbd, fits.gammaGamma, fits.calibration, clvOptions.horizon, clvOptions);
  const lines = ['customer_id,expected_purchases,p_alive,expected_spend,clv'];
  for (let k = 0; k < fits.calibration.index.length; k++) {
    const id = summary.ids[fits.calibration.index[k] as number] as string;
    const values = [f.expectedPurchases[k], f.probabilityAlive[k], f.expectedSpend[k], f.clv[k]].map((v) => csvNumber(v as number));
    lines.push([csvCell(id), ...values].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Rejected lines of a summary file shown one by one on stderr; the rest are counted. */
const REJECTS_LISTED = 20;

export async function runAnalyze(args: readonly string[], progress: Pick<AnalysisOptions, 'onProgress' | 'onFit'> = {}): Promise<AnalyzeOutcome> {
  const parsed = parseArguments(args);
  if (!parsed.ok) return parsed;
  const { file, end, unit, summaryOut, customersOut, models } = parsed.arguments;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    return { ok: false, errors: [`cannot read ${file}: ${(error as Error).message}`] };
  }
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [`${file}: ${decoded.error.message}`] };
  const notes: string[] = [];
  let summary: CustomerSummary;
  let fits: SummaryFits;
  let counts: { transactions: number; skippedRows: number };
  let withFirstPurchase = true;
  if (isSummaryText(decoded.text)) {
    if (end !== undefined) return { ok: false, errors: ['--end applies to transactions only: a summary file has its calibration period built in', USAGE] };
    const imported = importSummaryText(decoded.text, progress.onProgress === undefined ? { unit } : { unit, onProgress: progress.onProgress });
    if (!imported.ok) return { ok: false, errors: [`${file}: ${imported.error.message}`] };
    for (const row of imported.rejected.slice(0, REJECTS_LISTED)) notes.push(`rejected ${row.message}`);
    if (imported.rejected.length > REJECTS_LISTED) notes.push(`${imported.rejected.length - REJECTS_LISTED} more rejected lines not listed`);
    const fitted = fitSummary(imported.summary, progress);
    if (!fitted.ok) return { ok: false, errors: [`${file}: ${fitted.error.message}`] };
    summary = imported.summary;
    fits = fitted.fits;
    withFirstPurchase = imported.hasFirstPurchase;
    counts = { transactions: imported.summary.customers, skippedRows: imported.rejected.length };
  } else {
    const imported = await importTransactions(decoded.text, progress.onProgress === undefined ? {} : { onProgress: progress.onProgress });
    if (!imported.ok) return { ok: false, errors: [`${file}: ${imported.error.message}`] };
    const outcome = analyzeImported(imported, end === undefined ? { unit, ...progress } : { unit, calibrationEnd: end, ...progress });
    if (!outcome.ok) return { ok: false, errors: [`${file}: ${outcome.error.message}`] };
    const { report } = imported;
    if (report.negativeRows > 0) {
      notes.push(`${counted(report.negativeRows, 'row', 'rows')} with a negative amount counted as returns: netted against the purchases of the same day; a day with a negative total is no purchase`);
    }
    const future = report.rejectedByCode.futureDate ?? 0;
    if (future > 0) notes.push(`${counted(future, 'row', 'rows')} dated after ${formatDay(report.latestDay)} rejected: a purchase cannot be in the future`);
    const quotes = imported.rejected.filter((row) => row.code === 'unbalancedQuote');
    if (quotes.length > 0) notes.push(`${counted(quotes.length, 'line', 'lines')} with a quote that is never closed skipped (first: line ${quotes[0]?.line ?? 0}); the lines after were read`);
    summary = outcome.analysis.summary;
    fits = outcome.analysis;
    counts = { transactions: report.kept, skippedRows: report.rejected };
  }
  const { bgnbd, gammaGamma } = fits;
  if (gammaGamma.excluded > 0) notes.push(`${counted(gammaGamma.excluded, 'repeat buyer', 'repeat buyers')} with zero spend per repeat purchase left out of the Gamma-Gamma fit`);
  const output: AnalyzeOutput = {
    customers: summary.calibrationCustomers,
    transactions: counts.transactions,
    skippedRows: counts.skippedRows,
    bgnbd: { r: bgnbd.r, alpha: bgnbd.alpha, a: bgnbd.a, b: bgnbd.b, logLik: bgnbd.logLik },
    gammaGamma: { p: gammaGamma.p, q: gammaGamma.q, v: gammaGamma.v, logLik: gammaGamma.logLik },
  };
  // bgnbd is always printed (the fit above); the other models are fitted on the same calibration data.
  const further = models.filter((name) => name !== 'bgnbd');
  if (further.length > 0) {
    const data = prepareBgNbd(fits.calibration);
    for (const name of further) {
      const model = fitModel(name, data);
      if (!model.converged || !Number.isFinite(model.logLik)) return { ok: false, errors: [`${file}: the ${name} fit found no finite optimum`] };
      const fitted = { ...parametersOf(model), logLik: model.logLik };
      if (name === 'pnbd') output.pnbd = fitted as NonNullable<AnalyzeOutput['pnbd']>;
      else output.mbgnbd = fitted as NonNullable<AnalyzeOutput['mbgnbd']>;
    }
  }
  try {
    if (summaryOut !== undefined) writeFileSync(summaryOut, summaryCsv(summary, withFirstPurchase));
    if (customersOut !== undefined) writeFileSync(customersOut, customersCsv(summary, fits));
  } catch (error) {
    return { ok: false, errors: [`cannot write: ${(error as Error).message}`] };
  }
  return { ok: true, notes, output };
}

// Run only when executed as a script, not when imported by the tests.
if (import.meta.url === `file://${process.argv[1]}` && helpRequested(process.argv.slice(2))) {
  process.stdout.write(HELP);
} else if (import.meta.url === `file://${process.argv[1]}`) {
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
