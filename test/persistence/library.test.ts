import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { ConflictError, IMPORT_BATCH, ScenarioLibrary, searchScenarios, uniqueName, type LibraryChange } from '../../src/persistence/library.ts';
import { MemoryScenarioStore, type ScenarioStore } from '../../src/persistence/store.ts';
import { failingStore } from './failingStore.ts';

/** Two tabs' BroadcastChannels, connected to each other. */
function channelPair() {
  type Fake = { onmessage: ((event: MessageEvent) => void) | null; postMessage(data: unknown): void; close(): void };
  const a: Fake = { onmessage: null, postMessage: (data) => b.onmessage?.({ data } as MessageEvent), close: () => {} };
  const b: Fake = { onmessage: null, postMessage: (data) => a.onmessage?.({ data } as MessageEvent), close: () => {} };
  return [a, b] as const;
}

function library(store: ScenarioStore = new MemoryScenarioStore(), channel = channelPair()[0]) {
  let clock = Date.parse('2026-03-01T09:00:00.000Z');
  let id = 0;
  return new ScenarioLibrary(store, { now: () => new Date((clock += 1000)), newId: () => `id-${++id}`, channel });
}

const summary = (lifetimeProfit: number) => ({ clv: 0, lifetimeProfit, portfolioValue: 0, top20RevenueShare: 0 });

describe('ScenarioLibrary', () => {
  it('saves only the changed parameters, under a unique name', async () => {
    const lib = library();
    const first = await lib.saveAs('Fokus auf A', { ...DEFAULTS, focus: 0.5 }, null);
    const second = await lib.saveAs('Fokus auf A', { ...DEFAULTS, focus: 1 }, null);
    expect(first.scenario).toEqual({ focus: 0.5 });
    expect(second.name).toBe('Fokus auf A (2)');
  });

  it('refuses to overwrite a scenario another tab saved in between, and hands over that version', async () => {
    const store = new MemoryScenarioStore();
    const [left, right] = channelPair();
    const tabA = library(store, left);
    const tabB = library(store, right);
    const saved = await tabA.saveAs('Gießkanne', DEFAULTS, null);
    const changed = await tabB.update(saved.id, { scenario: { ...DEFAULTS, churnRate: 0.3 } }, saved.updatedAt);
    const attempt = tabA.update(saved.id, { scenario: { ...DEFAULTS, churnRate: 0.1 } }, saved.updatedAt);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ current: { updatedAt: changed.updatedAt, scenario: { churnRate: 0.3 } } });
    expect((await store.get(saved.id))?.scenario).toEqual({ churnRate: 0.3 });
  });

  it('tells the other tab about every change', async () => {
    const store = new MemoryScenarioStore();
    const [left, right] = channelPair();
    const tabA = library(store, left);
    const tabB = library(store, right);
    const seen: LibraryChange[] = [];
    tabB.subscribe((change) => seen.push(change));
    const saved = await tabA.saveAs('Neu', DEFAULTS, null);
    expect(seen).toEqual([{ type: 'changed', ids: [saved.id] }]);
  });

  it('deletes with undo: the scenario comes back exactly as it was', async () => {
    const lib = library();
    const saved = await lib.saveAs('Weg damit', { ...DEFAULTS, dropShare: 0.2 }, summary(5));
    const undo = await lib.remove(saved.id);
    expect((await lib.list()).scenarios).toEqual([]);
    await undo?.();
    expect((await lib.list()).scenarios).toEqual([saved]);
  });

  it('duplicates under a new name and id', async () => {
    const lib = library();
    const saved = await lib.saveAs('Basis', DEFAULTS, null);
    const copy = await lib.duplicate(saved.id);
    expect(copy?.name).toBe('Basis (2)');
    expect(copy?.id).not.toBe(saved.id);
    expect((await lib.list()).scenarios).toHaveLength(2);
  });

  it('imports every scenario as a new one and never replaces a saved one', async () => {
    const lib = library();
    const saved = await lib.saveAs('Seminar', { ...DEFAULTS, churnRate: 0.25 }, null);
    const added = await lib.importAll([
      { name: 'Seminar', notes: '', scenario: { churnRate: 0.4 }, createdAt: undefined, updatedAt: undefined },
      { name: 'Neu', notes: 'x', scenario: {}, createdAt: undefined, updatedAt: undefined },
    ]);
    expect(added.map((s) => s.name)).toEqual(['Seminar (2)', 'Neu']);
    expect((await lib.store.get(saved.id))?.scenario).toEqual({ churnRate: 0.25 });
  });

  it("keeps the file's created and updated times and takes the recomputed summaries (issue 12)", async () => {
    const lib = library();
    const [kept, undated] = await lib.importAll(
      [
        { name: 'Alt', notes: '', scenario: { focus: 0.6 }, createdAt: '2025-05-01T08:00:00.000Z', updatedAt: '2025-06-01T08:00:00.000Z' },
        { name: 'Ohne Datum', notes: '', scenario: {}, createdAt: undefined, updatedAt: undefined },
      ],
      [{ ...summary(39.38), decisionValue: 2_725_227 }, null],
    );
    expect(kept?.createdAt).toBe('2025-05-01T08:00:00.000Z');
    expect(kept?.updatedAt).toBe('2025-06-01T08:00:00.000Z');
    expect(kept?.summary).toEqual({ ...summary(39.38), decisionValue: 2_725_227 });
    // Without dates in the file: the import time, as before.
    expect(undated?.createdAt).toBe(undated?.updatedAt);
    expect(Date.parse(undated?.updatedAt ?? '')).toBeGreaterThan(Date.parse('2026-03-01T09:00:00.000Z'));
    expect(undated?.summary).toBeNull();
  });
});

