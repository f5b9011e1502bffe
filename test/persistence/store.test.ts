import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredScenario } from '../../src/persistence/schema.ts';
import { DB_NAME, DB_VERSION, RECORD_VERSION, openScenarioStore } from '../../src/persistence/store.ts';

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
  // idb's openDB in the tests below goes through the global factory: the same one.
  globalThis.indexedDB = factory;
});

function record(id: string, name: string, updatedAt: string, churnRate = 0.2): StoredScenario {
  return {
    id,
    name,
    notes: '',
    scenario: { churnRate },
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt,
    appVersion: '0.1.0',
    summary: null,
  };
}

describe('openScenarioStore with IndexedDB', () => {
  it('saves, lists newest first, reopens and finds every scenario', async () => {
    const { store, problem } = await openScenarioStore(factory);
    expect(problem).toBeNull();
    expect(store.persistent).toBe(true);
    await store.put(record('a', 'Gießkanne', '2026-01-02T10:00:00.000Z'));
    await store.put(record('b', 'Fokus auf A', '2026-01-03T10:00:00.000Z', 0.25));
    const reopened = (await openScenarioStore(factory)).store;
    const { scenarios, skipped } = await reopened.list();
    expect(scenarios.map((s) => s.name)).toEqual(['Fokus auf A', 'Gießkanne']);
    expect(scenarios[0]?.scenario.churnRate).toBe(0.25);
    expect(skipped).toEqual([]);
  });

  it('opens a database written by schema version 1 and finds every scenario intact', async () => {
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('scenarios', { keyPath: 'id' });
      },
    });
    await v1.put('scenarios', record('old', 'Aus Version 1', '2025-12-01T08:00:00.000Z', 0.3));
    v1.close();
    const { store, problem } = await openScenarioStore(factory);
    expect(problem).toBeNull();
    const { scenarios } = await store.list();
    expect(scenarios).toEqual([record('old', 'Aus Version 1', '2025-12-01T08:00:00.000Z', 0.3)]);
    // Version 2 added the autosave store.
    await store.saveWorking({ scenario: { focus: 0.5 }, sourceId: null, updatedAt: '2026-01-01T00:00:00.000Z' });
    expect((await store.loadWorking())?.scenario).toEqual({ focus: 0.5 });
  });

  it('skips a corrupt and a newer-version record with a reason, and loads the rest', async () => {
    const { store } = await openScenarioStore(factory);
    await store.put(record('good', 'Gut', '2026-01-02T10:00:00.000Z'));
    const db = await openDB(DB_NAME, DB_VERSION);
    await db.put('scenarios', { id: 'broken', name: 42 });
    await db.put('scenarios', { ...record('future', 'Zukunft', '2026-01-02T10:00:00.000Z'), recordVersion: RECORD_VERSION + 1 });
    await db.put('scenarios', { ...record('range', 'Falsch', '2026-01-02T10:00:00.000Z'), scenario: { churnRate: 3 } });
    db.close();
    const { scenarios, skipped } = await store.list();
    expect(scenarios.map((s) => s.id)).toEqual(['good']);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { id: 'broken', reason: 'corrupt' },
        { id: 'future', reason: 'newerVersion' },
        { id: 'range', reason: 'corrupt' },
      ]),
    );
  });

  it('falls back to memory and says so when IndexedDB is missing', async () => {
    const { store, problem } = await openScenarioStore(null);
    expect(problem).toBe('unavailable');
    expect(store.persistent).toBe(false);
    await store.put(record('m', 'Nur im Speicher', '2026-01-02T10:00:00.000Z'));
    expect((await store.list()).scenarios).toHaveLength(1);
  });

  it('falls back to memory when opening fails (blocked storage, private mode)', async () => {
    const broken = {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { store, problem } = await openScenarioStore(broken);
    expect(problem).toBe('unavailable');
    expect(store.persistent).toBe(false);
  });

  it('reports a database from a newer app version instead of touching it', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('scenarios', { keyPath: 'id' });
      },
    });
    newer.close();
    const { problem, store } = await openScenarioStore(factory);
    expect(problem).toBe('newerDatabase');
    expect(store.persistent).toBe(false);
  });

  it('a write that fails for a full disk is a quota error and keeps what was saved', async () => {
    const { store } = await openScenarioStore(factory);
    await store.put(record('kept', 'Bleibt', '2026-01-02T10:00:00.000Z'));
    // Simulate the browser refusing a write for lack of space.
    const proto = IDBObjectStore.prototype;
    const realPut = proto.put;
    proto.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    try {
      await expect(store.put(record('big', 'Zu groß', '2026-01-03T10:00:00.000Z'))).rejects.toMatchObject({ kind: 'quota' });
    } finally {
      proto.put = realPut;
    }
    expect((await store.list()).scenarios.map((s) => s.id)).toEqual(['kept']);
  });
});
