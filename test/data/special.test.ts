import { describe, expect, it } from 'vitest';
import { hypergeometric2F1, logBeta, logGamma, logHypergeometric2F1, logSumExp } from '../../src/data/special.ts';
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

/** The textbook series summed plainly, for arguments where it neither overflows nor converges slowly. */
function plainSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 20_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
  }
  return sum;
}

describe('logHypergeometric2F1(a, b, c, z) (closed forms: Abramowitz and Stegun 15.1.3-15.1.8; 15.3.3-4 for the transformations)', () => {
  it('2F1(a, b; b; z) = (1 - z)^(-a) beyond the range of doubles: a = 500, z = 0.9 gives ln = 500 ln 10 = 1151.29 (A&S 15.1.8)', () => {
    expectClose(logHypergeometric2F1(500, 3, 3, 0.9), 500 * Math.log(10), 1e-9 * 1151);
    // The same with the parameters that trigger Euler's transformation (c > a, c > b, c - a + c - b < a + b): 2F1(a, b; b; z) again.
    expectClose(logHypergeometric2F1(2.5, 40, 40, 0.6), -2.5 * Math.log(0.4), 1e-12);
  });

  it('2F1(1, 1; 2; z) = -ln(1 - z) / z for z from -100 (Pfaff) to 0.999 (A&S 15.1.3)', () => {
    for (const z of [-100, -1, -0.3, 1e-12, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      expectClose(logHypergeometric2F1(1, 1, 2, z), Math.log(-Math.log1p(-z) / z), 1e-12);
    }
  });

  it('2F1(1/2, 1; 3/2; z^2) = artanh(z) / z and 2F1(1/2, 1/2; 3/2; z^2) = arcsin(z) / z (A&S 15.1.4, 15.1.6)', () => {
    for (const z of [0.3, 0.9, 0.995]) {
      expectClose(logHypergeometric2F1(0.5, 1, 1.5, z * z), Math.log(Math.atanh(z) / z), 1e-12);
    }
    for (const z of [0.3, 0.9, 0.99]) {
      expectClose(logHypergeometric2F1(0.5, 0.5, 1.5, z * z), Math.log(Math.asin(z) / z), 1e-10);
    }
  });

  it('2F1(1, b; 2; z) = ((1 - z)^(1 - b) - 1) / ((b - 1) z), integrated term by term, for b = 2000 (value e^1379)', () => {
    const b = 2000;
    const z = 0.5;
    // ln(((1 - z)^(1 - b) - 1) / ((b - 1) z)) = (b - 1) ln 2 + ln(1 - 2^(1 - b)) - ln((b - 1) z), the middle term below 1e-600.
    expectClose(logHypergeometric2F1(1, b, 2, z), (b - 1) * Math.LN2 - Math.log((b - 1) * z), 1e-9 * 1379);
  });

  it('agrees with the plain series for the Pareto/NBD shapes 2F1(r + s + x, s + 1; r + s + x + 1; z), with and without Euler', () => {
    for (const [a, b, c, z] of [
      [1.16, 1.61, 2.16, 0.093],
      [31.16, 1.61, 32.16, 0.4],
      [1.16, 30.55, 32.16, 0.2],
      [0.7, 0.2, 3.1, 0.95],
    ] as const) {
      expectClose(logHypergeometric2F1(a, b, c, z), Math.log(plainSeries(a, b, c, z)), 1e-12);
    }
  });

  it('is NaN outside its domain (z >= 1, non-positive parameters) instead of a wrong number', () => {
    expect(logHypergeometric2F1(1, 1, 2, 1)).toBeNaN();
    expect(logHypergeometric2F1(-1, 1, 2, 0.5)).toBeNaN();
    expect(logHypergeometric2F1(1, 1, 2, Number.NaN)).toBeNaN();
  });
});
