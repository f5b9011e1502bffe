// Keeping the data set (issue 15) through what a user sees: the CDNOW file
// imported once is listed as kept and, in a new tab state over the same
// (fake) IndexedDB, shown again without the file, with the same fit and the
// contribution rate the user set. Delete has Undo; a full storage is a
// message while the data set stays on screen.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import DataView from '../../../src/components/data/DataView.svelte';
import { createDataSession } from '../../../src/data/session.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { MemoryDataSetStore, openDataSetStore } from '../../../src/persistence/dataSets.ts';
import { openDB } from 'idb';
import { DB_NAME, StorageError, UPGRADE_STEPS, openScenarioStore } from '../../../src/persistence/store.ts';
import { DataState, KEEP_MAX_CUSTOMERS } from '../../../src/state/data.svelte.ts';
import { dayFromCivil } from '../../../src/data/dates.ts';
import { sharedBytes, sharedText } from '../../data/fixtures.ts';

function kpiValue(name: string): number {
  const element = document.querySelector<HTMLElement>(`[data-kpi="${name}"]`);
  if (!element) throw new Error(`no KPI ${name}`);
  return Number(element.dataset.value);
}

const noSample = () => Promise.reject(new Error('not the sample'));

async function importCdnow(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.upload(screen.getByLabelText('Transaction file (CSV)'), new File([sharedText('cdnow_sample_transactions.csv')], 'cdnow.csv', { type: 'text/csv' }));
  await user.click(await screen.findByRole('button', { name: 'Import' }));
  await screen.findByRole('region', { name: /Import: cdnow.csv/ }, { timeout: 20_000 });
}

let factory: IDBFactory;
beforeEach(() => {
  i18n.locale = 'en';
  factory = new IDBFactory();
  globalThis.indexedDB = factory;
});

describe('kept data sets on the Daten tab', () => {
  it('keeps the imported CDNOW file; a new visit shows it at once without the file, with the same fit and the rate set, and refits it', async () => {
    const user = userEvent.setup();
    const first = new DataState(createDataSession(), openDataSetStore(factory));
    const view = render(DataView, { data: first, fetchSample: noSample });
    await first.restore();
    expect(screen.getByText(/None yet/)).toBeInTheDocument();
    await importCdnow(user);
    const kept = screen.getByRole('region', { name: 'Data sets kept in this browser' });
    await within(kept).findByText('“cdnow.csv” is kept in this browser; your next visit shows it without the file.');
    expect(within(kept).getByText('cdnow.csv')).toBeInTheDocument();
    expect(within(kept).getByText(/2,357 customers · [\d.]+ (kB|MB) ·/)).toBeInTheDocument();
    const r = kpiValue('data.bgnbdR');
    expect(r).toBeCloseTo(0.2425945, 3);
    await first.setForecast({ ...first.forecastOptions, marginRate: 0.45 });
    view.unmount();

    // The next visit: a fresh session (worker) and state over the same database.
    const second = new DataState(createDataSession(), openDataSetStore(factory));
    render(DataView, { data: second, fetchSample: noSample });
    await second.restore();
    const summary = await screen.findByRole('region', { name: /Import: cdnow.csv/ });
    expect(within(summary).getByText(/Proposed by the app/)).toHaveTextContent('up to 30 Sept 1997');
    expect(kpiValue('data.bgnbdR')).toBe(r);
    expect(second.forecastOptions.marginRate).toBe(0.45);
    expect(second.marginSource).toBe('entered');
    expect(screen.getByText('shown', { exact: false })).toBeInTheDocument();
    // The kept transactions can be fitted again without the file; the kept record is replaced, not doubled.
    await user.click(within(summary).getByRole('button', { name: 'Fit without a holdout' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: /Import: cdnow.csv/ })).getByText(/no holdout/)).toBeInTheDocument(), { timeout: 20_000 });
    expect(Math.abs(kpiValue('data.bgnbdR') - r)).toBeGreaterThan(1e-3);
    await waitFor(() => expect(second.keepMessage?.kind).toBe('kept'));
    const list = await (await openDataSetStore(factory)).store.list();
    expect(list).toHaveLength(1);
    const refitted = await (await openDataSetStore(factory)).store.get(list[0]?.id ?? '');
    expect(refitted?.payload.result.split).toBe('all');
  });

  it('deletes a kept data set with Undo, and opens it again from the list', async () => {
    const user = userEvent.setup();
    const data = new DataState(createDataSession(), openDataSetStore(factory));
    render(DataView, { data, fetchSample: noSample });
    await data.restore();
    await importCdnow(user);
    const kept = screen.getByRole('region', { name: 'Data sets kept in this browser' });
    await within(kept).findByRole('button', { name: 'Delete “cdnow.csv”' });
    await user.click(within(kept).getByRole('button', { name: 'Delete “cdnow.csv”' }));
    await within(kept).findByText('“cdnow.csv” deleted.');
    expect(within(kept).queryByRole('button', { name: 'Open “cdnow.csv”' })).toBeNull();
    expect((await (await openDataSetStore(factory)).store.list()).length).toBe(0);
    await user.click(within(kept).getByRole('button', { name: 'Undo' }));
    await within(kept).findByText('“cdnow.csv” is back.');
    expect((await (await openDataSetStore(factory)).store.list()).map((k) => k.fileName)).toEqual(['cdnow.csv']);
    const shown = data.result;
    await user.click(within(kept).getByRole('button', { name: 'Open “cdnow.csv”' }));
    // Opened from the kept record: a new result object, the same fit.
    await waitFor(() => expect(data.result).not.toBe(shown));
    expect(kpiValue('data.bgnbdR')).toBeCloseTo(0.2425945, 3);
  });

  it('says when the storage is full and keeps the data set on screen, not kept', async () => {
    const user = userEvent.setup();
    const store = new MemoryDataSetStore();
    const full = Object.assign(Object.create(store) as MemoryDataSetStore, {
      persistent: true,
      put: () => Promise.reject(new StorageError('quota', 'The browser storage is full')),
    });
    const data = new DataState(createDataSession(), Promise.resolve({ store: full, problem: null }));
    render(DataView, { data, fetchSample: noSample });
    await importCdnow(user);
    const alert = await screen.findByText(/The browser storage is full: the data set is shown but not kept. Your saved scenarios are not affected./);
    expect(alert).toHaveAttribute('data-reason', 'quota');
    expect(kpiValue('data.bgnbdR')).toBeCloseTo(0.2425945, 3);
    expect(screen.getByText(/None yet/)).toBeInTheDocument();
  });

  it('does not keep a data set of more customers than the limit, and says so', async () => {
    const user = userEvent.setup();
    const session = createDataSession();
    // The same CDNOW import, reported as one customer over the limit (a real one would take minutes here).
    const large: typeof session = {
      ...session,
      importData: async (options, onProgress) => {
        const outcome = await session.importData(options, onProgress);
        if (outcome.ok) outcome.result.report = { ...outcome.result.report, customers: KEEP_MAX_CUSTOMERS + 1 };
        return outcome;
      },
    };
    const data = new DataState(large, openDataSetStore(factory));
    render(DataView, { data, fetchSample: noSample });
    await data.restore();
    await importCdnow(user);
    await screen.findByText('“cdnow.csv” is not kept: with 500,001 customers it is too large for the browser storage (up to 500,000 customers). Choose the file again on your next visit.');
    expect(await (await openDataSetStore(factory)).store.list()).toEqual([]);
  });

  it('a split moved on the tracking chart is what the next visit shows: the kept record follows the refit', async () => {
    const first = new DataState(createDataSession(), openDataSetStore(factory));
    await first.restore();
    await first.openSample(sharedBytes('cdnow_sample_transactions.csv'));
    const proposedR = first.result?.bgnbd.r;
    const moved = dayFromCivil(1997, 1, 1) + 26 * 7 - 1;
    await first.moveSplit(moved);
    const movedR = first.result?.bgnbd.r;
    expect(movedR).not.toBe(proposedR);
    // Keeping runs after the refit is shown: wait until the stored record has the moved split.
    const { store } = await openDataSetStore(factory);
    await waitFor(async () => {
      const [info] = await store.list();
      const kept = info === undefined ? null : await store.get(info.id);
      expect(kept?.payload.result.calibrationEnd).toBe(moved);
    }, { timeout: 20_000 });
    expect(await store.list()).toHaveLength(1);

    const second = new DataState(createDataSession(), openDataSetStore(factory));
    await second.restore();
    expect(second.result?.calibrationEnd).toBe(moved);
    expect(second.result?.split).toBe('chosen');
    expect(second.result?.bgnbd.r).toBe(movedR);
    expect(second.forecast?.options).toEqual(first.forecast?.options);
  }, 60_000);
});

