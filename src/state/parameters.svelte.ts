// The scenario the user is looking at. Held as one immutable object
// (`$state.raw`), replaced on every change, so it can go to the worker as is.
import {
  DEFAULTS,
  checkValue,
  changedKeys,
  type ParameterKey,
  type ParameterProblem,
  type Scenario,
} from '../engine/parameters.ts';
import { PRESETS, PRESET_IDS, type PresetId } from '../engine/presets.ts';
import type { UrlProblem } from './url.ts';

export class ParametersState {
  scenario = $state.raw<Scenario>({ ...DEFAULTS });
  /** Problems found in the URL at start; shown as notices until dismissed. */
  urlProblems = $state.raw<UrlProblem[]>([]);

  constructor(initial: Readonly<Scenario> = DEFAULTS, urlProblems: UrlProblem[] = []) {
    this.scenario = { ...initial };
    this.urlProblems = urlProblems;
  }

  /** Sets one parameter; an invalid value is refused and its problem returned. */
  set<K extends ParameterKey>(key: K, value: Scenario[K]): ParameterProblem | null {
    const problem = checkValue(key, value);
    if (problem) return problem;
    if (this.scenario[key] === value) return null;
    this.scenario = { ...this.scenario, [key]: value };
    return null;
  }

  /** Replaces every parameter at once (a saved scenario opened, an autosave restored). */
  load(scenario: Readonly<Scenario>): void {
    this.scenario = { ...scenario };
  }

  applyPreset(id: PresetId): void {
    this.scenario = { ...PRESETS[id] };
  }

  reset(): void {
    this.scenario = { ...DEFAULTS };
  }

  /** The preset the scenario equals, or null once the user changed anything. */
  get matchingPreset(): PresetId | null {
    return PRESET_IDS.find((id) => changedKeys(this.scenario, PRESETS[id]).length === 0) ?? null;
  }

  dismissUrlProblems(): void {
    this.urlProblems = [];
  }
}
