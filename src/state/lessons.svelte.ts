// The lesson being taught: which lesson, which step, presenter mode or not.
// A step applies its parameters through the ParametersState, like a slider
// would; the trainer may then move sliders freely (off script) and come back
// with `backToScript()`. Leaving a lesson remembers where it stopped.
import type { Scenario } from '../engine/parameters.ts';
import { LESSONS } from '../lessons/index.ts';
import { stepScenario, type Lesson, type LessonStep } from '../lessons/schema.ts';
import type { ParametersState } from './parameters.svelte.ts';

export interface LessonPlace {
  lessonId: string;
  stepIndex: number;
}

function sameScenario(a: Readonly<Scenario>, b: Readonly<Scenario>): boolean {
  return (Object.keys(a) as (keyof Scenario)[]).every((key) => a[key] === b[key]);
}

export class LessonsState {
  readonly lessons: readonly Lesson[];
  lessonId = $state<string | null>(null);
  stepIndex = $state(0);
  presenting = $state(false);
  /** Where the last lesson was left, to resume it. */
  lastPlace = $state<LessonPlace | null>(null);
  /** Counts every navigation (start, step, back to script), so the guide knows when to show the step's view. */
  visits = $state(0);
  /** The scenario the current step set; compared with the sliders to tell when the trainer left the script. */
  scriptScenario = $state.raw<Scenario | null>(null);

  /** The app's parameters, read through a getter so a component can pass its prop. */
  readonly #paramsOf: () => ParametersState;

  constructor(params: () => ParametersState, lessons: readonly Lesson[] = LESSONS) {
    this.#paramsOf = params;
    this.lessons = lessons;
  }

  get lesson(): Lesson | null {
    return this.lessons.find((lesson) => lesson.id === this.lessonId) ?? null;
  }

  get step(): LessonStep | null {
    return this.lesson?.steps[this.stepIndex] ?? null;
  }

  get stepCount(): number {
    return this.lesson?.steps.length ?? 0;
  }

  /** True once the sliders differ from what the current step set. */
  get offScript(): boolean {
    return this.scriptScenario !== null && !sameScenario(this.scriptScenario, this.#paramsOf().scenario);
  }

  start(lessonId: string, options: { presenting?: boolean; stepIndex?: number } = {}): void {
    const lesson = this.lessons.find((candidate) => candidate.id === lessonId);
    if (!lesson) throw new Error(`Unknown lesson "${lessonId}"`);
    this.lessonId = lesson.id;
    this.presenting = options.presenting ?? false;
    this.goTo(options.stepIndex ?? 0);
  }

  /** Continues the lesson that was left last, at its step. */
  resume(presenting = false): void {
    const place = this.lastPlace;
    if (place) this.start(place.lessonId, { presenting, stepIndex: place.stepIndex });
  }

  goTo(index: number): void {
    const lesson = this.lesson;
    if (!lesson) return;
    this.stepIndex = Math.min(Math.max(0, Math.round(index)), lesson.steps.length - 1);
    this.applyStep();
  }

  next(): void {
    if (this.stepIndex < this.stepCount - 1) this.goTo(this.stepIndex + 1);
  }

  previous(): void {
    if (this.stepIndex > 0) this.goTo(this.stepIndex - 1);
  }

  /** Sets the sliders back to what the current step says. */
  backToScript(): void {
    this.applyStep();
  }

  /** Leaves the lesson; the sliders keep their values. */
  stop(): void {
    if (this.lessonId !== null) this.lastPlace = { lessonId: this.lessonId, stepIndex: this.stepIndex };
    this.lessonId = null;
    this.stepIndex = 0;
    this.presenting = false;
    this.scriptScenario = null;
  }

  private applyStep(): void {
    const step = this.step;
    if (!step) return;
    const params = this.#paramsOf();
    const scenario = stepScenario(step, params.scenario);
    // Through the parameters state, one key at a time, exactly like the sliders.
    for (const key of Object.keys(scenario) as (keyof Scenario)[]) {
      params.set(key, scenario[key]);
    }
    this.scriptScenario = params.scenario;
    this.visits += 1;
  }
}
