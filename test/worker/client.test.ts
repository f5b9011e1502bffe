import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { createEngineClient, LatestWins, MAX_WORKER_FAILURES, WorkerDownError, type EngineWorkerHandle } from '../../src/worker/client.ts';

interface Deferred {
  request: number;
  resolve: (answer: string) => void;
  reject: (error: Error) => void;
}

/** A fake engine whose answers arrive only when the test says so. */
function fakeEngine() {
  const calls: Deferred[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = (request: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => {
        inFlight -= 1;
      };
      calls.push({
        request,
        resolve: (answer) => {
          done();
          resolve(answer);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  return { calls, run, maxInFlight: () => maxInFlight };
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setup() {
  const engine = fakeEngine();
  const answers: string[] = [];
  const errors: unknown[] = [];
  const busy: boolean[] = [];
  const scheduler = new LatestWins<number, string>(engine.run, {
    onAnswer: (answer) => answers.push(answer),
    onError: (error) => errors.push(error),
    onBusyChange: (value) => busy.push(value),
  });
  return { engine, answers, errors, busy, scheduler };
}

describe('LatestWins', () => {
  it('request() on an idle scheduler sends at once and delivers the answer', async () => {
    const { engine, answers, scheduler, busy } = setup();
    scheduler.request(1);
    expect(engine.calls.map((c) => c.request)).toEqual([1]);
    engine.calls[0]?.resolve('answer 1');
    await settle();
    expect(answers).toEqual(['answer 1']);
    expect(busy).toEqual([true, false]);
    expect(scheduler.busy).toBe(false);
  });

  it('while one request is in flight, only the newest of many waits; every answer newer than the shown one is delivered', async () => {
    const { engine, answers, scheduler } = setup();
    for (let i = 1; i <= 50; i++) scheduler.request(i);
    // Dragging: 50 requests, but only the first went out and one waits.
    expect(engine.calls.map((c) => c.request)).toEqual([1]);
    expect(scheduler.stale).toBe(true);
    engine.calls[0]?.resolve('answer 1');
    await settle();
    // Request 1 is superseded but newer than anything on screen: shown, so a long drag is not frozen.
    expect(answers).toEqual(['answer 1']);
    expect(scheduler.stale).toBe(true);
    expect(engine.calls.map((c) => c.request)).toEqual([1, 50]);
    engine.calls[1]?.resolve('answer 50');
    await settle();
    expect(answers).toEqual(['answer 1', 'answer 50']);
    expect(scheduler.stale).toBe(false);
    expect(scheduler.sent).toBe(2);
    expect(engine.maxInFlight()).toBe(1);
  });

  it('each answer arrives with the request it answers, never with a newer one', async () => {
    const engine = fakeEngine();
    const pairs: { answer: string; request: number }[] = [];
    const scheduler = new LatestWins<number, string>(engine.run, {
      onAnswer: (answer, _id, request) => pairs.push({ answer, request }),
      onError: () => undefined,
    });
    scheduler.request(1);
    scheduler.request(2);
    scheduler.request(3);
    engine.calls[0]?.resolve('answer 1');
    await settle();
    engine.calls[1]?.resolve('answer 3');
    await settle();
    expect(pairs).toEqual([
      { answer: 'answer 1', request: 1 },
      { answer: 'answer 3', request: 3 },
    ]);
  });

  it('a noisy drag: at most one call in flight, answers in increasing order, the last one to the last request', async () => {
    const engine = fakeEngine();
    const delivered: number[] = [];
    const scheduler: LatestWins<number, string> = new LatestWins<number, string>(engine.run, {
      onAnswer: (_answer, id) => delivered.push(id),
      onError: () => undefined,
    });
    let next = 1;
    for (let round = 0; round < 30; round++) {
      // One or two requests per round, an answer every other round: a noisy slider drag.
      scheduler.request(next++);
      if (round % 2 === 0) scheduler.request(next++);
      if (round % 2 === 1) {
        const last = engine.calls[engine.calls.length - 1];
        last?.resolve(`answer ${last.request}`);
      }
      await settle();
    }
    // Progressive: the screen changed during the drag, not only after it.
    expect(delivered.length).toBeGreaterThanOrEqual(10);
    while (scheduler.busy) {
      const last = engine.calls[engine.calls.length - 1];
      last?.resolve(`answer ${last.request}`);
      await settle();
    }
    expect(engine.maxInFlight()).toBe(1);
    for (let i = 1; i < delivered.length; i++) expect(delivered[i]).toBeGreaterThan(delivered[i - 1] as number);
    expect(delivered[delivered.length - 1]).toBe(next - 1);
    expect(scheduler.stale).toBe(false);
  });

  it('an error of the latest request is reported; an error of a superseded one is not', async () => {
    const { engine, errors, answers, scheduler } = setup();
    scheduler.request(1);
    scheduler.request(2);
    engine.calls[0]?.reject(new Error('stale failure'));
    await settle();
    expect(errors).toEqual([]);
    engine.calls[1]?.reject(new Error('engine failed'));
    await settle();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('engine failed');
    expect(answers).toEqual([]);
    expect(scheduler.busy).toBe(false);
  });

  it('a run function that throws synchronously becomes a reported error, not a crash', async () => {
    const errors: unknown[] = [];
    const scheduler = new LatestWins<number, string>(
      () => {
        throw new Error('no worker');
      },
      { onAnswer: () => undefined, onError: (error) => errors.push(error) },
    );
    scheduler.request(1);
    await settle();
    expect(errors).toHaveLength(1);
    expect(scheduler.busy).toBe(false);
  });
});

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
  const busy: boolean[] = [];
  const down: boolean[] = [];
  const client = createEngineClient(
    {
      onAnswer: (answer) => answers.push(answer),
      onError: (error) => errors.push(error),
      onBusyChange: (value) => busy.push(value),
      onWorkerDown: (value) => down.push(value),
    },
    () => {
      const worker = fakeWorker(plan[workers.length] ?? {});
      workers.push(worker);
      return worker.handle;
    },
  );
  return { client, workers, answers, errors, busy, down };
}

const scenario = (churnRate: number) => ({ ...DEFAULTS, churnRate });

describe('createEngineClient with a worker that dies', () => {
  it('a worker that dies with a request in flight is replaced and the same request is sent again; its answer arrives', async () => {
    const { client, workers, answers, busy } = clientSetup();
    client.request(scenario(0.25));
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
    expect(busy).toEqual([true, false]);
  });

  it('a worker that fails to start gets a successor that answers, and nothing is reported as an error', async () => {
    const { client, workers, answers, errors } = clientSetup([{ failsToStart: true }]);
    client.request(scenario(0.2));
    await drain();
    expect(workers).toHaveLength(2);
    workers[1]?.calls[0]?.resolve('figures');
    await drain();
    expect(answers).toEqual(['figures']);
    expect(errors).toEqual([]);
  });

  it(`after ${MAX_WORKER_FAILURES} deaths in a row it stops, says so, is no longer busy, and retry() sends the last scenario to a fresh worker`, async () => {
    const { client, workers, answers, errors, busy, down } = clientSetup([{ failsToStart: true }, { failsToStart: true }, { failsToStart: true }]);
    client.request(scenario(0.3));
    await drain();
    expect(workers).toHaveLength(MAX_WORKER_FAILURES);
    expect(down).toEqual([true]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WorkerDownError);
    expect(busy).toEqual([true, false]);
    // While down, a request fails at once instead of starting workers without end.
    client.request(scenario(0.31));
    await drain();
    expect(workers).toHaveLength(MAX_WORKER_FAILURES);
    expect(errors).toHaveLength(2);

    client.retry();
    await drain();
    expect(down).toEqual([true, false]);
    expect(workers).toHaveLength(MAX_WORKER_FAILURES + 1);
    expect(workers.at(-1)?.calls.map((c) => c.args[0])).toEqual([scenario(0.31)]);
    workers.at(-1)?.calls[0]?.resolve('figures for 0.31');
    await drain();
    expect(answers).toEqual(['figures for 0.31']);
  });

  it('an answer between deaths resets the count: a worker that dies now and then is always replaced', async () => {
    const { client, workers, answers, down } = clientSetup();
    for (let round = 0; round < 2 * MAX_WORKER_FAILURES; round++) {
      client.request(scenario(0.2 + round / 100));
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
