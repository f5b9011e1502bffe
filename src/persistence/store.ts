// Saved scenarios behind a small interface: IndexedDB (idb) when the browser
// has it, memory when it does not (private mode, blocked storage), so the
// app always works and says whether anything is kept.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import * as v from 'valibot';
import type { Scenario } from '../engine/parameters.ts';
import type { KeyAccount } from '../engine/keyAccount/account.ts';
import { StoredScenarioSchema, type StoredScenario } from './schema.ts';

export const DB_NAME = 'kundenwert-simulator';
/**
 * Schema history, one upgrade step per version (never edit a shipped step):
 * 1: object store `scenarios` (key: id);
 * 2: index `updatedAt` on scenarios, store `working` for the autosaved state;
 * 3: records (and the working state) may carry the scenario's key account;
 * 4: stores `datasets` (what the Daten tab lists) and `datasetData` (the kept data set itself), key: id.
 */
export const DB_VERSION = 4;
/**
 * Version of one record's shape; records written by a newer app are skipped, not misread.
 * 2: an optional `account` (issue 17); a version-1 record opens with the example group.
 */
export const RECORD_VERSION = 2;

export interface WorkingState {
  scenario: Partial<Scenario>;
  /** The saved scenario this state was opened from, if any. */
  sourceId: string | null;
  updatedAt: string;
  /** The Konzernkunde table, only when it differs from the example group. */
  account?: KeyAccount;
}

export interface KundenwertDb extends DBSchema {
  scenarios: { key: string; value: Record<string, unknown>; indexes: { updatedAt: string } };
  working: { key: string; value: WorkingState };
  /** Small records for the list of kept data sets; the large part lives apart so listing never reads it. */
  datasets: { key: string; value: Record<string, unknown> };
  datasetData: { key: string; value: Record<string, unknown> };
}

type UpgradeStep = (
  db: IDBPDatabase<KundenwertDb>,
  transaction: IDBPTransaction<KundenwertDb, StoreNames<KundenwertDb>[], 'versionchange'>,
) => void;

export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  // to 1
  (db) => {
    db.createObjectStore('scenarios', { keyPath: 'id' });
  },
  // to 2
  (db, transaction) => {
    transaction.objectStore('scenarios').createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('working');
  },
  // to 3: no store or index changes; the records' new optional `account` needs none, and
  // older records read as before. The bump keeps an older app out (it opens with
  // 'newerDatabase' and works in memory) instead of saving over a record without its account.
  () => undefined,
  // to 4: kept data sets (issue 15); the scenarios stores are not touched.
  (db) => {
    db.createObjectStore('datasets', { keyPath: 'id' });
    db.createObjectStore('datasetData', { keyPath: 'id' });
  },
];

export type StorageErrorKind = 'quota' | 'unavailable' | 'failed';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export interface SkippedRecord {
  id: string;
  reason: 'corrupt' | 'newerVersion';
}

export interface ScenarioList {
  scenarios: StoredScenario[];
  skipped: SkippedRecord[];
}

export interface ScenarioStore {
  /** False when nothing outlives the tab (memory fallback). */
  readonly persistent: boolean;
  list(): Promise<ScenarioList>;
  get(id: string): Promise<StoredScenario | null>;
  /** Creates or replaces one record; a failed write leaves every saved record as it was. */
  put(record: StoredScenario): Promise<void>;
  /** Creates or replaces several records in one transaction: all are written, or (on failure) none. */
  putMany(records: readonly StoredScenario[]): Promise<void>;
  delete(id: string): Promise<void>;
  loadWorking(): Promise<WorkingState | null>;
  saveWorking(state: WorkingState): Promise<void>;
}

/** Reads one raw record: a valid one, or why it was skipped. */
export function readRecord(raw: unknown): StoredScenario | SkippedRecord {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String((raw as { id: unknown }).id) : '(unknown)';
  const version = typeof raw === 'object' && raw !== null ? (raw as { recordVersion?: unknown }).recordVersion : undefined;
  if (typeof version === 'number' && version > RECORD_VERSION) return { id, reason: 'newerVersion' };
  const parsed = v.safeParse(StoredScenarioSchema, raw);
  return parsed.success ? (parsed.output as StoredScenario) : { id, reason: 'corrupt' };
}

function isSkipped(record: StoredScenario | SkippedRecord): record is SkippedRecord {
  return 'reason' in record;
}

function byUpdatedDescending(a: StoredScenario, b: StoredScenario): number {
  return b.updatedAt.localeCompare(a.updatedAt);
}

export function toStorageError(error: unknown): StorageError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return new StorageError('quota', 'The browser storage is full', { cause: error });
  if (name === 'InvalidStateError' || name === 'UnknownError') return new StorageError('unavailable', 'The browser storage is not available', { cause: error });
  return new StorageError('failed', error instanceof Error ? error.message : String(error), { cause: error });
}

class IdbScenarioStore implements ScenarioStore {
  readonly persistent = true;
  constructor(private readonly db: IDBPDatabase<KundenwertDb>) {}