describe('searchScenarios and uniqueName', () => {
  const lib = library();
  it('finds by a part of the name, ignoring case, and sorts by lifetime profit', async () => {
    await lib.saveAs('Gießkanne', DEFAULTS, summary(10));
    await lib.saveAs('Fokus auf A', DEFAULTS, summary(30));
    await lib.saveAs('fokus halb', DEFAULTS, summary(20));
    const { scenarios } = await lib.list();
    expect(searchScenarios(scenarios, 'FOKUS', 'lifetimeProfit').map((s) => s.name)).toEqual(['Fokus auf A', 'fokus halb']);
    expect(searchScenarios(scenarios, '', 'updated').map((s) => s.name)).toEqual(['fokus halb', 'Fokus auf A', 'Gießkanne']);
  });

  it('numbers taken names on from 2', () => {
    expect(uniqueName('A', ['A', 'A (2)'])).toBe('A (3)');
    expect(uniqueName('A (2)', ['A', 'A (2)'])).toBe('A (3)');
    expect(uniqueName('B', ['A'])).toBe('B');
  });
});

describe('ScenarioLibrary under a full disk', () => {
  it('an undo that fails keeps the record: a later undo puts it back exactly as it was', async () => {
    const store = await failingStore();
    const lib = library(store);
    const saved = await lib.saveAs('Weg damit', { ...DEFAULTS, dropShare: 0.2 }, summary(5));
    const undo = await lib.remove(saved.id);
    store.full = true;
    await expect(undo?.()).rejects.toMatchObject({ name: 'StorageError', kind: 'quota' });
    expect((await lib.list()).scenarios).toEqual([]);
    store.full = false;
    await undo?.();
    expect((await lib.list()).scenarios).toEqual([saved]);
  });
});

describe('ScenarioLibrary.importAll of many scenarios', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `Import ${i + 1}`, notes: '', scenario: { churnRate: 0.2 }, createdAt: undefined, updatedAt: undefined }));

  it(`writes in batches of ${IMPORT_BATCH} and reports progress after each`, async () => {
    const lib = library();
    const progress: [number, number][] = [];
    const added = await lib.importAll(many(1001), [], (written, total) => progress.push([written, total]));
    expect(added).toHaveLength(1001);
    expect(progress).toEqual([
      [0, 1001],
      [250, 1001],
      [500, 1001],
      [750, 1001],
      [1000, 1001],
      [1001, 1001],
    ]);
    expect((await lib.list()).scenarios).toHaveLength(1001);
  });

  it('under a full disk keeps the batches written before, and says how many in the error', async () => {
    const store = await failingStore();
    const lib = library(store);
    await lib.saveAs('Schon da', DEFAULTS, null);
    store.roomFor = 600;
    const attempt = lib.importAll(many(1000));
    await expect(attempt).rejects.toMatchObject({ kind: 'quota' });
    const error = (await attempt.catch((e: unknown) => e)) as { added: unknown[] };
    expect(error.added).toHaveLength(500);
    expect((await lib.list()).scenarios).toHaveLength(501);
  });

  it('lists scenarios imported at the same time by name, numbers in order, under "last changed"', async () => {
    const lib = library();
    const added = await lib.importAll(many(12));
    const listed = searchScenarios(added.slice().reverse(), '', 'updated', 'de').map((s) => s.name);
    expect(listed).toEqual(Array.from({ length: 12 }, (_, i) => `Import ${i + 1}`));
  });

  it('names 10,000 namesakes uniquely without searching every number again for each (within 3 s)', async () => {
    const lib = library();
    const same = Array.from({ length: 10_000 }, () => ({ name: 'Seminar', notes: '', scenario: {}, createdAt: undefined, updatedAt: undefined }));
    const began = performance.now();
    const added = await lib.importAll(same);
    expect(performance.now() - began).toBeLessThan(3000);
    expect(new Set(added.map((s) => s.name)).size).toBe(10_000);
    expect(added.at(-1)?.name).toBe('Seminar (10000)');
  });
});
