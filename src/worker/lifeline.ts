// Knowing when a worker has died. A worker that is terminated, runs out of
// memory or closes itself sends no message and fires no event, so its pending
// requests would wait forever. Each worker holds a Web Lock named after it
// for its whole life; the lock manager releases it when the worker's global
// goes away, and the main thread's request for the same lock is then granted:
// that grant is the death notice, at once and without polling.

/** Message a worker posts once it holds its lock (comlink ignores messages without an id). */
export const LIFELINE_HELD = 'kundenwert-lifeline-held';

interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown> | unknown): Promise<unknown>;
}

function locksOf(scope: { navigator?: { locks?: LockManagerLike } }): LockManagerLike | null {
  return scope.navigator?.locks ?? null;
}

/** Worker side: hold the lock named by the worker's name until the worker ends. */
export function holdLifeline(scope: { name: string; navigator?: { locks?: LockManagerLike }; postMessage(message: unknown): void }): void {
  const locks = locksOf(scope);
  if (locks === null || scope.name === '') return;
  void locks.request(scope.name, () => {
    scope.postMessage({ [LIFELINE_HELD]: true });
    return new Promise<never>(() => {});
  });
}

let counter = 0;

/** A lock name unique to this page and worker. */
export function lifelineName(kind: string): string {
  counter += 1;
  return `kundenwert-${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${counter}`;
}

/**
 * Main side: calls `onDeath` once the worker named `name` has ended (after it
 * had taken its lock). Without Web Locks it never calls: error events remain
 * the only signal.
 */
export function watchLifeline(worker: Worker, name: string, onDeath: () => void): void {
  const locks = locksOf(globalThis as { navigator?: { locks?: LockManagerLike } });
  if (locks === null) return;
  const onMessage = (event: MessageEvent<unknown>): void => {
    const data = event.data;
    if (typeof data !== 'object' || data === null || !(LIFELINE_HELD in data)) return;
    worker.removeEventListener('message', onMessage);
    void locks.request(name, () => onDeath());
  };
  worker.addEventListener('message', onMessage);
}