  async list(): Promise<ScenarioList> {
    const raw = await this.db.getAll('scenarios');
    const scenarios: StoredScenario[] = [];
    const skipped: SkippedRecord[] = [];
    for (const record of raw.map(readRecord)) (isSkipped(record) ? skipped : scenarios).push(record as never);
    return { scenarios: scenarios.sort(byUpdatedDescending), skipped };
  }

  async get(id: string): Promise<StoredScenario | null> {
    const record = readRecord(await this.db.get('scenarios', id));
    return isSkipped(record) ? null : record;
  }

  async put(record: StoredScenario): Promise<void> {
    try {
      await this.db.put('scenarios', { ...record, recordVersion: RECORD_VERSION });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async putMany(records: readonly StoredScenario[]): Promise<void> {
    try {
      const transaction = this.db.transaction('scenarios', 'readwrite');
      // One transaction for the batch: thousands of imported scenarios in seconds, not one commit each.
      await Promise.all([...records.map((record) => transaction.store.put({ ...record, recordVersion: RECORD_VERSION })), transaction.done]);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await this.db.delete('scenarios', id);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async loadWorking(): Promise<WorkingState | null> {
    return (await this.db.get('working', 'current')) ?? null;
  }

  async saveWorking(state: WorkingState): Promise<void> {
    try {
      await this.db.put('working', state, 'current');
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

/** Keeps scenarios for this tab only. */
export class MemoryScenarioStore implements ScenarioStore {
  readonly persistent = false;
  private readonly records = new Map<string, StoredScenario>();
  private working: WorkingState | null = null;

  async list(): Promise<ScenarioList> {
    return { scenarios: [...this.records.values()].map((r) => structuredClone(r)).sort(byUpdatedDescending), skipped: [] };
  }
  async get(id: string): Promise<StoredScenario | null> {
    const record = this.records.get(id);
    return record ? structuredClone(record) : null;
  }
  async put(record: StoredScenario): Promise<void> {
    this.records.set(record.id, structuredClone(record));
  }
  async putMany(records: readonly StoredScenario[]): Promise<void> {
    for (const record of records) this.records.set(record.id, structuredClone(record));
  }
  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }
  async loadWorking(): Promise<WorkingState | null> {
    return this.working ? structuredClone(this.working) : null;
  }
  async saveWorking(state: WorkingState): Promise<void> {
    this.working = structuredClone(state);
  }
}

export type OpenedStore =
  | { store: ScenarioStore; problem: null }
  | { store: ScenarioStore; problem: OpenProblem };

export type OpenProblem = 'unavailable' | 'newerDatabase' | 'blocked';

/**
 * Opens the app's database at DB_VERSION, running the upgrade steps; throws
 * as IndexedDB does. `factory` is injectable so tests can use fake-indexeddb.
 */
export async function openKundenwertDb(factory: IDBFactory, options: { onBlocked?: () => void } = {}): Promise<IDBPDatabase<KundenwertDb>> {
  let previous: IDBFactory | undefined;
  try {
    // Read inside the try: some privacy modes make the getter itself throw.
    previous = globalThis.indexedDB;
  } catch {
    previous = undefined;
  }
  try {
    // idb opens through the global factory; point it at ours for this call.
    if (factory !== previous) Object.defineProperty(globalThis, 'indexedDB', { value: factory, configurable: true, writable: true });
    const db = await openDB<KundenwertDb>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, transaction) {
        for (let step = oldVersion; step < DB_VERSION; step++) UPGRADE_STEPS[step]?.(database, transaction);
      },
      blocked() {
        // An older tab holds the database open; the open goes on once it lets go.
        options.onBlocked?.();
      },
      blocking() {
        // Another tab wants a newer schema: let it have the database.
        db.close();
      },
    });
    return db;
  } finally {
    if (factory !== previous) Object.defineProperty(globalThis, 'indexedDB', { value: previous, configurable: true, writable: true });
  }
}

/** Why a database could not be opened, for the interface. */
export function openProblemOf(error: unknown): 'unavailable' | 'newerDatabase' {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'VersionError' ? 'newerDatabase' : 'unavailable';
}

/**
 * Opens the IndexedDB store, or falls back to memory and says why.
 * `factory` is injectable so tests can use fake-indexeddb or a broken one.
 */
export async function openScenarioStore(
  factory: IDBFactory | null = browserIndexedDb(),
  options: { onBlocked?: () => void } = {},
): Promise<OpenedStore> {
  if (!factory) return { store: new MemoryScenarioStore(), problem: 'unavailable' };
  try {
    return { store: new IdbScenarioStore(await openKundenwertDb(factory, options)), problem: null };
  } catch (error) {
    return { store: new MemoryScenarioStore(), problem: openProblemOf(error) };
  }
}

/** The IndexedDB factory, or null where there is none or reading it throws (some privacy modes). */
export function browserIndexedDb(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null;
  }
}
