import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Scenario } from '../../src/engine/parameters.ts';
import { computeResults } from '../../src/engine/index.ts';
import type { Results } from '../../src/engine/results.ts';
import { ResultsState } from '../../src/state/results.svelte.ts';
import { createEngineClient, MAX_WORKER_FAILURES, type EngineWorkerHandle } from '../../src/worker/client.ts';

function drain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An engine worker that computes in-process, or (told so) fails to start. */
function worker(failsToStart: boolean, calls: Scenario[]): EngineWorkerHandle {
  const api = {
    compute: (scenario: Scenario): Promise<Results> => {
      if (failsToStart) return new Promise<Results>(() => undefined);
      calls.push(scenario);
      return Promise.resolve(computeResults(scenario));
    },
  } as unknown as EngineWorkerHandle['api'];
  return { api, terminate: () => undefined, died: failsToStart ? Promise.resolve() : new Promise<void>(() => undefined) };
}

describe('ResultsState: the engine answers with the scenario they belong to', () => {
  it('the figures on screen and the scenario they answer come as one pair', async () => {
    const scenario = { ...DEFAULTS, customers: 100, churnRate: 0.3 };
    const state = new ResultsState({ compute: (s) => Promise.resolve(computeResults(s)) });
    state.ask(scenario);
    await drain();
    expect(state.scenario).toBe(scenario);
    expect(state.current?.customer.clv).toBeCloseTo(computeResults(scenario).customer.clv, 9);
  });

  it(`a worker that died ${MAX_WORKER_FAILURES} times is a notice, not an error alert; retry() brings the figures of the last scenario`, async () => {
    let starts = 0;
    const calls: Scenario[] = [];
    const client = createEngineClient(() => worker(starts++ < MAX_WORKER_FAILURES, calls));
    const state = new ResultsState(client);
    const scenario = { ...DEFAULTS, customers: 100, churnRate: 0.22 };
    state.ask(scenario);
    await drain();
    expect(state.workerDown).toBe(true);
    expect(state.error).toBeNull();
    expect(state.pending).toBe(false);
    expect(state.current).toBeNull();

    state.retry();
    await drain();
    expect(state.workerDown).toBe(false);
    expect(calls).toEqual([scenario]);
    expect(state.scenario).toBe(scenario);
    expect(state.current).not.toBeNull();
  });
});
