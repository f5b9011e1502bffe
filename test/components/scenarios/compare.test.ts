import { describe, expect, it } from 'vitest';
import { compareRows } from '../../../src/components/scenarios/compare.ts';
import { computeResults } from '../../../src/engine/index.ts';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import { expectClose } from '../../engine/close.ts';

describe('compareRows', () => {
  const base = computeResults({ ...DEFAULTS, customers: 1000 });
  const cheaper = computeResults({ ...DEFAULTS, customers: 1000, acquisitionCost: 200 });
  const rows = compareRows([base, cheaper]);
  const row = (key: string) => rows.find((r) => r.figure.key === key);

  it('acquisition cost 300 -> 200 raises the lifetime profit by exactly 100 (from 39.38: +253.9 %)', () => {
    const cell = row('lifetimeProfit')?.cells[1];
    expectClose(cell?.difference, 100, 1e-9);
    expectClose(cell?.relative, 100 / 39.38034925853668, 1e-9);
    expect(cell?.verdict).toBe('better');
  });

  it('leaves the CLV unchanged and says so', () => {
    expect(row('clv')?.cells[1]?.verdict).toBe('same');
  });

  it('the first scenario is the reference: no differences in its column', () => {
    expect(rows.every((r) => r.cells[0]?.difference === null)).toBe(true);
  });

  it('a shorter payback is better', () => {
    expect(row('paybackYears')?.cells[1]?.verdict).toBe('better');
  });
});

describe('compareRows with the key account (issue 17)', () => {
  const base = computeResults({ ...DEFAULTS, customers: 1000 });

  it('has a keyAccountValue row only when the accounts are given, with their difference', () => {
    expect(compareRows([base, base]).some((r) => r.figure.key === 'keyAccountValue')).toBe(false);
    const row = compareRows([base, base], [], [1_000_000, 1_250_000]).find((r) => r.figure.key === 'keyAccountValue');
    expect(row?.cells.map((c) => c.value)).toEqual([1_000_000, 1_250_000]);
    expect(row?.cells[1]?.difference).toBe(250_000);
    expect(row?.cells[1]?.relative).toBe(0.25);
    expect(row?.cells[1]?.verdict).toBe('better');
    expect(row?.unchanged).toBe(false);
  });
});
