// Work that may wait until the page is idle: after the current frame is
// drawn, before the next input is handled when there is time. Browsers
// without requestIdleCallback (and jsdom) run it one task later.

/** Runs `task` once the page is idle (at the latest after `timeoutMs`); returns a function that cancels it. */
export function whenIdle(task: () => void, timeoutMs = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
}

/** Resolves once the page is idle: what is loaded after it never competes with the first chart. */
export function idle(timeoutMs?: number): Promise<void> {
  return new Promise((resolve) => whenIdle(resolve, timeoutMs));
}
