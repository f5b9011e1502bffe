// The current locale as a rune, the message lookup `t` and locale-bound
// formatters. Reading `i18n.locale` inside `t` makes every label reactive.
import {
  formatMoney,
  formatMoneyCompact,
  formatNumber,
  formatPercent,
  formatYears,
  type Locale,
} from './format.ts';

export type { Locale } from './format.ts';

import { MESSAGES, type MessageKey } from './messages.ts';

export { MESSAGES, type MessageKey };

export const DEFAULT_LOCALE: Locale = 'de';

export function isLocale(value: string | null | undefined): value is Locale {
  return value === 'de' || value === 'en';
}

class I18n {
  locale = $state<Locale>(DEFAULT_LOCALE);
}

export const i18n = new I18n();

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
  return interpolate(MESSAGES[i18n.locale][key], vars);
}

/** Formatters bound to the current locale (reactive through `i18n.locale`). */
export const fmt = {
  money: (value: number, fractionDigits?: number): string => formatMoney(value, i18n.locale, fractionDigits),
  moneyCompact: (value: number): string => formatMoneyCompact(value, i18n.locale),
  percent: (fraction: number, maxFractionDigits?: number): string =>
    formatPercent(fraction, i18n.locale, maxFractionDigits),
  number: (value: number, maxFractionDigits?: number): string => formatNumber(value, i18n.locale, maxFractionDigits),
  years: (value: number, maxFractionDigits?: number): string => formatYears(value, i18n.locale, maxFractionDigits),
};
