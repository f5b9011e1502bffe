// What the service worker has told us: a new version is waiting, or the app
// is now ready to work offline. A rune class so the prompt redraws.
export class PwaState {
  /** A new version is installed and waits for the user's go-ahead. */
  needRefresh = $state(false);
  /** The app shell is cached: it now works without network (shown once). */
  offlineReady = $state(false);
  /** Activates the waiting version and reloads; set by register.ts. */
  update: () => Promise<void> = async () => undefined;
}

export const pwa = new PwaState();
