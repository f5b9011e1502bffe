// One worker call as reactive state: the input last asked, the answer shown
// with the input it answers, whether a request is in flight or waiting, and
// the last error. Every view that shows a worker's figures reads `answer`
// and renders `answer.input` beside `answer.value`, never a newer input the
// worker has not answered yet (a formula never prints the new churn next to
// the old CLV). Requests go through LatestWins, so a drag never queues work
// and every answer newer than the one on screen is shown. Answers are large
// and immutable: `$state.raw` keeps Svelte from proxying them.
import { untrack } from 'svelte';
import { LatestWins } from './latestWins.ts';

/** An answer together with the input it answers. */
export interface Answer<Input, Value> {
  readonly input: Input;
  readonly value: Value;
}

export interface QueryOptions {
  /** How long an answer may lag the input before `lagging` says so; shorter waits would only flicker. */
  lagAfterMs?: number;
  /** Wait until the input rests this long before asking (costly calls such as the tornado chart). */
  debounceMs?: number;
  /** Errors the caller reports elsewhere (a dead worker has its own notice): not kept in `error`. */
  quiet?: (error: unknown) => boolean;
}

/** Options of a query whose state also folds each answer into fields of its own. */
export interface QueryHooks<Input, Value> extends QueryOptions {
  /** Called with each answer shown, after `answer` is set. */
  onAnswer?: (answer: Answer<Input, Value>) => void;
}

/** How long figures may lag the sliders before the page says so (a 10k answer never does). */
export const STALE_CUE_MS = 250;

export class Query<Input, Value> {
  /** The input last asked (what the controls show). */
  input = $state.raw<Input | null>(null);
  /** The newest answer delivered, with its input. */
  answer = $state.raw<Answer<Input, Value> | null>(null);
  /** The message of the latest request's error; cleared by the next answer. */
  error = $state<string | null>(null);
  /** True once the answer on screen has lagged the input for `lagAfterMs`. */
  lagging = $state(false);
  #pending = $state(false);
  readonly #client: LatestWins<Input, Value>;
  readonly #lagAfterMs: number;
  readonly #debounceMs: number;
  #lagTimer: ReturnType<typeof setTimeout> | null = null;
  #debounceTimer: ReturnType<typeof setTimeout> | null = null;

  #settledWaiters: (() => void)[] = [];

  constructor(run: (input: Input) => Promise<Value>, options: QueryHooks<Input, Value> = {}) {
    this.#lagAfterMs = options.lagAfterMs ?? STALE_CUE_MS;
    this.#debounceMs = options.debounceMs ?? 0;
    const quiet = options.quiet ?? (() => false);
    this.#client = new LatestWins<Input, Value>(run, {
      onAnswer: (value, _id, input) => {
        const answer = { input, value };
        this.answer = answer;
        this.error = null;
        options.onAnswer?.(answer);
      },
      onError: (error) => {
        if (!quiet(error)) this.error = error instanceof Error ? error.message : String(error);
      },
      onBusyChange: (busy) => this.#setPending(busy),
    });
  }

  /** True while a request is in flight, waiting or debounced. */
  get pending(): boolean {
    return this.#pending;
  }

  /** The value on screen, or null before the first answer. */
  get value(): Value | null {
    return this.answer?.value ?? null;
  }

  /** Requests sent to the runner so far (a drag sends far fewer than it asks). */
  get sent(): number {
    return this.#client.sent;
  }

  /** Asks for `input`; the answer replaces `answer` when it arrives (unless a newer one came first). */
  ask(input: Input): void {
    // Called from effects: what it reads here (pending) must not become their dependency.
    untrack(() => this.#ask(input));
  }

  #ask(input: Input): void {
    this.input = input;
    if (this.#debounceMs <= 0) {
      this.#client.request(input);
      return;
    }
    if (this.#debounceTimer !== null) clearTimeout(this.#debounceTimer);
    this.#setPending(true);
    this.#debounceTimer = setTimeout(() => {
      this.#debounceTimer = null;
      this.#client.request(input);
      if (!this.#client.busy) this.#setPending(false);
    }, this.#debounceMs);
  }

  /** Resolves once nothing is in flight or waiting (at once when idle): the answer to the latest input, or its error, is in. */
  settled(): Promise<void> {
    if (!this.#pending) return Promise.resolve();
    return new Promise<void>((resolve) => this.#settledWaiters.push(resolve));
  }

  /** Asks the last input again (after the worker was restarted). */
  again(): void {
    const input = untrack(() => this.input);
    if (input !== null) this.ask(input);
  }

  /** Stops a debounced request that has not gone out yet (its view was closed). */
  cancel(): void {
    if (this.#debounceTimer === null) return;
    clearTimeout(this.#debounceTimer);
    this.#debounceTimer = null;
    if (!this.#client.busy) this.#setPending(false);
  }

  #setPending(busy: boolean): void {
    // A debounced request still to go out keeps the query pending.
    const pending = busy || this.#debounceTimer !== null;
    // Only a change restarts the lag timer: a drag that keeps the query busy must raise the cue.
    if (pending === this.#pending) return;
    this.#pending = pending;
    if (this.#lagTimer !== null) clearTimeout(this.#lagTimer);
    this.#lagTimer = null;
    if (!pending) {
      this.lagging = false;
      const waiters = this.#settledWaiters;
      this.#settledWaiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    this.#lagTimer = setTimeout(() => {
      this.#lagTimer = null;
      this.lagging = this.#pending;
    }, this.#lagAfterMs);
  }
}
