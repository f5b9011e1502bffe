// Calendar dates as whole days since 1970-01-01 (UTC; no time zones, no
// daylight saving: a purchase day is a calendar day). Formats: ISO
// YYYY-MM-DD, German DD.MM.YYYY, US MM/DD/YYYY, their swapped variants and
// compact YYYYMMDD (the CDNOW source). A time after the date is ignored.
// Two-digit years follow POSIX strptime %y: 69-99 -> 1969-1999, 00-68 -> 2000-2068.

export type DateFormat = 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'MM.DD.YYYY' | 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'DD-MM-YYYY' | 'YYYYMMDD';

export const DATE_FORMATS: readonly DateFormat[] = ['YYYY-MM-DD', 'DD.MM.YYYY', 'MM.DD.YYYY', 'MM/DD/YYYY', 'DD/MM/YYYY', 'DD-MM-YYYY', 'YYYYMMDD'];

/** Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const MS_PER_DAY = 86_400_000;

/** ISO text (YYYY-MM-DD) of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The three numbers of a date and the digit count of each (module scratch: parsing a million dates allocates nothing). */
const parts = new Int32Array(3);
const widths = new Int32Array(3);

/** Reads up to three digit groups separated by `separator`; returns the number of groups, 0 on a stray character. */
function readParts(text: string, separator: number): number {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  let group = 0;
  parts[0] = 0;
  widths[0] = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if ((widths[group] as number) >= 8) return 0;
      parts[group] = (parts[group] as number) * 10 + (c - 48);
      widths[group] = (widths[group] as number) + 1;
    } else if (c === separator && group < 2) {
      if (widths[group] === 0) return 0;
      group++;
      parts[group] = 0;
      widths[group] = 0;
    } else if ((c === 32 || c === 84) && group === 2) {
      // " 14:30" or "T14:30:00" after a complete date: ignore the time.
      break;
    } else {
      return 0;
    }
  }
  return widths[group] === 0 ? 0 : group + 1;
}

function fullYear(value: number, width: number): number {
  if (width === 4) return value;
  if (width === 2) return value >= 69 ? 1900 + value : 2000 + value;
  return Number.NaN;
}

function validDay(year: number, month: number, day: number): number {
  if (!(year >= 1000 && year <= 9999) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return dayFromCivil(year, month, day);
}

/** Day number of a date in the given format; NaN when it is not a valid date in that format. */
export function parseDay(text: string, format: DateFormat): number {
  switch (format) {
    case 'YYYY-MM-DD':
      if (readParts(text, 45) !== 3 || widths[0] !== 4 || (widths[1] as number) > 2 || (widths[2] as number) > 2) return Number.NaN;
      return validDay(parts[0] as number, parts[1] as number, parts[2] as number);
    case 'YYYYMMDD': {
      if (readParts(text, -1) !== 1 || widths[0] !== 8) return Number.NaN;
      const v = parts[0] as number;
      return validDay(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    }
    default: {
      const separator = format.charCodeAt(2);
      if (readParts(text, separator) !== 3 || (widths[0] as number) > 2 || (widths[1] as number) > 2) return Number.NaN;
      const year = fullYear(parts[2] as number, widths[2] as number);
      const dayFirst = format.startsWith('DD');
      return validDay(year, (dayFirst ? parts[1] : parts[0]) as number, (dayFirst ? parts[0] : parts[1]) as number);
    }
  }
}

export interface DateDetection {
  format: DateFormat;
  /** Every sample fits both day-first and month-first (all values <= 12): ask the user. */
  ambiguous: boolean;
  /** The default first, then the alternative (only when ambiguous). */
  candidates: DateFormat[];
}

const SHAPES: readonly { pattern: RegExp; separator: '.' | '/' | '-' | 'iso' | 'compact' }[] = [
  { pattern: /^\d{4}-\d{1,2}-\d{1,2}(?:$|[ T])/, separator: 'iso' },
  { pattern: /^\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?:$|[ T])/, separator: '.' },
  { pattern: /^\d{1,2}\/\d{1,2}\/(?:\d{4}|\d{2})(?:$|[ T])/, separator: '/' },
  { pattern: /^\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})(?:$|[ T])/, separator: '-' },
  { pattern: /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/, separator: 'compact' },
];

/**
 * The date format of sample cells, or null when most of them are no date.
 * Day and month order of `.`, `/` and `-` dates follow from any value above
 * 12; when none exceeds 12 the format is ambiguous and defaults to DD.MM for
 * `.` (German) and MM/DD for `/` (US).
 */
export function detectDateFormat(samples: readonly string[]): DateDetection | null {
  const counts = new Map<string, number>();
  let firstAbove12 = false;
  let secondAbove12 = false;
  let seen = 0;
  for (const raw of samples) {
    const s = raw.trim();
    if (s.length === 0) continue;
    seen++;
    const shape = SHAPES.find((candidate) => candidate.pattern.test(s));
    if (shape === undefined) continue;
    counts.set(shape.separator, (counts.get(shape.separator) ?? 0) + 1);
    if (shape.separator === '.' || shape.separator === '/' || shape.separator === '-') {
      const [first, second] = s.split(shape.separator).map((part) => Number.parseInt(part, 10));
      if ((first ?? 0) > 12) firstAbove12 = true;
      if ((second ?? 0) > 12) secondAbove12 = true;
    }
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [separator, count] of counts) {
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  if (best === null || bestCount * 2 < seen) return null;
  if (best === 'iso') return { format: 'YYYY-MM-DD', ambiguous: false, candidates: ['YYYY-MM-DD'] };
  if (best === 'compact') return { format: 'YYYYMMDD', ambiguous: false, candidates: ['YYYYMMDD'] };
  const dayFirst: DateFormat = best === '.' ? 'DD.MM.YYYY' : best === '/' ? 'DD/MM/YYYY' : 'DD-MM-YYYY';
  const monthFirst: DateFormat = best === '.' ? 'MM.DD.YYYY' : best === '/' ? 'MM/DD/YYYY' : 'DD-MM-YYYY';
  if (firstAbove12 !== secondAbove12) {
    const format = firstAbove12 ? dayFirst : monthFirst;
    return { format, ambiguous: false, candidates: [format] };
  }
  // '-' with day and month: only the day-first variant exists here (European habit).
  if (best === '-') return { format: dayFirst, ambiguous: false, candidates: [dayFirst] };
  const preferred = best === '.' ? dayFirst : monthFirst;
  const other = best === '.' ? monthFirst : dayFirst;
  return { format: preferred, ambiguous: !firstAbove12, candidates: firstAbove12 ? [preferred] : [preferred, other] };
}
