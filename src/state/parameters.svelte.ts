// The scenario the user is looking at. Held as one immutable object
// (`$state.raw`), replaced on every change, so it can go to the worker as is.
import {
  DEFAULTS,
  checkValue,
  changedKeys,
  sharesProblem,
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
  /** What load() had to repair in a saved or restored scenario; shown as notices until dismissed. */
  loadProblems = $state.raw<ParameterProblem[]>([]);

  constructor(initial: Readonly<Scenario> = DEFAULTS, urlProblems: UrlProblem[] = []) {
    this.scenario = { ...initial };
    this.urlProblems = urlProblems;
  }

  /**
   * Sets one parameter; an invalid value is refused and its problem returned,
   * and so is the last budget share A, B or C going to 0 (the rule of parseScenario).
   */
  set<K extends ParameterKey>(key: K, value: Scenario[K]): ParameterProblem | null {
    const problem = checkValue(key, value);
    if (problem) return problem;
    if (this.scenario[key] === value) return null;
    const next = { ...this.scenario, [key]: value };
    const shares = sharesProblem(next);
    if (shares) return { ...shares, key };
    this.scenario = next;
    return null;
  }

  /**
   * Replaces every parameter at once (a saved scenario opened, an autosave
   * restored). Budget shares that sum to 0 (saved before the rule) take the
   * defaults, as in the URL, and the repair is reported.
   */
  load(scenario: Readonly<Scenario>): ParameterProblem | null {
    const shares = sharesProblem(scenario);
    this.scenario = shares
      ? { ...scenario, focusShareA: DEFAULTS.focusShareA, focusShareB: DEFAULTS.focusShareB, focusShareC: DEFAULTS.focusShareC }
      : { ...scenario };
    this.loadProblems = shares ? [shares] : [];
    return shares;
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

  /** Clears every notice about the parameters: the URL's and load()'s. */
  dismissProblems(): void {
    this.urlProblems = [];
    this.loadProblems = [];
  }
}
