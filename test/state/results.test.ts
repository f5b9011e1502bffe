import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { computeResults } from '../../src/engine/index.ts';
import { ResultsState, STALE_CUE_MS } from '../../src/state/results.svelte.ts';

describe('ResultsState: the cue that figures lag the sliders', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a short computation (10k customers, a few ms) never raises the cue, so it cannot flicker', () => {
    const state = new ResultsState();
    for (let step = 0; step < 20; step++) {
      state.pending = true;
      vi.advanceTimersByTime(STALE_CUE_MS - 50);
      state.pending = false;
      expect(state.lagging).toBe(false);
    }
    vi.advanceTimersByTime(10 * STALE_CUE_MS);
    expect(state.lagging).toBe(false);
  });

  it('a wait longer than the threshold raises the cue, and the last answer clears it', () => {
    const state = new ResultsState();
    state.pending = true;
    vi.advanceTimersByTime(STALE_CUE_MS - 1);
    expect(state.lagging).toBe(false);
    vi.advanceTimersByTime(2);
    expect(state.lagging).toBe(true);
    state.pending = false;
    expect(state.lagging).toBe(false);
  });

  it('keeps the scenario an answer belongs to beside the answer', () => {
    const state = new ResultsState();
    const scenario = { ...DEFAULTS, customers: 100, churnRate: 0.3 };
    const results = computeResults(scenario);
    state.receive(results, scenario);
    expect(state.current).toBe(results);
    expect(state.scenario).toBe(scenario);
  });
});
