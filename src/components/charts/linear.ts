// The linear scale the charts draw with: d3-scale's scaleLinear as far as
// the charts use it (map, invert, ticks, nice), computed with the same
// formulas so every coordinate and tick is the same number. d3-scale itself
// brings interpolators for colours and strings and a number formatter the
// charts never use (about 11 kB gzip before the first chart, issue 13).
import { tickIncrement, ticks } from 'd3-array';

export interface LinearScale {
  /** The range value of a domain value (extrapolated outside the domain, as d3 does). */
  (value: number): number;
  domain(): number[];
  range(): number[];
  invert(value: number): number;
  /** d3's ticks: about `count` round values inside the domain. */
  ticks(count?: number): number[];
  /** A scale whose domain is widened to round values (d3's nice). */
  nice(count?: number): LinearScale;
}

/** d3's normalize: t in [0, 1] for x in [a, b]; the middle for an empty domain. */
function normalize(a: number, b: number): (x: number) => number {
  const span = b - a;
  if (span) return (x) => (x - a) / span;
  const constant = Number.isNaN(span) ? NaN : 0.5;
  return () => constant;
}

/** d3's interpolateNumber. */
function interpolate(a: number, b: number): (t: number) => number {
  return (t) => a * (1 - t) + b * t;
}

/** d3's bimap: a reversed domain is normalised from its low end, with the range reversed to match. */
function bimap(from: readonly [number, number], to: readonly [number, number]): (x: number) => number {
  const [d0, d1] = from;
  const [r0, r1] = to;
  const t = d1 < d0 ? normalize(d1, d0) : normalize(d0, d1);
  const value = d1 < d0 ? interpolate(r1, r0) : interpolate(r0, r1);
  return (x) => value(t(x));
}

/** d3-scale's linear nice(): widen to multiples of the tick step until the step no longer changes. */
function niceDomain(domain: readonly [number, number], count: number): [number, number] {
  const reversed = domain[1] < domain[0];
  let start = reversed ? domain[1] : domain[0];
  let stop = reversed ? domain[0] : domain[1];
  let previous: number | undefined;
  for (let iteration = 0; iteration < 10; iteration++) {
    const step = tickIncrement(start, stop, count);
    if (step === previous) return reversed ? [stop, start] : [start, stop];
    if (step > 0) {
      start = Math.floor(start / step) * step;
      stop = Math.ceil(stop / step) * step;
    } else if (step < 0) {
      start = Math.ceil(start * step) / step;
      stop = Math.floor(stop * step) / step;
    } else break;
    previous = step;
  }
  return [domain[0], domain[1]];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number] = [0, 1]): LinearScale {
  const d: [number, number] = [+domain[0], +domain[1]];
  const r: [number, number] = [+range[0], +range[1]];
  const forward = bimap(d, r);
  const backward = bimap(r, d);
  const scale = ((value: number) => forward(value)) as LinearScale;
  scale.domain = () => [d[0], d[1]];
  scale.range = () => [r[0], r[1]];
  scale.invert = (value) => backward(value);
  scale.ticks = (count = 10) => ticks(d[0], d[1], count);
  scale.nice = (count = 10) => linearScale(niceDomain(d, count), r);
  return scale;
}
