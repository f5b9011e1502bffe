// Every step of every lesson, driven through the app as a trainer would:
// the step sets the sliders, shows its view, marks its chart, and the marked
// headline figure shows what the real engine computes for that scenario.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import App from '../../../src/App.svelte';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { kpisOf, type Results } from '../../../src/engine/results.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { MESSAGES } from '../../../src/i18n/catalog.ts';
import { CHARTS, type FigureName } from '../../../src/lessons/catalog.ts';
import { LESSONS } from '../../../src/lessons/index.ts';
import { stepScenario } from '../../../src/lessons/schema.ts';
import { ParametersState } from '../../../src/state/parameters.svelte.ts';
import { ResultsState } from '../../../src/state/results.svelte.ts';
import { ScenariosState } from '../../../src/state/scenarios.svelte.ts';
import { searchFor } from '../../../src/state/url.ts';
import { KeyAccountState } from '../../../src/state/keyAccount.svelte.ts';
import { EXAMPLE_ACCOUNT, keyAccountKpis, type KeyAccountKpis } from '../../../src/engine/keyAccount/index.ts';

/** A small portfolio keeps the real engine fast in jsdom. */
const SMALL: Scenario = { ...DEFAULTS, customers: 1000 };

function renderApp(params = new ParametersState(SMALL)) {
  const engine = createEngine();
  const results = new ResultsState({ compute: async (scenario: Scenario) => engine.compute(scenario) });
  render(App, {
    params,
    results,
    scenarios: new ScenariosState(),
    computeMany: async (list: readonly Scenario[]) => list.map((scenario) => createEngine().compute(scenario)),
    // Lesson (i) uses the example group: steps set only scenario parameters.
    keyAccount: new KeyAccountState(async (scenario, account) => engine.keyAccount(scenario, account)),
  });
  return { params, results };
}

function isKeyAccountFigure(name: FigureName): name is keyof KeyAccountKpis {
  return name.startsWith('keyAccount');
}

function figureOf(scenario: Scenario, name: FigureName): number | null {
  const engine = createEngine();
  if (isKeyAccountFigure(name)) return keyAccountKpis(engine.keyAccount(scenario, EXAMPLE_ACCOUNT))[name];
  const results: Results = engine.compute(scenario);
  return name === 'repriceGain' ? results.drop.fix.repriceGain : kpisOf(results)[name];
}

/**
 * A lesson's card on the Lektionen tab, whose code loads when the tab is first
 * shown: the first load transforms the picker's modules, which takes over a
 * second when other test files run beside this one.
 */
async function lessonCard(selector: string): Promise<HTMLElement | null> {
  return waitFor(
    () => {
      const card = document.querySelector<HTMLElement>(selector);
      if (!card) throw new Error(`no ${selector} yet`);
      return card;
    },
    { timeout: 10_000 },
  );
}

