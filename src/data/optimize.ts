// Derivative-free minimisation for the maximum-likelihood fits (bgnbd.ts,
// gammaGamma.ts): Nelder-Mead (Lagarias et al. 1998, standard coefficients)
// on unconstrained log-parameters, restarted from its own optimum until a
// restart no longer improves (a collapsed simplex is the method's known
// failure mode), and from several starts when asked.

export interface MinimizeOptions {
  /** Edge of the first simplex in each coordinate (log-parameters: 0.7 = factor 2). */
  step: number;
  /** Converged when the simplex spans less than this in every coordinate ... */
  xTolerance: number;
  /** ... and its function values differ by less than this. */
  fTolerance: number;
  /** Budget per Nelder-Mead run. */
  maxEvaluations: number;
  /** Restarts from the optimum found; stops early once a restart gains less than fTolerance. */
  maxRestarts: number;
  /** Called after every iteration with the evaluations so far in this run (progress for a long fit). */
  onIteration?: (evaluations: number) => void;
}

export const MINIMIZE_DEFAULTS: MinimizeOptions = {
  step: 0.7,
  xTolerance: 1e-8,
  fTolerance: 1e-12,
  maxEvaluations: 4000,
  maxRestarts: 4,
};

export interface Minimum {
  x: number[];
  value: number;
  evaluations: number;
  converged: boolean;
}

