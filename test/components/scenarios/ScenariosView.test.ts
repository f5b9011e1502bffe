import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ScenariosView from '../../../src/components/scenarios/ScenariosView.svelte';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { ParametersState } from '../../../src/state/parameters.svelte.ts';
import { ScenariosState } from '../../../src/state/scenarios.svelte.ts';

const SMALL: Scenario = { ...DEFAULTS, customers: 1000 };

async function setup() {
  const scenarios = new ScenariosState();
  // No IndexedDB in jsdom: the memory store, exactly what private mode gets.
  await scenarios.init(null);
  const params = new ParametersState(SMALL);
  const engine = createEngine();
  const computeMany = async (list: readonly Scenario[]) => list.map((s) => createEngine().compute(s));
  const view = render(ScenariosView, {
    scenarios,
    params,
    results: engine.compute(SMALL),
    computeMany,
    onopened: () => undefined,
  });
  return { scenarios, params, view };
}

async function save(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.clear(screen.getByLabelText('Scenario name'));
  await user.type(screen.getByLabelText('Scenario name'), name);
  await user.click(screen.getByRole('button', { name: 'Save as new scenario' }));
  await screen.findByText(name, { selector: '.scenario-name' });
}

beforeEach(() => {
  i18n.locale = 'en';
});
afterEach(() => {
  i18n.locale = 'de';
});

describe('ScenariosView', () => {
  it('says that nothing is kept when storage is not available', async () => {
    await setup();
    expect(screen.getByText(/Browser storage \(IndexedDB\) is not available/)).toBeVisible();
  });

  it('saves under a name, finds by search and sorts by lifetime profit', async () => {
    const user = userEvent.setup();
    const { params } = await setup();
    await save(user, 'Watering can');
    params.set('acquisitionCost', 100);
    await save(user, 'Cheap to win');
    const names = () => screen.getAllByText(/./, { selector: '.scenario-name' }).map((n) => n.textContent);
    await user.selectOptions(screen.getByLabelText('Sort by'), 'lifetimeProfit');
    // A = 100 gives 239.38 lifetime profit, A = 300 gives 39.38: the cheaper one first.
    expect(names()).toEqual(['Cheap to win', 'Watering can']);
    await user.type(screen.getByLabelText('Search by name'), 'WATER');
    expect(names()).toEqual(['Watering can']);
    expect(screen.getByText('1 of 2')).toBeVisible();
  });

  it('renames by keyboard, and deletes with undo', async () => {
    const user = userEvent.setup();
    const { scenarios } = await setup();
    await save(user, 'Draft');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByLabelText('New name for “Draft”');
    await user.clear(field);
    await user.type(field, 'Final{Enter}');
    await screen.findByText('Final', { selector: '.scenario-name' });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.queryByText('Final', { selector: '.scenario-name' })).toBeNull();
    expect(scenarios.scenarios).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('Final', { selector: '.scenario-name' });
  });

  it('compares two scenarios with the engine’s figures and their difference', async () => {
    const user = userEvent.setup();
    const { params } = await setup();
    await save(user, 'Base');
    params.set('acquisitionCost', 200);
    await save(user, 'Cheaper');
    for (const checkbox of screen.getAllByRole('checkbox')) await user.click(checkbox);
    const table = await screen.findByRole('table', { name: 'Comparison' });
    const profit = within(table).getByRole('row', { name: /Lifetime profit per customer/ });
    const engine = createEngine();
    const base = engine.compute({ ...SMALL }).customer.lifetimeProfit;
    const cells = profit.querySelectorAll<HTMLElement>('[data-compare="lifetimeProfit"]');
    // Sorted by last change: "Cheaper" is listed and ticked first, so it is the reference.
    const values = [...cells].map((cell) => Number(cell.dataset.value));
    expect(values.sort((a, b) => a - b)).toEqual([base, base + 100].sort((a, b) => a - b));
    expect(profit.textContent).toMatch(/€100/);
  });
});
