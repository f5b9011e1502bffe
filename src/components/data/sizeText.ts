// A stored size for people: "1,2 MB" / "1.2 MB", in the locale's number format.
import type { Locale } from '../../i18n/format.ts';

const UNITS = [
  { unit: 'byte', size: 1 },
  { unit: 'kilobyte', size: 1e3 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'gigabyte', size: 1e9 },
] as const;

export function sizeText(bytes: number, locale: Locale): string {
  const chosen = [...UNITS].reverse().find((u) => bytes >= u.size) ?? UNITS[0];
  const tag = locale === 'de' ? 'de-DE' : 'en-US';
  return new Intl.NumberFormat(tag, { style: 'unit', unit: chosen.unit, unitDisplay: 'short', maximumFractionDigits: chosen.size === 1 ? 0 : 1 }).format(bytes / chosen.size);
}
