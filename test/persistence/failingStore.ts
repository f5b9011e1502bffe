// A ScenarioStore over fake-indexeddb whose writes can be made to fail the way
// a full disk does: IdbScenarioStore turns QuotaExceededError into this StorageError.
// idb checks results with instanceof IDBRequest and friends: the globals must be fake-indexeddb's too.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openScenarioStore, StorageError, type ScenarioStore } from '../../src/persistence/store.ts';

export interface FailingStore extends ScenarioStore {
  /** While true, every put and saveWorking throws as under a full disk. */
  full: boolean;
  /** Writes refused so far. */
  refused: number;
  /** Records that still fit before the disk is full (null: no limit); a batch that does not fit is refused whole. */
  roomFor: number | null;
  /** While set, every batch write waits for it (a test looks at the page meanwhile). */
  hold: Promise<void> | null;
}

export async function failingStore(factory = new IDBFactory()): Promise<FailingStore> {
  const { store, problem } = await openScenarioStore(factory);
  if (problem !== null) throw new Error(`fake-indexeddb did not open: ${problem}`);
  const quota = () => new StorageError('quota', 'The browser storage is full', { cause: new DOMException('full', 'QuotaExceededError') });
  const failing: FailingStore = {
    persistent: true,
    full: false,
    refused: 0,
    roomFor: null,
    hold: null,
    list: () => store.list(),
    get: (id) => store.get(id),
    delete: (id) => store.delete(id),
    loadWorking: () => store.loadWorking(),
    async put(record) {
      if (failing.full || failing.roomFor === 0) {
        failing.refused++;
        throw quota();
      }
      if (failing.roomFor !== null) failing.roomFor -= 1;
      return store.put(record);
    },
    async putMany(records) {
      if (failing.hold) await failing.hold;
      if (failing.full || (failing.roomFor !== null && failing.roomFor < records.length)) {
        failing.refused++;
        throw quota();
      }
      if (failing.roomFor !== null) failing.roomFor -= records.length;
      return store.putMany(records);
    },
    async saveWorking(state) {
      if (failing.full) {
        failing.refused++;
        throw quota();
      }
      return store.saveWorking(state);
    },
  };
  return failing;
}
