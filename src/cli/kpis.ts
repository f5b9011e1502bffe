// `npm run --silent kpis -- '<scenario json>'` (or `-` for stdin, `@file.json`):
// the app's engine in Node, one JSON object of headline figures on stdout. A contract for checks
// outside this repo: keep keys, units and exit codes stable.
import { readFileSync } from 'node:fs';
import { echo } from '../engine/echo.ts';
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

export type CliOutcome =
  | { ok: true; output: Record<string, number | null>; notes: string[] }
  | { ok: false; errors: string[] };

/** Where `-` and `@file` read from; the tests pass their own. */
export interface CliInput {
  stdin: () => string;
  file: (path: string) => string;
}

const SYSTEM_INPUT: CliInput = {
  stdin: () => readFileSync(0, 'utf8'),
  file: (path) => readFileSync(path, 'utf8'),
};

/** The figures that are shares of the total value: undefined when that total is not positive. */
const VALUE_SHARE_KEYS = ['whalePeak', 'whalePeakAt', 'top20ValueShare', 'worst10ValueShare'] as const;

/** "no such file" rather than a stack: the reason a file could not be read, in a few words. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES') return 'permission denied';
  return echo((error as Error).message, 80);
}

/** The scenario text: the arguments as given, all of stdin for `-`, a file's content for `@path`. */
function inputText(args: readonly string[], io: CliInput): { text: string } | { error: string } {
  if (args.length === 0) return { text: '{}' };
  const [first = ''] = args;
  if (args.length === 1 && first === '-') {
    try {
      return { text: io.stdin() };
    } catch (error) {
      return { error: `cannot read stdin: ${readProblem(error)}` };
    }
  }
  if (args.length === 1 && first.startsWith('@')) {
    const path = first.slice(1);
    try {
      return { text: io.file(path) };
    } catch (error) {
      return { error: `cannot read ${echo(path, 200)}: ${readProblem(error)}` };
    }
  }
  return { text: args.join(' ') };
}

export function runKpis(args: readonly string[], io: CliInput = SYSTEM_INPUT): CliOutcome {
  const read = inputText(args, io);
  if ('error' in read) return { ok: false, errors: [read.error] };
  let input: unknown;
  try {
    input = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // V8 quotes the input in its message: cut it like every other echo.
    return { ok: false, errors: [`input is not valid JSON (${echo((error as Error).message, 80)}); expected e.g. '{"churnRate": 0.25}'`] };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: ['input must be a JSON object of scenario parameters, e.g. \'{"churnRate": 0.25}\''] };
  }
  const { scenario, problems } = parseScenario(input as Record<string, unknown>);
  if (problems.length > 0) return { ok: false, errors: problems.map((p) => p.message) };
  const results = computeResults(scenario);
  const kpis = kpisOf(results);
  const output: Record<string, number | null> = {};
  for (const key of CLI_KEYS) output[key] = kpis[key];
  const notes: string[] = [];
  const total = results.portfolio.totals.value;
  if (!(total > 0)) {
    notes.push(
      `total value ${String(Math.round(total * 100) / 100)} is not positive: ${VALUE_SHARE_KEYS.slice(0, -1).join(', ')} and ` +
        `${VALUE_SHARE_KEYS.at(-1) ?? ''} are null (shares of a total that is not positive are undefined)`,
    );
  }
  return { ok: true, output, notes };
}

// Run only when executed as a script, not when imported by the tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = runKpis(process.argv.slice(2));
  if (outcome.ok) {
    process.stdout.write(`${JSON.stringify(outcome.output)}\n`);
    for (const note of outcome.notes) process.stderr.write(`kpis: note: ${note}\n`);
  } else {
    for (const error of outcome.errors) process.stderr.write(`kpis: ${error}\n`);
    process.exitCode = 2;
  }
}
