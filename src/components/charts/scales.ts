// Pure layout helpers for the charts (after LayerCake: the component only
// draws, the geometry is computed and tested here without a DOM).
import { linearScale, type LinearScale } from './linear.ts';
import type { CurvePoint } from '../../engine/results.ts';

/** The drawing area of one chart in SVG units (the SVG scales to its box). */
export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
  /** Axis titles already wrapped to the room they have (set by sizedFrame). */
  titles?: { x: readonly string[]; y: readonly string[] };
}

export const CHART_FRAME: Readonly<Frame> = { width: 640, height: 300, top: 24, right: 28, bottom: 56, left: 104 };

export function frameWith(overrides: Partial<Frame>): Frame {
  return { ...CHART_FRAME, ...overrides };
}

export function plotLeft(frame: Frame): number {
  return frame.left;
}
export function plotRight(frame: Frame): number {
  return frame.width - frame.right;
}
export function plotTop(frame: Frame): number {
  return frame.top;
}
export function plotBottom(frame: Frame): number {
  return frame.height - frame.bottom;
}

export function xScaleOf(domain: readonly [number, number], frame: Frame, nice = false): LinearScale {
  const scale = linearScale(domain, [plotLeft(frame), plotRight(frame)]);
  return nice ? scale.nice() : scale;
}

export function yScaleOf(domain: readonly [number, number], frame: Frame, nice = true): LinearScale {
  const scale = linearScale(domain, [plotBottom(frame), plotTop(frame)]);
  return nice ? scale.nice() : scale;
}

/** The smallest domain holding every value and zero; never empty, never NaN. */
export function domainWithZero(values: readonly number[]): [number, number] {
  let low = 0;
  let high = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (low === high) return [low - 1, high + 1];
  return [low, high];
}

export interface XY {
  x: number;
  y: number;
}

/** d3-path's rounding of path coordinates (3 decimals, d3-shape's default). */
function pathNumber(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * An SVG path through the points, in order: the very string d3-shape's
 * line() gives (straight segments, coordinates to 3 decimals, a lone point
 * closed), built in one pass without d3-shape's code before the first chart.
 */
export function linePath(points: readonly XY[], x: LinearScale, y: LinearScale): string {
  let path = '';
  for (const point of points) path += `${path === '' ? 'M' : 'L'}${pathNumber(x(point.x))},${pathNumber(y(point.y))}`;
  return points.length === 1 ? `${path}Z` : path;
}

/**
 * The Pareto curve, top customers first: share of customers (best by
 * revenue first) against their cumulative share of revenue, from the
 * ascending Lorenz curve L as y = 1 - L(1 - x).
 */
export function paretoFromLorenz(lorenz: readonly CurvePoint[]): CurvePoint[] {
  const pareto: CurvePoint[] = [];
  for (let i = lorenz.length - 1; i >= 0; i--) {
    const point = lorenz[i];
    if (point) pareto.push({ x: 1 - point.x, y: 1 - point.y });
  }
  return pareto;
}

/** Linear interpolation of a curve sorted by x; clamps at the ends. */
export function curveValueAt(curve: readonly XY[], x: number): number | null {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last) return null;
  if (x <= first.x) return first.y;
  if (x >= last.x) return last.y;
  for (let i = 1; i < curve.length; i++) {
    const right = curve[i];
    const left = curve[i - 1];
    if (!right || !left) continue;
    if (x <= right.x) {
      const span = right.x - left.x;
      return span === 0 ? right.y : left.y + ((x - left.x) / span) * (right.y - left.y);
    }
  }
  return last.y;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A vertical bar from zero to `value`, centred on `center`, for any sign. */
export function verticalBar(
  center: number,
  halfWidth: number,
  value: number,
  y: LinearScale,
): Bar {
  const zero = y(0);
  const top = y(value);
  return { x: center - halfWidth, y: Math.min(zero, top), width: 2 * halfWidth, height: Math.abs(zero - top) };
}

/** A horizontal bar from zero to `value`, for any sign. */
export function horizontalBar(
  top: number,
  height: number,
  value: number,
  x: LinearScale,
): Bar {
  const zero = x(0);
  const end = x(value);
  return { x: Math.min(zero, end), y: top, width: Math.abs(end - zero), height };
}

/** Which meaning a number's colour carries: value created (>= 0) or destroyed (< 0). */
export function toneOf(value: number): 'created' | 'destroyed' {
  return value < 0 ? 'destroyed' : 'created';
}

/** One labelled money figure in a bar list. */
export interface BarItem {
  label: string;
  value: number;
  /** Overrides the sign colour, e.g. 'neutral' for revenue. */
  tone?: 'created' | 'destroyed' | 'neutral';
}

/**
 * The width of a label in px at `fontSize`, estimated from its characters so
 * that layout stays a pure function (no DOM). The widths are those of the
 * widest common sans-serif (DejaVu Sans, Chromium's system-ui on Linux),
 * so the estimate errs on the wide side and thinning by it never lets two
 * real labels touch.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    if (char >= '0' && char <= '9') em += 0.64;
    else if (char === ' ' || char === '\u00a0' || char === '\u202f') em += 0.32;
    else if ('.,:;\'!|il'.includes(char)) em += 0.34;
    else if (char === '\u2212' || char === '–' || char === '%' || char === '€' || char === '£' || char === '$') em += 0.86;
    else if (char >= 'A' && char <= 'Z') em += 0.74;
    else em += 0.64;
  }
  return em * fontSize;
}

/**
 * The ticks to label on one axis so that no two labels overlap: every k-th
 * of `values` (the smallest k that leaves at least `gap` px between
 * neighbours), keeping the first tick. `extent(value)` is the label's start
 * and end along the axis in px. With one tick left nothing can overlap, so
 * the result always holds.
 */
export function thinTicks(
  values: readonly number[],
  extent: (value: number) => readonly [number, number],
  gap: number,
): number[] {
  for (let step = 1; step <= values.length; step++) {
    const kept = values.filter((_, index) => index % step === 0);
    const spans = kept
      .map(extent)
      .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]))
      .sort((p, q) => p[0] - q[0]);
    let apart = true;
    for (let i = 1; i < spans.length; i++) {
      const before = spans[i - 1];
      const next = spans[i];
      if (before && next && next[0] - before[1] < gap) {
        apart = false;
        break;
      }
    }
    if (apart) return kept;
  }
  return values.slice(0, 1);
}

