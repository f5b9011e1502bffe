// LessonsState: a step sets the sliders through ParametersState; the trainer
// can leave the script and come back; leaving remembers the place.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import { LESSONS } from '../../../src/lessons/index.ts';
import { stepScenario } from '../../../src/lessons/schema.ts';
import { LessonsState } from '../../../src/state/lessons.svelte.ts';
import { ParametersState } from '../../../src/state/parameters.svelte.ts';

function setup() {
  const params = new ParametersState({ ...DEFAULTS, customers: 2000 });
  const lessons = new LessonsState(() => params);
  return { params, lessons };
}

describe('LessonsState', () => {
  it('start(id) applies the first step and goTo(i) applies each step through the parameters', () => {
    const { params, lessons } = setup();
    for (const lesson of LESSONS) {
      lessons.start(lesson.id);
      lesson.steps.forEach((step, index) => {
        lessons.goTo(index);
        expect(lessons.step).toBe(step);
        expect(params.scenario, `${lesson.id} step ${index + 1}`).toEqual(stepScenario(step, { ...DEFAULTS, customers: 2000 }));
        expect(lessons.offScript).toBe(false);
      });
    }
  });

  it('next() and previous() stop at the ends', () => {
    const { lessons } = setup();
    lessons.start('acquisition');
    lessons.previous();
    expect(lessons.stepIndex).toBe(0);
    for (let i = 0; i < 20; i++) lessons.next();
    expect(lessons.stepIndex).toBe(lessons.stepCount - 1);
  });

  it('moving a slider leaves the script; backToScript() returns to the step’s values', () => {
    const { params, lessons } = setup();
    lessons.start('acquisition', { stepIndex: 4 });
    expect(params.scenario.acquisitionCost).toBe(500);
    params.set('acquisitionCost', 800);
    expect(lessons.offScript).toBe(true);
    lessons.backToScript();
    expect(params.scenario.acquisitionCost).toBe(500);
    expect(lessons.offScript).toBe(false);
  });

  it('keeps the trainer’s portfolio size when a step does not set it', () => {
    const { params, lessons } = setup();
    params.set('customers', 5000);
    lessons.start('pareto');
    expect(params.scenario.customers).toBe(5000);
  });

  it('stop() puts back the sliders from before the lesson and resume() continues at the same step', () => {
    const { params, lessons } = setup();
    params.set('churnRate', 0.3);
    params.set('focusShareA', 0);
    const before = params.scenario;
    lessons.start('focus', { presenting: true, stepIndex: 3 });
    expect(params.scenario.focus).toBe(1);
    lessons.start('drop');
    lessons.stop();
    expect(lessons.lesson).toBeNull();
    expect(lessons.presenting).toBe(false);
    // The state before the first lesson, not the one between the two.
    expect(params.scenario).toEqual(before);
    params.set('focus', 0.2);
    lessons.resume();
    expect(lessons.lesson?.id).toBe('drop');
    expect(lessons.stepIndex).toBe(0);
    lessons.stop();
    expect(params.scenario).toEqual({ ...before, focus: 0.2 });
  });

  it('a step with a question asks first: next() reveals, previous() asks again, then goes back a step', () => {
    const { lessons } = setup();
    lessons.start('acquisition', { stepIndex: 3 });
    expect(lessons.asking).toBe(true);
    expect(lessons.question?.de).toBe('Was glauben Sie: Wie viel Prozent der gewonnenen Kunden zahlen sich je aus?');
    lessons.next();
    expect(lessons.stepIndex).toBe(3);
    expect(lessons.asking).toBe(false);
    expect(lessons.question).toBeNull();
    lessons.previous();
    expect(lessons.asking).toBe(true);
    lessons.previous();
    expect(lessons.stepIndex).toBe(2);
    expect(lessons.asking).toBe(false);
    lessons.goTo(5);
    expect(lessons.atEnd).toBe(true);
    lessons.goTo(4);
    expect(lessons.asking).toBe(true);
    expect(lessons.atEnd).toBe(false);
  });

  it('every lesson asks the audience at least once, in German and English', () => {
    for (const lesson of LESSONS) {
      const questions = lesson.steps.filter((step) => step.question !== undefined);
      expect(questions.length, lesson.id).toBeGreaterThanOrEqual(1);
      for (const step of questions) {
        expect(step.question?.de, lesson.id).toMatch(/^Was glauben Sie: .+\?$/);
        expect(step.question?.en, lesson.id).toMatch(/^What do you think: .+\?$/);
      }
    }
  });

  it('start() refuses an unknown lesson', () => {
    const { lessons } = setup();
    expect(() => lessons.start('nope')).toThrow('Unknown lesson "nope"');
  });
});
