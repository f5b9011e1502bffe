// File names for exported charts and tables: the title as a readable,
// portable slug (`kundenwert-walkurve.svg`), German letters spelled out.

const TRANSLITERATION: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Longest slug kept from a title; chart titles are short, readings are not. */
export const MAX_SLUG_LENGTH = 60;

export function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? 'export' : slug;
}

export function exportFileName(title: string, extension: 'svg' | 'png' | 'csv'): string {
  return `kundenwert-${slugOf(title)}.${extension}`;
}
