import { describe, expect, it } from 'vitest';
import { LatestWins } from '../../src/worker/client.ts';

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
