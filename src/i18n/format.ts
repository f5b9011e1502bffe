// Number formatting for both locales. Intl.NumberFormat is slow to build, so
// every formatter is built once per locale and style and cached (house style,
// after Observable Plot). Negative numbers carry a true minus sign (U+2212),
// so that a loss is never shown by colour alone.

export type Locale = 'de' | 'en';

export const LOCALES: readonly Locale[] = ['de', 'en'];

const INTL_LOCALE: Readonly<Record<Locale, string>> = { de: 'de-DE', en: 'en-US' };

/** Currencies the money figures can be shown in; the amounts are not converted, only labelled. */
export type Currency = 'EUR' | 'USD' | 'CHF' | 'GBP';

export const CURRENCIES: readonly Currency[] = ['EUR', 'USD', 'CHF', 'GBP'];

export const DEFAULT_CURRENCY: Currency = 'EUR';

export function isCurrency(value: string | null | undefined): value is Currency {
  return (CURRENCIES as readonly (string | null | undefined)[]).includes(value);
}

const MINUS = '\u2212';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, style: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${style}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    cache.set(key, format);
  }
  return format;
}

function withMinus(text: string): string {
  return text.replace('-', MINUS);
}

/** Money with cents below 10,000 and whole units above: `1.234,56 €`, `€1,234.56`. */
export function formatMoney(value: number, locale: Locale, fractionDigits?: number, currency: Currency = DEFAULT_CURRENCY): string {
  const digits = fractionDigits ?? (Math.abs(value) >= 10_000 ? 0 : 2);
  const format = formatter(locale, `money${digits}|${currency}`, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return withMinus(format.format(value));
}

/** The symbol of a currency in a locale: `€`, `$`, `CHF`, `£`. */
export function currencySymbol(locale: Locale, currency: Currency = DEFAULT_CURRENCY): string {
  const format = formatter(locale, `symbol|${currency}`, { style: 'currency', currency, maximumFractionDigits: 0 });
  return format.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;
}

/**
 * Short money for axis ticks: `2,2 Mio. €`, `€2.2M`. German has no short
 * form below a million and its compact notation drops the thousands
 * separator of four-digit numbers ("2000 €"), so those are written in full.
 */
export function formatMoneyCompact(value: number, locale: Locale, currency: Currency = DEFAULT_CURRENCY): string {
  if (locale === 'de' && Math.abs(value) < 1_000_000 && Number.isInteger(value)) return formatMoney(value, locale, 0, currency);
  const format = formatter(locale, `moneyCompact|${currency}`, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return withMinus(format.format(value));
}

/** A fraction as percent: 0.3 -> `30 %` (de), `30%` (en). */
export function formatPercent(fraction: number, locale: Locale, maxFractionDigits = 1): string {
  const format = formatter(locale, `percent${maxFractionDigits}`, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: maxFractionDigits,
  });
  return withMinus(format.format(fraction));
}

/** A plain number with grouping: `10.000`, `1,5`. */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = 2): string {
  const format = formatter(locale, `number${maxFractionDigits}`, {
    minimumFractionDigits: 0,
    maximumFractionDigits: maxFractionDigits,
  });
  return withMinus(format.format(value));
}

/** A duration in years: `6,1 Jahre`, `6.1 years`. */
export function formatYears(value: number, locale: Locale, maxFractionDigits = 1): string {
  const format = formatter(locale, `years${maxFractionDigits}`, {
    style: 'unit',
    unit: 'year',
    unitDisplay: 'long',
    minimumFractionDigits: 0,
    maximumFractionDigits: maxFractionDigits,
  });
  return withMinus(format.format(value));
}

const pluralCache = new Map<Locale, Intl.PluralRules>();

/** The plural category of a count as written (1 -> one, 1.0 / 6.1 -> other), for words a count decides. */
export function pluralOf(value: number, locale: Locale, maxFractionDigits = 1): Intl.LDMLPluralRule {
  let rules = pluralCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[locale], { maximumFractionDigits: 1 });
    pluralCache.set(locale, rules);
  }
  const shown = Number(value.toFixed(maxFractionDigits));
  return rules.select(shown);
}

