// `npm run --silent kpis -- '<scenario json>'`: the app's engine in Node,
// one JSON object of headline figures on stdout. A contract for checks
// outside this repo: keep keys, units and exit codes stable.
import { computeResults } from '../engine/index.ts';
import { parseScenario } from '../engine/parameters.ts';
import { kpisOf, type Kpis } from '../engine/results.ts';

/** Output keys of the contract, in this order. */
export const CLI_KEYS = [
  'annualMargin',
  'clv',
  'lifetimeProfit',
  'paybackYears',
  'simpleLifetimeProfit',
  'top20RevenueShare',
  'customersFor80Revenue',
  'gini',
  'whalePeak',
  'whalePeakAt',
  'top20ValueShare',
  'worst10ValueShare',
  'negativeShare',
  'dropValueBefore',
  'dropValueAfter',
  'dropRealisticGain',
  'droppedImportantCount',
  'bestFocus',
  'valueAtBestFocus',
  'valueAtNoFocus',
  'valueAtFocus',
  'decisionValue',
] as const satisfies readonly (keyof Kpis)[];

export type CliOutcome = { ok: true; output: Record<string, number | null> } | { ok: false; errors: string[] };

export function runKpis(args: readonly string[]): CliOutcome {
  const text = args.length === 0 ? '{}' : args.join(' ');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`input is not valid JSON (${(error as Error).message}); expected e.g. '{"churnRate": 0.25}'`] };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['input must be a JSON object of scenario parameters, e.g. \'{"churnRate": 0.25}\''] };
  }
  const { scenario, problems } = parseScenario(input as Record<string, unknown>);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => p.message) };
  const kpis = kpisOf(computeResults(scenario));
  const output: Record<string, number | null> = {};
  for (const key of CLI_KEYS) output[key] = kpis[key];
  return { ok: true, output };
}

// Run only when executed as a script, not when imported by the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = runKpis(process.argv.slice(2));
  if (outcome.ok) {
    process.stdout.write(`${JSON.stringify(outcome.output)}\n`);
  } else {
    for (const error of outcome.errors) process.stderr.write(`kpis: ${error}\n`);
    process.exitCode = 2;
  }
}
