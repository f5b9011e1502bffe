// Benchmarks of issue 7 (customers from data), one JSON line per case:
// importCsv = 1,000,000 generated rows (200,000 customers, German dialect as a
// manager's ERP export) parsed and summarised, target <= 3 s; fitBgNbd and
// fitGammaGamma on the CDNOW calibration summary computed from the event log
// (2,357 customers, 946 repeat buyers), target <= 200 ms each; fitLarge =
// the BG/NBD and Gamma-Gamma fits on the summary of 2,000,000 generated rows
// (400,000 customers), parsing apart, target well under 5 s (issue 14 item 9);
// importSummary = a 5,000,000-row customer summary file (issue 15: the query
// of sql/ run where the data lives) parsed and both models fitted, target <= 10 s;
// fitParetoNbd on the same CDNOW calibration data, target <= 200 ms, and
// bootstrap = 200 resamples of customers refitting BG/NBD (the Daten tab's
// "Bootstrap" button), target <= 10 s (issue 16). Those two also print
// cpuMedianMs (CPU time of this process), less disturbed by other load.
// simulateFit = the Daten tab's "Simulate, fit, compare" run: 100, 1,000,
// 10,000 and 100,000 customers drawn from CDNOW's parameters, both models fitted
// with Hessian intervals each (no target in the issue; it runs in its own worker).
// forecastBand = the 95 % band of the CDNOW portfolio's expected purchases and
// CLV (one year) from 200 parameter draws, asked with every forecast (no target).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitBgNbd } from '../src/data/bgnbd.ts';
import { dayFromCivil } from '../src/data/dates.ts';
import { fitGammaGamma, prepareGammaGamma } from '../src/data/gammaGamma.ts';
import { importTransactions } from '../src/data/import.ts';
import { fitSummary } from '../src/data/analysis.ts';
import { calibrationData, summarizeCustomers } from '../src/data/summary.ts';
import { fitParetoNbd } from '../src/data/paretoNbd.ts';
import { bootstrapModel } from '../src/data/bootstrap.ts';
import { fitModel } from '../src/data/models.ts';
import { prepareBgNbd } from '../src/data/bgnbd.ts';
import { importSummaryText } from '../src/data/summaryImport.ts';
import { CLV_DEFAULTS } from '../src/data/clv.ts';
import { forecastBand } from '../src/data/forecastBand.ts';
import { gammaGammaHessian, hessianIntervals } from '../src/data/intervals.ts';
import { simulateAndFit } from '../src/data/simulateFit.ts';

const SHARED_DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function measure(repetitions: number, warmups: number, work: () => unknown): Promise<number> {
  for (let w = 0; w < warmups; w++) await work();
  const samples: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return Number(median(samples).toFixed(2));
}

