// The scenario: every input of the model (MODEL.md sections 1-4) with its
// default, allowed range and unit. This file is the single source for the
// slider ranges, the URL parameters, the `kpis` CLI and validation, so that
// the app, the CLI and external checks can never disagree about a range.
import { echo } from './echo.ts';

/** How a value is shown and entered. Rates are stored as fractions. */
export type Unit = 'money' | 'moneyPerYear' | 'percent' | 'perYear' | 'years' | 'count' | 'factor';

export type Group = 'customer' | 'calculation' | 'portfolio' | 'decisions';

export interface ParameterSpec {
  readonly min: number;
  readonly max: number;
  /** Slider step; typed values may be finer (validation only checks the range). */
  readonly step: number;
  readonly unit: Unit;
  readonly group: Group;
  readonly integer?: boolean;
  /** Folded away under "advanced" in the control panel. */
  readonly advanced?: boolean;
  /** Log-scaled slider (customers). */
  readonly log?: boolean;
  /** An on/off decision (0 or 1): a switch on its own tab, never a slider. */
  readonly toggle?: boolean;
}

export interface Scenario {
  // Section 1: one customer
  acquisitionCost: number;
  orderValue: number;
  ordersPerYear: number;
  marginRate: number;
  costPerOrder: number;
  serviceCostPerYear: number;
  churnRate: number;
  discountRate: number;
  growthRate: number;
  /** Years counted; null = unlimited. */
  horizon: number | null;
  // Section 2: the portfolio
  customers: number;
  seed: number;
  spread: number;
  frequencyShape: number;
  orderValueSigma: number;
  churnShape: number;
  orderCostSigma: number;
  serviceLoadSigma: number;
  serviceSizeElasticity: number;
  sizeDiscountElasticity: number;
  // Section 3: dropping the worst customers
  dropShare: number;
  stickiness: number;
  repriceMarginPoints: number;
  serviceCutShare: number;
  /** 1 = the worst dropShare are dropped in the result (decisionValue); 0 = only a what-if. */
  applyDrop: number;
  /** 1 = the worst dropShare are fixed (repriced, service cut) instead; wins over applyDrop. */
  applyFix: number;
  // Section 4: focus
  focus: number;
  careBudgetPerCustomer: number;
  careSaturation: number;
  careChurnElasticity: number;
  careOrderElasticity: number;
  careGrowthElasticity: number;
  focusShareA: number;
  focusShareB: number;
  focusShareC: number;
}

export type ParameterKey = keyof Scenario;

/** MODEL.md defaults: a mid-size B2B supplier, the calibrated portfolio. */
export const DEFAULTS: Readonly<Scenario> = Object.freeze({
  acquisitionCost: 300,
  orderValue: 250,
  ordersPerYear: 4,
  marginRate: 0.3,
  costPerOrder: 20,
  serviceCostPerYear: 120,
  churnRate: 0.2,
  discountRate: 0.08,
  growthRate: 0,
  horizon: 10,
  customers: 10_000,
  seed: 1,
  spread: 1,
  frequencyShape: 0.6,
  orderValueSigma: 0.9,
  churnShape: 2,
  orderCostSigma: 0.8,
  serviceLoadSigma: 0.8,
  serviceSizeElasticity: 0.35,
  sizeDiscountElasticity: 0.2,
  dropShare: 0.1,
  stickiness: 0.5,
  repriceMarginPoints: 0.05,
  serviceCutShare: 0.5,
  applyDrop: 0,
  applyFix: 0,
  focus: 0,
  careBudgetPerCustomer: 30,
  careSaturation: 2,
  careChurnElasticity: 0.3,
  careOrderElasticity: 0.1,
  careGrowthElasticity: 0.02,
  focusShareA: 0.6,
  focusShareB: 0.3,
  focusShareC: 0.1,
});

/** Largest finite horizon; "unlimited" is stored as null. */
export const MAX_HORIZON = 50;
/**
 * Years an unlimited horizon counts: every sum (CLV, costs, payback, the
 * lifetime bars' tail) stops after 100 years, whether it converges or not,
 * so that CLV falls steadily as churn rises (with churn -> 0 the closed form
 * m / (1 + d - r(1 + u)) would grow without bound). Where the years past the
 * cap would still add CAP_NOTICE_TAIL or more, the figure is flagged.
 */
export const UNBOUNDED_CAP_YEARS = 100;
/** Share of the closed-form sum beyond the cap (q^100) from which the cap is reported: 0.01 %. */
export const CAP_NOTICE_TAIL = 1e-4;

