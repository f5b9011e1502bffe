// Kept data sets (issue 15): an imported data set with its fits and the
// user's assumptions, in the app's IndexedDB beside the scenarios, so a
// reload shows it again without the file. Two stores: `datasets` holds the
// small records the Daten tab lists, `datasetData` the data set itself
// (typed arrays, structured-cloned as they are), so listing never reads
// megabytes. A write touches only these two stores: a full disk can refuse a
// data set but never harms a saved scenario.
import type { IDBPDatabase } from 'idb';
import * as v from 'valibot';
import type { KeptDataSetInfo, KeptPayload } from '../data/kept.ts';
import { browserIndexedDb, openKundenwertDb, openProblemOf, toStorageError, type KundenwertDb } from './store.ts';

/** Version of a kept record's shape; a newer one is left alone, not misread. */
export const DATASET_RECORD_VERSION = 1;

const InfoSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  fileName: v.string(),
  savedAt: v.pipe(v.string(), v.isoTimestamp()),
  bytes: v.pipe(v.number(), v.finite(), v.minValue(0)),
  customers: v.pipe(v.number(), v.integer(), v.minValue(0)),
  rows: v.pipe(v.number(), v.integer(), v.minValue(0)),
  source: v.picklist(['transactions', 'summary']),
  isSample: v.boolean(),
  assumptions: v.object({
    // Kept before the cost to serve existed: read as none.
    forecast: v.object({ horizonYears: v.number(), annualDiscountRate: v.number(), marginRate: v.number(), serviceCost: v.optional(v.number(), 0) }),
    marginSource: v.picklist(['example', 'entered', 'column']),
  }),
});

export interface KeptDataSet {
  info: KeptDataSetInfo;
  payload: KeptPayload;
}

export interface DataSetStore {
  /** False when nothing outlives the tab (memory fallback). */
  readonly persistent: boolean;
  /** The kept data sets, newest first; records that do not read are left out (and left alone). */
  list(): Promise<KeptDataSetInfo[]>;
  get(id: string): Promise<KeptDataSet | null>;
  /** Keeps a data set (or replaces the one with its id): both records are written, or neither. */
  put(set: KeptDataSet): Promise<void>;
  /** Replaces only the listed record (new assumptions), not the data. */
  putInfo(info: KeptDataSetInfo): Promise<void>;
  delete(id: string): Promise<void>;
}

export function readInfo(raw: unknown): KeptDataSetInfo | null {
  const version = typeof raw === 'object' && raw !== null ? (raw as { recordVersion?: unknown }).recordVersion : undefined;
  if (typeof version === 'number' && version > DATASET_RECORD_VERSION) return null;
  const parsed = v.safeParse(InfoSchema, raw);
  return parsed.success ? parsed.output : null;
}

/** A payload is only trusted as far as the session needs it: a summary with its arrays and both fits. */
function readPayload(raw: unknown): KeptPayload | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const payload = (raw as { payload?: unknown }).payload as Partial<KeptPayload> | undefined;
  const analysis = payload?.analysis;
  if (analysis === undefined || payload?.result === undefined) return null;
  if (!ArrayBuffer.isView(analysis.summary?.frequency) || typeof analysis.bgnbd?.r !== 'number' || typeof analysis.gammaGamma?.p !== 'number') return null;
  return payload as KeptPayload;
}

const newestFirst = (a: KeptDataSetInfo, b: KeptDataSetInfo): number => b.savedAt.localeCompare(a.savedAt);

class IdbDataSetStore implements DataSetStore {
  readonly persistent = true;
  constructor(private readonly db: IDBPDatabase<KundenwertDb>) {}

  async list(): Promise<KeptDataSetInfo[]> {
    const raw = await this.db.getAll('datasets');
    return raw.flatMap((record) => readInfo(record) ?? []).sort(newestFirst);
  }

  async get(id: string): Promise<KeptDataSet | null> {
    const transaction = this.db.transaction(['datasets', 'datasetData']);
    const [info, data] = await Promise.all([transaction.objectStore('datasets').get(id), transaction.objectStore('datasetData').get(id)]);
    const readable = readInfo(info);
    const payload = readPayload(data);
    return readable !== null && payload !== null ? { info: readable, payload } : null;
  }

