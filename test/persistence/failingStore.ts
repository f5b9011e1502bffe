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
}

export async function failingStore(factory = new IDBFactory()): Promise<FailingStore> {
  const { store, problem } = await openScenarioStore(factory);
  if (problem !== null) throw new Error(`fake-indexeddb did not open: ${problem}`);
  const quota = () => new StorageError('quota', 'The browser storage is full', { cause: new DOMException('full', 'QuotaExceededError') });
  const failing: FailingStore = {
    persistent: true,
    full: false,
    refused: 0,
    list: () => store.list(),
    get: (id) => store.get(id),
    delete: (id) => store.delete(id),
    loadWorking: () => store.loadWorking(),
    async put(record) {
      if (failing.full) {
        failing.refused++;
        throw quota();
      }
      return store.put(record);
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