export const PARAMETERS: Readonly<Record<ParameterKey, ParameterSpec>> = Object.freeze({
  acquisitionCost: { min: 0, max: 5000, step: 10, unit: 'money', group: 'customer' },
  orderValue: { min: 0, max: 5000, step: 5, unit: 'money', group: 'customer' },
  ordersPerYear: { min: 0, max: 52, step: 0.5, unit: 'perYear', group: 'customer' },
  marginRate: { min: 0, max: 1, step: 0.01, unit: 'percent', group: 'customer' },
  costPerOrder: { min: 0, max: 1000, step: 1, unit: 'money', group: 'customer' },
  serviceCostPerYear: { min: 0, max: 5000, step: 10, unit: 'moneyPerYear', group: 'customer' },
  churnRate: { min: 0, max: 1, step: 0.01, unit: 'percent', group: 'customer' },
  growthRate: { min: -0.2, max: 0.3, step: 0.01, unit: 'percent', group: 'customer' },
  discountRate: { min: 0, max: 0.3, step: 0.005, unit: 'percent', group: 'calculation' },
  horizon: { min: 1, max: MAX_HORIZON, step: 1, unit: 'years', group: 'calculation', integer: true },
  customers: { min: 100, max: 1_000_000, step: 1, unit: 'count', group: 'portfolio', integer: true, log: true },
  spread: { min: 0, max: 2, step: 0.05, unit: 'factor', group: 'portfolio' },
  seed: { min: 1, max: 2_147_483_647, step: 1, unit: 'count', group: 'portfolio', integer: true, advanced: true },
  frequencyShape: { min: 0.1, max: 10, step: 0.05, unit: 'factor', group: 'portfolio', advanced: true },
  orderValueSigma: { min: 0, max: 2, step: 0.05, unit: 'factor', group: 'portfolio', advanced: true },
  churnShape: { min: 0.1, max: 20, step: 0.1, unit: 'factor', group: 'portfolio', advanced: true },
  orderCostSigma: { min: 0, max: 2, step: 0.05, unit: 'factor', group: 'portfolio', advanced: true },
  serviceLoadSigma: { min: 0, max: 2, step: 0.05, unit: 'factor', group: 'portfolio', advanced: true },
  serviceSizeElasticity: { min: 0, max: 1, step: 0.05, unit: 'factor', group: 'portfolio', advanced: true },
  sizeDiscountElasticity: { min: 0, max: 0.5, step: 0.01, unit: 'factor', group: 'portfolio', advanced: true },
  dropShare: { min: 0, max: 0.5, step: 0.01, unit: 'percent', group: 'decisions' },
  stickiness: { min: 0, max: 1, step: 0.05, unit: 'percent', group: 'decisions' },
  repriceMarginPoints: { min: 0, max: 0.3, step: 0.01, unit: 'percent', group: 'decisions', advanced: true },
  serviceCutShare: { min: 0, max: 1, step: 0.05, unit: 'percent', group: 'decisions', advanced: true },
  applyDrop: { min: 0, max: 1, step: 1, unit: 'count', group: 'decisions', integer: true, toggle: true },
  applyFix: { min: 0, max: 1, step: 1, unit: 'count', group: 'decisions', integer: true, toggle: true },
  focus: { min: 0, max: 1, step: 0.05, unit: 'percent', group: 'decisions' },
  careBudgetPerCustomer: { min: 0, max: 1000, step: 5, unit: 'moneyPerYear', group: 'decisions', advanced: true },
  careSaturation: { min: 1, max: 10, step: 0.1, unit: 'factor', group: 'decisions', advanced: true },
  careChurnElasticity: { min: 0, max: 2, step: 0.05, unit: 'factor', group: 'decisions', advanced: true },
  careOrderElasticity: { min: 0, max: 2, step: 0.05, unit: 'factor', group: 'decisions', advanced: true },
  careGrowthElasticity: { min: 0, max: 0.2, step: 0.005, unit: 'factor', group: 'decisions', advanced: true },
  focusShareA: { min: 0, max: 1, step: 0.05, unit: 'percent', group: 'decisions', advanced: true },
  focusShareB: { min: 0, max: 1, step: 0.05, unit: 'percent', group: 'decisions', advanced: true },
  focusShareC: { min: 0, max: 1, step: 0.05, unit: 'percent', group: 'decisions', advanced: true },
});

export const PARAMETER_KEYS = Object.keys(DEFAULTS) as ParameterKey[];

/** What the scenario decides for its worst customers: keep them, drop them, or fix them (fix wins). */
export type DropDecision = 'none' | 'drop' | 'fix';

export function dropDecisionOf(s: Pick<Scenario, 'applyDrop' | 'applyFix'>): DropDecision {
  return s.applyFix === 1 ? 'fix' : s.applyDrop === 1 ? 'drop' : 'none';
}

/** The money sliders, moved by ±10 % in "what moves the result most". */
export const MONEY_KEYS: readonly ParameterKey[] = PARAMETER_KEYS.filter((key) => {
  const unit = PARAMETERS[key].unit;
  return unit === 'money' || unit === 'moneyPerYear';
});

