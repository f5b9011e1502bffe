// The key account in a link (`ka=`): only what differs from the example
// group, as JSON in base64url, so an edited cell costs a few dozen
// characters and the address needs no percent-escapes. Reading is strict:
// anything malformed yields null, and the caller keeps the example group
// and says so. Pure, so it is tested without a browser.
import * as v from 'valibot';
import {
  ACCOUNT_LIMITS,
  EXAMPLE_ACCOUNT,
  PROGRAMME_LIMITS,
  copyAccount,
  sameAccount,
  type AccountNumberKey,
  type KeyAccount,
  type KeyAccountEntity,
  type ProgrammeKey,
} from '../engine/keyAccount/account.ts';
import { KeyAccountSchema } from '../persistence/schema.ts';

export const ACCOUNT_QUERY_KEY = 'ka';

/** Longest `ka=` value read: 100 entities fit well below it; anything longer is not ours. */
const MAX_LENGTH = 40_000;

type EntityPatch = Partial<KeyAccountEntity>;

/**
 * What differs from the example: changed account fields by name, `programme`
 * with its changed fields, and `entities` either as one patch per row (0 for
 * an unchanged row, trailing ones left out) when the rows are the example's
 * six, or `rows` with the whole table when rows were added or deleted.
 */
interface AccountDiff {
  name?: string;
  managementCostPerYear?: number;
  salesHoursAvailable?: number;
  costPerHour?: number;
  programme?: Partial<KeyAccount['programme']>;
  entities?: (0 | EntityPatch)[];
  rows?: KeyAccountEntity[];
}

function entityPatch(entity: KeyAccountEntity, example: Readonly<KeyAccountEntity>): 0 | EntityPatch {
  const patch: EntityPatch = {};
  for (const key of Object.keys(entity) as (keyof KeyAccountEntity)[]) {
    if (entity[key] !== example[key]) Object.assign(patch, { [key]: entity[key] });
  }
  return Object.keys(patch).length === 0 ? 0 : patch;
}

export function accountDiff(account: Readonly<KeyAccount>): AccountDiff {
  const diff: AccountDiff = {};
  if (account.name !== EXAMPLE_ACCOUNT.name) diff.name = account.name;
  for (const key of Object.keys(ACCOUNT_LIMITS) as AccountNumberKey[]) {
    if (account[key] !== EXAMPLE_ACCOUNT[key]) diff[key] = account[key];
  }
  const programme: Partial<KeyAccount['programme']> = {};
  for (const key of Object.keys(PROGRAMME_LIMITS) as ProgrammeKey[]) {
    if (account.programme[key] !== EXAMPLE_ACCOUNT.programme[key]) programme[key] = account.programme[key];
  }
  if (Object.keys(programme).length > 0) diff.programme = programme;
  if (account.entities.length === EXAMPLE_ACCOUNT.entities.length) {
    const patches = account.entities.map((entity, index) => entityPatch(entity, EXAMPLE_ACCOUNT.entities[index] as KeyAccountEntity));
    while (patches.at(-1) === 0) patches.pop();
    if (patches.length > 0) diff.entities = patches;
  } else {
    diff.rows = account.entities.map((entity) => ({ ...entity }));
  }
  return diff;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(raw: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const binary = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The `ka=` value of an account, or null for the example group (no parameter then). */
export function encodeAccount(account: Readonly<KeyAccount> | null | undefined): string | null {
  if (!account || sameAccount(account, EXAMPLE_ACCOUNT)) return null;
  return toBase64Url(JSON.stringify(accountDiff(account)));
}

const PatchSchema = v.strictObject({
  name: v.optional(v.unknown()),
  managementCostPerYear: v.optional(v.unknown()),
  salesHoursAvailable: v.optional(v.unknown()),
  costPerHour: v.optional(v.unknown()),
  programme: v.optional(v.record(v.string(), v.unknown())),
  entities: v.optional(v.array(v.union([v.literal(0), v.record(v.string(), v.unknown())]))),
  rows: v.optional(v.array(v.unknown())),
});

/** The account a `ka=` value describes, or null when it is malformed or out of range. */
export function decodeAccount(raw: string): KeyAccount | null {
  if (raw.length === 0 || raw.length > MAX_LENGTH) return null;
  const text = fromBase64Url(raw);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const diff = v.safeParse(PatchSchema, json);
  if (!diff.success) return null;
  const { programme, entities, rows, ...fields } = diff.output;
  if (entities !== undefined && rows !== undefined) return null;
  if (entities !== undefined && entities.length > EXAMPLE_ACCOUNT.entities.length) return null;
  const base = copyAccount(EXAMPLE_ACCOUNT);
  const merged: Record<string, unknown> = {
    ...base,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    programme: { ...base.programme, ...programme },
    entities: rows ?? base.entities.map((entity, index) => {
      const patch = entities?.[index];
      return patch ? { ...entity, ...patch } : entity;
    }),
  };
  // The whole account through the same checks as a stored one: a patch cannot smuggle in a key or a value.
  const checked = v.safeParse(KeyAccountSchema, merged);
  return checked.success ? (checked.output as KeyAccount) : null;
}
