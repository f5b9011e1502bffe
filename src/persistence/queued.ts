// A ScenarioStore that stands in while the database cannot be opened yet,
// because a tab with an older version keeps it open and so blocks the upgrade.
// Writes are kept in memory (so the list shows them) and queued in order; once
// the database opens they are written there, and from then on every call goes
// straight to it. Nothing the user saves meanwhile is dropped.
import { MemoryScenarioStore, StorageError, type ScenarioList, type ScenarioStore, type WorkingState } from './store.ts';

type Write = (store: ScenarioStore) => Promise<void>;

export class QueuedStore implements ScenarioStore {
  readonly persistent = true;
  #target: ScenarioStore | null = null;
  readonly #meanwhile = new MemoryScenarioStore();
  readonly #queue: Write[] = [];
  readonly #open: Promise<ScenarioStore>;
  #resolveOpen: (store: ScenarioStore) => void = () => undefined;

  constructor() {
    this.#open = new Promise((resolve) => (this.#resolveOpen = resolve));
  }

  /** Writes waiting for the database. */
  get waiting(): number {
    return this.#queue.length;
  }

  list(): Promise<ScenarioList> {
    return (this.#target ?? this.#meanwhile).list();
  }

  get(id: string) {
    return (this.#target ?? this.#meanwhile).get(id);
  }

  async put(record: Parameters<ScenarioStore['put']>[0]): Promise<void> {
    if (this.#target) return this.#target.put(record);
    await this.#meanwhile.put(record);
    this.#queue.push((store) => store.put(record));
  }

  async putMany(records: Parameters<ScenarioStore['putMany']>[0]): Promise<void> {
    if (this.#target) return this.#target.putMany(records);
    await this.#meanwhile.putMany(records);
    this.#queue.push((store) => store.putMany(records));
  }

  async delete(id: string): Promise<void> {
    if (this.#target) return this.#target.delete(id);
    await this.#meanwhile.delete(id);
    this.#queue.push((store) => store.delete(id));
  }

  /** The last visit's working state is in the database: wait for it. */
  async loadWorking(): Promise<WorkingState | null> {
    return (await this.#open).loadWorking();
  }

  async saveWorking(state: WorkingState): Promise<void> {
    if (this.#target) return this.#target.saveWorking(state);
    await this.#meanwhile.saveWorking(state);
    this.#queue.push((store) => store.saveWorking(state));
  }

  /**
   * Writes every queued change to the store that finally opened, in order,
   * then hands every call to it. Throws the first failure (e.g. a full disk)
   * after trying all of them, so the caller can say what was not kept.
   */
  async drain(store: ScenarioStore): Promise<void> {
    let failure: unknown = null;
    // Writes that arrive while draining join the queue and are written in turn.
    for (let write = this.#queue.shift(); write; write = this.#queue.shift()) {
      try {
        await write(store);
      } catch (error) {
        failure ??= error;
      }
    }
    this.#target = store;
    this.#resolveOpen(store);
    if (failure !== null) throw failure instanceof StorageError ? failure : new StorageError('failed', String(failure), { cause: failure });
  }
}
