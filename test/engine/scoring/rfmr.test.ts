import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RFMR_TABLE,
  checkRfmrTable,
  orderValuePoints,
  recencyPoints,
  rfmrScore,
  rfmrScores,
  type RfmrCustomer,
} from '../../../src/engine/scoring/rfmr.ts';

// A small table of customers with their scores worked out by hand from
// MODEL.md section 5's default table (start 25).
const TABLE: readonly (RfmrCustomer & { expected: number; working: string })[] = [
  {
    recencyMonths: 2, purchases: 5, averageOrderValue: 120, returns: 1, catalogues: 4, mailings: 8,
    expected: 75, working: '25 + 40 + 5*6 + 25 - 5 - 4*6 - 8*2 = 75',
  },
  {
    recencyMonths: 10, purchases: 1, averageOrderValue: 40, returns: 0, catalogues: 4, mailings: 2,
    expected: 13, working: '25 + 5 + 6 + 5 - 0 - 24 - 4 = 13',
  },
  {
    recencyMonths: 30, purchases: 0, averageOrderValue: 0, returns: 0, catalogues: 4, mailings: 6,
    expected: -31, working: '25 - 25 + 0 + 5 - 0 - 24 - 12 = -31',
  },
  {
    recencyMonths: 3, purchases: 12, averageOrderValue: 600, returns: 2, catalogues: 0, mailings: 0,
    expected: 167, working: '25 + 40 + 72 + 40 - 10 = 167',
  },
];

describe('rfmrScore(table, customer) with the default table of MODEL.md section 5', () => {
  it('customer 1: 25 + 40 + 5*6 + 25 - 5 - 4*6 - 8*2 = 75', () => {
    expect(rfmrScore(DEFAULT_RFMR_TABLE, TABLE[0] as RfmrCustomer)).toBe(75);
  });
  it('customer 2: 25 + 5 (10 months: within 12) + 6 + 5 (40 < 50) - 24 - 4 = 13', () => {
    expect(rfmrScore(DEFAULT_RFMR_TABLE, TABLE[1] as RfmrCustomer)).toBe(13);
  });
  it('customer 3 (no purchase for 30 months): 25 - 25 + 0 + 5 - 24 - 12 = -31', () => {
    expect(rfmrScore(DEFAULT_RFMR_TABLE, TABLE[2] as RfmrCustomer)).toBe(-31);
  });
  it('customer 4: 25 + 40 + 12*6 + 40 (> 500) - 2*5 = 167', () => {
    expect(rfmrScore(DEFAULT_RFMR_TABLE, TABLE[3] as RfmrCustomer)).toBe(167);
  });
  it('rfmrScores gives the same per customer from plain arrays', () => {
    const pick = (key: keyof RfmrCustomer) => TABLE.map((c) => c[key]);
    const scores = rfmrScores(DEFAULT_RFMR_TABLE, {
      recencyMonths: pick('recencyMonths'),
      purchases: pick('purchases'),
      averageOrderValue: pick('averageOrderValue'),
      returns: pick('returns'),
      catalogues: pick('catalogues'),
      mailings: pick('mailings'),
    });
    expect(Array.from(scores)).toEqual([75, 13, -31, 167]);
  });
});

describe('band boundaries', () => {
  it('"within 3 months" includes exactly 3 months; 3.01 months falls into "within 6"', () => {
    expect(recencyPoints(DEFAULT_RFMR_TABLE, 3)).toBe(40);
    expect(recencyPoints(DEFAULT_RFMR_TABLE, 3.01)).toBe(25);
    expect(recencyPoints(DEFAULT_RFMR_TABLE, 24)).toBe(-15);
    expect(recencyPoints(DEFAULT_RFMR_TABLE, 24.5)).toBe(-25);
  });
  it('an order value exactly on a limit belongs to the upper band: 50 -> 15, 500 -> 40', () => {
    expect(orderValuePoints(DEFAULT_RFMR_TABLE, 49.99)).toBe(5);
    expect(orderValuePoints(DEFAULT_RFMR_TABLE, 50)).toBe(15);
    expect(orderValuePoints(DEFAULT_RFMR_TABLE, 499.99)).toBe(35);
    expect(orderValuePoints(DEFAULT_RFMR_TABLE, 500)).toBe(40);
  });
  it('an edited row changes the score by exactly the edit', () => {
    const edited = { ...DEFAULT_RFMR_TABLE, perPurchase: 10 };
    expect(rfmrScore(edited, TABLE[0] as RfmrCustomer)).toBe(75 + 5 * 4);
  });
});

describe('checkRfmrTable', () => {
  it('accepts the default table', () => {
    expect(checkRfmrTable(DEFAULT_RFMR_TABLE)).toBeNull();
  });
  it('refuses limits out of order and non-numbers', () => {
    const unordered = { ...DEFAULT_RFMR_TABLE, recency: [{ withinMonths: 6, points: 1 }, { withinMonths: 3, points: 2 }] };
    expect(checkRfmrTable(unordered)).toBe('rfmrBandsUnordered');
    expect(checkRfmrTable({ ...DEFAULT_RFMR_TABLE, start: Number.NaN })).toBe('rfmrNotFinite');
  });
});
