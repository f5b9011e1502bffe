// Import through ScenariosState: the list figures of imported scenarios are
// recomputed by the engine (not taken from the file), within a size that
// keeps the import quick.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { computeResults } from '../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../src/engine/parameters.ts';
import { ScenariosState, SUMMARIZED_IMPORT_LIMIT, summaryOf } from '../../src/state/scenarios.svelte.ts';

function exportOf(count: number): string {
  const scenarios = Array.from({ length: count }, (_, i) => ({ name: `Kurs ${i + 1}`, customers: 100, churnRate: 0.1 + (i % 5) * 0.05 }));
  return JSON.stringify({ format: 'kundenwert-scenarios', version: 1, scenarios });
}

async function stateWithEngine(): Promise<{ state: ScenariosState; runs: number[] }> {
  const state = new ScenariosState();
  await state.init(new IDBFactory(), null);
  const runs: number[] = [];
  state.summarize = async (list: readonly Scenario[]) => {
    runs.push(list.length);
    return list.map((scenario) => summaryOf(computeResults(scenario)));
  };
  return { state, runs };
}

describe('ScenariosState import', () => {
  it('a small import gets each scenario its own recomputed figures', async () => {
    const { state, runs } = await stateWithEngine();
    await state.importText(exportOf(3));
    await state.refresh();
    expect(runs).toEqual([3]);
    const byName = new Map(state.scenarios.map((s) => [s.name, s]));
    const third = byName.get('Kurs 3');
    const expected = summaryOf(computeResults({ ...DEFAULTS, customers: 100, churnRate: 0.2 }));
    expect(third?.summary?.lifetimeProfit).toBeCloseTo(expected.lifetimeProfit, 6);
  });

  it('a bulk import beyond the limit is stored at once without figures, with nothing lost', async () => {
    const { state, runs } = await stateWithEngine();
    await state.importText(exportOf(SUMMARIZED_IMPORT_LIMIT + 1));
    await state.refresh();
    expect(runs).toEqual([]);
    expect(state.scenarios).toHaveLength(SUMMARIZED_IMPORT_LIMIT + 1);
    expect(state.scenarios.every((s) => s.summary === null)).toBe(true);
  });
});

