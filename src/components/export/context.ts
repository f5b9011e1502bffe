// Whether charts and tables offer export buttons. The full app does; the
// embed switches them off for its subtree (a blog reader gets the chart only,
// and the embed loads nothing after its start).
import { getContext, setContext } from 'svelte';

const EXPORT_KEY = Symbol('kundenwert:export');

/** Call in a component's script: no export buttons below it. */
export function disableExport(): void {
  setContext(EXPORT_KEY, false);
}

/** True unless an ancestor called disableExport(). */
export function exportEnabled(): boolean {
  return getContext<boolean | undefined>(EXPORT_KEY) ?? true;
}
