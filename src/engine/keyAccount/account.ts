// The key account as data: a group of companies whose entities (subsidiaries,
// plants, country organisations) each buy in our category. Brief 000: a
// single customer in a group structure often has to be treated as a market
// of its own. Inputs only; the figures are in value.ts, programme.ts and
// ranking.ts. Money per year in the scenario's currency, rates as fractions.

/** The portfolio segment by value an entity resembles (A = top 20 %, B = next 30 %, C = bottom 50 %). */
export type AccountSegment = 'A' | 'B' | 'C';

export const ACCOUNT_SEGMENTS: readonly AccountSegment[] = ['A', 'B', 'C'];

export interface KeyAccountEntity {
  name: string;
  segment: AccountSegment;
  /** What the entity buys per year in our category, from anyone. */
  potential: number;
  /** What it buys from us per year today. */
  revenue: number;
  /** Gross margin rate on its revenue (contribution margin I). */
  marginRate: number;
  /** Orders it places with us per year today. */
  ordersPerYear: number;
  /** Its own yearly care and service load (key account staff, visits, special service). */
  costToServe: number;
  /** Probability that the entity's business with us ends in a year. */
  churnRate: number;
  /** Probability that pursuing its whitespace wins it. */
  winProbability: number;
  /** Sales hours needed to pursue its whitespace. */
  salesHours: number;
}

export interface KeyAccountProgramme {
  /** Yearly cost of the programme: a dedicated team, extra service. */
  costPerYear: number;
  /** One-off cost at the start (t = 0): setting up the team, analysis, contracts. */
  startCost: number;
  /** Points of potential the programme wins per year in every entity (capped at the potential). */
  shareGainPerYear: number;
}

export interface KeyAccount {
  name: string;
  entities: KeyAccountEntity[];
  /** Group-level account management per year (the key account manager, central agreements). */
  managementCostPerYear: number;
  programme: KeyAccountProgramme;
  /** Sales hours available for the account per year. */
  salesHoursAvailable: number;
  costPerHour: number;
}

export type EntityNumberKey = Exclude<keyof KeyAccountEntity, 'name' | 'segment'>;

export interface Limit {
  readonly min: number;
  readonly max: number;
}

/** Allowed ranges, shared by the table, the file and link readers and the engine's checks. */
export const ENTITY_LIMITS: Readonly<Record<EntityNumberKey, Limit>> = Object.freeze({
  potential: { min: 0, max: 1e10 },
  revenue: { min: 0, max: 1e10 },
  marginRate: { min: 0, max: 1 },
  ordersPerYear: { min: 0, max: 1e6 },
  costToServe: { min: 0, max: 1e9 },
  churnRate: { min: 0, max: 1 },
  winProbability: { min: 0, max: 1 },
  // At least one hour: value per hour divides by it.
  salesHours: { min: 1, max: 1e5 },
});

export const ENTITY_NUMBER_KEYS = Object.keys(ENTITY_LIMITS) as EntityNumberKey[];

export type AccountNumberKey = 'managementCostPerYear' | 'salesHoursAvailable' | 'costPerHour';
export type ProgrammeKey = keyof KeyAccountProgramme;

export const ACCOUNT_LIMITS: Readonly<Record<AccountNumberKey, Limit>> = Object.freeze({
  managementCostPerYear: { min: 0, max: 1e9 },
  salesHoursAvailable: { min: 0, max: 1e6 },
  costPerHour: { min: 0, max: 1e5 },
});

export const PROGRAMME_LIMITS: Readonly<Record<ProgrammeKey, Limit>> = Object.freeze({
  costPerYear: { min: 0, max: 1e9 },
  startCost: { min: 0, max: 1e9 },
  shareGainPerYear: { min: 0, max: 1 },
});

export const MAX_ENTITIES = 100;
export const MAX_NAME_LENGTH = 100;

