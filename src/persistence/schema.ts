// The shapes that leave the app (export files) or come back (imports, saved
// records), validated with valibot against the same ranges as the sliders.
// Each problem names its path, e.g. `scenarios[3].churnRate: must be between 0 and 1`.
import * as v from 'valibot';
import { PARAMETERS, PARAMETER_KEYS, SHARES_SUM_MESSAGE, sharesProblem, type ParameterKey, type Scenario } from '../engine/parameters.ts';
import {
  ACCOUNT_LIMITS,
  ACCOUNT_SEGMENTS,
  ENTITY_LIMITS,
  MAX_ENTITIES,
  MAX_NAME_LENGTH,
  PROGRAMME_LIMITS,
  type KeyAccount,
  type Limit,
} from '../engine/keyAccount/account.ts';
import { completeScenario } from './records.ts';

export { completeScenario };

export const EXPORT_FORMAT = 'kundenwert-scenarios';
/** Version of the export file format; bump with a migration in `parseExport`. */
export const EXPORT_VERSION = 1;

function rangeMessage(key: ParameterKey): string {
  const spec = PARAMETERS[key];
  const whole = spec.integer ? 'a whole number ' : '';
  const unlimited = key === 'horizon' ? ' or null (unlimited)' : '';
  return `must be ${whole}between ${spec.min} and ${spec.max}${unlimited}`;
}

function parameterSchema(key: ParameterKey) {
  const spec = PARAMETERS[key];
  const message = rangeMessage(key);
  const base = v.pipe(
    v.number(message),
    v.finite(message),
    v.minValue(spec.min, message),
    v.maxValue(spec.max, message),
    v.check((value) => !spec.integer || Number.isInteger(value), message),
  );
  return key === 'horizon' ? v.nullable(base) : base;
}

const parameterEntries = Object.fromEntries(PARAMETER_KEYS.map((key) => [key, v.optional(parameterSchema(key))])) as {
  [K in ParameterKey]: v.OptionalSchema<ReturnType<typeof parameterSchema>, undefined>;
};

/** A scenario in a file: every key optional (missing keys take the defaults), unknown keys rejected. */
export const ScenarioSchema = v.strictObject(parameterEntries);

function limitSchema(limit: Limit) {
  const message = `must be between ${limit.min} and ${limit.max}`;
  return v.pipe(v.number(message), v.finite(message), v.minValue(limit.min, message), v.maxValue(limit.max, message));
}

function limitEntries<K extends string>(limits: Readonly<Record<K, Limit>>) {
  return Object.fromEntries(Object.entries<Limit>(limits).map(([key, limit]) => [key, limitSchema(limit)])) as {
    [Key in K]: ReturnType<typeof limitSchema>;
  };
}