  async put(set: KeptDataSet): Promise<void> {
    try {
      const transaction = this.db.transaction(['datasets', 'datasetData'], 'readwrite');
      await Promise.all([
        transaction.objectStore('datasetData').put({ id: set.info.id, recordVersion: DATASET_RECORD_VERSION, payload: set.payload }),
        transaction.objectStore('datasets').put({ ...set.info, recordVersion: DATASET_RECORD_VERSION }),
        transaction.done,
      ]);
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async putInfo(info: KeptDataSetInfo): Promise<void> {
    try {
      await this.db.put('datasets', { ...info, recordVersion: DATASET_RECORD_VERSION });
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      const transaction = this.db.transaction(['datasets', 'datasetData'], 'readwrite');
      await Promise.all([transaction.objectStore('datasets').delete(id), transaction.objectStore('datasetData').delete(id), transaction.done]);
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

/** Keeps data sets for this tab only (no IndexedDB); the list says they are not kept. */
export class MemoryDataSetStore implements DataSetStore {
  readonly persistent = false;
  private readonly sets = new Map<string, KeptDataSet>();
  async list(): Promise<KeptDataSetInfo[]> {
    return [...this.sets.values()].map((set) => structuredClone(set.info)).sort(newestFirst);
  }
  async get(id: string): Promise<KeptDataSet | null> {
    return this.sets.get(id) ?? null;
  }
  async put(set: KeptDataSet): Promise<void> {
    this.sets.set(set.info.id, set);
  }
  async putInfo(info: KeptDataSetInfo): Promise<void> {
    const set = this.sets.get(info.id);
    if (set !== undefined) this.sets.set(info.id, { ...set, info: structuredClone(info) });
  }
  async delete(id: string): Promise<void> {
    this.sets.delete(id);
  }
}

export type OpenedDataSets =
  | { store: DataSetStore; problem: null }
  | { store: DataSetStore; problem: 'unavailable' | 'newerDatabase' }
  /** Another tab holds an older version open: nothing is kept until it closes, then `opened` settles with the real store. */
  | { store: DataSetStore; problem: 'blocked'; opened: Promise<OpenedDataSets> };

/**
 * Opens the kept data sets in the app's database, or memory with the reason.
 * Answers at once when an older tab blocks the upgrade (IndexedDB would only
 * wait, and keeping with it), so the Daten tab can say so.
 */
export function openDataSetStore(factory: IDBFactory | null = browserIndexedDb()): Promise<OpenedDataSets> {
  if (!factory) return Promise.resolve({ store: new MemoryDataSetStore(), problem: 'unavailable' });
  return new Promise((resolve) => {
    let opened: Promise<OpenedDataSets> | null = null;
    let blocked = false;
    opened = openKundenwertDb(factory, {
      onBlocked: () => {
        blocked = true;
        // idb fires this from an event, after the assignment above.
        if (opened !== null) resolve({ store: new MemoryDataSetStore(), problem: 'blocked', opened });
      },
    }).then(
      (db): OpenedDataSets => ({ store: new IdbDataSetStore(db), problem: null }),
      (error: unknown): OpenedDataSets => ({ store: new MemoryDataSetStore(), problem: openProblemOf(error) }),
    );
    void opened.then((result) => {
      if (!blocked) resolve(result);
    });
  });
}

/**
 * Bytes a kept data set takes, about: its typed arrays, 2 bytes per character
 * of text and 8 per other value. Shown in the list so the user sees what to delete.
 */
export function approximateBytes(value: unknown, seen = new Set<object>()): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value !== 'object' || value === null) return 8;
  if (seen.has(value)) return 0;
  seen.add(value);
  let total = 0;
  if (Array.isArray(value)) for (const item of value) total += approximateBytes(item, seen);
  else for (const [key, item] of Object.entries(value)) total += 2 * key.length + approximateBytes(item, seen);
  return total;
}
