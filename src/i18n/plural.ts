// Messages whose wording depends on a count ("1 Zeile", "3 Zeilen") and that
// name the count `{n}` (the Daten tab's texts); `tp` picks the member of the
// family `key.one` / `key.other` by Intl.PluralRules and names it `{count}`.
import { fmt, tp, type MessageVars, type PluralKey } from './i18n.svelte.ts';

export type { PluralKey };

/** The member of the family for `count`, with `{n}` filled by the count in the locale's number format. */
export function tCount(base: PluralKey, count: number, vars: MessageVars = {}): string {
  return tp(base, count, { n: fmt.number(count, 0), ...vars });
}
