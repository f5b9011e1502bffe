// The key account as part of the scenario (issue 17): stored only when it
// differs from the example group, read back from the database (also from a
// database of the previous schema), exported and imported with valibot's
// checks, and carried by one compact `ka=` link parameter.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { EXAMPLE_ACCOUNT, copyAccount, newEntity, sameAccount, type KeyAccount } from '../../src/engine/keyAccount/account.ts';
import { ScenarioLibrary, accountOf } from '../../src/persistence/library.ts';
import { buildExport, parseExport } from '../../src/persistence/schema.ts';
import { DB_NAME, MemoryScenarioStore, openScenarioStore } from '../../src/persistence/store.ts';
import { readJournal, writeJournal } from '../../src/persistence/journal.ts';
import { encodeAccount } from '../../src/state/accountLink.ts';
import { decodeAccount } from '../../src/state/accountLinkRead.ts';
import { accountReaderFor, parseLocationSearch, searchFor } from '../../src/state/url.ts';

/** The value, or a failed test where there is none. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

let factory: IDBFactory;
beforeEach(() => {
  factory = new IDBFactory();
  globalThis.indexedDB = factory;
});

/** The example group with Polska's revenue raised from 60,000 to 120,000. */
function edited(): KeyAccount {
  const account = copyAccount(EXAMPLE_ACCOUNT);
  account.entities[1] = { ...must(account.entities[1]), revenue: 120_000 };
  return account;
}

function library() {
  let clock = Date.parse('2026-03-01T09:00:00.000Z');
  let id = 0;
  return new ScenarioLibrary(new MemoryScenarioStore(), { now: () => new Date((clock += 1000)), newId: () => `id-${++id}`, channel: undefined });
}

describe('the key account in a saved scenario', () => {
  it('keeps an edited table and stores no account for the example group', async () => {
    const lib = library();
    const plain = await lib.saveAs('Beispiel', { ...DEFAULTS, focus: 0.5 }, null, '', copyAccount(EXAMPLE_ACCOUNT));
    const own = await lib.saveAs('Polska gewonnen', DEFAULTS, null, '', edited());
    expect('account' in plain).toBe(false);
    expect(own.account?.entities[1]?.revenue).toBe(120_000);
    expect(sameAccount(accountOf(plain), EXAMPLE_ACCOUNT)).toBe(true);
    // Saving the example group over it removes the account again; an update without one keeps it.
    const kept = await lib.update(own.id, { scenario: { ...DEFAULTS, churnRate: 0.3 } }, own.updatedAt);
    expect(kept.account?.entities[1]?.revenue).toBe(120_000);
    const back = await lib.update(own.id, { account: EXAMPLE_ACCOUNT }, kept.updatedAt);
    expect('account' in back).toBe(false);
  });

  it('opens a record of schema version 2 (no account) with the example group, and keeps an account through a reopen', async () => {
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(db, _old, _new, transaction) {
        db.createObjectStore('scenarios', { keyPath: 'id' });
        transaction.objectStore('scenarios').createIndex('updatedAt', 'updatedAt');
        db.createObjectStore('working');
      },
    });
    const old = { id: 'old', name: 'Aus Version 2', notes: '', scenario: { churnRate: 0.3 }, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z', appVersion: '0.1.0', summary: null, recordVersion: 1 };
    await v2.put('scenarios', old);
    v2.close();
    const { store, problem } = await openScenarioStore(factory);
    expect(problem).toBeNull();
    const [record] = (await store.list()).scenarios;
    expect(record?.scenario).toEqual({ churnRate: 0.3 });
    expect(sameAccount(accountOf(must(record)), EXAMPLE_ACCOUNT)).toBe(true);
    await store.put({ ...must(record), id: 'new', account: edited() });
    const reopened = (await openScenarioStore(factory)).store;
    expect((await reopened.get('new'))?.account?.entities[1]?.revenue).toBe(120_000);
  });

  it('skips a stored record whose account is out of range rather than opening a table the app would refuse', async () => {
    const { store } = await openScenarioStore(factory);
    const bad = edited();
    bad.entities[0] = { ...must(bad.entities[0]), marginRate: 1.5 };
    await store.put({ id: 'bad', name: 'Falsch', notes: '', scenario: {}, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-01T10:00:00.000Z', appVersion: '0.1.0', summary: null, account: bad });
    expect((await store.list()).skipped).toEqual([{ id: 'bad', reason: 'corrupt' }]);
  });
});

describe('the key account in the working state', () => {
  it('the journal a reload reads keeps the edited table', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => void kept.set(key, value) };
    writeJournal(storage, { scenario: {}, sourceId: null, updatedAt: '2026-01-01T10:00:00.000Z', search: '', account: edited() });
    expect(readJournal(storage)?.account?.entities[1]?.revenue).toBe(120_000);
  });
});

