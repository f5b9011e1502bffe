// The lesson being taught: which lesson, which step, presenter mode or not.
// A step applies its parameters through the ParametersState, like a slider
// would; the trainer may then move sliders freely (off script) and come back
// with `backToScript()`. A step with a question is shown in two phases: first
// the question (`asking`, the answer hidden), then, on the next key press, the
// text and figure. Leaving a lesson puts back the parameters and the address
// the trainer had before it, and remembers where it stopped.
import type { Scenario } from '../engine/parameters.ts';
import { LESSONS } from '../lessons/index.ts';
import { stepScenario, type Lesson, type LessonStep } from '../lessons/schema.ts';
import type { ParametersState } from './parameters.svelte.ts';

export interface LessonPlace {
  lessonId: string;
  stepIndex: number;
}

function currentUrl(): string | null {
  if (typeof window === 'undefined') return null;
  const { pathname, search, hash } = window.location;
  return `${pathname}${search}${hash}`;
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
  /** The step's question is shown and its answer hidden (the next key press reveals it). */
  asking = $state(false);

  /** What the trainer had before the lesson: put back on stop(). */
  #before: { scenario: Scenario; url: string | null } | null = null;

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

  /** The current step's question, while it is asked. */
  get question(): LessonStep['question'] | null {
    return this.asking ? (this.step?.question ?? null) : null;
  }

  /** True when a forward key press has nothing left to show. */
  get atEnd(): boolean {
    return !this.asking && this.stepIndex >= this.stepCount - 1;
  }

  start(lessonId: string, options: { presenting?: boolean; stepIndex?: number } = {}): void {
    const lesson = this.lessons.find((candidate) => candidate.id === lessonId);
    if (!lesson) throw new Error(`Unknown lesson "${lessonId}"`);
    // A lesson started from within another keeps the state from before the first.
    if (this.lessonId === null) this.#before = { scenario: this.#paramsOf().scenario, url: currentUrl() };
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
    this.asking = this.step?.question !== undefined;
    this.applyStep();
  }

  /** Reveals the answer of an asked question, else goes to the next step. */
  next(): void {
    if (this.asking) {
      this.asking = false;
      this.visits += 1;
    } else if (this.stepIndex < this.stepCount - 1) this.goTo(this.stepIndex + 1);
  }

  /** Back one phase: from an answer to its question, from a question (or a step without one) to the step before, shown answered. */
  previous(): void {
    if (!this.asking && this.step?.question !== undefined) {
      this.asking = true;
      this.visits += 1;
    } else if (this.stepIndex > 0) {
      this.goTo(this.stepIndex - 1);
      this.asking = false;
    }
  }

  /** Sets the sliders back to what the current step says. */
  backToScript(): void {
    this.applyStep();
  }

  /**
   * Leaves the lesson and puts the sliders back to what they were before it,
   * all at once (one key at a time could pass through a refused state, such
   * as all three budget shares at 0). Returns the address the
   * page had before the lesson (path, query and hash), for the caller to put
   * back; null when there was none to remember.
   */
  stop(): string | null {
    if (this.lessonId !== null) this.lastPlace = { lessonId: this.lessonId, stepIndex: this.stepIndex };
    const before = this.#before;
    this.#before = null;
    this.lessonId = null;
    this.stepIndex = 0;
    this.presenting = false;
    this.asking = false;
    this.scriptScenario = null;
    if (!before) return null;
    this.#paramsOf().load(before.scenario);
    return before.url;
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
