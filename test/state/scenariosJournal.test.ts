// The journal inside ScenariosState: every change is in it before the call
// returns, and loadWorking reconciles it with the IndexedDB autosave.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { JOURNAL_KEY } from '../../src/persistence/journal.ts';
import { openScenarioStore } from '../../src/persistence/store.ts';
import { ScenariosState } from '../../src/state/scenarios.svelte.ts';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, String(value)) };
}

describe('ScenariosState journal', () => {
  it('journals a change at once, and a fresh start reads it back although IndexedDB never got it', async () => {
    const factory = new IDBFactory();
    const journal = memoryStorage();
    const first = new ScenariosState();
    await first.init(factory, journal);
    await first.loadWorking();
    first.scheduleAutosave({ churnRate: 0.22 });
    // No await and no timer: the page may be gone now.
    expect(JSON.parse(journal.map.get(JOURNAL_KEY) ?? 'null')).toMatchObject({ scenario: { churnRate: 0.22 } });

    const second = new ScenariosState();
    await second.init(factory, journal);
    expect((await second.loadWorking())?.working.scenario).toEqual({ churnRate: 0.22 });
  });

  it('takes the IndexedDB autosave when it is newer than the journal (written by another tab later)', async () => {
    const factory = new IDBFactory();
    const journal = memoryStorage();
    journal.map.set(JOURNAL_KEY, JSON.stringify({ scenario: { churnRate: 0.22 }, sourceId: null, updatedAt: '2026-12-02T15:00:00.000Z', search: '' }));
    const { store } = await openScenarioStore(factory);
    await store.saveWorking({ scenario: { churnRate: 0.3 }, sourceId: null, updatedAt: '2026-12-02T15:00:05.000Z' });
    const state = new ScenariosState();
    await state.init(factory, journal);
    expect((await state.loadWorking())?.working.scenario).toEqual({ churnRate: 0.3 });
  });

  it('ignores a journal that fails to parse or holds an invalid scenario, and starts without a crash', async () => {
    for (const raw of ['{not json', JSON.stringify({ scenario: { churnRate: 7 }, sourceId: null, updatedAt: '2026-12-02T15:00:00.000Z', search: '' })]) {
      const factory = new IDBFactory();
      const journal = memoryStorage();
      journal.map.set(JOURNAL_KEY, raw);
      const { store } = await openScenarioStore(factory);
      await store.saveWorking({ scenario: { churnRate: 0.25 }, sourceId: null, updatedAt: '2026-01-01T00:00:00.000Z' });
      const state = new ScenariosState();
      await state.init(factory, journal);
      expect((await state.loadWorking())?.working.scenario).toEqual({ churnRate: 0.25 });
    }
  });

  it('does not overwrite the last visit before it was read, and journals nothing when storage is memory only', async () => {
    const factory = new IDBFactory();
    const journal = memoryStorage();
    const entry = JSON.stringify({ scenario: { churnRate: 0.22 }, sourceId: null, updatedAt: '2026-12-02T15:00:00.000Z', search: '' });
    journal.map.set(JOURNAL_KEY, entry);
    const state = new ScenariosState();
    await state.init(factory, journal);
    // The app's first autosave (its start state) comes before the last visit is read.
    state.scheduleAutosave({});
    expect(journal.map.get(JOURNAL_KEY)).toBe(entry);
    expect((await state.loadWorking())?.working.scenario).toEqual({ churnRate: 0.22 });

    const memoryOnly = memoryStorage();
    const inMemory = new ScenariosState();
    await inMemory.init(null, memoryOnly);
    await inMemory.loadWorking();
    inMemory.scheduleAutosave({ churnRate: 0.3 });
    expect(memoryOnly.map.size).toBe(0);
  });
});
