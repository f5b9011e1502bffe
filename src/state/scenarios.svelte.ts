// Saved scenarios as the UI sees them: the list (searched and sorted), the
// one being edited, the ones being compared, autosave of the working state,
// undo for deletes, and every storage failure as a message, never a crash.
import type { Scenario } from '../engine/parameters.ts';
import type { Results } from '../engine/results.ts';
import { formatDateTime } from '../i18n/format.ts';
import { i18n, t } from '../i18n/i18n.svelte.ts';
import type { ScenarioLibrary } from '../persistence/library.ts';
import { completeScenario, ownAccount, searchScenarios, timestamp, type SortOrder } from '../persistence/records.ts';
import type { KeyAccount } from '../engine/keyAccount/account.ts';
import type { ImportProblem, ScenarioSummary, StoredScenario } from '../persistence/schema.ts';
import type { QueuedStore } from '../persistence/queued.ts';
import type { OpenedStore, SkippedRecord, WorkingState } from '../persistence/store.ts';
import type { JournalEntry, Reconciled } from '../persistence/journal.ts';

type StorageCode = typeof import('./scenarioStorage.ts');
/** The storage code, loaded once by the first state that opens storage. */
let storageModule: Promise<StorageCode> | null = null;
const loadStorage = (): Promise<StorageCode> => (storageModule ??= import('./scenarioStorage.ts'));

export const AUTOSAVE_DELAY_MS = 400;
export const MAX_COMPARED = 4;

export type ScenarioMessage =
  | { kind: 'saved'; name: string }
  | { kind: 'deleted'; name: string }
  /** `stopped`: the storage failed after `count` of `total` (full disk); the file's problems are kept all the same. */
  | { kind: 'imported'; count: number; problems: ImportProblem[]; total?: number; stopped?: 'full' | 'failed' }
  | { kind: 'storageFull' }
  | { kind: 'storageFailed'; detail: string }
  /** Undo of a delete could not write the scenario back; it is still held in this tab. */
  | { kind: 'undoFailed'; name: string; full: boolean; detail: string }
  | { kind: 'undone'; name: string }
  /** Kept in this tab and written as soon as the other tab stops blocking the database. */
  | { kind: 'queued'; name: string }
  | { kind: 'conflict'; name: string };

/** "Szenario vom 23.11.2026, 12:08": the name a scenario gets when the user gives none. */
export function defaultScenarioName(): string {
  return t('scenarios.defaultName', { date: formatDateTime(timestamp(), i18n.locale) });
}

export function summaryOf(results: Results): ScenarioSummary {
  return {
    clv: results.customer.clv,
    lifetimeProfit: results.customer.lifetimeProfit,
    portfolioValue: results.portfolio.totals.value,
    top20RevenueShare: results.portfolio.top20RevenueShare,
    decisionValue: results.decision.value,
  };
}

/** Imports up to this many scenarios get their list figures recomputed at once. */
export const SUMMARIZED_IMPORT_LIMIT = 200;

export class ScenariosState {
  scenarios = $state.raw<StoredScenario[]>([]);
  skipped = $state.raw<SkippedRecord[]>([]);
  /** Why nothing is kept, when storage is not available. */
  storageProblem = $state<OpenedStore['problem']>(null);
  /** An import being written: how many of how many scenarios so far. */
  importProgress = $state.raw<{ written: number; total: number } | null>(null);
  /** The last autosave failed (cleared by the next one that works). */
  autosaveProblem = $state.raw<{ full: boolean; detail: string } | null>(null);
  ready = $state(false);
  query = $state('');
  order = $state<SortOrder>('updated');
  /** The saved scenario the working state was opened from (saving overwrites it). */
  activeId = $state<string | null>(null);
  activeUpdatedAt = $state<string | null>(null);
  compareIds = $state.raw<string[]>([]);
  message = $state.raw<ScenarioMessage | null>(null);
  /** Puts back the last deleted scenario. */
  undo = $state.raw<{ name: string; run: () => Promise<void> } | null>(null);
  /** Where the working scenario came from at start: a shared link, or the autosave of the last visit. */
  origin = $state<'link' | 'restored' | null>(null);
  /** The autosaved working state a shared link replaced (sliders and key account), so it is not lost. */
  previousWorking = $state.raw<{ scenario: Scenario; account: KeyAccount } | null>(null);
  /** A save that lost against another tab's: what the other tab wrote. */
  conflict = $state.raw<StoredScenario | null>(null);

