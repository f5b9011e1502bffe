// The current locale as a rune, the message lookup `t` and locale-bound
// formatters. Reading `i18n.locale` inside `t` makes every label reactive.
import {
  formatMoney,
  formatMoneyCompact,
  formatNumber,
  formatPercent,
  formatYears,
  formatYearsAfter,
  formatDuration,
  formatDurationAfter,
  formatCalendarDay,
  DEFAULT_CURRENCY,
  type DurationUnit,
  currencySymbol,
  type Currency,
  type Locale,
} from './format.ts';

export type { Locale } from './format.ts';

import { loadMessages, lookup, type Feature, type MessageKey } from './messages.ts';

export { loadMessages, type Feature, type MessageKey };

export const DEFAULT_LOCALE: Locale = 'de';

export function isLocale(value: string | null | undefined): value is Locale {
  return value === 'de' || value === 'en';
}

class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);
  /** The currency money is labelled in (EUR by default; amounts are not converted). */
  currency = $state<Currency>(DEFAULT_CURRENCY);
}

export const i18n = new I18n();

/** Switches the language once its texts are loaded, so no label ever shows a bare key. */
export async function setLocale(locale: Locale, features?: readonly Feature[]): Promise<void> {
  await loadMessages(locale, features);
  i18n.locale = locale;
}

export type MessageVars = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing var is noticed. */
export function interpolate(text: string, vars?: MessageVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    return value === undefined ? match : String(value);
  });
}

export function t(key: MessageKey, vars?: MessageVars): string {
  const text = interpolate(lookup(i18n.locale, key), vars);
  // `€` in a message is the money unit (axis titles, slider units): shown in the chosen currency.
  return i18n.currency === DEFAULT_CURRENCY ? text : text.replaceAll('€', currencySymbol(i18n.locale, i18n.currency));
}

/** Message keys with plural forms: `<base>.one` and `<base>.other` both exist. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never }[MessageKey];

/**
 * A message whose words depend on a count ("1 Problem", "2 Probleme"): the
 * form is chosen by Intl.PluralRules for the locale; `{count}` is the count
 * formatted for the locale.
 */
export function tp(key: PluralKey, count: number, vars?: MessageVars): string {
  const form = new Intl.PluralRules(i18n.locale).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { count: formatNumber(count, i18n.locale, 0), ...vars });
}

/** Formatters bound to the current locale (reactive through `i18n.locale`). */
export const fmt = {
  money: (value: number, fractionDigits?: number): string => formatMoney(value, i18n.locale, fractionDigits, i18n.currency),
  moneyCompact: (value: number): string => formatMoneyCompact(value, i18n.locale, i18n.currency),
  percent: (fraction: number, maxFractionDigits?: number): string =>
    formatPercent(fraction, i18n.locale, maxFractionDigits),
  number: (value: number, maxFractionDigits?: number): string => formatNumber(value, i18n.locale, maxFractionDigits),
  years: (value: number, maxFractionDigits?: number): string => formatYears(value, i18n.locale, maxFractionDigits),
  /** After a preposition: "nach 6,1 Jahren" / "after 6.1 years". */
  yearsAfter: (value: number, maxFractionDigits?: number): string => formatYearsAfter(value, i18n.locale, maxFractionDigits),
  /** "1 Woche", "2 Monate": a duration as subject or object. */
  duration: (value: number, unit: DurationUnit, maxFractionDigits?: number): string => formatDuration(value, unit, i18n.locale, maxFractionDigits),
  /** After a preposition with the dative: "in 1 Woche", "vor 2,5 Monaten" / "in 1 week", "2.5 months ago". */
  durationAfter: (value: number, unit: DurationUnit, maxFractionDigits?: number): string =>
    formatDurationAfter(value, unit, i18n.locale, maxFractionDigits),
  /** A calendar day (days since 1970-01-01) in the locale's date format. */
  day: (day: number): string => formatCalendarDay(day, i18n.locale),
};