describe('keeping while another tab holds the older database open', () => {
  it('says to close the other tabs, shows the data set, and keeps it (scenarios intact) once the old tab lets go', async () => {
    // The older tab: schema version 3 with a saved scenario, a connection that ignores versionchange.
    const old = await openDB(DB_NAME, 3, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        for (let step = oldVersion; step < 3; step++) UPGRADE_STEPS[step]?.(db as never, transaction as never);
      },
    });
    await old.put('scenarios', { id: 'a', name: 'Gießkanne', notes: '', scenario: { churnRate: 0.25 }, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z', appVersion: '0.1.0', summary: null, recordVersion: 2 });
    const user = userEvent.setup();
    const data = new DataState(createDataSession(), openDataSetStore(factory));
    render(DataView, { data, fetchSample: noSample });
    await data.restore();
    const kept = screen.getByRole('region', { name: 'Data sets kept in this browser' });
    expect(within(kept).getByRole('alert')).toHaveTextContent('please close the other tabs of the app');
    await importCdnow(user);
    // Not kept yet, and said so; the import is on screen all the same.
    await waitFor(() => expect(within(kept).getByRole('alert')).toHaveTextContent('will be kept as soon as the storage is free'));
    expect(kpiValue('data.bgnbdR')).toBeCloseTo(0.2425945, 3);
    expect(data.keptId).toBeNull();

    old.close();
    await within(kept).findByText('“cdnow.csv” is kept in this browser; your next visit shows it without the file.', {}, { timeout: 10_000 });
    expect(within(kept).queryByRole('alert')).toBeNull();
    expect(data.kept.map((k) => k.fileName)).toEqual(['cdnow.csv']);
    const { store, problem } = await openScenarioStore(factory);
    expect(problem).toBeNull();
    expect((await store.list()).scenarios.map((s) => s.name)).toEqual(['Gießkanne']);
  });

  it('in German the message asks to close the other tabs of the app', async () => {
    i18n.locale = 'de';
    const old = await openDB(DB_NAME, 3, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        for (let step = oldVersion; step < 3; step++) UPGRADE_STEPS[step]?.(db as never, transaction as never);
      },
    });
    const data = new DataState(createDataSession(), openDataSetStore(factory));
    render(DataView, { data, fetchSample: noSample });
    await data.restore();
    expect(document.querySelector('[data-keep="not-kept"]')).toHaveTextContent('Bitte andere Tabs der App schließen');
    old.close();
  });
});
