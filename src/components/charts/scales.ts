// Pure layout helpers for the charts (after LayerCake: the component only
// draws, the geometry is computed and tested here without a DOM).
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { CurvePoint } from '../../engine/results.ts';

/** The drawing area of one chart in SVG units (the SVG scales to its box). */
export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
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

export function xScaleOf(domain: readonly [number, number], frame: Frame, nice = false): ScaleLinear<number, number> {
  const scale = scaleLinear().domain(domain).range([plotLeft(frame), plotRight(frame)]);
  return nice ? scale.nice() : scale;
}

export function yScaleOf(domain: readonly [number, number], frame: Frame, nice = true): ScaleLinear<number, number> {
  const scale = scaleLinear().domain(domain).range([plotBottom(frame), plotTop(frame)]);
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

/** An SVG path through the points, in order. */
export function linePath(
  points: readonly XY[],
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
): string {
  const path = line<XY>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  return path([...points]) ?? '';
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
  y: ScaleLinear<number, number>,
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
  x: ScaleLinear<number, number>,
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
