import { describe, expect, it } from 'vitest';
import { minimize, nelderMead } from '../../src/data/optimize.ts';
import { expectClose } from '../engine/close.ts';

const rosenbrock = (x: readonly number[]) => 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

describe('nelderMead(f, start) and minimize(f, starts)', () => {
  it('finds the minimum of the Rosenbrock valley', () => {
    const result = minimize(rosenbrock, [[-1.2, 1]]);
    expect(result.converged).toBe(true);
    expectClose(result.x[0], 1, 1e-6);
    expectClose(result.x[1], 1, 1e-6);
  });

  it('treats NaN and Infinity as +Infinity and walks away from them', () => {
    const f = (x: readonly number[]) => ((x[0] as number) < 0 ? Number.NaN : ((x[0] as number) - 2) ** 2);
    expectClose(nelderMead(f, [0.1]).x[0], 2, 1e-6);
  });

  it('keeps the best optimum over several starts', () => {
    // Two wells: -1 at x = 3, 0 at x = -3.
    const f = (x: readonly number[]) => Math.min(((x[0] as number) - 3) ** 2 - 1, ((x[0] as number) + 3) ** 2);
    expectClose(minimize(f, [[-3.5], [2]]).value, -1, 1e-10);
  });
});