/**
 * The example group: a steel-processing group with six entities, our
 * revenue concentrated at the head office, large whitespace abroad.
 * Shares of wallet from 6 % (Ohio) to 75 % (service company).
 */
export const EXAMPLE_ACCOUNT: Readonly<KeyAccount> = Object.freeze({
  name: 'Nordstahl',
  entities: [
    { name: 'Nordstahl AG, Essen', segment: 'A', potential: 900_000, revenue: 360_000, marginRate: 0.28, ordersPerYear: 48, costToServe: 18_000, churnRate: 0.05, winProbability: 0.5, salesHours: 120 },
    { name: 'Nordstahl Polska', segment: 'B', potential: 420_000, revenue: 60_000, marginRate: 0.32, ordersPerYear: 24, costToServe: 6_000, churnRate: 0.12, winProbability: 0.35, salesHours: 60 },
    { name: 'Nordstahl Ostrava', segment: 'B', potential: 300_000, revenue: 150_000, marginRate: 0.3, ordersPerYear: 30, costToServe: 9_000, churnRate: 0.08, winProbability: 0.45, salesHours: 40 },
    { name: 'Nordstahl France', segment: 'C', potential: 250_000, revenue: 25_000, marginRate: 0.35, ordersPerYear: 10, costToServe: 4_000, churnRate: 0.15, winProbability: 0.25, salesHours: 50 },
    { name: 'Nordstahl Service GmbH', segment: 'A', potential: 120_000, revenue: 90_000, marginRate: 0.22, ordersPerYear: 60, costToServe: 12_000, churnRate: 0.06, winProbability: 0.6, salesHours: 20 },
    { name: 'Nordstahl Inc., Ohio', segment: 'C', potential: 600_000, revenue: 15_000, marginRate: 0.3, ordersPerYear: 6, costToServe: 3_000, churnRate: 0.2, winProbability: 0.2, salesHours: 100 },
  ].map((entity) => Object.freeze(entity as KeyAccountEntity)),
  managementCostPerYear: 25_000,
  programme: Object.freeze({ costPerYear: 60_000, startCost: 40_000, shareGainPerYear: 0.05 }),
  salesHoursAvailable: 200,
  costPerHour: 80,
}) as Readonly<KeyAccount>;

/** A deep, mutable copy (the frozen example must never be edited in place). */
export function copyAccount(account: Readonly<KeyAccount>): KeyAccount {
  return {
    ...account,
    entities: account.entities.map((entity) => ({ ...entity })),
    programme: { ...account.programme },
  };
}

/** A new, empty entity as the table adds it: no revenue yet, typical rates. */
export function newEntity(name: string): KeyAccountEntity {
  return { name, segment: 'B', potential: 100_000, revenue: 0, marginRate: 0.3, ordersPerYear: 0, costToServe: 0, churnRate: 0.1, winProbability: 0.3, salesHours: 40 };
}

function sameEntity(a: Readonly<KeyAccountEntity>, b: Readonly<KeyAccountEntity>): boolean {
  return a.name === b.name && a.segment === b.segment && ENTITY_NUMBER_KEYS.every((key) => a[key] === b[key]);
}

/** Field by field, so that the key order of a parsed file never matters. */
export function sameAccount(a: Readonly<KeyAccount>, b: Readonly<KeyAccount>): boolean {
  return (
    a.name === b.name &&
    a.managementCostPerYear === b.managementCostPerYear &&
    a.salesHoursAvailable === b.salesHoursAvailable &&
    a.costPerHour === b.costPerHour &&
    (Object.keys(PROGRAMME_LIMITS) as ProgrammeKey[]).every((key) => a.programme[key] === b.programme[key]) &&
    a.entities.length === b.entities.length &&
    a.entities.every((entity, index) => {
      const other = b.entities[index];
      return other !== undefined && sameEntity(entity, other);
    })
  );
}

export function inLimit(value: unknown, limit: Limit): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= limit.min && value <= limit.max;
}
