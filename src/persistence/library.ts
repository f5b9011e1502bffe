// What a user does with saved scenarios, over a ScenarioStore: save as,
// rename, duplicate, delete with undo, import without overwriting, and
// telling other tabs. No DOM here, so it is tested in Node.
import type { Scenario } from '../engine/parameters.ts';
import type { KeyAccount } from '../engine/keyAccount/account.ts';
import type { ExportedScenario, ScenarioSummary, StoredScenario } from './schema.ts';
import { StorageError, type ScenarioStore } from './store.ts';
import { compactScenario, ownAccount } from './records.ts';

export { accountOf, compactScenario, ownAccount, searchScenarios, timestamp, type SortOrder } from './records.ts';

export const APP_VERSION = '0.1.0';
/** Imported scenarios written per transaction: large enough to be fast, small enough for steady progress. */
export const IMPORT_BATCH = 250;
const CHANNEL_NAME = 'kundenwert-scenarios';

/** Lets the page paint (progress) between two batches of work. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A name not yet taken: "Fokus", "Fokus (2)", "Fokus (3)" ... */
export function uniqueName(name: string, taken: Iterable<string>, nextNumber?: Map<string, number>): string {
  // A Set is used as is, and `nextNumber` remembers where each stem's count stopped: an import of
  // 10,000 namesakes would otherwise try every number before each one's again.
  const names = taken instanceof Set ? (taken as Set<string>) : new Set(taken);
  if (!names.has(name)) return name;
  const stem = name.replace(/ \(\d+\)$/, '');
  for (let n = nextNumber?.get(stem) ?? 2; ; n++) {
    const candidate = `${stem} (${n})`;
    if (!names.has(candidate)) {
      nextNumber?.set(stem, n + 1);
      return candidate;
    }
  }
}

/** Another tab (or this one) changed the saved scenarios. */
export type LibraryChange = { type: 'changed'; ids: string[] };

export class ConflictError extends Error {
  constructor(readonly current: StoredScenario | null) {
    super('The scenario was changed in another tab');
    this.name = 'ConflictError';
  }
}

export interface LibraryOptions {
  now?: () => Date;
  newId?: () => string;
  /** BroadcastChannel or a fake; null for none. */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((event: MessageEvent) => void) | null };
}

export class ScenarioLibrary {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly channel: LibraryOptions['channel'] | null;
  private readonly listeners = new Set<(change: LibraryChange) => void>();

