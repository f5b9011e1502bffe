// How a parameter appears on its slider: percent parameters are shown and
// typed in percent but stored as fractions; the customer count sits on a
// logarithmic slider. Pure functions, tested without a DOM.
import { PARAMETERS, type ParameterKey } from '../../engine/parameters.ts';

/** Positions of a log-scaled slider. */
export const LOG_POSITIONS = 1000;

export function isPercent(key: ParameterKey): boolean {
  return PARAMETERS[key].unit === 'percent';
}

/** Removes float noise such as 0.07 * 100 = 7.000000000000001. */
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Stored value -> what the user sees and types (20 % for 0.2). */
export function toDisplay(key: ParameterKey, value: number): number {
  return isPercent(key) ? tidy(value * 100) : value;
}

/** What the user typed -> stored value (0.2 for 20 %). */
export function fromDisplay(key: ParameterKey, display: number): number {
  return isPercent(key) ? tidy(display / 100) : display;
}

/** The slider's range in display units. */
export function displayRange(key: ParameterKey): { min: number; max: number; step: number } {
  const spec = PARAMETERS[key];
  return { min: toDisplay(key, spec.min), max: toDisplay(key, spec.max), step: toDisplay(key, spec.step) };
}

/** Rounds to three significant digits: 12,345 -> 12,300; keeps every log step distinct. */
export function roundNice(value: number): number {
  if (value <= 0) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.round(value / magnitude) * magnitude;
}

/** Log slider position (0..LOG_POSITIONS) -> value between min and max, rounded to a nice number. */
export function logValueAt(key: ParameterKey, position: number): number {
  const { min, max } = PARAMETERS[key];
  const share = Math.min(1, Math.max(0, position / LOG_POSITIONS));
  const value = roundNice(min * (max / min) ** share);
  return Math.min(max, Math.max(min, value));
}

/** Value -> nearest log slider position. */
export function logPositionOf(key: ParameterKey, value: number): number {
  const { min, max } = PARAMETERS[key];
  const clamped = Math.min(max, Math.max(min, value));
  return Math.round((LOG_POSITIONS * Math.log(clamped / min)) / Math.log(max / min));
}
