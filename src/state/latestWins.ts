// "Latest request wins" (after the svelte.dev REPL): every request is
// numbered, at most one is in flight and at most one waits; a new request
// replaces the waiting one. Dragging a slider at 1,000,000 customers therefore
// never queues up work. Every answer newer than the one on screen is
// delivered, even while a still newer request waits: a drag that outpaces the
// worker updates at the worker's pace instead of freezing until the mouse is
// released, and the last answer is always the one to the last request. Each
// answer travels with the request it answers. Plain TS: Query
// (query.svelte.ts) holds the reactive side.

export interface LatestWinsHandlers<Answer, Request = unknown> {
  /** An answer newer than every one delivered before, with the request it answers. */
  onAnswer(answer: Answer, id: number, request: Request): void;
  /** The latest request failed. */
  onError(error: unknown, id: number): void;
  /** True while a request is in flight or waiting. */
  onBusyChange?(busy: boolean): void;
}

interface Waiting<Request> {
  id: number;
  request: Request;
}

export class LatestWins<Request, Answer> {
  readonly #run: (request: Request) => Promise<Answer>;
  readonly #handlers: LatestWinsHandlers<Answer, Request>;
  #latestId = 0;
  #deliveredId = 0;
  #inFlightId: number | null = null;
  #waiting: Waiting<Request> | null = null;
  /** Calls of `run` so far (requests actually sent). */
  sent = 0;

  constructor(run: (request: Request) => Promise<Answer>, handlers: LatestWinsHandlers<Answer, Request>) {
    this.#run = run;
    this.#handlers = handlers;
  }

  get busy(): boolean {
    return this.#inFlightId !== null || this.#waiting !== null;
  }

  get latestId(): number {
    return this.#latestId;
  }

  /** True when the last delivered answer is not the answer to the latest request. */
  get stale(): boolean {
    return this.#deliveredId !== this.#latestId;
  }

  /** Numbers the request and sends it now, or lets it wait (replacing any waiting one). */
  request(request: Request): number {
    const id = ++this.#latestId;
    if (this.#inFlightId === null) {
      this.#start(id, request);
    } else {
      this.#waiting = { id, request };
    }
    return id;
  }

  #start(id: number, request: Request): void {
    const wasBusy = this.busy;
    this.#inFlightId = id;
    this.sent += 1;
    if (!wasBusy) this.#handlers.onBusyChange?.(true);
    let promise: Promise<Answer>;
    try {
      promise = this.#run(request);
    } catch (error) {
      promise = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    promise.then(
      (answer) =>
        this.#settle(id, id > this.#deliveredId, () => {
          this.#deliveredId = id;
          this.#handlers.onAnswer(answer, id, request);
        }),
      // An error matters only for the latest request: a newer one may already have fixed its cause.
      (error: unknown) => this.#settle(id, id === this.#latestId, () => this.#handlers.onError(error, id)),
    );
  }

  #settle(id: number, deliverIt: boolean, deliver: () => void): void {
    this.#inFlightId = null;
    const next = this.#waiting;
    this.#waiting = null;
    if (next) {
      this.#start(next.id, next.request);
    } else {
      this.#handlers.onBusyChange?.(false);
    }
    if (deliverIt) deliver();
  }
}
