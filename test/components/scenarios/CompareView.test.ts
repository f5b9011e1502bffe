// The comparison compares decisions (issue 12): three scenarios that differ
// only in f or applyDrop show three different results, and the figures that
// are the same everywhere fold into "unchanged".
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import CompareView from '../../../src/components/scenarios/CompareView.svelte';
import { computeResults, createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { kpisOf } from '../../../src/engine/results.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import type { StoredScenario } from '../../../src/persistence/schema.ts';

const SMALL: Partial<Scenario> = { customers: 1000 };
const DECISIONS: [string, Partial<Scenario>][] = [
  ['Gießkanne', { focus: 0 }],
  ['Fokus auf A', { focus: 0.6 }],
  ['Schlechteste 10 % entfernen', { applyDrop: 1 }],
];

function stored(name: string, scenario: Partial<Scenario>, index: number): StoredScenario {
  const at = new Date(Date.UTC(2026, 11, 1, 12, index)).toISOString();
  return { id: `s${index}`, name, notes: '', scenario: { ...SMALL, ...scenario }, createdAt: at, updatedAt: at, appVersion: 'test', summary: null };
}

function cells(root: ParentNode, figure: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`td[data-compare="${figure}"]`)];
}

beforeEach(() => {
  i18n.locale = 'de';
});
afterEach(() => {
  i18n.locale = 'de';
});

describe('CompareView', () => {
  it('shows three different decision results and folds the unchanged figures', { timeout: 30_000 }, async () => {
    const compared = DECISIONS.map(([name, s], index) => stored(name, s, index));
    render(CompareView, { compared, computeMany: async (list: readonly Scenario[]) => list.map((s) => createEngine().compute(s)) });
    await screen.findByText('Entscheidung', {}, { timeout: 20_000 });
    const table = document.querySelector<HTMLElement>('table.compare-table');
    if (!table) throw new Error('no table');

    const values = cells(table, 'decisionValue').map((cell) => Number(cell.dataset.value));
    const expected = DECISIONS.map(([, s]) => kpisOf(computeResults({ ...DEFAULTS, ...SMALL, ...s })).decisionValue);
    expect(values).toEqual(expected);
    expect(new Set(values).size).toBe(3);
    // The change to the first scenario in money and in percent.
    expect(cells(table, 'decisionValue')[1]?.textContent).toMatch(/^\s*[\d.]+\s€\s*\+[\d.]+\s€\s*\(\+[\d,]+\s%\)/u);

    // Decision rows that differ are shown in the "Entscheidung" group.
    const decisionGroup = table.querySelector<HTMLElement>('tbody[data-group="decision"]');
    if (!decisionGroup) throw new Error('no decision group');
    expect(within(decisionGroup).getByText('Fokus f')).toBeVisible();
    expect(cells(decisionGroup, 'focus').map((c) => c.dataset.value)).toEqual(['0', '0.6', '0']);
    expect(cells(decisionGroup, 'applyDrop').map((c) => c.textContent?.trim())).toEqual(['nein', 'nein', 'ja']);

    // The single customer's figures are the same in all three: folded away, not in the table.
    expect(cells(table, 'clv')).toHaveLength(0);
    const unchanged = document.querySelector<HTMLDetailsElement>('details.compare-unchanged');
    if (!unchanged) throw new Error('no unchanged fold');
    expect(unchanged.open).toBe(false);
    expect(cells(unchanged, 'clv')).toHaveLength(3);
    expect(cells(unchanged, 'dropShare')).toHaveLength(3);
    expect(unchanged.querySelector('summary')?.textContent).toMatch(/^\d+ Kennzahlen sind in allen Szenarien gleich$/);
    // Every cell carries its figure name and raw number.
    for (const cell of document.querySelectorAll<HTMLElement>('.compare-table td')) {
      expect(cell.dataset.compare).toBeTruthy();
      expect(cell.dataset.value).toBeDefined();
    }
  });
});