  /** Computes the list summaries of imported scenarios (the engine worker); none without it. */
  summarize: ((scenarios: readonly Scenario[]) => Promise<ScenarioSummary[]>) | null = null;

  #library: ScenarioLibrary | null = null;
  /** Loaded by init() or attach(); every path that writes or reads storage runs after one of them. */
  #storage: StorageCode | null = null;
  #autosave: ReturnType<typeof setTimeout> | null = null;
  #pendingWorking: WorkingState | null = null;
  /** Where each change is written at once (null: nothing outlives the tab, so nothing is journaled). */
  #journal: Pick<Storage, 'getItem' | 'setItem'> | null = null;
  /** The journal as it was at start, before this page wrote to it. */
  #startJournal: JournalEntry | null = null;
  /** Until the working state of the last visit has been read, a write would replace it with this page's start state. */
  #journalHeld = true;

  visible(locale: string): StoredScenario[] {
    return searchScenarios(this.scenarios, this.query, this.order, locale);
  }

  get persistent(): boolean {
    return this.storageProblem === null;
  }

  get active(): StoredScenario | null {
    return this.scenarios.find((s) => s.id === this.activeId) ?? null;
  }

  get compared(): StoredScenario[] {
    return this.compareIds.flatMap((id) => this.scenarios.find((s) => s.id === id) ?? []);
  }