/** Keys whose change needs a new population (fixed random traits). Money sliders never do. */
export const POPULATION_KEYS: readonly ParameterKey[] = [
  'customers',
  'seed',
  'spread',
  'frequencyShape',
  'orderValueSigma',
  'churnShape',
  'orderCostSigma',
  'serviceLoadSigma',
];

export interface ParameterProblem {
  key: string;
  /** Machine-readable reason; the UI translates it, the CLI prints `message`. */
  reason: 'unknownKey' | 'notANumber' | 'outOfRange' | 'notAnInteger' | 'sharesSumToZero';
  message: string;
}

export function describeRange(key: ParameterKey): string {
  const spec = PARAMETERS[key];
  const range = `${spec.min} to ${spec.max}`;
  const kind = spec.integer ? 'a whole number' : 'a number';
  const unlimited = key === 'horizon' ? ' or null (unlimited)' : '';
  return `${kind} from ${range}${unlimited}`;
}

/** Whether a name (from JSON, a URL or a file) is a scenario parameter. */
export function isParameterKey(key: string): key is ParameterKey {
  return Object.prototype.hasOwnProperty.call(DEFAULTS, key);
}

/**
 * A rejected value as a message quotes it: JSON turns 1e999 into Infinity,
 * which JSON.stringify would print as "null"; long text is cut (see echo).
 */
function valueText(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `${value} (too large for a number)`;
  return value === undefined ? 'nothing' : echo(JSON.stringify(value) ?? String(value));
}

/** Checks one value against its key's range; returns the problem or null. */
export function checkValue(key: ParameterKey, value: unknown): ParameterProblem | null {
  if (key === 'horizon' && value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { key, reason: 'notANumber', message: `${key}: must be ${describeRange(key)}, got ${valueText(value)}` };
  }
  const spec = PARAMETERS[key];
  if (value < spec.min || value > spec.max) {
    return { key, reason: 'outOfRange', message: `${key}: must be ${describeRange(key)}, got ${value}` };
  }
  if (spec.integer && !Number.isInteger(value)) {
    return { key, reason: 'notAnInteger', message: `${key}: must be ${describeRange(key)}, got ${value}` };
  }
  return null;
}

export const SHARES_SUM_MESSAGE = 'focusShareA, focusShareB, focusShareC: at least one full-focus share must be above 0';

/**
 * The one rule across keys: the full-focus budget goes to segments A, B and C
 * in these shares, normalised by their sum (MODEL.md section 4), so the sum
 * must be positive. Every way in (URL, CLI, sliders, saved and imported
 * scenarios) applies it; at 0 every focus figure would be 0 / 0.
 */
export function sharesProblem(s: Pick<Scenario, 'focusShareA' | 'focusShareB' | 'focusShareC'>): ParameterProblem | null {
  if (s.focusShareA + s.focusShareB + s.focusShareC > 0) return null;
  return {
    key: 'focusShareA',
    reason: 'sharesSumToZero',
    message: SHARES_SUM_MESSAGE,
  };
}

export interface ParsedScenario {
  scenario: Scenario;
  problems: ParameterProblem[];
}

/**
 * Builds a full scenario from a partial object (JSON, the CLI, the URL).
 * Invalid or unknown entries are reported and ignored: the default stays.
 */
export function parseScenario(input: Record<string, unknown>, base: Readonly<Scenario> = DEFAULTS): ParsedScenario {
  const scenario: Scenario = { ...base };
  const problems: ParameterProblem[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!isParameterKey(key)) {
      problems.push({ key, reason: 'unknownKey', message: `${echo(key)}: unknown parameter` });
      continue;
    }
    const problem = checkValue(key, value);
    if (problem) {
      problems.push(problem);
      continue;
    }
    // checkValue guarantees a finite number (or null for horizon).
    (scenario as unknown as Record<ParameterKey, number | null>)[key] = value as number | null;
  }
  const shares = sharesProblem(scenario);
  if (shares) {
    problems.push(shares);
    scenario.focusShareA = base.focusShareA;
    scenario.focusShareB = base.focusShareB;
    scenario.focusShareC = base.focusShareC;
  }
  return { scenario, problems };
}

/**
 * A plain decimal number, as people write one and as `String(number)` writes
 * it back: digits, an optional point and exponent. Number() alone would also
 * take 0x10, 0b101, 0o17 and Infinity, which no shared link should mean.
 */
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses one URL query value into the parameter's type (rates as fractions). */
export function parseQueryValue(key: ParameterKey, raw: string): unknown {
  const text = raw.trim();
  if (key === 'horizon' && /^(null|unlimited|unbegrenzt|inf|infinity|∞)$/i.test(text)) return null;
  return PLAIN_DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** The keys that differ from the defaults, for short URLs. */
export function changedKeys(scenario: Readonly<Scenario>, base: Readonly<Scenario> = DEFAULTS): ParameterKey[] {
  return PARAMETER_KEYS.filter((key) => scenario[key] !== base[key]);
}