/**
 * A duration after a preposition ("nach 6,1 Jahren", "ab 1 Jahr", "after
 * 6.1 years"): German takes the dative plural, which Intl's unit format
 * (nominative) does not give.
 */
export function formatYearsAfter(value: number, locale: Locale, maxFractionDigits = 1): string {
  if (locale === 'en') return formatYears(value, locale, maxFractionDigits);
  const number = formatter(locale, `yearsNumber${maxFractionDigits}`, { minimumFractionDigits: 0, maximumFractionDigits: maxFractionDigits });
  const word = pluralOf(value, locale, maxFractionDigits) === 'one' ? 'Jahr' : 'Jahren';
  return `${withMinus(number.format(value))}\u00a0${word}`;
}

export type DurationUnit = 'year' | 'month' | 'week' | 'day' | 'hour';

/** A duration as subject or object: `1 Woche`, `2,5 Monate`, `1 week`, `2.5 months` (Intl's unit format). */
export function formatDuration(value: number, unit: DurationUnit, locale: Locale, maxFractionDigits = 1): string {
  const format = formatter(locale, `duration|${unit}|${maxFractionDigits}`, {
    style: 'unit',
    unit,
    unitDisplay: 'long',
    minimumFractionDigits: 0,
    maximumFractionDigits: maxFractionDigits,
  });
  return withMinus(format.format(value));
}

/** German dative (after "in", "vor", "innerhalb", "ab", "nach"): singular as the nominative, plural with -n. */
const DATIVE: Readonly<Record<DurationUnit, readonly [string, string]>> = {
  year: ['Jahr', 'Jahren'],
  month: ['Monat', 'Monaten'],
  week: ['Woche', 'Wochen'],
  day: ['Tag', 'Tagen'],
  hour: ['Stunde', 'Stunden'],
};

/** A duration after a preposition that takes the dative: `vor 1 Monat`, `vor 2,5 Monaten`; English as formatDuration. */
export function formatDurationAfter(value: number, unit: DurationUnit, locale: Locale, maxFractionDigits = 1): string {
  if (locale === 'en') return formatDuration(value, unit, locale, maxFractionDigits);
  const number = formatter(locale, `yearsNumber${maxFractionDigits}`, { minimumFractionDigits: 0, maximumFractionDigits: maxFractionDigits });
  const [one, other] = DATIVE[unit];
  return `${withMinus(number.format(value))}\u00a0${pluralOf(value, locale, maxFractionDigits) === 'one' ? one : other}`;
}

/** Dates and times of saved work: day before month in English too (en-GB), built once per locale. */
const DATE_LOCALE: Readonly<Record<Locale, string>> = { de: 'de-DE', en: 'en-GB' };
const dateCache = new Map<Locale, Intl.DateTimeFormat>();

/** An ISO timestamp as `23.11.2026, 12:08` (de) or `23 Nov 2026, 12:08` (en); unreadable input is shown as it is. */
export function formatDateTime(iso: string, locale: Locale): string {
  let format = dateCache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short' });
    dateCache.set(locale, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

const dayCache = new Map<Locale, Intl.DateTimeFormat>();
const MS_PER_DAY = 86_400_000;

/**
 * A calendar day (days since 1970-01-01, as src/data/dates.ts counts them) as
 * `30.09.1997` (de) or `30 Sept 1997` (en). Formatted in UTC, because a
 * purchase day has no time zone: a browser west of Greenwich would otherwise
 * show the day before.
 */
export function formatCalendarDay(day: number, locale: Locale): string {
  if (!Number.isFinite(day)) return '–';
  let format = dayCache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[locale], locale === 'de' ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' });
    dayCache.set(locale, format);
  }
  return format.format(new Date(day * MS_PER_DAY));
}
