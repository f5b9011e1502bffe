import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHART_FRAME,
  curveValueAt,
  domainWithZero,
  horizontalBar,
  labelBeside,
  labelFitsBeside,
  paretoFromLorenz,
  sizedFrame,
  textWidth,
  thinTicks,
  verticalBar,
  wrapLabel,
  yScaleOf,
} from '../../src/components/charts/scales.ts';
import { subscriptParts } from '../../src/components/teaching/subscript.ts';
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

describe('thinTicks (no two tick labels overlap)', () => {
  it('keeps every tick when the labels are apart and every second when neighbours would touch', () => {
    const values = [0, 1, 2, 3, 4];
    // Labels 30 px wide centred every 50 px: 20 px apart.
    expect(thinTicks(values, (v) => [v * 50 - 15, v * 50 + 15], 10)).toEqual(values);
    // Labels 90 px wide centred every 50 px overlap; every second is 100 px apart, 10 px of room.
    expect(thinTicks(values, (v) => [v * 50 - 45, v * 50 + 45], 10)).toEqual([0, 2, 4]);
  });

  it('for any labels the kept ones are at least the gap apart (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 200, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 5, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        (widths, spacing, gap) => {
          const values = widths.map((_, index) => index);
          const extent = (v: number): [number, number] => [v * spacing - (widths[v] ?? 0) / 2, v * spacing + (widths[v] ?? 0) / 2];
          const kept = thinTicks(values, extent, gap);
          expect(kept.length).toBeGreaterThan(0);
          expect(kept[0]).toBe(0);
          for (let i = 1; i < kept.length; i++) {
            const [, end] = extent(kept[i - 1] ?? 0);
            const [start] = extent(kept[i] ?? 0);
            expect(start - end).toBeGreaterThanOrEqual(gap);
          }
        },
      ),
    );
  });
});

describe('sizedFrame and wrapLabel', () => {
  it('draws at the given width, with a left margin for the widest tick label and the title', () => {
    const frame = sizedFrame(350, 13, { yLabels: ['0 €', '−300 €'], yTitle: '€ je Kunde', xTitle: 'Jahr' });
    expect(frame.width).toBe(350);
    // 0.6 em + one title line (1.2 em) + the label "−300 €" + 12 px.
    expect(frame.left).toBe(Math.ceil(13 * 0.6 + 13 * 1.2 + textWidth('−300 €', 13) + 12));
    expect(frame.titles).toEqual({ x: ['Jahr'], y: ['€ je Kunde'] });
  });

  it('wraps a title that does not fit into lines that do', () => {
    const lines = wrapLabel('Anteil der Kunden, nach Wert sortiert', 150, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Anteil der Kunden, nach Wert sortiert');
    for (const line of lines) if (line.includes(' ')) expect(textWidth(line, 13)).toBeLessThanOrEqual(150);
  });

  it('keeps a label beside a point inside the plot', () => {
    const frame = sizedFrame(400, 13);
    const text = 'amortisiert nach 6,1 Jahren';
    expect(labelBeside(frame.left + 10, text, 13, frame).anchor).toBe('start');
    expect(labelBeside(frame.width - frame.right - 10, text, 13, frame).anchor).toBe('end');
  });

  it('says when a label fits on neither side of a line (the tracking chart then names the periods on their sides)', () => {
    const phone = sizedFrame(340, 13, { yLabels: ['0', '4.000'], xTitle: 'Woche', yTitle: 'Wiederholungskäufe bisher' });
    const middle = (phone.left + phone.width - phone.right) / 2;
    expect(labelFitsBeside(middle, 'Kalibrierungsende', 13, phone)).toBe(false);
    expect(labelFitsBeside(middle, 'Kalibrierung', 13, phone)).toBe(true);
    const wide = sizedFrame(1200, 13);
    expect(labelFitsBeside((wide.left + wide.width - wide.right) / 2, 'Kalibrierungsende', 13, wide)).toBe(true);
  });
});

describe('subscriptParts', () => {
  it('splits s_o, x_max and n_{g} into subscripts and leaves other text alone', () => {
    expect(subscriptParts('m = F × (V × g − s_o) − s_y')).toEqual([
      { text: 'm = F × (V × g − s', sub: false },
      { text: 'o', sub: true },
      { text: ') − s', sub: false },
      { text: 'y', sub: true },
    ]);
    expect(subscriptParts('x_max und n_{g}')).toEqual([
      { text: 'x', sub: false },
      { text: 'max', sub: true },
      { text: ' und n', sub: false },
      { text: 'g', sub: true },
    ]);
    expect(subscriptParts('kein Index')).toEqual([{ text: 'kein Index', sub: false }]);
  });
});
