import { afterEach, describe, expect, it, vi } from 'vitest';
import { Query, STALE_CUE_MS } from '../../src/state/query.svelte.ts';

interface Call {
  input: number;
  resolve: (answer: string) => void;
  reject: (error: Error) => void;
}

/** A fake worker whose answers arrive only when the test says so. */
function fakeWorker() {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = (input: number): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      calls.push({
        input,
        resolve: (answer) => {
          inFlight -= 1;
          resolve(answer);
        },
        reject: (error) => {
          inFlight -= 1;
          reject(error);
        },
      });
    });
  const answerLast = (): void => {
    const last = calls.at(-1);
    last?.resolve(`answer ${last.input}`);
  };
  return { calls, run, answerLast, maxInFlight: () => maxInFlight };
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

afterEach(() => vi.useRealTimers());

describe('Query: one worker call as state', () => {
  it('an idle query sends at once, is pending until the answer, and keeps the input beside the value', async () => {
    const worker = fakeWorker();
    const query = new Query(worker.run);
    expect(query.answer).toBeNull();
    query.ask(7);
    expect(worker.calls.map((c) => c.input)).toEqual([7]);
    expect(query.pending).toBe(true);
    expect(query.input).toBe(7);
    worker.calls[0]?.resolve('seven');
    await settle();
    expect(query.answer).toEqual({ input: 7, value: 'seven' });
    expect(query.value).toBe('seven');
    expect(query.pending).toBe(false);
  });

  it('latest wins: of 50 inputs asked during one computation only the newest is sent next, and the last answer belongs to it', async () => {
    const worker = fakeWorker();
    const query = new Query(worker.run);
    for (let i = 1; i <= 50; i++) query.ask(i);
    expect(worker.calls.map((c) => c.input)).toEqual([1]);
    worker.calls[0]?.resolve('answer 1');
    await settle();
    // Superseded but newer than anything on screen: shown, so a long drag is not frozen.
    expect(query.answer).toEqual({ input: 1, value: 'answer 1' });
    expect(query.pending).toBe(true);
    expect(worker.calls.map((c) => c.input)).toEqual([1, 50]);
    worker.calls[1]?.resolve('answer 50');
    await settle();
    expect(query.answer).toEqual({ input: 50, value: 'answer 50' });
    expect(query.pending).toBe(false);
    expect(query.sent).toBe(2);
    expect(worker.maxInFlight()).toBe(1);
  });

  it('an answer carries the input it answers, never the newer one the controls show', async () => {
    const worker = fakeWorker();
    const query = new Query(worker.run);
    query.ask(1);
    query.ask(2);
    query.ask(3);
    worker.calls[0]?.resolve('figures of 1');
    await settle();
    expect(query.input).toBe(3);
    expect(query.answer).toEqual({ input: 1, value: 'figures of 1' });
  });

  it('progressive delivery in a noisy drag: answers arrive during it, in increasing order, the last one to the last input', async () => {
    const worker = fakeWorker();
    const query = new Query(worker.run);
    const shown: number[] = [];
    let next = 1;
    for (let round = 0; round < 30; round++) {
      query.ask(next++);
      if (round % 2 === 0) query.ask(next++);
      if (round % 2 === 1) worker.answerLast();
      await settle();
      const input = query.answer?.input;
      if (input !== undefined && input !== shown.at(-1)) shown.push(input);
    }
    expect(shown.length).toBeGreaterThanOrEqual(10);
    while (query.pending) {
      worker.answerLast();
      await settle();
    }
    expect(worker.maxInFlight()).toBe(1);
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThan(shown[i - 1] as number);
    expect(query.answer).toEqual({ input: next - 1, value: `answer ${next - 1}` });
  });

  it("the latest input's error is kept (the answer before stays on screen); a superseded one's is not; the next answer clears it", async () => {
    const worker = fakeWorker();
    const query = new Query(worker.run);
    query.ask(1);
    worker.calls[0]?.resolve('one');
    await settle();
    query.ask(2);
    query.ask(3);
    worker.calls[1]?.reject(new Error('stale failure'));
    await settle();
    expect(query.error).toBeNull();
    worker.calls[2]?.reject(new Error('out of memory'));
    await settle();
    expect(query.error).toBe('out of memory');
    expect(query.answer).toEqual({ input: 1, value: 'one' });
    expect(query.pending).toBe(false);
    query.ask(4);
    worker.calls[3]?.resolve('four');
    await settle();
    expect(query.error).toBeNull();
  });

  it('a runner that throws synchronously becomes an error, not a crash; quiet errors are left to the caller', async () => {
    const loud = new Query<number, string>(() => {
      throw new Error('no worker');
    });
    loud.ask(1);
    await settle();
    expect(loud.error).toBe('no worker');
    expect(loud.pending).toBe(false);
    class Down extends Error {}
    const quiet = new Query<number, string>(() => Promise.reject(new Down('down')), { quiet: (error) => error instanceof Down });
    quiet.ask(1);
    await settle();
    expect(quiet.error).toBeNull();
  });

  it('again() asks the last input once more (a restarted worker)', async () => {
    const worker = fakeWorker();
    const query = new Query(worker.run);
    query.again();
    expect(worker.calls).toHaveLength(0);
    query.ask(5);
    worker.calls[0]?.reject(new Error('worker died'));
    await settle();
    query.again();
    expect(worker.calls.map((c) => c.input)).toEqual([5, 5]);
  });

  it('lagging: a wait shorter than the threshold never raises it (no flicker), a longer one does, the answer clears it', async () => {
    vi.useFakeTimers();
    const worker = fakeWorker();
    const query = new Query(worker.run);
    for (let step = 0; step < 10; step++) {
      query.ask(step);
      vi.advanceTimersByTime(STALE_CUE_MS - 50);
      worker.answerLast();
      await settle();
      expect(query.lagging).toBe(false);
    }
    query.ask(100);
    vi.advanceTimersByTime(STALE_CUE_MS - 1);
    expect(query.lagging).toBe(false);
    // Further input while busy does not postpone the cue.
    query.ask(101);
    vi.advanceTimersByTime(2);
    expect(query.lagging).toBe(true);
    worker.answerLast();
    await settle();
    worker.answerLast();
    await settle();
    expect(query.lagging).toBe(false);
    expect(query.answer?.input).toBe(101);
  });

  it('debounced: a burst of inputs sends only the last, once they rest; it is pending meanwhile; cancel() sends nothing', async () => {
    vi.useFakeTimers();
    const worker = fakeWorker();
    const query = new Query(worker.run, { debounceMs: 300 });
    for (let i = 1; i <= 5; i++) {
      query.ask(i);
      vi.advanceTimersByTime(100);
    }
    expect(worker.calls).toHaveLength(0);
    expect(query.pending).toBe(true);
    vi.advanceTimersByTime(300);
    expect(worker.calls.map((c) => c.input)).toEqual([5]);
    worker.answerLast();
    await settle();
    expect(query.answer).toEqual({ input: 5, value: 'answer 5' });
    expect(query.pending).toBe(false);
    query.ask(6);
    query.cancel();
    vi.advanceTimersByTime(1000);
    expect(worker.calls).toHaveLength(1);
    expect(query.pending).toBe(false);
  });

  it('settled() resolves once the answer to the latest input is in, and onAnswer sees each answer shown', async () => {
    const worker = fakeWorker();
    const seen: { input: number; value: string }[] = [];
    const query = new Query(worker.run, { onAnswer: (answer) => seen.push(answer) });
    await query.settled();
    query.ask(1);
    query.ask(2);
    let done = false;
    void query.settled().then(() => (done = true));
    worker.calls[0]?.resolve('one');
    await settle();
    expect(done).toBe(false);
    worker.calls[1]?.resolve('two');
    await settle();
    expect(done).toBe(true);
    expect(seen).toEqual([
      { input: 1, value: 'one' },
      { input: 2, value: 'two' },
    ]);
  });
});