const accountName = v.pipe(v.string('must be text'), v.maxLength(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`));

/**
 * The key account of a scenario (issue 17), with the same ranges as the
 * Konzernkunde table: stored records, export files and `ka=` links are read
 * through it, so a value the table would refuse never gets in another way.
 */
export const KeyAccountSchema = v.strictObject({
  name: accountName,
  entities: v.pipe(
    v.array(
      v.strictObject({
        name: accountName,
        segment: v.picklist(ACCOUNT_SEGMENTS, `must be one of ${ACCOUNT_SEGMENTS.join(', ')}`),
        ...limitEntries(ENTITY_LIMITS),
      }),
      'must be a list of entities',
    ),
    v.maxLength(MAX_ENTITIES, `must have at most ${MAX_ENTITIES} entities`),
  ),
  ...limitEntries(ACCOUNT_LIMITS),
  programme: v.strictObject(limitEntries(PROGRAMME_LIMITS)),
});

export const SummarySchema = v.object({
  clv: v.number(),
  lifetimeProfit: v.number(),
  portfolioValue: v.number(),
  top20RevenueShare: v.number(),
  /** The result of the scenario's decisions (issue 12); older records lack it. */
  decisionValue: v.optional(v.number()),
});

export type ScenarioSummary = v.InferOutput<typeof SummarySchema>;

const isoDate = v.pipe(v.string('must be a date'), v.isoTimestamp('must be an ISO date and time'));

export const StoredScenarioSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  name: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(200, 'must be at most 200 characters')),
  notes: v.optional(v.pipe(v.string('must be text'), v.maxLength(10_000, 'must be at most 10,000 characters')), ''),
  scenario: ScenarioSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  appVersion: v.optional(v.string(), 'unknown'),
  summary: v.optional(v.nullable(SummarySchema), null),
  /** Only when it differs from the example group: a record without one opens with the example. */
  account: v.optional(KeyAccountSchema),
});

export type StoredScenario = Omit<v.InferOutput<typeof StoredScenarioSchema>, 'scenario' | 'account'> & {
  scenario: Partial<Scenario>;
  account?: KeyAccount;
};

/**
 * One scenario in an export file: its name and notes beside its parameters,
 * so that a problem reads `scenarios[3].churnRate: must be between 0 and 1`.
 */
const ExportedScenarioSchema = v.pipe(
  v.strictObject({
    name: StoredScenarioSchema.entries.name,
    notes: StoredScenarioSchema.entries.notes,
    createdAt: v.optional(isoDate),
    updatedAt: v.optional(isoDate),
    account: v.optional(KeyAccountSchema),
    ...parameterEntries,
  }),
  v.transform(({ name, notes, createdAt, updatedAt, account, ...parameters }) => ({
    name,
    notes,
    createdAt,
    updatedAt,
    scenario: Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined)) as Partial<Scenario>,
    ...(account !== undefined ? { account: account as KeyAccount } : {}),
  })),
  // The rule across keys, on the scenario as it would open (missing shares take the defaults).
  v.check((entry) => sharesProblem(completeScenario(entry.scenario)) === null, SHARES_SUM_MESSAGE),
);

export type ExportedScenario = v.InferOutput<typeof ExportedScenarioSchema>;

const ExportHeaderSchema = v.object({
  format: v.literal(EXPORT_FORMAT, `must be "${EXPORT_FORMAT}"`),
  version: v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1')),
  scenarios: v.array(v.unknown(), 'must be a list of scenarios'),
});

/** What is wrong, for the interface to say in its language (`message` is the English text for logs and tests). */
export type ImportProblemCode =
  | 'notJson'
  | 'notOurs'
  | 'version'
  | 'newer'
  | 'notList'
  | 'unknownKey'
  | 'range'
  | 'name'
  | 'notes'
  | 'date'
  | 'account'
  | 'invalid';

export interface ImportProblem {
  /** e.g. `scenarios[3].churnRate` */
  path: string;
  message: string;
  code?: ImportProblemCode;
  /** The parameter or field the problem is about (range, unknownKey). */
  key?: string;
  /** The file's version (newer). */
  version?: number;
}

export interface ParsedImport {
  valid: ExportedScenario[];
  problems: ImportProblem[];
}

/** The code of one valibot issue, from where it sits and what kind of check failed. */
function codeOf(issue: v.BaseIssue<unknown>, header: boolean): Pick<ImportProblem, 'code' | 'key'> {
  const last = issue.path?.at(-1)?.key;
  const key = typeof last === 'string' ? last : undefined;
  if (header) {
    if (key === 'version') return { code: 'version' };
    if (key === 'scenarios') return { code: 'notList' };
    return { code: 'notOurs' };
  }
  // Anything inside the key account is named by its path (`account.entities[2].marginRate`) and the reason.
  if (issue.path?.[0]?.key === 'account') return key !== undefined ? { code: 'account', key } : { code: 'account' };
  if (issue.type === 'strict_object' && key !== undefined) return { code: 'unknownKey', key };
  if (key !== undefined && (PARAMETER_KEYS as readonly string[]).includes(key)) return { code: 'range', key };
  if (key === 'name' || key === 'notes') return { code: key };
  if (key === 'createdAt' || key === 'updatedAt') return { code: 'date', key };
  return { code: 'invalid' };
}

/** One problem per path: a value that fails several checks is named once. */
function problemsOf(prefix: string, issues: readonly v.BaseIssue<unknown>[], header: boolean): ImportProblem[] {
  const seen = new Set<string>();
  const out: ImportProblem[] = [];
  for (const issue of issues) {
    const path = pathOf(prefix, issue);
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: issue.message, ...codeOf(issue, header) });
  }
  return out;
}

function pathOf(prefix: string, issue: v.BaseIssue<unknown>): string {
  const keys = v.getDotPath(issue);
  if (keys === null || keys === '') return prefix;
  // getDotPath joins with dots; show list indices the usual way.
  const tail = keys.replace(/\.(\d+)(?=\.|$)/g, '[$1]').replace(/^(\d+)(?=\.|$)/, '[$1]');
  return tail.startsWith('[') ? `${prefix}${tail}` : `${prefix}.${tail}`;
}

/**
 * Reads an export file's text: keeps every valid scenario and reports each
 * problem with its path. A file that is not ours at all yields one problem.
 */
export function parseExport(text: string): ParsedImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { valid: [], problems: [{ path: '(file)', message: 'is not a JSON file', code: 'notJson' }] };
  }
  const header = v.safeParse(ExportHeaderSchema, json);
  if (!header.success) {
    return { valid: [], problems: problemsOf('(file)', header.issues, true) };
  }
  if (header.output.version > EXPORT_VERSION) {
    return {
      valid: [],
      problems: [
        {
          path: 'version',
          message: `is ${header.output.version}, newer than this app reads (${EXPORT_VERSION}): update the app`,
          code: 'newer',
          version: header.output.version,
        },
      ],
    };
  }
  const valid: ExportedScenario[] = [];
  const problems: ImportProblem[] = [];
  header.output.scenarios.forEach((entry, index) => {
    const result = v.safeParse(ExportedScenarioSchema, entry, { abortPipeEarly: true });
    if (result.success) valid.push(result.output);
    else problems.push(...problemsOf(`scenarios[${index}]`, result.issues, false));
  });
  return { valid, problems };
}

export function buildExport(scenarios: readonly Pick<StoredScenario, 'name' | 'notes' | 'scenario' | 'createdAt' | 'updatedAt' | 'account'>[]): string {
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      // `account` only where the scenario has its own: a file without accounts reads as before.
      scenarios: scenarios.map(({ name, notes, scenario, createdAt, updatedAt, account }) => ({
        name,
        notes,
        createdAt,
        updatedAt,
        ...scenario,
        ...(account !== undefined ? { account } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}
