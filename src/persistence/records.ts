// Pure helpers on scenario records that the page needs before storage
// opens (the autosave, a restored working state, the list's search): apart
// from the library and the schemas, so the first chart waits for neither
// IndexedDB nor valibot (issue 13).
import { DEFAULTS, changedKeys, type Scenario } from '../engine/parameters.ts';
import { EXAMPLE_ACCOUNT, copyAccount, sameAccount, type KeyAccount } from '../engine/keyAccount/account.ts';
import type { StoredScenario } from './schema.ts';

/** Where the working state's journal (journal.ts) is kept in localStorage; the page checks it before storage loads. */
export const JOURNAL_KEY = 'kundenwert-simulator:working';

/** Only the keys that differ from the defaults are stored: records stay small and readable. */
export function compactScenario(scenario: Scenario): Partial<Scenario> {
  return Object.fromEntries(changedKeys(scenario).map((key) => [key, scenario[key]])) as Partial<Scenario>;
}

/**
 * The key account a record keeps: none when it is the example group, so a
 * scenario whose table was never edited is stored (and exported) as before.
 */
export function ownAccount(account: Readonly<KeyAccount> | null | undefined): KeyAccount | undefined {
  return account && !sameAccount(account, EXAMPLE_ACCOUNT) ? copyAccount(account) : undefined;
}

/** The key account a record opens with: its own, or the example group. */
export function accountOf(record: { account?: KeyAccount | undefined }): KeyAccount {
  return copyAccount(record.account ?? EXAMPLE_ACCOUNT);
}

/** Now as an ISO timestamp (records and the autosave carry these). */
export function timestamp(): string {
  return new Date().toISOString();
}

export type SortOrder = 'updated' | 'lifetimeProfit' | 'name';

/** Filters by a case-insensitive part of the name and sorts; pure, so the list view and the benchmark share it. */
export function searchScenarios(scenarios: readonly StoredScenario[], query: string, order: SortOrder, locale = 'de'): StoredScenario[] {
  const needle = query.trim().toLocaleLowerCase(locale);
  const found = needle === '' ? [...scenarios] : scenarios.filter((s) => s.name.toLocaleLowerCase(locale).includes(needle));
  const collator = new Intl.Collator(locale);
  switch (order) {
    case 'updated': {
      // An import gives many scenarios the same time: those go by name ("Kurs 2" before "Kurs 10"), not by random id.
      const byName = new Intl.Collator(locale, { numeric: true });
      return found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || byName.compare(a.name, b.name));
    }
    case 'lifetimeProfit':
      // Scenarios without a summary go last.
      return found.sort((a, b) => (b.summary?.lifetimeProfit ?? -Infinity) - (a.summary?.lifetimeProfit ?? -Infinity));
    case 'name':
      return found.sort((a, b) => collator.compare(a.name, b.name));
  }
}

/** The full scenario of a (partial) stored one: missing keys take today's defaults. */
export function completeScenario(partial: Partial<Scenario>): Scenario {
  return { ...DEFAULTS, ...partial };
}
