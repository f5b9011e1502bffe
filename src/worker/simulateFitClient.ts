// The main thread's side of the simulate-and-fit worker: every run gets a
// fresh worker and a new run ends the one before (latest wins), so moving a
// slider during the 100,000-customer fit stops that fit at once.
import { proxy, wrap } from 'comlink';
import type { SimulateFitInput, SimulateFitResult, SimulateFitRun } from '../data/simulateFit.ts';

export type RunReport = (run: SimulateFitRun, done: number, total: number) => void;

export interface SimulateFitApi {
  run(input: SimulateFitInput, sizes: readonly number[], onRun: RunReport): SimulateFitResult;
}

/** Resolves to null when a later run replaced this one or the worker failed. */
export type SimulateFitRunner = (input: SimulateFitInput, sizes: readonly number[], onRun: RunReport) => Promise<SimulateFitResult | null>;

export function createSimulateFitRunner(): SimulateFitRunner {
  let cancelCurrent: (() => void) | null = null;
  return (input, sizes, onRun) => {
    cancelCurrent?.();
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./simulateFit.worker.ts', import.meta.url), { type: 'module', name: 'simulate-fit' });
      } catch {
        resolve(null);
        return;
      }
      let settled = false;
      const finish = (result: SimulateFitResult | null): void => {
        if (settled) return;
        settled = true;
        worker.terminate();
        if (cancelCurrent === cancel) cancelCurrent = null;
        resolve(result);
      };
      const cancel = (): void => finish(null);
      cancelCurrent = cancel;
      worker.addEventListener('error', cancel);
      const remote = wrap<SimulateFitApi>(worker);
      const report = proxy<RunReport>((run, done, total) => {
        if (!settled) onRun(run, done, total);
      });
      remote.run(input, sizes, report).then(finish, cancel);
    });
  };
}