/** Median wall and CPU time (ms) of `work` over `repetitions` runs after `warmups`. */
function measureWithCpu(repetitions: number, warmups: number, work: () => unknown): { medianMs: number; cpuMedianMs: number } {
  for (let w = 0; w < warmups; w++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    work();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { medianMs: Number(median(wall).toFixed(2)), cpuMedianMs: Number(median(cpu).toFixed(2)) };
}

/** A deterministic German export: Kundennummer;Datum;Umsatz with DD.MM.YYYY and 1.234,56. */
export function generatedExport(rows: number, customers: number): string {
  const lines = ['Kundennummer;Datum;Umsatz'];
  const start = dayFromCivil(2024, 1, 1);
  let state = 12345;
  const next = (): number => {
    // xorshift32: reproducible without the engine's generator.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let i = 0; i < rows; i++) {
    const date = new Date((start + Math.floor(next() * 730)) * 86_400_000);
    const cents = Math.floor(next() * next() * 500_000);
    const whole = Math.floor(cents / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const day = String(date.getUTCDate()).padStart(2, '0');
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    lines.push(`K${10000 + Math.floor(next() * customers)};${day}.${month}.${date.getUTCFullYear()};${whole},${String(cents % 100).padStart(2, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A deterministic summary file as sql/duckdb/customer_summary.sql writes it: two years of
 * first purchases, whole days in weeks (recency and T multiples of 1/7), a third one-time buyers.
 */
export function generatedSummary(customers: number): string {
  const lines = ['customer_id,frequency,recency,T,monetary_value'];
  let state = 67890;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let c = 0; c < customers; c++) {
    const ageDays = 1 + Math.floor(next() * 730);
    const u = next();
    // Few buyers buy often: frequency falls off geometrically, bounded by the customer's age in days.
    const x = u < 0.35 ? 0 : Math.min(ageDays, Math.floor(-Math.log(next()) * 4) + 1);
    const recencyDays = x === 0 ? 0 : Math.max(x, Math.floor(next() * ageDays));
    const spend = x === 0 ? 0 : Math.round((5 + next() * next() * 300) * 100) / 100;
    lines.push(`C${c},${x},${recencyDays / 7},${ageDays / 7},${spend}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The cases of this file, for bench/run.ts's single-case argument. */
export const DATA_CASES = ['importCsv', 'fitBgNbd', 'fitGammaGamma', 'fitLarge', 'importSummary', 'fitParetoNbd', 'bootstrap', 'simulateFit', 'forecastBand'] as const;

/** Runs every case, or only `only` when it names one of DATA_CASES. */
export async function runDataBenchmarks(print: (line: Record<string, unknown>) => void, only?: string): Promise<void> {
  const wanted = (name: (typeof DATA_CASES)[number]) => only === undefined || only === name;
  if (wanted('importCsv')) {
    const n = 1_000_000;
    const text = generatedExport(n, 200_000);
    const importMs = await measure(3, 1, async () => {
      const outcome = await importTransactions(text);
      if (!outcome.ok) throw new Error(outcome.error.message);
      summarizeCustomers(outcome.table);
    });
    print({ case: 'importCsv', n, medianMs: importMs, targetMs: 3000 });
  }
  if (wanted('fitLarge')) {
    const rows = 2_000_000;
    const outcome = await importTransactions(generatedExport(rows, 400_000));
    if (!outcome.ok) throw new Error(outcome.error.message);
    const summary = calibrationData(summarizeCustomers(outcome.table));
    const repeatBuyers = prepareGammaGamma(summary.frequency, summary.monetary);
    print({
      case: 'fitLarge',
      n: rows,
      customers: summary.frequency.length,
      bgNbdMs: await measure(3, 0, () => fitBgNbd(summary)),
      gammaGammaMs: await measure(3, 0, () => fitGammaGamma(repeatBuyers)),
      targetMs: 5000,
    });
  }
  if (wanted('importSummary')) {
    const n = 5_000_000;
    const text = generatedSummary(n);
    let customers = 0;
    const cpuStart = process.cpuUsage();
    const medianMs = await measure(3, 0, () => {
      const imported = importSummaryText(text, { unit: 'week' });
      if (!imported.ok) throw new Error(imported.error.message);
      const fitted = fitSummary(imported.summary);
      if (!fitted.ok) throw new Error(fitted.error.message);
      customers = imported.summary.customers;
    });
    const cpu = process.cpuUsage(cpuStart);
    print({ case: 'importSummary', n, customers, bytes: text.length, medianMs, cpuMeanMs: Number(((cpu.user + cpu.system) / 3000).toFixed(0)), targetMs: 10_000 });
  }
  if (wanted('simulateFit')) {
    const input = { bgnbd: { r: 0.243, alpha: 4.41, a: 0.793, b: 2.43 }, gammaGamma: { p: 6.25, q: 3.74, v: 15.44 }, seed: 1, weeks: 39 };
    print({ case: 'simulateFit', n: 111_100, ...measureWithCpu(3, 0, () => simulateAndFit(input)) });
  }
  if (!wanted('fitBgNbd') && !wanted('fitGammaGamma') && !wanted('fitParetoNbd') && !wanted('bootstrap') && !wanted('forecastBand')) return;

  const log = await importTransactions(readFileSync(resolve(SHARED_DATA, 'cdnow_sample_transactions.csv'), 'utf8'));
  if (!log.ok) throw new Error(log.error.message);
  const calibration = calibrationData(summarizeCustomers(log.table, { calibrationEnd: dayFromCivil(1997, 9, 30) }));
  if (wanted('fitBgNbd')) {
    print({ case: 'fitBgNbd', n: calibration.frequency.length, medianMs: await measure(15, 3, () => fitBgNbd(calibration)), targetMs: 200 });
  }
  if (wanted('fitGammaGamma')) {
    const repeatBuyers = prepareGammaGamma(calibration.frequency, calibration.monetary);
    print({ case: 'fitGammaGamma', n: repeatBuyers.customers, medianMs: await measure(15, 3, () => fitGammaGamma(repeatBuyers)), targetMs: 200 });
  }
  const prepared = prepareBgNbd(calibration);
  if (wanted('fitParetoNbd')) {
    print({ case: 'fitParetoNbd', n: calibration.frequency.length, ...measureWithCpu(9, 2, () => fitParetoNbd(prepared)), targetMs: 200 });
  }
  if (wanted('bootstrap')) {
    const model = fitModel('bgnbd', prepared);
    const resamples = 200;
    print({ case: 'bootstrap', n: calibration.frequency.length, resamples, ...measureWithCpu(3, 0, () => bootstrapModel(model, prepared, resamples, 20_160)), targetMs: 10_000 });
  }
  if (wanted('forecastBand')) {
    const model = fitModel('bgnbd', prepared);
    const spend = fitGammaGamma(prepareGammaGamma(calibration.frequency, calibration.monetary));
    const bg = hessianIntervals(model, prepared);
    const gg = gammaGammaHessian(spend, prepareGammaGamma(calibration.frequency, calibration.monetary));
    if (bg === null || gg === null) throw new Error('no information matrix');
    const fits = [{ values: model.values, logCovariance: bg.logCovariance }, { values: [spend.p, spend.q, spend.v], logCovariance: gg.logCovariance }] as const;
    const run = () => forecastBand(fits[0], fits[1], calibration, CLV_DEFAULTS.horizon, CLV_DEFAULTS, 200, 20_161);
    print({ case: 'forecastBand', n: calibration.frequency.length, draws: 200, ...measureWithCpu(5, 1, run) });
  }
}

// `npx tsx bench/data.ts` runs these cases alone; bench/run.ts imports runDataBenchmarks.
if (import.meta.url === `file://${process.argv[1]}`) {
  await runDataBenchmarks((line) => process.stdout.write(`${JSON.stringify(line)}\n`), process.argv[2]);
}
