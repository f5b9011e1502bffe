// Reading the key account of a link (`ka=`, written by accountLink.ts):
// strict, anything malformed yields null. Apart from the writer because its
// checks (valibot) are needed only when a link carries an account, so other
// pages load none of them before the first chart (issue 13).
import * as v from 'valibot';
import { EXAMPLE_ACCOUNT, copyAccount, type KeyAccount } from '../engine/keyAccount/account.ts';
import { KeyAccountSchema } from '../persistence/schema.ts';

/** Longest `ka=` value read: 100 entities fit well below it; anything longer is not ours. */
const MAX_LENGTH = 40_000;

function fromBase64Url(raw: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const binary = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
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