/** Chart text sizes: 13 px on screens and phones, 20 px when presenting to a room. */
export const CHART_TEXT = 13;
export const PRESENTER_CHART_TEXT = 20;

/** The height a chart of `width` px gets: about half its width, room for some lines of text at any size. */
export function chartHeight(width: number, fontSize: number): number {
  return Math.round(Math.min(Math.max(width * 0.5, fontSize * 18), fontSize * 26, 420));
}

/** Splits a label at spaces into lines of at most `maxWidth` px (a word longer than that gets a line of its own). */
export function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Line height of wrapped chart text, in em. */
const LINE_EM = 1.2;

/**
 * A frame drawn at the chart's real pixel size (the SVG is not scaled, so
 * text stays `fontSize` px on a phone and on a projector). The left margin
 * holds the widest y tick label and the rotated y title; both titles are
 * wrapped to the length of their axis and the margins grow by their lines.
 */
export function sizedFrame(
  width: number,
  fontSize: number,
  options: {
    yLabels?: readonly string[];
    xTitle?: string;
    yTitle?: string;
    left?: number;
    right?: number;
    top?: number;
    height?: number;
  } = {},
): Frame {
  const safeWidth = Math.max(width, 200);
  const height = options.height ?? chartHeight(safeWidth, fontSize);
  const top = options.top ?? Math.round(fontSize * 1.6);
  const right = options.right ?? Math.round(fontSize * 1.6);
  const line = fontSize * LINE_EM;
  const roughBottom = fontSize * 2.4 + 2 * line;
  const yTitle = options.yTitle === undefined ? [] : wrapLabel(options.yTitle, height - top - roughBottom, fontSize);
  const labelWidth = Math.max(0, ...(options.yLabels ?? []).map((label) => textWidth(label, fontSize)));
  const left = options.left ?? Math.ceil(fontSize * 0.6 + yTitle.length * line + labelWidth + 12);
  const xTitle = options.xTitle === undefined ? [] : wrapLabel(options.xTitle, safeWidth - left - right, fontSize);
  const bottom = Math.ceil(fontSize * 2.4 + Math.max(1, xTitle.length) * line);
  return { width: safeWidth, height, top, right, bottom, left, titles: { x: xTitle, y: yTitle } };
}

/** Marker labels are bold, about a tenth wider than textWidth's regular estimate. */
export const BOLD = 1.1;

/**
 * Where to write a label next to a point at `x` so that it stays inside the
 * plot: to the right of it, or to the left when it would run out.
 */
/** True when `text` fits on one side of the line at `x` inside the plot (where labelBeside puts it without crossing the line). */
export function labelFitsBeside(x: number, text: string, fontSize: number, frame: Frame, offset = 6): boolean {
  const width = textWidth(text, fontSize) * BOLD;
  return width <= plotRight(frame) - x - offset || width <= x - offset - plotLeft(frame);
}

export function labelBeside(x: number, text: string, fontSize: number, frame: Frame, offset = 6): { x: number; anchor: 'start' | 'end' } {
  const width = textWidth(text, fontSize) * BOLD;
  const right = plotRight(frame) - x - offset;
  const left = x - offset - plotLeft(frame);
  // Right when it fits there, else left when it fits there, else as far
  // right as keeps it inside the plot (never over the tick labels).
  if (width <= right) return { x: x + offset, anchor: 'start' };
  if (width <= left) return { x: x - offset, anchor: 'end' };
  return { x: Math.min(plotRight(frame), Math.max(x - offset, plotLeft(frame) + width)), anchor: 'end' };
}

/** A label centred on `x`, shifted so that it stays inside the plot. */
export function labelCentred(x: number, text: string, fontSize: number, frame: Frame): number {
  const half = (textWidth(text, fontSize) * BOLD) / 2;
  return Math.min(Math.max(x, plotLeft(frame) + half), plotRight(frame) - half);
}

/** The labels a y axis over `domain` will show (for the left margin): its nice ticks, formatted. */
export function tickLabels(domain: readonly [number, number], format: (value: number) => string, count = 5, nice = true): string[] {
  const scale = linearScale(domain);
  return (nice ? scale.nice() : scale).ticks(count).map(format);
}
