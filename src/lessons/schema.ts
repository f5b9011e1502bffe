// A lesson is data: one JSON file per lesson in this folder, checked when the
// app loads, so a trainer can add a lesson without writing code. Each step
// sets the sliders (overrides of the MODEL.md defaults; the portfolio size and
// seed the trainer chose are kept unless the step sets them), names the chart
// to highlight and the headline figure to point at, and explains one idea in
// two or three sentences, in German and English. A step may first ask the
// audience a question (`question`): the guide shows it with the answer figure
// hidden, and the next key press reveals the text and the figure. A step that
// compares with an earlier state names that step (`before: 1` = the state of
// step 1), for the charts' faint "before" curve.
import * as v from 'valibot';
import { checkValue, DEFAULTS, type ParameterKey, type Scenario } from '../engine/parameters.ts';
import { CHARTS, CHART_IDS, FIGURE_NAMES, FIGURE_VIEWS, type ChartId, type FigureName } from './catalog.ts';

export const MIN_STEPS = 3;
export const MAX_STEPS = 8;

const Text = v.object({
  de: v.pipe(v.string(), v.trim(), v.nonEmpty()),
  en: v.pipe(v.string(), v.trim(), v.nonEmpty()),
});

const Step = v.object({
  title: Text,
  text: Text,
  parameters: v.record(v.string(), v.nullable(v.number())),
  chart: v.picklist(CHART_IDS),
  kpi: v.picklist(FIGURE_NAMES),
  /** Asked before the text and the figure are shown, e.g. "Was glauben Sie: …?". */
  question: v.optional(Text),
  /** The step compares with the state of this earlier step (1 = the first). */
  before: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

const LessonSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-zA-Z0-9-]*$/)),
  /** Position in the list: (a) = 1, (b) = 2 ... */
  order: v.number(),
  title: Text,
  summary: Text,
  steps: v.pipe(v.array(Step), v.minLength(MIN_STEPS), v.maxLength(MAX_STEPS)),
});

export type LocalText = v.InferOutput<typeof Text>;

export interface LessonStep {
  readonly title: LocalText;
  readonly text: LocalText;
  readonly parameters: Readonly<Partial<Scenario>>;
  readonly chart: ChartId;
  readonly kpi: FigureName;
  readonly question?: LocalText;
  /** The earlier step (1-based) whose state this step compares with. */
  readonly before?: number;
}

export interface Lesson {
  readonly id: string;
  readonly order: number;
  readonly title: LocalText;
  readonly summary: LocalText;
  readonly steps: readonly LessonStep[];
}

function isParameterKey(key: string): key is ParameterKey {
  return Object.prototype.hasOwnProperty.call(DEFAULTS, key);
}

/**
 * Checks one lesson file and returns it typed. Throws an Error naming the
 * file and the step, so a trainer who adds a lesson sees what to fix.
 */
export function parseLesson(input: unknown, source: string): Lesson {
  const result = v.safeParse(LessonSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    throw new Error(`Lesson ${source}: ${path ? `${path}: ` : ''}${issue.message}`);
  }
  const lesson = result.output;
  const steps = lesson.steps.map((step, index): LessonStep => {
    const where = `Lesson ${source}, step ${index + 1}`;
    const parameters: Partial<Record<ParameterKey, number | null>> = {};
    for (const [key, value] of Object.entries(step.parameters)) {
      if (!isParameterKey(key)) throw new Error(`${where}: unknown parameter "${key}"`);
      const problem = checkValue(key, value);
      if (problem) throw new Error(`${where}: ${problem.message}`);
      parameters[key] = value;
    }
    const chartView = CHARTS[step.chart].view;
    if (FIGURE_VIEWS[step.kpi] !== chartView) {
      throw new Error(`${where}: figure "${step.kpi}" is not in the same view as chart "${step.chart}" (${chartView})`);
    }
    if (step.before !== undefined && step.before > index) {
      throw new Error(`${where}: "before" must name an earlier step (1 to ${index}), not ${step.before}`);
    }
    return { ...step, parameters: parameters as Partial<Scenario> };
  });
  return { ...lesson, steps };
}

/** The scenario a step sets: defaults, the trainer's portfolio size and seed, then the step's overrides. */
export function stepScenario(step: LessonStep, current: Readonly<Scenario>): Scenario {
  return { ...DEFAULTS, customers: current.customers, seed: current.seed, ...step.parameters };
}
