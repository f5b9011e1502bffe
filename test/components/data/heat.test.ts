import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEAT_RAMP, heatShade } from '../../../src/components/data/heat.ts';

describe('heatShade(value, max)', () => {
  it('nothing is the lightest, the largest the darkest with white text, a little is never "none"', () => {
    expect(heatShade(0, 100)).toEqual({ level: 0, background: HEAT_RAMP[0], ink: '#1a1a1a' });
    expect(heatShade(100, 100)).toEqual({ level: 7, background: HEAT_RAMP[7], ink: '#ffffff' });
    expect(heatShade(75, 100)).toMatchObject({ level: 5, ink: '#1a1a1a' });
    expect(heatShade(90, 100)).toMatchObject({ level: 6, ink: '#ffffff' });
    expect(heatShade(1, 100).level).toBe(1);
    expect(heatShade(50, 100).level).toBe(4);
    expect(heatShade(-5, 100).level).toBe(0);
    expect(heatShade(5, 0).level).toBe(0);
  });

  it('property: the shade never falls as the value rises', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), (a, b, max) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(heatShade(low, max).level).toBeLessThanOrEqual(heatShade(high, max).level);
      }),
    );
  });
});
