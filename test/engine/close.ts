import { expect } from 'vitest';

/** assertInDelta in d3's style: an explicit absolute tolerance, reported with both values. */
export function expectClose(actual: number | null | undefined, expected: number, delta: number): void {
  expect(actual, `expected ${actual} to be within ${delta} of ${expected}`).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected), `|${actual} - ${expected}| <= ${delta}`).toBeLessThanOrEqual(delta);
}
