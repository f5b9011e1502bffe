import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { createEngineClient, MAX_WORKER_FAILURES, WorkerDownError, type EngineWorkerHandle } from '../../src/worker/client.ts';

/** Lets every pending promise callback run (several worker generations deep). */
function drain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A fake engine worker: answers when the test says so, and dies when the test kills it. */
function fakeWorker(options: { failsToStart?: boolean } = {}) {
  const calls: { method: string; args: unknown[]; resolve: (answer: unknown) => void }[] = [];
  let kill: () => void = () => undefined;
  const died = new Promise<void>((resolve) => (kill = resolve));
  if (options.failsToStart) kill();
  let terminated = false;
  const pending = (method: string) => (...args: unknown[]) =>
    new Promise<never>((resolve) => calls.push({ method, args, resolve: resolve as (answer: unknown) => void }));
  const handle: EngineWorkerHandle = {
    api: {
      compute: pending('compute'),
      computeMany: pending('computeMany'),
      segments: pending('segments'),
      keyAccount: pending('keyAccount'),
      keyAccountMany: pending('keyAccountMany'),
    } as unknown as EngineWorkerHandle['api'],
    terminate: () => {
      terminated = true;
    },
    died,
  };
  return { handle, calls, kill: () => kill(), terminated: () => terminated };
}

type FakeWorker = ReturnType<typeof fakeWorker>;

function clientSetup(plan: { failsToStart?: boolean }[] = []) {
  const workers: FakeWorker[] = [];
  const answers: unknown[] = [];
  const errors: unknown[] = [];
  const down: boolean[] = [];
  const client = createEngineClient(() => {
    const worker = fakeWorker(plan[workers.length] ?? {});
    workers.push(worker);
    return worker.handle;
  });
  client.onWorkerDown((value) => down.push(value));
  /** One compute call, its answer or error collected. */
  const compute = (churnRate: number): void => {
    client.compute(scenario(churnRate)).then(
      (answer) => answers.push(answer),
      (error: unknown) => errors.push(error),
    );
  };
  return { client, workers, answers, errors, down, compute };
}

const scenario = (churnRate: number) => ({ ...DEFAULTS, churnRate });

describe('createEngineClient with a worker that dies', () => {
  it('a worker that dies with a call in flight is replaced and the same call is sent again; its answer arrives', async () => {
    const { workers, answers, compute } = clientSetup();
    compute(0.25);
    await drain();
    expect(workers[0]?.calls.map((c) => c.args[0])).toEqual([scenario(0.25)]);
    workers[0]?.kill();
    await drain();
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated()).toBe(true);
    // The new worker gets the whole scenario, so its engine builds the population afresh.
    expect(workers[1]?.calls.map((c) => c.args[0])).toEqual([scenario(0.25)]);
    workers[1]?.calls[0]?.resolve('figures for 0.25');
    await drain();
    expect(answers).toEqual(['figures for 0.25']);
  });

  it('a worker that fails to start gets a successor that answers, and nothing is reported as an error', async () => {
    const { workers, answers, errors, compute } = clientSetup([{ failsToStart: true }]);
    compute(0.2);
    await drain();
    expect(workers).toHaveLength(2);
    workers[1]?.calls[0]?.resolve('figures');
    await drain();
    expect(answers).toEqual(['figures']);
    expect(errors).toEqual([]);
  });

  it(`after ${MAX_WORKER_FAILURES} deaths in a row it stops, says so, fails every call at once, and retry() starts a fresh worker`, async () => {
    const { client, workers, answers, errors, down, compute } = clientSetup([{ failsToStart: true }, { failsToStart: true }, { failsToStart: true }]);
    compute(0.3);
    await drain();
    expect(workers).toHaveLength(MAX_WORKER_FAILURES);
    expect(down).toEqual([true]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WorkerDownError);
    // While down, a call fails at once instead of starting workers without end.
    compute(0.31);
    await drain();
    expect(workers).toHaveLength(MAX_WORKER_FAILURES);
    expect(errors).toHaveLength(2);

    client.retry();
    expect(down).toEqual([true, false]);
    expect(workers).toHaveLength(MAX_WORKER_FAILURES + 1);
    compute(0.32);
    await drain();
    workers.at(-1)?.calls[0]?.resolve('figures for 0.32');
    await drain();
    expect(answers).toEqual(['figures for 0.32']);
  });

  it('an answer between deaths resets the count: a worker that dies now and then is always replaced', async () => {
    const { workers, answers, down, compute } = clientSetup();
    for (let round = 0; round < 2 * MAX_WORKER_FAILURES; round++) {
      compute(0.2 + round / 100);
      await drain();
      workers.at(-1)?.kill();
      await drain();
      workers.at(-1)?.calls.at(-1)?.resolve(`answer ${round}`);
      await drain();
    }
    expect(down).toEqual([]);
    expect(answers).toHaveLength(2 * MAX_WORKER_FAILURES);
    expect(workers).toHaveLength(2 * MAX_WORKER_FAILURES + 1);
  });

  it('a comparison in flight when the worker dies is sent to the successor instead of waiting forever', async () => {
    const { client, workers } = clientSetup();
    const many = client.computeMany([scenario(0.2), scenario(0.3)]);
    await drain();
    workers[0]?.kill();
    await drain();
    expect(workers[1]?.calls.map((c) => c.method)).toEqual(['computeMany']);
    workers[1]?.calls[0]?.resolve(['a', 'b']);
    await expect(many).resolves.toEqual(['a', 'b']);
  });
});
