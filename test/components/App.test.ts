import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';
import { createEngine } from '../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../src/engine/parameters.ts';
import { kpisOf, type Kpis } from '../../src/engine/results.ts';
import { formatMoney, formatPercent } from '../../src/i18n/format.ts';
import { i18n } from '../../src/i18n/i18n.svelte.ts';
import { ParametersState } from '../../src/state/parameters.svelte.ts';
import { ScenariosState } from '../../src/state/scenarios.svelte.ts';
import { ResultsState } from '../../src/state/results.svelte.ts';
import type { UrlProblem } from '../../src/state/url.ts';

const CONTRACT_KPIS: readonly (keyof Kpis)[] = [
  'decisionValue',
  'annualMargin',
  'clv',
  'lifetimeProfit',
  'paybackYears',
  'simpleLifetimeProfit',
  'paybackProbability',
  'top20RevenueShare',
  'customersFor80Revenue',
  'gini',
  'whalePeak',
  'whalePeakAt',
  'top20ValueShare',
  'worst10ValueShare',
  'negativeShare',
  'dropValueBefore',
  'dropValueAfter',
  'dropRealisticGain',
  'droppedImportantCount',
  'bestFocus',
  'valueAtBestFocus',
  'valueAtNoFocus',
];

/** A small portfolio keeps the real engine fast in jsdom. */
const SMALL: Scenario = { ...DEFAULTS, customers: 2000 };

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

