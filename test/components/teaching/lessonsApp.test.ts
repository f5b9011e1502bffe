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

/** A small portfolio keeps the real engine fast in jsdom. */
const SMALL: Scenario = { ...DEFAULTS, customers: 2000 };

function renderApp() {
  const engine = createEngine();
  const params = new ParametersState(SMALL);
  const results = new ResultsState({ compute: async (scenario: Scenario) => engine.compute(scenario) });
  render(App, {
    params,
    results,
    scenarios: new ScenariosState(),
    computeMany: async (list: readonly Scenario[]) => list.map((scenario) => createEngine().compute(scenario)),
  });
  return { params, results };
}

function figureOf(results: Results, name: FigureName): number | null {
  return name === 'valueAtFocus' ? results.focus.valueAtFocus : kpisOf(results)[name];
}

/** A lesson's card on the Lektionen tab, whose code loads when the tab is first shown. */
async function lessonCard(selector: string): Promise<HTMLElement | null> {
  return waitFor(() => {
    const card = document.querySelector<HTMLElement>(selector);
    if (!card) throw new Error(`no ${selector} yet`);
    return card;
  });
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
        await waitFor(() => expect(marked('chart')?.querySelector('h3')?.textContent?.trim(), label).toBe(MESSAGES.de[spec.title]));
        expect(window.location.hash, label).toBe(`#${spec.view}`);
        expect(document.getElementById(`panel-${spec.view}`)?.hidden, label).toBe(false);

        const figure = marked('figure');
        expect(figure?.dataset.kpi, label).toBe(step.kpi);
        expect(document.querySelectorAll(`[data-kpi="${step.kpi}"]`), label).toHaveLength(1);
        const expected = figureOf(createEngine().compute(expectedScenario), step.kpi);
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
    expect(Number(marked('figure')?.dataset.value)).toBeCloseTo(0.512, 10);
    expect(marked('chart')?.querySelector('h3')?.textContent).toBe(MESSAGES.de['lifetimes.title']);
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

  it('presenter mode: keys step forward and back, Escape leaves it', async () => {
    const user = userEvent.setup();
    renderApp();
    const card = await lessonCard('[data-lesson-card="pareto"]');
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