  constructor(
    readonly store: ScenarioStore,
    options: LibraryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.channel =
      options.channel ?? (typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(CHANNEL_NAME) as LibraryOptions['channel']));
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent) => {
        const data = event.data as LibraryChange | undefined;
        if (data?.type === 'changed') this.emit(data);
      };
    }
  }

  /** Called on every change, from this tab or another. Returns the unsubscribe function. */
  subscribe(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
  }

  private emit(change: LibraryChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private announce(ids: string[]): void {
    const change: LibraryChange = { type: 'changed', ids };
    this.channel?.postMessage(change);
    this.emit(change);
  }

  list() {
    return this.store.list();
  }

  async saveAs(name: string, scenario: Scenario, summary: ScenarioSummary | null, notes = '', account?: Readonly<KeyAccount> | null): Promise<StoredScenario> {
    const { scenarios } = await this.store.list();
    const at = this.now().toISOString();
    const own = ownAccount(account);
    const record: StoredScenario = {
      id: this.newId(),
      name: uniqueName(name.trim() || 'Szenario', scenarios.map((s) => s.name)),
      notes,
      scenario: compactScenario(scenario),
      createdAt: at,
      updatedAt: at,
      appVersion: APP_VERSION,
      summary,
      ...(own !== undefined ? { account: own } : {}),
    };
    await this.store.put(record);
    this.announce([record.id]);
    return record;
  }

  /**
   * Replaces a saved scenario's parameters. `expectedUpdatedAt` is the time
   * the caller last saw: if another tab saved since, nothing is written and
   * a ConflictError carries the other version, so no edit is lost silently.
   */
  async update(
    id: string,
    changes: { scenario?: Scenario; name?: string; notes?: string; summary?: ScenarioSummary | null; account?: Readonly<KeyAccount> | null },
    expectedUpdatedAt: string,
  ): Promise<StoredScenario> {
    const current = await this.store.get(id);
    if (current === null || current.updatedAt !== expectedUpdatedAt) throw new ConflictError(current);
    const { account: previous, ...rest } = current;
    // `account` in the changes replaces the record's (the example group: none); left out, it stays.
    const account = changes.account !== undefined ? ownAccount(changes.account) : previous;
    const next: StoredScenario = {
      ...rest,
      ...(account !== undefined ? { account } : {}),
      ...(changes.name !== undefined ? { name: changes.name.trim() || current.name } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      ...(changes.scenario !== undefined ? { scenario: compactScenario(changes.scenario) } : {}),
      ...(changes.summary !== undefined ? { summary: changes.summary } : {}),
      updatedAt: this.laterThan(current.updatedAt),
      appVersion: APP_VERSION,
    };
    await this.store.put(next);
    this.announce([id]);
    return next;
  }

  async rename(id: string, name: string, expectedUpdatedAt: string): Promise<StoredScenario> {
    return this.update(id, { name }, expectedUpdatedAt);
  }

  async duplicate(id: string): Promise<StoredScenario | null> {
    const source = await this.store.get(id);
    if (source === null) return null;
    const { scenarios } = await this.store.list();
    const at = this.now().toISOString();
    const copy: StoredScenario = {
      ...structuredClone(source),
      id: this.newId(),
      name: uniqueName(source.name, scenarios.map((s) => s.name)),
      createdAt: at,
      updatedAt: at,
    };
    await this.store.put(copy);
    this.announce([copy.id]);
    return copy;
  }

  /** Deletes and returns a function that puts the scenario back exactly as it was (undo). */
  async remove(id: string): Promise<(() => Promise<void>) | null> {
    const record = await this.store.get(id);
    if (record === null) return null;
    await this.store.delete(id);
    this.announce([id]);
    return async () => {
      await this.store.put(record);
      this.announce([id]);
    };
  }

  /**
   * Adds every imported scenario as a new one; a taken name gets a number,
   * nothing is replaced. The file's created/updated times are kept (the
   * import time only where the file has none), and `summaries` (same order,
   * recomputed by the engine) fill the list's figures. Written in batches of
   * IMPORT_BATCH (one transaction each), with `onProgress(written, total)`
   * after each and a pause between them so the page can show it. A failed
   * batch (full disk) is not written; the batches before it stay, and the
   * error carries them as `added`.
   */
  async importAll(
    imported: readonly ExportedScenario[],
    summaries: readonly (ScenarioSummary | null)[] = [],
    onProgress?: (written: number, total: number) => void,
  ): Promise<StoredScenario[]> {
    const { scenarios } = await this.store.list();
    const names = new Set(scenarios.map((s) => s.name));
    const nextNumber = new Map<string, number>();
    const added: StoredScenario[] = [];
    const at = this.now().toISOString();
    const records = imported.map((entry, index): StoredScenario => {
      const name = uniqueName(entry.name, names, nextNumber);
      names.add(name);
      return {
        id: this.newId(),
        name,
        notes: entry.notes,
        scenario: entry.scenario,
        createdAt: entry.createdAt ?? entry.updatedAt ?? at,
        updatedAt: entry.updatedAt ?? entry.createdAt ?? at,
        appVersion: APP_VERSION,
        summary: summaries[index] ?? null,
        ...(entry.account !== undefined ? { account: entry.account } : {}),
      };
    });
    onProgress?.(0, records.length);
    for (let start = 0; start < records.length; start += IMPORT_BATCH) {
      const batch = records.slice(start, start + IMPORT_BATCH);
      try {
        await this.store.putMany(batch);
      } catch (error) {
        // What was added before the failure stays; the caller reports how far it got.
        if (added.length > 0) this.announce(added.map((r) => r.id));
        if (error instanceof StorageError) throw Object.assign(error, { added });
        throw error;
      }
      added.push(...batch);
      onProgress?.(added.length, records.length);
      if (added.length < records.length) await pause();
    }
    if (added.length > 0) this.announce(added.map((r) => r.id));
    return added;
  }

  /** A fresh timestamp, strictly later than `previous` even within the same millisecond. */
  private laterThan(previous: string): string {
    const now = this.now();
    const before = Date.parse(previous);
    return (now.getTime() > before ? now : new Date(before + 1)).toISOString();
  }
}
