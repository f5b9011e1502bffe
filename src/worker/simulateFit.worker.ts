// "Simulate, fit, compare" in a worker of its own: it needs no imported file
// (the data worker starts only with one), and ending this worker is the only
// way to stop a fit, which is one long synchronous loop.
import { expose } from 'comlink';
import { simulateAndFit } from '../data/simulateFit.ts';
import type { SimulateFitApi } from './simulateFitClient.ts';

const api: SimulateFitApi = {
  run: (input, sizes, onRun) => simulateAndFit(input, sizes, (run, done, total) => void onRun(run, done, total)),
};
expose(api);
