// Saved scenarios as the UI sees them: the list (searched and sorted), the
// one being edited, the ones being compared, autosave of the working state,
// undo for deletes, and every storage failure as a message, never a crash.
import type { Scenario } from '../engine/parameters.ts';
import type { Results } from '../engine/results.ts';
import { formatDateTime } from '../i18n/format.ts';
import { i18n, t } from '../i18n/i18n.svelte.ts';
import { ConflictError, ScenarioLibrary, searchScenarios, timestamp, type SortOrder } from '../persistence/library.ts';
import * as v from 'valibot';
import {
  ScenarioSchema,
  buildExport,
  completeScenario,
  parseExport,
  type ImportProblem,
  type ScenarioSummary,
  type StoredScenario,
} from '../persistence/schema.ts';
import { openScenarioStore, StorageError, type OpenedStore, type SkippedRecord, type WorkingState } from '../persistence/store.ts';

export const AUTOSAVE_DELAY_MS = 400;
export const MAX_COMPARED = 4;

export type ScenarioMessage =
  | { kind: 'saved'; name: string }
  | { kind: 'deleted'; name: string }
  | { kind: 'imported'; count: number; problems: ImportProblem[] }
  | { kind: 'storageFull' }
  | { kind: 'storageFailed'; detail: string }
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

export class ScenariosState {
  scenarios = $state.raw<StoredScenario[]>([]);
  skipped = $state.raw<SkippedRecord[]>([]);
  /** Why nothing is kept, when storage is not available. */
  storageProblem = $state<OpenedStore['problem']>(null);
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
  /** The autosaved working state a shared link replaced, so it is not lost. */
  previousWorking = $state.raw<Scenario | null>(null);
  /** A save that lost against another tab's: what the other tab wrote. */
  conflict = $state.raw<StoredScenario | null>(null);

  /** Computes the list summaries of imported scenarios (the engine worker); none without it. */
  summarize: ((scenarios: readonly Scenario[]) => Promise<ScenarioSummary[]>) | null = null;

  #library: ScenarioLibrary | null = null;
  #autosave: ReturnType<typeof setTimeout> | null = null;
  #pendingWorking: WorkingState | null = null;

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

  /** Opens storage (or falls back to memory) and loads the list. `factory` is for tests. */
  async init(factory?: IDBFactory | null): Promise<void> {
    const opened = await openScenarioStore(factory === undefined ? (globalThis.indexedDB ?? null) : factory);
    this.storageProblem = opened.problem;
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

  async #guard<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ConflictError) return null;
      if (error instanceof StorageError && error.kind === 'quota') this.message = { kind: 'storageFull' };
      else this.message = { kind: 'storageFailed', detail: error instanceof Error ? error.message : String(error) };
      return null;
    }
  }

  async saveAs(name: string, scenario: Scenario, results: Results | null, notes = ''): Promise<StoredScenario | null> {
    const library = this.#library;
    if (!library) return null;
    const saved = await this.#guard(() => library.saveAs(name, scenario, results ? summaryOf(results) : null, notes));
    if (saved) {
      this.activeId = saved.id;
      this.activeUpdatedAt = saved.updatedAt;
      this.message = { kind: 'saved', name: saved.name };
    }
    return saved;
  }

  /** Saves over the active scenario, unless another tab changed it since it was opened. */
  async saveActive(scenario: Scenario, results: Results | null): Promise<StoredScenario | null> {
    const library = this.#library;
    const id = this.activeId;
    const seen = this.activeUpdatedAt;
    if (!library || !id || !seen) return null;
    try {
      const saved = await library.update(id, { scenario, summary: results ? summaryOf(results) : null }, seen);
      this.activeUpdatedAt = saved.updatedAt;
      this.message = { kind: 'saved', name: saved.name };
      return saved;
    } catch (error) {
      if (error instanceof ConflictError) {
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

  async undoRemove(): Promise<void> {
    const undo = this.undo;
    this.undo = null;
    if (undo) await this.#guard(undo.run);
  }

  toggleCompare(id: string): void {
    if (this.compareIds.includes(id)) this.compareIds = this.compareIds.filter((x) => x !== id);
    else if (this.compareIds.length < MAX_COMPARED) this.compareIds = [...this.compareIds, id];
  }

  exportText(ids?: readonly string[]): string {
    const chosen = ids ? this.scenarios.filter((s) => ids.includes(s.id)) : this.scenarios;
    return buildExport(chosen);
  }

  /** Adds the valid scenarios of an export file as new ones and reports every problem. */
  async importText(text: string): Promise<void> {
    const library = this.#library;
    if (!library) return;
    const { valid, problems } = parseExport(text);
    // Recomputed, not trusted from the file: the summaries are this app's figures for the scenario.
    const summaries = this.summarize ? await this.summarize(valid.map((entry) => completeScenario(entry.scenario))).catch(() => []) : [];
    const added = await this.#guard(() => library.importAll(valid, summaries));
    if (added !== null) this.message = { kind: 'imported', count: added.length, problems };
  }

  /** Keeps the working state, debounced: a reload or crash loses at most the last moment of work. */
  scheduleAutosave(scenario: Partial<Scenario>): void {
    this.#pendingWorking = { scenario, sourceId: this.activeId, updatedAt: timestamp() };
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
    } catch (error) {
      // Autosave failing must not interrupt slider work; say so once.
      if (this.message?.kind !== 'storageFull' && this.message?.kind !== 'storageFailed') {
        this.message = error instanceof StorageError && error.kind === 'quota' ? { kind: 'storageFull' } : { kind: 'storageFailed', detail: String(error) };
      }
    }
  }

  /** The autosaved working state, if there is one and it is valid (a damaged one is ignored). */
  async loadWorking(): Promise<WorkingState | null> {
    if (!this.#library) return null;
    try {
      const working = await this.#library.store.loadWorking();
      if (working === null || !v.safeParse(ScenarioSchema, working.scenario).success) return null;
      return working;
    } catch {
      return null;
    }
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