/** A non-finite value counts as +Infinity, so the simplex walks away from it instead of stalling on NaN. */
function finiteOr(value: number): number {
  return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: MinimizeOptions = MINIMIZE_DEFAULTS): Minimum {
  const n = start.length;
  const points: number[][] = [Array.from(start)];
  for (let i = 0; i < n; i++) {
    const p = Array.from(start);
    p[i] = (p[i] as number) + options.step;
    points.push(p);
  }
  const values = points.map((p) => finiteOr(f(p)));
  let evaluations = n + 1;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Array<number>(n).fill(0);
  const at = (base: readonly number[], towards: readonly number[], t: number): number[] =>
    base.map((b, i) => b + t * ((towards[i] as number) - b));
  let converged = false;

  while (evaluations < options.maxEvaluations) {
    options.onIteration?.(evaluations);
    order.sort((i, j) => (values[i] as number) - (values[j] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const secondWorst = order[n - 1] as number;
    const bestValue = values[best] as number;
    const worstValue = values[worst] as number;
    let spread = 0;
    const bestPoint = points[best] as number[];
    for (const p of points) for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs((p[i] as number) - (bestPoint[i] as number)));
    if (spread <= options.xTolerance && Math.abs(worstValue - bestValue) <= options.fTolerance) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k] as number] as number[];
      for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + (p[i] as number) / n;
    }
    const worstPoint = points[worst] as number[];
    const reflected = at(centroid, worstPoint, -1);
    const reflectedValue = finiteOr(f(reflected));
    evaluations++;
    if (reflectedValue < bestValue) {
      const expanded = at(centroid, worstPoint, -2);
      const expandedValue = finiteOr(f(expanded));
      evaluations++;
      if (expandedValue < reflectedValue) {
        points[worst] = expanded;
        values[worst] = expandedValue;
      } else {
        points[worst] = reflected;
        values[worst] = reflectedValue;
      }
      continue;
    }
    if (reflectedValue < (values[secondWorst] as number)) {
      points[worst] = reflected;
      values[worst] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < worstValue;
    const contracted = outside ? at(centroid, worstPoint, -0.5) : at(centroid, worstPoint, 0.5);
    const contractedValue = finiteOr(f(contracted));
    evaluations++;
    if (contractedValue < (outside ? reflectedValue : worstValue)) {
      points[worst] = contracted;
      values[worst] = contractedValue;
      continue;
    }
    // Shrink every point towards the best one.
    for (let k = 1; k <= n; k++) {
      const index = order[k] as number;
      points[index] = at(bestPoint, points[index] as number[], 0.5);
      values[index] = finiteOr(f(points[index] as number[]));
      evaluations++;
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if ((values[k] as number) < (values[bestIndex] as number)) bestIndex = k;
  return { x: points[bestIndex] as number[], value: values[bestIndex] as number, evaluations, converged };
}

/**
 * Nelder-Mead from each start, each run restarted from its optimum with a
 * fresh simplex until it stops improving; returns the best optimum.
 */
export function minimize(f: (x: readonly number[]) => number, starts: readonly (readonly number[])[], options: MinimizeOptions = MINIMIZE_DEFAULTS): Minimum {
  let best: Minimum | null = null;
  let evaluations = 0;
  const report = options.onIteration;
  // Progress counts every evaluation of this minimisation, across starts and restarts.
  const run: MinimizeOptions = report === undefined ? options : { ...options, onIteration: (k) => report(evaluations + k) };
  for (const start of starts) {
    let current = nelderMead(f, start, run);
    evaluations += current.evaluations;
    for (let restart = 0; restart < options.maxRestarts; restart++) {
      // Smaller first simplex on restarts: we are near an optimum and only guard against a collapsed simplex.
      const again = nelderMead(f, current.x, { ...run, step: Math.min(options.step, 0.1) });
      evaluations += again.evaluations;
      const gain = current.value - again.value;
      if (again.value <= current.value) current = again;
      if (!(gain > options.fTolerance)) break;
    }
    if (best === null || current.value < best.value) best = current;
  }
  if (best === null) throw new Error('minimize needs at least one start');
  return { ...best, evaluations };
}

/** The same options with progress counted on from `done` evaluations (a second minimisation of one fit). */
export function withOffset(options: MinimizeOptions, done: number): MinimizeOptions {
  const report = options.onIteration;
  return report === undefined ? options : { ...options, onIteration: (k) => report(done + k) };
}

export interface BfgsOptions {
  /** Stops once every gradient component is below this (objective and gradient as the caller scales them). */
  gradientTolerance: number;
  maxIterations: number;
  onIteration?: (evaluations: number) => void;
}

export const BFGS_DEFAULTS: BfgsOptions = { gradientTolerance: 1e-10, maxIterations: 200 };

/** Relative size of the rounding in an objective summed over many terms: smaller expected gains end the search. */
const VALUE_RESOLUTION = 1e-14;

/**
 * BFGS with a backtracking (Armijo) line search, for an objective with an
 * analytic gradient. Near a smooth optimum it needs tens of evaluations where
 * Nelder-Mead needs hundreds, which is what counts when one evaluation sums
 * over hundreds of thousands of customers.
 */
export function bfgs(
  f: (x: readonly number[], gradient: number[]) => number,
  start: readonly number[],
  options: BfgsOptions = BFGS_DEFAULTS,
): Minimum {
  const n = start.length;
  let x = Array.from(start);
  let g = new Array<number>(n).fill(0);
  let value = finiteOr(f(x, g));
  let evaluations = 1;
  // Inverse Hessian estimate, row-major; starts as the identity.
  const h: number[] = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
  let converged = false;
  for (let iteration = 0; iteration < options.maxIterations && Number.isFinite(value); iteration++) {
    options.onIteration?.(evaluations);
    if (g.every((gi) => Math.abs(gi) <= options.gradientTolerance)) {
      converged = true;
      break;
    }
    const direction = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) direction[i] = (direction[i] as number) - (h[i * n + j] as number) * (g[j] as number);
    let slope = 0;
    for (let i = 0; i < n; i++) slope += (direction[i] as number) * (g[i] as number);
    if (!(slope < 0)) {
      // Not a descent direction: forget the curvature and go down the gradient.
      for (let k = 0; k < n * n; k++) h[k] = k % (n + 1) === 0 ? 1 : 0;
      for (let i = 0; i < n; i++) direction[i] = -(g[i] as number);
      slope = -g.reduce((sum, gi) => sum + gi * gi, 0);
    }
    let step = 1;
    let next: number[] = x;
    const nextGradient = new Array<number>(n).fill(0);
    let nextValue = Number.POSITIVE_INFINITY;
    let resolved = false;
    for (let tries = 0; tries < 60; tries++) {
      // A decrease smaller than the rounding of the objective (a sum over many customers) cannot be
      // told from noise: searching on would spend dozens of evaluations on nothing (issue 15, bench).
      if (-step * slope < VALUE_RESOLUTION * Math.max(1, Math.abs(value))) {
        resolved = true;
        break;
      }
      next = x.map((xi, i) => xi + step * (direction[i] as number));
      nextValue = finiteOr(f(next, nextGradient));
      evaluations++;
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) {
      // No decrease at the resolution of doubles: as close as it gets (a stationary point as far as doubles tell).
      converged = resolved || g.every((gi) => Math.abs(gi) <= Math.sqrt(options.gradientTolerance));
      break;
    }
    const s = next.map((ni, i) => ni - (x[i] as number));
    const y = nextGradient.map((gi, i) => gi - (g[i] as number));
    let sy = 0;
    for (let i = 0; i < n; i++) sy += (s[i] as number) * (y[i] as number);
    if (sy > 1e-300) {
      // H <- (I - rho s y') H (I - rho y s') + rho s s'
      const rho = 1 / sy;
      const hy = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) hy[i] = (hy[i] as number) + (h[i * n + j] as number) * (y[j] as number);
      let yhy = 0;
      for (let i = 0; i < n; i++) yhy += (y[i] as number) * (hy[i] as number);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          h[i * n + j] = (h[i * n + j] as number) - rho * ((hy[i] as number) * sj + si * (hy[j] as number)) + (rho * rho * yhy + rho) * si * sj;
        }
      }
    }
    x = next;
    g = nextGradient.slice();
    value = nextValue;
  }
  return { x, value, evaluations, converged };
}

/**
 * BFGS from the first start; where it stalls or a log-parameter runs beyond
 * ±`bound` (an optimum at the edge), from every other start too. The lowest
 * value wins; `evaluations` and the reported progress count all runs.
 */
export function bfgsWithFallbacks(
  f: (x: readonly number[], gradient: number[]) => number,
  first: readonly number[],
  others: readonly (readonly number[])[],
  bound: number,
  report?: (evaluations: number) => void,
): Minimum {
  const from = (start: readonly number[], done: number): Minimum =>
    bfgs(f, start, report === undefined ? BFGS_DEFAULTS : { ...BFGS_DEFAULTS, onIteration: (k) => report(done + k) });
  let best = from(first, 0);
  let spent = best.evaluations;
  if (!(best.converged && best.x.every((v) => Math.abs(v) <= bound))) {
    for (const start of others) {
      const other = from(start, spent);
      spent += other.evaluations;
      if (other.value < best.value) best = other;
    }
  }
  return { ...best, evaluations: spent };
}
