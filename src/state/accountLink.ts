// The key account in a link (`ka=`): only what differs from the example
// group, as JSON in base64url, so an edited cell costs a few dozen
// characters and the address needs no percent-escapes. Reading is strict:
// anything malformed yields null, and the caller keeps the example group
// and says so (accountLinkRead.ts: it brings valibot, so it loads only for a
// link that has a `ka=`). Pure, so it is tested without a browser.
import {
  ACCOUNT_LIMITS,
  EXAMPLE_ACCOUNT,
  PROGRAMME_LIMITS,
  sameAccount,
  type AccountNumberKey,
  type KeyAccount,
  type KeyAccountEntity,
  type ProgrammeKey,
} from '../engine/keyAccount/account.ts';

export const ACCOUNT_QUERY_KEY = 'ka';

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

/** The `ka=` value of an account, or null for the example group (no parameter then). */
export function encodeAccount(account: Readonly<KeyAccount> | null | undefined): string | null {
  if (!account || sameAccount(account, EXAMPLE_ACCOUNT)) return null;
  return toBase64Url(JSON.stringify(accountDiff(account)));
}

