// Messages whose wording depends on a count ("1 Zeile", "3 Zeilen"): the key
// without suffix names a family `key.one` / `key.other`, and Intl.PluralRules
// of the current locale picks the member. German and English need only these
// two categories; a missing one falls back to `.other`.
import { fmt, i18n, t, type MessageKey, type MessageVars } from './i18n.svelte.ts';

/** Keys `base` for which both `base.one` and `base.other` exist. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? (`${Base}.one` extends MessageKey ? Base : never) : never;
}[MessageKey];

const rules = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rule = rules.get(locale);
  if (rule === undefined) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule;
}

/** The member of the family for `count`, with `{n}` filled by the count in the locale's number format. */
export function tCount(base: PluralKey, count: number, vars: MessageVars = {}): string {
  const category = pluralRules(i18n.locale).select(count);
  const key = (category === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
  return t(key, { n: fmt.number(count, 0), ...vars });
}
