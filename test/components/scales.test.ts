import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import {
  CHART_FRAME,
  curveValueAt,
  domainWithZero,
  horizontalBar,
  paretoFromLorenz,
  verticalBar,
  yScaleOf,
} from '../../src/components/charts/scales.ts';
import {
  LOG_POSITIONS,
  fromDisplay,
  logPositionOf,
  logValueAt,
  roundNice,
  toDisplay,
} from '../../src/components/controls/sliderScale.ts';

describe('paretoFromLorenz', () => {
  it('turns the ascending Lorenz curve into the top-first Pareto curve y = 1 - L(1 - x)', () => {
    // L(x) = x^2 sampled at 0, 0.5, 1: the top half brings 1 - 0.25 = 75 %.
    const pareto = paretoFromLorenz([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.25 },
      { x: 1, y: 1 },
    ]);
    expect(pareto).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.75 },
      { x: 1, y: 1 },
    ]);
  });
});

describe('curveValueAt', () => {
  it('interpolates linearly between samples and clamps at the ends', () => {
    const curve = [
      { x: 0, y: 0 },
      { x: 0.5, y: 1.5 },
      { x: 1, y: 1 },
    ];
    expect(curveValueAt(curve, 0.25)).toBeCloseTo(0.75, 12);
    expect(curveValueAt(curve, 0.75)).toBeCloseTo(1.25, 12);
    expect(curveValueAt(curve, 2)).toBe(1);
    expect(curveValueAt([], 0.5)).toBeNull();
  });
});

describe('domainWithZero', () => {
  it('always holds zero, ignores non-finite values and is never empty', () => {
    expect(domainWithZero([-300, 39.4, 100])).toEqual([-300, 100]);
    expect(domainWithZero([5, 7])).toEqual([0, 7]);
    expect(domainWithZero([Number.NaN])).toEqual([-1, 1]);
  });
});

describe('bars', () => {
  it('verticalBar of a negative value hangs down from the zero line', () => {
    const y = yScaleOf([-100, 100], CHART_FRAME, false);
    const bar = verticalBar(50, 5, -50, y);
    expect(bar.y).toBeCloseTo(y(0), 9);
    expect(bar.y + bar.height).toBeCloseTo(y(-50), 9);
    expect(bar.width).toBe(10);
  });

  it('horizontalBar of a negative value extends left of zero', () => {
    const x = scaleLinear().domain([-100, 100]).range([0, 200]);
    expect(horizontalBar(0, 10, -50, x)).toEqual({ x: 50, y: 0, width: 50, height: 10 });
  });
});

describe('slider scales', () => {
  it('percent parameters are shown in percent and stored as fractions, without float noise', () => {
    expect(toDisplay('churnRate', 0.07)).toBe(7);
    expect(fromDisplay('churnRate', 7)).toBe(0.07);
    expect(toDisplay('orderValue', 250)).toBe(250);
  });

  it('the customer slider maps 1000 positions exponentially from 100 to 1,000,000', () => {
    expect(logValueAt('customers', 0)).toBe(100);
    expect(logValueAt('customers', LOG_POSITIONS)).toBe(1_000_000);
    expect(logValueAt('customers', LOG_POSITIONS / 2)).toBe(10_000);
    expect(logPositionOf('customers', 10_000)).toBe(500);
  });

  it('every step of the customer slider gives a new nice number (three significant digits)', () => {
    let previous = logValueAt('customers', 0);
    for (let position = 1; position <= LOG_POSITIONS; position++) {
      const value = logValueAt('customers', position);
      expect(value).toBeGreaterThan(previous);
      expect(roundNice(value)).toBe(value);
      previous = value;
    }
  });
});
