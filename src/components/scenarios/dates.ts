// Dates of saved scenarios in the user's locale, with formatters built once
// per locale (Intl formatters are slow to construct).
const cache = new Map<string, Intl.DateTimeFormat>();

const INTL_LOCALE: Readonly<Record<string, string>> = { de: 'de-DE', en: 'en-GB' };

export function formatDateTime(iso: string, locale: string): string {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale] ?? locale, { dateStyle: 'medium', timeStyle: 'short' });
    cache.set(locale, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
