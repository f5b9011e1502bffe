import { describe, expect, it } from 'vitest';
import { hypergeometric2F1, logBeta, logGamma, logSumExp } from '../../src/data/special.ts';
import { expectClose } from '../engine/close.ts';

describe('logGamma(x)', () => {
  it('matches ln((n - 1)!) and ln Gamma(1/2) = ln sqrt(pi)', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expectClose(logGamma(n), Math.log(factorial), 1e-12 * Math.max(1, Math.log(factorial)));
      factorial *= n;
    }
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
  });

  it('is accurate for tiny and huge arguments (Stirling for 1e10)', () => {
    expectClose(logGamma(1e-8), -Math.log(1e-8) - 0.5772156649015329e-8, 1e-12);
    const x = 1e10;
    expectClose(logGamma(x) / ((x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x)), 1, 1e-14);
  });
});

describe('logBeta(a, b) and logSumExp(a, b)', () => {
  it('logBeta(2, 3) = ln(1/12)', () => expectClose(logBeta(2, 3), Math.log(1 / 12), 1e-14));

  it('logSumExp neither overflows nor loses a -Infinity term', () => {
    expectClose(logSumExp(1000, 1000), 1000 + Math.LN2, 1e-12);
    expect(logSumExp(-Infinity, 3)).toBe(3);
    expect(logSumExp(-Infinity, -Infinity)).toBe(-Infinity);
  });
});

describe('hypergeometric2F1(a, b, c, z)', () => {
  it('gives 2F1(1, 1; 2; z) = -ln(1 - z) / z', () => {
    for (const z of [0.1, 0.5, 0.9]) expectClose(hypergeometric2F1(1, 1, 2, z), -Math.log(1 - z) / z, 1e-12);
  });
});
