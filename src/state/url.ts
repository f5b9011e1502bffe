// The scenario in the address bar: every Scenario key can be a query
// parameter with the same name and unit as in the scenario JSON (rates as
// fractions, `horizon=unlimited` or `null`), plus `lang=de|en`. Pure
// functions, so the parsing and its notices are tested without a browser.
import {
  DEFAULTS,
  isParameterKey,
  changedKeys,
  parseQueryValue,
  parseScenario,
  type ParameterKey,
  type ParameterProblem,
  type Scenario,
} from '../engine/parameters.ts';
import { DEFAULT_CURRENCY, isCurrency, type Currency, type Locale } from '../i18n/format.ts';
import type { KeyAccount } from '../engine/keyAccount/account.ts';
import { ACCOUNT_QUERY_KEY, encodeAccount } from './accountLink.ts';

/** Reads a `ka=` value (accountLinkRead.ts's decodeAccount); null for a malformed one. */
export type AccountReader = (raw: string) => KeyAccount | null;

/** Query keys that are not scenario parameters but belong to the app. */
export const APP_QUERY_KEYS: readonly string[] = ['lang', 'embed', 'currency'];

export interface UrlProblem {
  /** The query parameter as written in the URL. */
  key: string;
  /** The raw text of its value (for a repeated key: the value that counts). */
  raw: string;
  reason: ParameterProblem['reason'] | 'unknownLanguage' | 'unknownCurrency' | 'repeated' | 'invalidAccount';
  /** How often a repeated key was given. */
  count?: number;
}

export interface ParsedLocation {
  scenario: Scenario;
  lang: Locale | null;
  /** The key account of `ka=`, or null (none given, or malformed: then a problem names it). */
  account: KeyAccount | null;
  problems: UrlProblem[];
}

/**
 * Reads the scenario and language from a query string (`?churnRate=0.25&lang=en`).
 * A `ka=` is read with `readAccount`, which the caller loads only for a query that has one
 * (`accountReaderFor`); without it any `ka=` counts as malformed.
 */
export function parseLocationSearch(search: string, readAccount: AccountReader = () => null): ParsedLocation {
  // Every value of each key, in order of appearance.
  const values = new Map<string, string[]>();
  for (const [key, raw] of new URLSearchParams(search)) {
    const list = values.get(key);
    if (list) list.push(raw);
    else values.set(key, [raw]);
  }
  // No prototype: `__proto__` and `constructor` are then plain unknown keys that get their notice.
  const input = Object.create(null) as Record<string, unknown>;
  const raws = new Map<string, string>();
  const problems: UrlProblem[] = [];
  let lang: Locale | null = null;
  let account: KeyAccount | null = null;
  for (const [key, list] of values) {
    // A repeated key counts with its first value, as URLSearchParams.get() reads
    // `embed` and `currency`; one notice says so, whatever the values were.
    const raw = list[0] ?? '';
    if (list.length > 1) problems.push({ key, raw, reason: 'repeated', count: list.length });
    if (key === 'lang') {
      if (raw === 'de' || raw === 'en') lang = raw;
      else problems.push({ key, raw, reason: 'unknownLanguage' });
      continue;
    }
    if (key === ACCOUNT_QUERY_KEY) {
      account = readAccount(raw);
      if (account === null) problems.push({ key, raw, reason: 'invalidAccount' });
      continue;
    }
    // `embed` (src/embed/route.ts) and `currency` (src/entry.ts) are applied where they are used;
    // an unknown currency is only named here.
    if (key === 'currency' && !isCurrency(raw)) problems.push({ key, raw, reason: 'unknownCurrency' });
    if (APP_QUERY_KEYS.includes(key)) continue;
    raws.set(key, raw);
    input[key] = isParameterKey(key) ? parseQueryValue(key, raw) : raw;
  }
  const parsed = parseScenario(input, DEFAULTS);
  for (const problem of parsed.problems) {
    problems.push({ key: problem.key, raw: raws.get(problem.key) ?? '', reason: problem.reason });
  }
  return { scenario: parsed.scenario, lang, account, problems };
}

/** The `ka=` reader a query needs: loaded (with its checks) only when the query has a key account. */
export async function accountReaderFor(search: string): Promise<AccountReader | undefined> {
  if (!new URLSearchParams(search).has(ACCOUNT_QUERY_KEY)) return undefined;
  return (await import('./accountLinkRead.ts')).decodeAccount;
}

/** The query value of one parameter: fractions as they are, `unlimited` for an open horizon. */
export function queryValueOf(key: ParameterKey, scenario: Readonly<Scenario>): string {
  const value = scenario[key];
  return value === null ? 'unlimited' : String(value);
}

/**
 * The query string for a scenario: only the parameters that differ from the
 * defaults, the key account (`ka`) when it is not the example group, then
 * `lang` when it is not the default. Returns '' or '?...'.
 */
export function searchFor(
  scenario: Readonly<Scenario>,
  lang: Locale,
  currency: Currency = DEFAULT_CURRENCY,
  defaultLang: Locale = 'de',
  account?: Readonly<KeyAccount> | null,
): string {
  const query = new URLSearchParams();
  for (const key of changedKeys(scenario, DEFAULTS)) query.set(key, queryValueOf(key, scenario));
  // The key account only when it differs from the example group: other links stay as they were.
  const ka = encodeAccount(account);
  if (ka !== null) query.set(ACCOUNT_QUERY_KEY, ka);
  if (lang !== defaultLang) query.set('lang', lang);
  // The currency only relabels money; it travels with links so a shared scenario looks the same.
  if (currency !== DEFAULT_CURRENCY) query.set('currency', currency);
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * A short name of a scenario, the same for equal scenarios: its changed
 * parameters as a query string ('' for the defaults). Views carry it as
 * `data-scenario-id`, so a test can tell which scenario a figure belongs to.
 */
export function scenarioKey(scenario: Readonly<Scenario>): string {
  return searchFor(scenario, 'de').slice(1);
}