function marked(kind: 'chart' | 'figure'): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-lesson-highlight="${kind}"]`);
}

beforeEach(() => {
  window.history.replaceState(null, '', '/#lektionen');
});

afterEach(() => {
  i18n.locale = 'de';
});

describe('lessons in the app', () => {
  for (const lesson of LESSONS) {
    // Each step runs the real engine on 2,000 customers: give shared CI cores room.
    it(`lesson ${lesson.id}: every step applies its parameters and the marked figure matches the engine`, { timeout: 30_000 }, async () => {
      const user = userEvent.setup();
      const { params } = renderApp();
      const card = await lessonCard(`[data-lesson-card="${lesson.id}"]`);
      if (!card) throw new Error(`no card for ${lesson.id}`);
      await user.click(within(card).getByRole('button', { name: MESSAGES.de['lessons.start'] }));

      for (const [index, step] of lesson.steps.entries()) {
        const label = `${lesson.id} step ${index + 1}`;
        const expectedScenario = stepScenario(step, SMALL);
        expect(params.scenario, label).toEqual(expectedScenario);
        expect(screen.getByText(MESSAGES.de['lessons.counter'].replace('{step}', String(index + 1)).replace('{count}', String(lesson.steps.length)))).toBeInTheDocument();
        expect(screen.getByRole('heading', { level: 2, name: step.title.de })).toBeInTheDocument();

        const spec = CHARTS[step.chart];
        const panel = document.getElementById(`panel-${spec.view}`);
        // The marked chart is the step's chart, in the view the step shows.
        // A view loaded on first opening (Konzernkunde) draws its charts only after its code and texts arrive.
        await waitFor(() => expect(marked('chart')?.dataset.chart, label).toBe(step.chart), { timeout: 10_000 });
        await waitFor(() => expect(marked('figure')?.dataset.kpi, label).toBe(step.kpi), { timeout: 10_000 });
        expect(window.location.hash, label).toBe(`#${spec.view}`);
        expect(panel?.hidden, label).toBe(false);
        expect(panel?.contains(marked('chart')), label).toBe(true);
        expect(marked('chart')?.querySelector('h3')?.textContent?.trim(), label).toBe(MESSAGES.de[spec.title]);

        const figure = marked('figure');
        expect(figure?.dataset.kpi, label).toBe(step.kpi);
        expect(panel?.contains(figure), label).toBe(true);
        expect(document.querySelectorAll(`[data-kpi="${step.kpi}"]`), label).toHaveLength(1);

        if (step.question) {
          // Asked first: the question instead of the text, the answer figure hidden, then revealed.
          expect(screen.getByText(step.question.de)).toBeInTheDocument();
          expect(screen.queryByText(step.text.de)).toBeNull();
          expect(figure?.hasAttribute('data-lesson-conceal'), label).toBe(true);
          await user.click(screen.getByRole('button', { name: `${MESSAGES.de['lessons.reveal']} →` }));
          await waitFor(() => expect(marked('figure')?.hasAttribute('data-lesson-conceal'), label).toBe(false));
          expect(marked('figure'), label).toBe(figure);
          expect(screen.queryByText(step.question.de)).toBeNull();
        } else {
          expect(figure?.hasAttribute('data-lesson-conceal'), label).toBe(false);
        }
        expect(document.querySelector('.step-text'), label).not.toBeNull();

        const expected = figureOf(expectedScenario, step.kpi);
        const raw = figure?.dataset.value ?? '';
        if (expected === null) expect(raw, label).toBe('');
        else expect(Number(raw), label).toBeCloseTo(expected, 6);

        if (index < lesson.steps.length - 1) await user.click(screen.getByRole('button', { name: `${MESSAGES.de['lessons.next']} →` }));
      }
    });
  }

  it('lesson (a) step 4 shows the payback share 0.512 with the defaults', async () => {
    const user = userEvent.setup();
    renderApp();
    const card = await lessonCard('[data-lesson-card="acquisition"]');
    if (!card) throw new Error('no card');
    await user.click(within(card).getByRole('button', { name: MESSAGES.de['lessons.start'] }));
    await user.click(screen.getByRole('button', { name: '4' }));
    await waitFor(() => expect(marked('figure')?.dataset.kpi).toBe('paybackProbability'));
    // The question first ("Wie viel Prozent … zahlen sich je aus?"), the share hidden.
    expect(screen.getByText(/Wie viel Prozent der gewonnenen Kunden zahlen sich je aus\?/)).toBeInTheDocument();
    expect(marked('figure')).toHaveAttribute('data-lesson-conceal');
    await user.click(screen.getByRole('button', { name: 'Antwort zeigen →' }));
    await waitFor(() => expect(marked('figure')).not.toHaveAttribute('data-lesson-conceal'));
    expect(Number(marked('figure')?.dataset.value)).toBeCloseTo(0.512, 10);
    expect(marked('chart')?.dataset.chart).toBe('lifetimes');
    expect(document.querySelector('.step-text')).toHaveTextContent('Das schafft nur gut die Hälfte, 51,2 %');
  });

  it('the trainer can leave the script with a slider and come back', async () => {
    const user = userEvent.setup();
    const { params } = renderApp();
    const card = await lessonCard('[data-lesson-card="acquisition"]');
    if (!card) throw new Error('no card');
    await user.click(within(card).getByRole('button', { name: MESSAGES.de['lessons.start'] }));
    params.set('churnRate', 0.35);
    await user.click(await screen.findByRole('button', { name: MESSAGES.de['lessons.backToScript'] }));
    expect(params.scenario.churnRate).toBe(DEFAULTS.churnRate);
    expect(screen.queryByRole('button', { name: MESSAGES.de['lessons.backToScript'] })).toBeNull();
  });

  it('leaving a lesson puts back the trainer’s parameters, query and hash, and clears the URL notice', async () => {
    const user = userEvent.setup();
    const trainer: Scenario = { ...SMALL, churnRate: 0.35, acquisitionCost: 450 };
    window.history.replaceState(null, '', `/${searchFor(trainer, 'de', 'EUR')}#lektionen`);
    const { params } = renderApp(new ParametersState(trainer, [{ key: 'foo', raw: '1', reason: 'unknownKey' }]));
    const before = params.scenario;
    const notice = /URL-Parameter .*foo/;
    expect(screen.getByText(notice)).toBeInTheDocument();
    const card = await lessonCard('[data-lesson-card="drop"]');
    if (!card) throw new Error('no card');
    const url = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    await user.click(within(card).getByRole('button', { name: MESSAGES.de['lessons.start'] }));
    await user.click(screen.getByRole('button', { name: '6' }));
    expect(params.scenario.dropShare).toBe(0.3);
    expect(params.scenario.churnRate).toBe(DEFAULTS.churnRate);
    expect(window.location.hash).toBe('#bereinigung');
    expect(screen.queryByText(notice)).toBeNull();

    await user.click(screen.getByRole('button', { name: MESSAGES.de['lessons.stop'] }));
    expect(params.scenario).toEqual(before);
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe(url);
    expect(document.getElementById('panel-lektionen')?.hidden).toBe(false);
    expect(document.querySelector('.lesson-guide')).toBeNull();
    expect(screen.queryByText(notice)).toBeNull();
  });

  it('guided mode: PageDown and PageUp step (a presenter remote), arrow keys stay with the page', async () => {
    const user = userEvent.setup();
    renderApp();
    const card = await lessonCard('[data-lesson-card="acquisition"]');
    if (!card) throw new Error('no card');
    await user.click(within(card).getByRole('button', { name: MESSAGES.de['lessons.start'] }));
    expect(document.querySelector('.app')).not.toHaveClass('presenter');
    const guide = () => document.querySelector<HTMLElement>('.lesson-guide');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{PageDown}');
    expect(guide()?.dataset.step).toBe('2');
    await user.keyboard('{ArrowRight}');
    expect(guide()?.dataset.step).toBe('2');
    await user.keyboard('{PageDown}{PageDown}');
    // Step 4 asks first; the next PageDown reveals, PageUp goes back to the question.
    expect(guide()?.dataset.step).toBe('4');
    expect(guide()?.dataset.asking).toBe('true');
    await user.keyboard('{PageDown}');
    expect(guide()?.dataset.step).toBe('4');
    expect(guide()?.dataset.asking).toBe('false');
    await user.keyboard('{PageUp}');
    expect(guide()?.dataset.asking).toBe('true');
    await user.keyboard('{PageUp}');
    expect(guide()?.dataset.step).toBe('3');
    expect(guide()?.dataset.asking).toBe('false');
  });

  it('presenter mode: keys step forward and back, Escape leaves it', async () => {
    const user = userEvent.setup();
    renderApp();
    // Lesson (b) asks its first question at step 4: here every key press is one step.
    const card = await lessonCard('[data-lesson-card="levers"]');
    if (!card) throw new Error('no card');
    await user.click(within(card).getByRole('button', { name: MESSAGES.de['lessons.present'] }));
    const app = document.querySelector('.app');
    expect(app).toHaveClass('presenter');
    const guide = () => document.querySelector<HTMLElement>('.lesson-guide')?.dataset.step;
    expect(guide()).toBe('1');
    await user.keyboard('{ArrowRight}');
    expect(guide()).toBe('2');
    await user.keyboard('{PageDown}');
    expect(guide()).toBe('3');
    await user.keyboard('{PageUp}');
    expect(guide()).toBe('2');
    await user.keyboard('{ArrowLeft}');
    expect(guide()).toBe('1');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard(' ');
    expect(guide()).toBe('2');
    await user.keyboard('{Escape}');
    expect(app).not.toHaveClass('presenter');
    // Outside presenter mode the keys belong to the page again.
    await user.keyboard('{ArrowRight}');
    expect(guide()).toBe('2');
  });
});