describe('the key account in the scenario file', () => {
  const at = '2026-01-01T10:00:00.000Z';

  it('a scenario without an account is written exactly as before (no account key)', () => {
    const text = buildExport([{ name: 'A', notes: '', scenario: { focus: 0.5 }, createdAt: at, updatedAt: at }]);
    expect(JSON.parse(text).scenarios[0]).toEqual({ name: 'A', notes: '', createdAt: at, updatedAt: at, focus: 0.5 });
  });

  it('round-trips an account and names a value out of range by its path', () => {
    const text = buildExport([
      { name: 'A', notes: '', scenario: {}, createdAt: at, updatedAt: at, account: edited() },
      { name: 'B', notes: '', scenario: {}, createdAt: at, updatedAt: at, account: { ...edited(), programme: { ...EXAMPLE_ACCOUNT.programme, shareGainPerYear: 2 } } },
    ]);
    const { valid, problems } = parseExport(text);
    expect(valid).toHaveLength(1);
    expect(valid[0]?.account?.entities[1]?.revenue).toBe(120_000);
    expect(problems).toEqual([expect.objectContaining({ path: 'scenarios[1].account.programme.shareGainPerYear', code: 'account', key: 'shareGainPerYear' })]);
  });
});

describe('the key account in a link (ka=)', () => {
  it('the example group adds no parameter: links without an account stay as they were', () => {
    expect(searchFor({ ...DEFAULTS, focus: 0.5 }, 'de', 'EUR', 'de', EXAMPLE_ACCOUNT)).toBe('?focus=0.5');
    expect(encodeAccount(EXAMPLE_ACCOUNT)).toBeNull();
  });

  it('one edited cell is a short parameter that reads back as the same table', async () => {
    const ka = encodeAccount(edited());
    expect(ka).not.toBeNull();
    // {"entities":[0,{"revenue":120000}]} in base64url: 48 characters.
    expect(must(ka).length).toBeLessThanOrEqual(48);
    const search = searchFor(DEFAULTS, 'de', 'EUR', 'de', edited());
    // The page loads the reader for a query with `ka=` (and only then).
    const parsed = parseLocationSearch(search, await accountReaderFor(search));
    expect(parsed.problems).toEqual([]);
    expect(sameAccount(must(parsed.account), edited())).toBe(true);
  });

  it('a query without a key account loads no reader for it', async () => {
    expect(await accountReaderFor('?focus=0.5&lang=en')).toBeUndefined();
    expect(await accountReaderFor('?ka=e30')).toBe(decodeAccount);
  });

  it('added and deleted rows travel as the whole table', () => {
    const account = copyAccount(EXAMPLE_ACCOUNT);
    account.entities = [must(account.entities[2]), newEntity('Nordstahl Italia')];
    expect(sameAccount(must(decodeAccount(must(encodeAccount(account)))), account)).toBe(true);
  });

  it('a malformed value is named, and the example group stays', () => {
    for (const raw of ['', 'nicht-base64!', btoa('{"entities":[0,{"marginRate":3}]}'), btoa('{"evil":1}'), btoa('[1,2]')]) {
      const parsed = parseLocationSearch(`?ka=${encodeURIComponent(raw)}&focus=0.5`, decodeAccount);
      expect(parsed.account).toBeNull();
      expect(parsed.problems).toEqual([{ key: 'ka', raw, reason: 'invalidAccount' }]);
      expect(parsed.scenario.focus).toBe(0.5);
    }
  });

  it('any edit of a number within its range survives the link (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (row, revenue, churn) => {
        const account = copyAccount(EXAMPLE_ACCOUNT);
        account.entities[row] = { ...must(account.entities[row]), revenue, churnRate: churn };
        const back = decodeAccount(encodeAccount(account) ?? '');
        // The unchanged example has no parameter; anything else comes back equal.
        return sameAccount(account, EXAMPLE_ACCOUNT) ? back === null : back !== null && sameAccount(back, account);
      }),
    );
  });
});