  /** Opens storage (or falls back to memory) and loads the list. `factory` and `journal` are for tests. */
  async init(factory?: IDBFactory | null, journal?: Pick<Storage, 'getItem' | 'setItem'> | null): Promise<void> {
    // While an older tab blocks the upgrade, work starts at once over a queue
    // that is written to the database as soon as it opens.
    const { QueuedStore, browserIndexedDb, openScenarioStore } = (this.#storage = await loadStorage());
    let queued: QueuedStore | null = null;
    let goOn: (opened: OpenedStore) => void = () => undefined;
    const blocked = new Promise<OpenedStore>((resolve) => (goOn = resolve));
    const opening = openScenarioStore(factory === undefined ? browserIndexedDb() : factory, {
      onBlocked: () => {
        queued ??= new QueuedStore();
        goOn({ store: queued, problem: 'blocked' });
      },
    });
    const first = await Promise.race([opening, blocked]);
    await this.attach(first, journal);
    if (queued === null) return;
    const waiting: QueuedStore = queued;
    void opening.then(async (opened) => {
      try {
        await waiting.drain(opened.store);
        if (this.message?.kind === 'queued') this.message = { kind: 'saved', name: this.message.name };
      } catch (error) {
        this.#report(error);
      }
      this.storageProblem = opened.problem;
      await this.refresh();
    });
  }

  /** Works over an opened store (tests inject a failing one here). */
  async attach(opened: OpenedStore, journal?: Pick<Storage, 'getItem' | 'setItem'> | null): Promise<void> {
    const { ScenarioLibrary, browserJournal, readJournal } = (this.#storage = await loadStorage());
    this.storageProblem = opened.problem;
    this.#journal = opened.store.persistent ? (journal === undefined ? browserJournal() : journal) : null;
    this.#startJournal = readJournal(this.#journal);
    this.#library = new ScenarioLibrary(opened.store);
    this.#library.subscribe(() => void this.refresh());
    await this.refresh();
    this.ready = true;
  }

  async refresh(): Promise<void> {
    if (!this.#library) return;
    const { scenarios, skipped } = await this.#library.list();
    this.scenarios = scenarios;
    this.skipped = skipped;
    this.compareIds = this.compareIds.filter((id) => scenarios.some((s) => s.id === id));
    const active = scenarios.find((s) => s.id === this.activeId);
    if (!active) this.activeId = null;
  }

  /** A full disk (IndexedDB's quota), as opposed to any other storage failure. */
  #isFull(error: unknown): boolean {
    return this.#storage !== null && error instanceof this.#storage.StorageError && error.kind === 'quota';
  }

  #isConflict(error: unknown): error is InstanceType<StorageCode['ConflictError']> {
    return this.#storage !== null && error instanceof this.#storage.ConflictError;
  }

  #report(error: unknown): void {
    if (this.#isFull(error)) this.message = { kind: 'storageFull' };
    else this.message = { kind: 'storageFailed', detail: error instanceof Error ? error.message : String(error) };
  }

  async #guard<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      if (this.#isConflict(error)) return null;
      this.#report(error);
      return null;
    }
  }

  async saveAs(name: string, scenario: Scenario, results: Results | null, notes = '', account?: KeyAccount | null): Promise<StoredScenario | null> {
    const library = this.#library;
    if (!library) return null;
    const saved = await this.#guard(() => library.saveAs(name, scenario, results ? summaryOf(results) : null, notes, account));
    if (saved) {
      this.activeId = saved.id;
      this.activeUpdatedAt = saved.updatedAt;
      this.message = this.storageProblem === 'blocked' ? { kind: 'queued', name: saved.name } : { kind: 'saved', name: saved.name };
    }
    return saved;
  }

  /** Saves over the active scenario, unless another tab changed it since it was opened. */
  async saveActive(scenario: Scenario, results: Results | null, account?: KeyAccount | null): Promise<StoredScenario | null> {
    const library = this.#library;
    const id = this.activeId;
    const seen = this.activeUpdatedAt;
    if (!library || !id || !seen) return null;
    try {
      const saved = await library.update(id, { scenario, summary: results ? summaryOf(results) : null, ...(account !== undefined ? { account } : {}) }, seen);
      this.activeUpdatedAt = saved.updatedAt;
      this.message = { kind: 'saved', name: saved.name };
      return saved;
    } catch (error) {
      if (this.#isConflict(error)) {
        this.conflict = error.current;
        this.message = { kind: 'conflict', name: error.current?.name ?? '' };
        return null;
      }
      return this.#guard(() => Promise.reject(error));
    }
  }

  /** After a conflict: take the other tab's version as the one we build on. */
  acceptConflict(): StoredScenario | null {
    const other = this.conflict;
    this.conflict = null;
    if (other) this.activeUpdatedAt = other.updatedAt;
    return other;
  }

  dismissConflict(): void {
    this.conflict = null;
  }

  /** Marks a saved scenario as the one being edited and returns its full parameters. */
  open(id: string): Scenario | null {
    const record = this.scenarios.find((s) => s.id === id);
    if (!record) return null;
    this.activeId = record.id;
    this.activeUpdatedAt = record.updatedAt;
    return completeScenario(record.scenario);
  }

  /** Working without a saved scenario (after reset, a preset or a shared link). */
  detach(): void {
    this.activeId = null;
    this.activeUpdatedAt = null;
  }

  async rename(id: string, name: string): Promise<void> {
    const library = this.#library;
    const record = this.scenarios.find((s) => s.id === id);
    if (!library || !record || name.trim() === '' || name.trim() === record.name) return;
    const renamed = await this.#guard(() => library.rename(id, name, record.updatedAt));
    if (renamed && id === this.activeId) this.activeUpdatedAt = renamed.updatedAt;
    if (!renamed) await this.refresh();
  }

  async duplicate(id: string): Promise<void> {
    const library = this.#library;
    if (library) await this.#guard(() => library.duplicate(id));
  }

  async remove(id: string): Promise<void> {
    const library = this.#library;
    const record = this.scenarios.find((s) => s.id === id);
    if (!library || !record) return;
    const undo = await this.#guard(() => library.remove(id));
    if (undo) {
      if (this.activeId === id) this.detach();
      this.undo = { name: record.name, run: undo };
      this.message = { kind: 'deleted', name: record.name };
    }
  }

  /**
   * Puts the deleted scenario back. Until that write succeeds the record stays
   * in memory (inside `undo.run`) and Undo stays offered: a full disk must
   * not turn an undoable delete into a lost scenario.
   */
  async undoRemove(): Promise<void> {
    const undo = this.undo;
    if (!undo) return;
    try {
      await undo.run();
      if (this.undo === undo) this.undo = null;
      this.message = { kind: 'undone', name: undo.name };
    } catch (error) {
      const full = this.#isFull(error);
      this.message = { kind: 'undoFailed', name: undo.name, full, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  toggleCompare(id: string): void {
    if (this.compareIds.includes(id)) this.compareIds = this.compareIds.filter((x) => x !== id);
    else if (this.compareIds.length < MAX_COMPARED) this.compareIds = [...this.compareIds, id];
  }

  exportText(ids?: readonly string[]): string {
    const chosen = ids ? this.scenarios.filter((s) => ids.includes(s.id)) : this.scenarios;
    if (!this.#storage) throw new Error('exportText before storage was opened (init)');
    return this.#storage.buildExport(chosen);
  }

  /** Adds the valid scenarios of an export file as new ones and reports every problem. */
  async importText(text: string): Promise<void> {
    const library = this.#library;
    if (!library || !this.#storage) return;
    const { valid, problems } = this.#storage.parseExport(text);
    this.importProgress = { written: 0, total: valid.length };
    // Recomputed, not trusted from the file: the summaries are this app's figures for the scenario.
    // Each costs a whole engine run; a bulk import (a course's 10,000) is listed without them
    // rather than kept waiting for minutes, and a scenario gets its figures when it is next saved.
    const summarize = this.summarize !== null && valid.length <= SUMMARIZED_IMPORT_LIMIT ? this.summarize : null;
    const summaries = summarize ? await summarize(valid.map((entry) => completeScenario(entry.scenario))).catch(() => []) : [];
    try {
      const added = await library.importAll(valid, summaries, (written, total) => (this.importProgress = { written, total }));
      this.message = { kind: 'imported', count: added.length, problems };
    } catch (error) {
      // A full disk stops the import; what was written stays, and so does the list of the file's problems.
      const added = (error as { added?: unknown[] }).added?.length ?? 0;
      const stopped = this.#isFull(error) ? 'full' : 'failed';
      this.message = { kind: 'imported', count: added, problems, total: valid.length, stopped };
    } finally {
      this.importProgress = null;
    }
  }

  /** Keeps the working state, debounced: a reload or crash loses at most the last moment of work. */
  scheduleAutosave(scenario: Partial<Scenario>, account?: KeyAccount | null): void {
    const own = ownAccount(account);
    this.#pendingWorking = { scenario, sourceId: this.activeId, updatedAt: timestamp(), ...(own !== undefined ? { account: own } : {}) };
    if (!this.#journalHeld) this.#writeJournal(this.#pendingWorking);
    if (this.#autosave !== null) clearTimeout(this.#autosave);
    this.#autosave = setTimeout(() => void this.flushAutosave(), AUTOSAVE_DELAY_MS);
  }

  async flushAutosave(): Promise<void> {
    if (this.#autosave !== null) clearTimeout(this.#autosave);
    this.#autosave = null;
    const working = this.#pendingWorking;
    this.#pendingWorking = null;
    const library = this.#library;
    if (!working || !library) return;
    try {
      await library.store.saveWorking(working);
      this.autosaveProblem = null;
    } catch (error) {
      // Autosave failing must not interrupt slider work; the notice above every tab says so.
      this.autosaveProblem = { full: this.#isFull(error), detail: error instanceof Error ? error.message : String(error) };
    }
  }

  #writeJournal(working: WorkingState): void {
    this.#storage?.writeJournal(this.#journal, { ...working, search: globalThis.location?.search ?? '' });
  }

  /**
   * The working state of the last visit: the newer of the journal and the
   * IndexedDB autosave, each only if valid (a damaged one is ignored).
   * From here on every change is journaled.
   */
  async loadWorking(): Promise<Reconciled | null> {
    const storage = this.#storage;
    if (!this.#library || !storage) return null;
    let stored: WorkingState | null = null;
    try {
      stored = await this.#library.store.loadWorking();
    } catch {
      stored = null;
    }
    const valid = (working: WorkingState | null) => {
      if (!working || !storage.isValidScenario(working.scenario)) return null;
      // A damaged account costs only the account (the example group then), not the sliders.
      if (working.account !== undefined && !storage.isValidAccount(working.account)) {
        const { account: _damaged, ...rest } = working;
        return rest;
      }
      return working;
    };
    const newest = storage.newestWorking(valid(this.#startJournal) as JournalEntry | null, valid(stored));
    this.#journalHeld = false;
    if (this.#pendingWorking) this.#writeJournal(this.#pendingWorking);
    return newest;
  }

  /** Restores which saved scenario the working state belonged to. */
  resumeFrom(working: WorkingState): void {
    const source = working.sourceId ? this.scenarios.find((s) => s.id === working.sourceId) : undefined;
    if (source) {
      this.activeId = source.id;
      this.activeUpdatedAt = source.updatedAt;
    }
  }

  dismissMessage(): void {
    this.message = null;
  }
}
