// The lesson files: every lesson loads, has 3-8 steps, two or three sentences
// per step in both languages, and points at charts and figures that exist.
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import { MESSAGES } from '../../../src/i18n/catalog.ts';
import { CHARTS } from '../../../src/lessons/catalog.ts';
import { LESSONS, loadLessons } from '../../../src/lessons/index.ts';
import { MAX_STEPS, MIN_STEPS, parseLesson, stepScenario } from '../../../src/lessons/schema.ts';

function sentences(text: string): number {
  return [...text.matchAll(/[.!?](?=\s|$)/g)].length;
}

const VALID_STEP = { title: { de: 'T', en: 'T' }, text: { de: 'Eins. Zwei.', en: 'One. Two.' }, parameters: {}, chart: 'jcurve', kpi: 'clv' };
const VALID = { id: 'test', order: 99, title: { de: 'T', en: 'T' }, summary: { de: 'S', en: 'S' }, steps: [VALID_STEP, VALID_STEP, VALID_STEP] };

describe('lesson files', () => {
  it('LESSONS holds lessons (a) to (i) in order', () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual(['acquisition', 'levers', 'pareto', 'whale', 'drop', 'focus', 'costs', 'keyAccount', 'conventions']);
    expect(LESSONS.map((lesson) => lesson.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('every lesson has 3 to 8 steps', () => {
    for (const lesson of LESSONS) {
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(MIN_STEPS);
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(MAX_STEPS);
    }
  });

  it('every step explains its idea in two or three sentences, in German and English', () => {
    for (const lesson of LESSONS) {
      lesson.steps.forEach((step, index) => {
        for (const locale of ['de', 'en'] as const) {
          const count = sentences(step.text[locale]);
          expect(count, `${lesson.id} step ${index + 1} (${locale}): ${step.text[locale]}`).toBeGreaterThanOrEqual(2);
          expect(count, `${lesson.id} step ${index + 1} (${locale})`).toBeLessThanOrEqual(3);
          expect(step.title[locale].trim(), `${lesson.id} step ${index + 1} title (${locale})`).not.toBe('');
        }
      });
    }
  });

  it('every chart a step can point at has a title in both languages', () => {
    for (const spec of Object.values(CHARTS)) {
      expect(MESSAGES.de[spec.title].trim()).not.toBe('');
      expect(MESSAGES.en[spec.title].trim()).not.toBe('');
    }
  });

  it('lesson (a) shows what becomes of 100 customers with the payback share', () => {
    const acquisition = LESSONS[0];
    expect(acquisition?.steps.some((step) => step.chart === 'lifetimes' && step.kpi === 'paybackProbability' && Object.keys(step.parameters).length === 0)).toBe(true);
  });
});

describe('parseLesson(input, source)', () => {
  it('accepts a valid lesson', () => {
    expect(parseLesson(VALID, 'test.json').steps).toHaveLength(3);
  });

  it('rejects fewer than 3 steps, naming the file', () => {
    expect(() => parseLesson({ ...VALID, steps: [VALID_STEP] }, 'short.json')).toThrow(/short\.json: steps/);
  });

  it('rejects an unknown parameter, naming the step', () => {
    const steps = [VALID_STEP, { ...VALID_STEP, parameters: { churn: 0.1 } }, VALID_STEP];
    expect(() => parseLesson({ ...VALID, steps }, 'x.json')).toThrow('Lesson x.json, step 2: unknown parameter "churn"');
  });

  it('rejects a value out of its slider range', () => {
    const steps = [VALID_STEP, VALID_STEP, { ...VALID_STEP, parameters: { churnRate: 1.5 } }];
    expect(() => parseLesson({ ...VALID, steps }, 'x.json')).toThrow(/step 3: churnRate: must be a number from 0 to 1/);
  });

  it('rejects a figure that is not in the chart’s view', () => {
    const steps = [{ ...VALID_STEP, chart: 'pareto' }, VALID_STEP, VALID_STEP];
    expect(() => parseLesson({ ...VALID, steps }, 'x.json')).toThrow(/step 1: figure "clv" is not in the same view as chart "pareto"/);
  });

  it('rejects an unknown chart and a missing English text', () => {
    expect(() => parseLesson({ ...VALID, steps: [{ ...VALID_STEP, chart: 'pie' }, VALID_STEP, VALID_STEP] }, 'x.json')).toThrow(/steps\.0\.chart/);
    expect(() => parseLesson({ ...VALID, summary: { de: 'S' } }, 'x.json')).toThrow(/summary\.en/);
  });

  it('accepts a question in both languages and a "before" naming an earlier step, refuses a later one', () => {
    const asking = { ...VALID_STEP, question: { de: 'Was glauben Sie?', en: 'What do you think?' }, before: 1 };
    expect(parseLesson({ ...VALID, steps: [VALID_STEP, asking, VALID_STEP] }, 'x.json').steps[1]).toMatchObject({ before: 1, question: { en: 'What do you think?' } });
    expect(() => parseLesson({ ...VALID, steps: [VALID_STEP, { ...asking, before: 2 }, VALID_STEP] }, 'x.json')).toThrow(
      'Lesson x.json, step 2: "before" must name an earlier step (1 to 1), not 2',
    );
    expect(() => parseLesson({ ...VALID, steps: [VALID_STEP, { ...asking, question: { de: 'Frage?' } }, VALID_STEP] }, 'x.json')).toThrow(/steps\.1\.question\.en/);
  });

  it('loadLessons refuses two lessons with one id', () => {
    expect(() => loadLessons({ './a.json': VALID, './b.json': VALID })).toThrow('Lesson id "test" is used twice');
  });
});

describe('stepScenario(step, current)', () => {
  it('starts from the defaults, keeps the portfolio size and seed, then applies the step', () => {
    const step = parseLesson({ ...VALID, steps: [{ ...VALID_STEP, parameters: { churnRate: 0.1 } }, VALID_STEP, VALID_STEP] }, 'x.json').steps[0];
    if (!step) throw new Error('no step');
    const current = { ...DEFAULTS, customers: 2000, seed: 7, acquisitionCost: 999 };
    expect(stepScenario(step, current)).toEqual({ ...DEFAULTS, customers: 2000, seed: 7, churnRate: 0.1 });
  });
});
