// Kept data sets (issue 15) in the app's IndexedDB: the schema bump from
// version 3 keeps every saved scenario; a kept data set reads back with its
// typed arrays and fits; a write that fails leaves the scenarios untouched.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDataSession } from '../../src/data/session.ts';
import { approximateBytes, openDataSetStore, readInfo, type KeptDataSet } from '../../src/persistence/dataSets.ts';
import type { StoredScenario } from '../../src/persistence/schema.ts';
import { DB_NAME, DB_VERSION, StorageError, UPGRADE_STEPS, openScenarioStore } from '../../src/persistence/store.ts';
import { sharedBytes } from '../data/fixtures.ts';

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
  globalThis.indexedDB = factory;
});

function scenario(id: string, name: string): StoredScenario {
  return { id, name, notes: '', scenario: { churnRate: 0.25 }, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z', appVersion: '0.1.0', summary: null };
}

/** The CDNOW sample imported by the real session, as the Daten tab keeps it. */
async function cdnowSet(id = 'cdnow'): Promise<KeptDataSet> {
  const session = createDataSession();
  const detected = await session.detectData(sharedBytes('cdnow_sample_transactions.csv'));
  if (!detected.ok || detected.detection.columns.mapping === null) throw new Error('CDNOW not detected');
  const imported = await session.importData({ unit: 'week', mapping: detected.detection.columns.mapping });
  if (!imported.ok) throw new Error(imported.error.message);
  const payload = await session.keptPayload();
  if (payload === null) throw new Error('nothing to keep');
  return {
    info: {
      id,
      fileName: 'cdnow_sample_transactions.csv',
      savedAt: '2026-12-03T12:00:00.000Z',
      bytes: approximateBytes(payload),
      customers: imported.result.report.customers,
      rows: imported.result.report.rows,
      source: 'transactions',
      isSample: false,
      assumptions: { forecast: { horizonYears: 1, annualDiscountRate: 0.1, marginRate: 0.3, serviceCost: 0 }, marginSource: 'entered' },
    },
    payload,
  };
}

describe('kept data sets in IndexedDB', () => {
  it('the upgrade from schema version 3 keeps every saved scenario and the working state, and adds the data set stores', async () => {
    expect(DB_VERSION).toBe(4);
    const v3 = await openDB(DB_NAME, 3, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        for (let step = oldVersion; step < 3; step++) UPGRADE_STEPS[step]?.(db as never, transaction as never);
      },
    });
    await v3.put('scenarios', { ...scenario('a', 'Gießkanne'), recordVersion: 2 });
    await v3.put('scenarios', { ...scenario('b', 'Fokus auf A'), recordVersion: 2 });
    await v3.put('working', { scenario: { churnRate: 0.3 }, sourceId: 'a', updatedAt: '2026-01-03T10:00:00.000Z' }, 'current');
    v3.close();

    const kept = await openDataSetStore(factory);
    expect(kept.problem).toBeNull();
    expect(await kept.store.list()).toEqual([]);
    const { store, problem } = await openScenarioStore(factory);
    expect(problem).toBeNull();
    const { scenarios, skipped } = await store.list();
    expect(scenarios.map((s) => s.name).sort()).toEqual(['Fokus auf A', 'Gießkanne']);
    expect(skipped).toEqual([]);
    expect((await store.loadWorking())?.scenario.churnRate).toBe(0.3);
  });

  it('keeps the CDNOW data set and reads it back after reopening: summary arrays, split and fits as imported (FHL 2005: r = 0.2426)', async () => {
    const set = await cdnowSet();
    await (await openDataSetStore(factory)).store.put(set);
    const reopened = (await openDataSetStore(factory)).store;
    const [info] = await reopened.list();
    expect(info).toEqual(set.info);
    expect(info?.customers).toBe(2357);
    const back = await reopened.get('cdnow');
    if (back === null) throw new Error('not kept');
    expect(back.payload.analysis.summary.frequency).toBeInstanceOf(Float64Array);
    expect(Array.from(back.payload.analysis.summary.frequency)).toEqual(Array.from(set.payload.analysis.summary.frequency));
    expect(back.payload.result.calibrationEnd).toBe(set.payload.result.calibrationEnd);
    expect(back.payload.analysis.bgnbd.r).toBeCloseTo(0.2426, 3);
    // Opening it in a fresh session runs no fit and gives the same figures.
    const opened = await createDataSession().openKept(back.payload, back.info.assumptions.forecast);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.result.bgnbd).toEqual(set.payload.result.bgnbd);
    expect(opened.result.forecast.options.marginRate).toBe(0.3);
  });

  it('deletes a data set with its data; a failed write is a StorageError and every scenario stays', async () => {
    const { store: scenarios } = await openScenarioStore(factory);
    await scenarios.put(scenario('a', 'Gießkanne'));
    const { store } = await openDataSetStore(factory);
    const set = await cdnowSet();
    // A value IndexedDB cannot store fails the write the way a refused one does.
    const broken = { ...set, payload: { ...set.payload, result: { ...set.payload.result, dialect: (() => 0) as never } } };
    await expect(store.put(broken)).rejects.toBeInstanceOf(StorageError);
    expect(await store.list()).toEqual([]);
    expect((await scenarios.list()).scenarios.map((s) => s.name)).toEqual(['Gießkanne']);
    await store.put(set);
    await store.delete('cdnow');
    expect(await store.list()).toEqual([]);
    expect(await store.get('cdnow')).toBeNull();
    expect((await scenarios.list()).scenarios).toHaveLength(1);
  });

  it('without IndexedDB keeps data sets in memory and says so', async () => {
    const opened = await openDataSetStore(null);
    expect(opened.problem).toBe('unavailable');
    expect(opened.store.persistent).toBe(false);
  });
});

describe('kept data sets and other tabs', () => {
  it('an older tab that holds version 3 open blocks the upgrade: the store says so at once, and opens once that tab closes', async () => {
    const old = await openDB(DB_NAME, 3, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        for (let step = oldVersion; step < 3; step++) UPGRADE_STEPS[step]?.(db as never, transaction as never);
      },
    });
    const opened = await openDataSetStore(factory);
    if (opened.problem !== 'blocked') throw new Error(`expected blocked, got ${String(opened.problem)}`);
    old.close();
    const real = await opened.opened;
    expect(real.problem).toBeNull();
    expect(real.store.persistent).toBe(true);
    await real.store.put(await cdnowSet());
    expect((await real.store.list()).map((k) => k.id)).toEqual(['cdnow']);
  });

  it('this app lets go when a newer one wants to upgrade (blocking): the newer tab is not blocked', async () => {
    const ours = await openDataSetStore(factory);
    expect(ours.problem).toBeNull();
    let blocked = false;
    const newer = await openDB(DB_NAME, DB_VERSION + 1, { blocked: () => (blocked = true) });
    expect(blocked).toBe(false);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });

  it('a data set kept before the cost to serve existed reads with none, and keeps its other assumptions', async () => {
    const { info } = await cdnowSet();
    const { serviceCost: _dropped, ...older } = info.assumptions.forecast;
    const read = readInfo({ ...info, assumptions: { ...info.assumptions, forecast: older } });
    expect(read?.assumptions.forecast).toEqual({ horizonYears: 1, annualDiscountRate: 0.1, marginRate: 0.3, serviceCost: 0 });
    expect(readInfo({ ...info, assumptions: { ...info.assumptions, forecast: { ...older, serviceCost: 7.5 } } })?.assumptions.forecast.serviceCost).toBe(7.5);
  });
});
