// The Konzernkunde tab's account and the worker's answers. The account is
// one immutable object (`$state.raw`), replaced on every edit, so it goes to
// the worker as is and every edit can be undone by keeping the one before.
// Requests go through a Query: the view renders the account and scenario of
// the answer it shows, never an edit the worker has not answered yet.
import type { Scenario } from '../engine/parameters.ts';
import {
  copyAccount,
  EXAMPLE_ACCOUNT,
  MAX_ENTITIES,
  newEntity,
  type KeyAccount,
  type KeyAccountEntity,
  type KeyAccountResult,
} from '../engine/keyAccount/index.ts';
import { Query } from './query.svelte.ts';

export type KeyAccountRunner = (scenario: Scenario, account: KeyAccount) => Promise<KeyAccountResult>;

export interface KeyAccountRequest {
  scenario: Scenario;
  account: KeyAccount;
}

/** What the last undoable change was, for the Undo button's label. */
export type UndoKind = 'delete' | 'edit' | 'move' | 'add' | 'import' | 'reset';

/** Undo goes back this many changes: enough for a session, bounded memory. */
const UNDO_DEPTH = 50;

export class KeyAccountState {
  account = $state.raw<KeyAccount>(copyAccount(EXAMPLE_ACCOUNT));
  /** Earlier accounts, newest last, each with the change that replaced it. */
  #undo = $state.raw<{ account: KeyAccount; kind: UndoKind }[]>([]);
  readonly query: Query<KeyAccountRequest, KeyAccountResult>;

  constructor(run: KeyAccountRunner) {
    this.query = new Query<KeyAccountRequest, KeyAccountResult>((r) => run(r.scenario, r.account));
  }

  get current(): KeyAccountResult | null {
    return this.query.value;
  }

  /** The kind of change Undo would take back, or null when there is none. */
  get undoKind(): UndoKind | null {
    return this.#undo.at(-1)?.kind ?? null;
  }

  request(scenario: Scenario): void {
    this.query.ask({ scenario, account: this.account });
  }

  #replace(next: KeyAccount, kind: UndoKind): void {
    this.#undo = [...this.#undo.slice(-(UNDO_DEPTH - 1)), { account: this.account, kind }];
    this.account = next;
  }

  undo(): void {
    const last = this.#undo.at(-1);
    if (!last) return;
    this.#undo = this.#undo.slice(0, -1);
    this.account = last.account;
  }

  /** Replaces the whole account (a saved scenario, a link): not undoable, it is a new start. */
  load(account: KeyAccount): void {
    this.#undo = [];
    this.account = copyAccount(account);
  }

  /** Replaces the entities from a file; undoable. */
  importEntities(entities: readonly KeyAccountEntity[]): void {
    this.#replace({ ...this.account, entities: entities.map((e) => ({ ...e })) }, 'import');
  }

  reset(): void {
    this.#replace(copyAccount(EXAMPLE_ACCOUNT), 'reset');
  }

  setEntity(index: number, patch: Partial<KeyAccountEntity>): void {
    const entities = this.account.entities.map((e, i) => (i === index ? { ...e, ...patch } : e));
    this.#replace({ ...this.account, entities }, 'edit');
  }

  setAccount(patch: Partial<Pick<KeyAccount, 'managementCostPerYear' | 'salesHoursAvailable' | 'costPerHour'>>): void {
    this.#replace({ ...this.account, ...patch }, 'edit');
  }

  setProgramme(patch: Partial<KeyAccount['programme']>): void {
    this.#replace({ ...this.account, programme: { ...this.account.programme, ...patch } }, 'edit');
  }

  /** Adds an entity at the end; false when the table is full. */
  add(name: string): boolean {
    if (this.account.entities.length >= MAX_ENTITIES) return false;
    this.#replace({ ...this.account, entities: [...this.account.entities, newEntity(name)] }, 'add');
    return true;
  }

  remove(index: number): void {
    this.#replace({ ...this.account, entities: this.account.entities.filter((_, i) => i !== index) }, 'delete');
  }

  /** Moves an entity one row up (-1) or down (+1); false at the table's edge. */
  move(index: number, by: -1 | 1): boolean {
    const to = index + by;
    const entities = [...this.account.entities];
    const entity = entities[index];
    const other = entities[to];
    if (entity === undefined || other === undefined) return false;
    entities[to] = entity;
    entities[index] = other;
    this.#replace({ ...this.account, entities }, 'move');
    return true;
  }
}
