// The Szenarien tab under storage faults, through what a user sees: undo of a
// delete under a full disk (issue 14 item 6), saving while another tab
// blocks the database upgrade (item 7).
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ScenariosView from '../../../src/components/scenarios/ScenariosView.svelte';
import StorageNotice from '../../../src/components/panels/StorageNotice.svelte';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { ParametersState } from '../../../src/state/parameters.svelte.ts';
import { ScenariosState } from '../../../src/state/scenarios.svelte.ts';
import { failingStore, type FailingStore } from '../../persistence/failingStore.ts';
import { IDBFactory } from 'fake-indexeddb';
import { DB_NAME, openScenarioStore } from '../../../src/persistence/store.ts';

const SMALL: Scenario = { ...DEFAULTS, customers: 1000 };

async function setup(store: FailingStore) {
  const scenarios = new ScenariosState();
  await scenarios.attach({ store, problem: null }, null);
  const params = new ParametersState(SMALL);
  const computeMany = async (list: readonly Scenario[]) => list.map((s) => createEngine().compute(s));
  render(ScenariosView, { scenarios, params, results: createEngine().compute(SMALL), computeMany, onopened: () => undefined });
  return { scenarios, params };
}

beforeEach(() => {
  i18n.locale = 'en';
});
afterEach(() => {
  i18n.locale = 'de';
});

describe('undo after a delete under a full disk', () => {
  it('says the scenario could not be written back, keeps Undo, and a later Undo brings it back', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const store = await failingStore();
    await setup(store);
    await user.type(screen.getByLabelText('Scenario name'), 'Keep me');
    await user.click(screen.getByRole('button', { name: 'Save as new scenario' }));
    await screen.findByText('Keep me', { selector: '.scenario-name' });

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('Keep me', { selector: '.scenario-name' })).toBeNull());
    store.full = true;
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“Keep me” could not be written back: the browser storage is full.');
    expect(store.refused).toBe(1);
    // Nothing claims that nothing was lost, and the way back is still there.
    expect(screen.queryByText(/Nothing saved was lost/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeVisible();

    store.full = false;
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Keep me', { selector: '.scenario-name' });
    expect(await screen.findByText('“Keep me” is back.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((await store.list()).scenarios.map((s) => s.name)).toEqual(['Keep me']);
  });
});

describe('save as new scenario while another tab blocks the database upgrade', () => {
  it('shows the blocked notice at once, keeps the scenario in the list, and writes it once the other tab lets go', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const factory = new IDBFactory();
    // An older tab: schema version 1, and it does not close on versionchange.
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('scenarios', { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const scenarios = new ScenariosState();
    await scenarios.init(factory, null);
    const params = new ParametersState(SMALL);
    const computeMany = async (list: readonly Scenario[]) => list.map((s) => createEngine().compute(s));
    render(ScenariosView, { scenarios, params, results: createEngine().compute(SMALL), computeMany, onopened: () => undefined });

    expect(screen.getByText(/Another tab with an older version blocks the storage/)).toBeVisible();
    await user.type(screen.getByLabelText('Scenario name'), 'Queued');
    await user.click(screen.getByRole('button', { name: 'Save as new scenario' }));
    expect(await screen.findByText('“Queued” is kept and will be saved as soon as the other tab releases the storage.')).toBeVisible();
    expect(screen.getByText('Queued', { selector: '.scenario-name' })).toBeVisible();

    older.close();
    expect(await screen.findByText('Saved: “Queued”.')).toBeVisible();
    await waitFor(() => expect(screen.queryByText(/blocks the storage/)).toBeNull());
    const { store } = await openScenarioStore(factory);
    expect((await store.list()).scenarios.map((s) => s.name)).toEqual(['Queued']);
  });
});

describe('storage notice (shown above every tab)', () => {
  it('says when autosave fails for a full disk, and goes away once an autosave works again', async () => {
    const store = await failingStore();
    const scenarios = new ScenariosState();
    await scenarios.attach({ store, problem: null }, null);
    render(StorageNotice, { scenarios });
    expect(screen.queryByText(/Autosave failed/)).toBeNull();
    store.full = true;
    scenarios.scheduleAutosave({ churnRate: 0.3 });
    await scenarios.flushAutosave();
    expect(await screen.findByText(/Autosave failed: the browser storage is full/)).toBeVisible();
    store.full = false;
    scenarios.scheduleAutosave({ churnRate: 0.31 });
    await scenarios.flushAutosave();
    await waitFor(() => expect(screen.queryByText(/Autosave failed/)).toBeNull());
    expect((await store.loadWorking())?.scenario).toEqual({ churnRate: 0.31 });
  });
});

function exportFile(count: number, extra: unknown[] = []): File {
  const scenarios = [...Array.from({ length: count }, (_, i) => ({ name: `Seminar ${String(i + 1).padStart(4, '0')}`, churnRate: 0.2 })), ...extra];
  return new File([JSON.stringify({ format: 'kundenwert-scenarios', version: 1, scenarios })], 'many.json', { type: 'application/json' });
}

describe('many imported scenarios', () => {
  it('shows progress while importing, then lists them 50 to a page, with search across all pages', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const store = await failingStore();
    let release: () => void = () => undefined;
    store.hold = new Promise((resolve) => (release = resolve));
    await setup(store);
    await user.upload(screen.getByLabelText('Import scenarios from a file'), exportFile(120));
    // The first batch waits: the page says how far the import is.
    expect(await screen.findByText('Importing: 0 of 120')).toBeVisible();
    expect(screen.getByRole('progressbar')).toHaveAttribute('max', '120');
    release();
    expect(await screen.findByText('120 scenarios imported.')).toBeVisible();
    expect(screen.queryByRole('progressbar')).toBeNull();

    const names = () => screen.getAllByText(/./, { selector: '.scenario-name' }).map((n) => n.textContent);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'name');
    expect(names()).toHaveLength(50);
    expect(names()[0]).toBe('Seminar 0001');
    expect(screen.getByText('Page 1 of 3')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Page 3 of 3')).toBeVisible();
    expect(names()).toEqual(Array.from({ length: 20 }, (_, i) => `Seminar ${String(101 + i).padStart(4, '0')}`));
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    // A search looks through every page and starts on the first.
    await user.type(screen.getByLabelText('Search by name'), '0007');
    expect(names()).toEqual(['Seminar 0007']);
    expect(screen.getByText('1 of 120')).toBeVisible();
    expect(screen.queryByText(/Page \d+ of/)).toBeNull();
  });

  it('an import under a full disk says how far it got and keeps the list of the file’s problems', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    const store = await failingStore();
    store.roomFor = 300;
    await setup(store);
    await user.upload(screen.getByLabelText('Import scenarios from a file'), exportFile(600, [{ name: 'Bad', churnRate: 1.5 }, { name: '' }]));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('Import stopped: the browser storage is full. Imported: 250 of 600.'));
    expect(alert).toHaveTextContent('2 problems in the file:');
    expect(alert).toHaveTextContent('scenarios[600].churnRate');
    expect(alert).toHaveTextContent('scenarios[601].name');
    expect((await store.list()).scenarios).toHaveLength(250);
  });
});