function kpi(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-kpi="${name}"]`);
  if (!element) throw new Error(`no KPI ${name}`);
  return element;
}

/** The app with the real engine computing in the test's thread instead of a worker. */
async function renderApp(initial: Scenario = SMALL, problems: UrlProblem[] = []) {
  const engine = createEngine();
  const params = new ParametersState(initial, problems);
  const results = new ResultsState({ compute: async (scenario: Scenario) => engine.compute(scenario) });
  render(App, {
    params,
    results,
    scenarios: new ScenariosState(),
    computeMany: async (list: readonly Scenario[]) => list.map((scenario) => createEngine().compute(scenario)),
  });
  // The engine answers asynchronously, as the worker does.
  await waitFor(() => expect(results.current).not.toBeNull());
  return { params, results, engine };
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  i18n.locale = 'de';
});

describe('App', () => {
  it('every headline figure exists exactly once with the engine number as data-value', async () => {
    const { results } = await renderApp();
    const current = results.current;
    if (!current) throw new Error('no results');
    const expected = kpisOf(current);
    // The tabs out of view draw the answer once the page is idle, one task after the visible one.
    await waitFor(() => {
      for (const name of CONTRACT_KPIS) {
        expect(document.querySelectorAll(`[data-kpi="${name}"]`), name).toHaveLength(1);
        const value = expected[name];
        expect(kpi(name).dataset.value, name).toBe(value === null ? '' : String(value));
      }
    });
  });

  it('the figures shown are the engine numbers, formatted for German', async () => {
    const { results } = await renderApp();
    const customer = results.current?.customer;
    if (!customer) throw new Error('no results');
    // MODEL.md section 1 defaults: CLV 339.38, lifetime profit 39.38, payback 6.1 years.
    expect(plain(kpi('clv').querySelector('.kpi-value')?.textContent)).toBe(plain(formatMoney(customer.clv, 'de')));
    expect(plain(kpi('clv').querySelector('.kpi-value')?.textContent)).toBe('339,38 €');
    expect(plain(kpi('lifetimeProfit').querySelector('.kpi-value')?.textContent)).toBe('39,38 €');
    expect(plain(kpi('paybackYears').querySelector('.kpi-value')?.textContent)).toBe('6,1 Jahre');
    expect(plain(kpi('paybackProbability').querySelector('.kpi-value')?.textContent)).toBe(
      plain(formatPercent(customer.paybackProbability, 'de')),
    );
  });

  it('"how is this computed" shows the formula with the current numbers', async () => {
    await renderApp();
    const formula = kpi('annualMargin').querySelector('.formula');
    // s_o and s_y are written as subscripts, as on the formula board (issue 11, defect 8).
    expect(plain(formula?.textContent)).toBe('m = F × (V × g − so) − sy = 4 × (250,00 € × 30 % − 20,00 €) − 120,00 € = 100,00 € pro Jahr');
    expect([...(formula?.querySelectorAll('sub') ?? [])].map((sub) => sub.textContent)).toEqual(['o', 'y']);
  });

  it('moving a slider recomputes every figure', async () => {
    const { results } = await renderApp();
    const slider = screen.getByLabelText('Abwanderungsrate') as HTMLInputElement;
    slider.value = '10';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(results.current?.customer.clv).toBeGreaterThan(339.39));
    const clv = results.current?.customer.clv;
    await waitFor(() => expect(kpi('clv').dataset.value).toBe(String(clv)));
  });

  it('payback "never" leaves data-value empty and says so in words', async () => {
    await renderApp({ ...SMALL, serviceCostPerYear: 2000 });
    expect(kpi('paybackYears').dataset.value).toBe('');
    expect(kpi('paybackYears').querySelector('.kpi-value')).toHaveTextContent('nie');
    expect(plain(kpi('annualMargin').querySelector('.kpi-value')?.textContent)).toMatch(/^−/);
  });

  it('the language switch changes labels, number formats and the URL', async () => {
    const user = userEvent.setup();
    await renderApp();
    expect(screen.getByLabelText('Abwanderungsrate')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'EN' }));
    expect(screen.getByLabelText('Churn rate')).toBeInTheDocument();
    expect(screen.queryByLabelText('Abwanderungsrate')).toBeNull();
    expect(kpi('clv').querySelector('.kpi-value')).toHaveTextContent('€339.38');
    expect(document.documentElement.lang).toBe('en');
    expect(window.location.search).toBe('?customers=2000&lang=en');
  });

  it('the views are ARIA tabs: arrow keys move between them and set the hash; hidden views keep their figures', async () => {
    const user = userEvent.setup();
    await renderApp();
    const first = screen.getByRole('tab', { name: 'Einzelkunde' });
    expect(first).toHaveAttribute('aria-selected', 'true');
    first.focus();
    await user.keyboard('{ArrowRight}');
    const second = screen.getByRole('tab', { name: 'Portfolio' });
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(second).toHaveFocus();
    expect(window.location.hash).toBe('#portfolio');
    expect(document.getElementById('panel-kunde')).not.toBeVisible();
    expect(document.getElementById('panel-portfolio')).toBeVisible();
    expect(document.querySelectorAll('[data-kpi="clv"]')).toHaveLength(1);
    await user.keyboard('{End}');
    expect(screen.getAllByRole('tab').at(-1)).toHaveAttribute('aria-selected', 'true');
  });

  it('a problem in the URL shows a notice naming the parameter and its allowed range', async () => {
    await renderApp(SMALL, [{ key: 'churnRate', raw: '25', reason: 'outOfRange' }]);
    const status = screen.getByRole('status');
    expect(plain(within(status).getByText(/churnRate/).textContent)).toBe(
      'URL-Parameter churnRate (Abwanderungsrate) ignoriert: „25“ ist ungültig, erlaubt ist als Anteil 0 bis 1 (0.25 steht für 25 %).',
    );
  });

  it('presets and reset replace the scenario', async () => {
    const user = userEvent.setup();
    const { params } = await renderApp(DEFAULTS);
    await user.selectOptions(screen.getByLabelText('Beispielbetrieb'), 'onlineShop');
    expect(params.scenario.churnRate).toBe(0.45);
    expect(screen.getByLabelText('Abwanderungsrate')).toHaveValue('45');
    await user.click(screen.getByRole('button', { name: 'Zurücksetzen' }));
    expect(params.scenario).toEqual(DEFAULTS);
  });

  it('an engine failure shows a visible alert and the app keeps working', async () => {
    const params = new ParametersState(SMALL);
    const results = new ResultsState({ compute: () => Promise.reject(new Error('out of memory')) });
    render(App, {
      params,
      results,
      scenarios: new ScenariosState(),
      computeMany: () => Promise.reject(new Error('out of memory')),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Die Berechnung ist fehlgeschlagen: out of memory.');
    expect(kpi('clv').dataset.value).toBe('');
    expect(screen.getByLabelText('Abwanderungsrate')).toBeEnabled();
  });

  it('keeps the URL query in sync with the changed parameters, keeping the view hash', async () => {
    const user = userEvent.setup();
    await renderApp();
    const slider = screen.getByLabelText('Abwanderungsrate') as HTMLInputElement;
    slider.value = '10';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await user.click(screen.getByRole('tab', { name: 'Bereinigung' }));
    await waitFor(() => expect(window.location.search).toBe('?churnRate=0.1&customers=2000'));
    expect(window.location.hash).toBe('#bereinigung');
  });
});

describe('the Daten tab (issue 15, defect 5)', () => {
  it('hides the simulator controls and its "customers computed" status there, and shows them again elsewhere', async () => {
    const user = userEvent.setup();
    renderApp();
    const status = document.querySelector('.app-header .status');
    await waitFor(() => expect(plain(status?.textContent)).toMatch(/2\.000 Kunden in .* ms gerechnet/));
    expect(screen.getByRole('complementary', { name: 'Einstellungen' })).toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'Daten' }));
    expect(window.location.hash).toBe('#daten');
    expect(plain(status?.textContent).trim()).toBe('');
    expect(document.getElementById('controls')).not.toBeVisible();
    await user.click(screen.getByRole('tab', { name: 'Einzelkunde' }));
    expect(document.getElementById('controls')).toBeVisible();
    expect(plain(status?.textContent)).toMatch(/2\.000 Kunden in .* ms gerechnet/);
  });
});
