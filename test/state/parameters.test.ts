import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { PRESETS } from '../../src/engine/presets.ts';
import { ParametersState } from '../../src/state/parameters.svelte.ts';

describe('ParametersState', () => {
  it('starts at the defaults, which match the B2B supplier preset', () => {
    const params = new ParametersState();
    expect(params.scenario).toEqual(DEFAULTS);
    expect(params.matchingPreset).toBe('b2bSupplier');
  });

  it('set() replaces the scenario object (so it can go to the worker as is) and the preset no longer matches', () => {
    const params = new ParametersState();
    const before = params.scenario;
    expect(params.set('churnRate', 0.3)).toBeNull();
    expect(params.scenario).not.toBe(before);
    expect(params.scenario.churnRate).toBe(0.3);
    expect(params.matchingPreset).toBeNull();
  });

  it('set() refuses a value out of range and reports it', () => {
    const params = new ParametersState();
    expect(params.set('churnRate', 1.5)?.reason).toBe('outOfRange');
    expect(params.scenario.churnRate).toBe(DEFAULTS.churnRate);
  });

  it('applyPreset() and reset() replace the whole scenario', () => {
    const params = new ParametersState();
    params.applyPreset('onlineShop');
    expect(params.scenario).toEqual(PRESETS.onlineShop);
    expect(params.matchingPreset).toBe('onlineShop');
    params.reset();
    expect(params.scenario).toEqual(DEFAULTS);
  });

  it('keeps the URL problems until they are dismissed', () => {
    const params = new ParametersState(DEFAULTS, [{ key: 'churnRate', raw: '25', reason: 'outOfRange' }]);
    expect(params.urlProblems).toHaveLength(1);
    params.dismissUrlProblems();
    expect(params.urlProblems).toEqual([]);
  });
});

describe('ParametersState and the budget shares A, B and C (their sum must stay positive)', () => {
  it('set() refuses the last share going to 0, returns the problem under that key, and keeps the scenario', () => {
    const params = new ParametersState();
    expect(params.set('focusShareA', 0)).toBeNull();
    expect(params.set('focusShareB', 0)).toBeNull();
    const before = params.scenario;
    expect(params.set('focusShareC', 0)).toEqual({
      key: 'focusShareC',
      reason: 'sharesSumToZero',
      message: 'focusShareA, focusShareB, focusShareC: at least one full-focus share must be above 0',
    });
    expect(params.scenario).toBe(before);
    expect(params.scenario.focusShareC).toBe(DEFAULTS.focusShareC);
    // Any other share may then rise again, and C may fall once another is above 0.
    expect(params.set('focusShareB', 0.05)).toBeNull();
    expect(params.set('focusShareC', 0)).toBeNull();
  });

  it('load() of a scenario with all shares at 0 (saved before the rule) takes the default shares and reports it', () => {
    const params = new ParametersState();
    const saved = { ...DEFAULTS, churnRate: 0.3, focusShareA: 0, focusShareB: 0, focusShareC: 0 };
    expect(params.load(saved)?.reason).toBe('sharesSumToZero');
    expect(params.scenario).toEqual({ ...saved, focusShareA: 0.6, focusShareB: 0.3, focusShareC: 0.1 });
    expect(params.loadProblems.map((p) => p.reason)).toEqual(['sharesSumToZero']);
    params.dismissProblems();
    expect(params.loadProblems).toEqual([]);
  });

  it('load() of a valid scenario takes it as it is and clears an earlier repair notice', () => {
    const params = new ParametersState();
    params.load({ ...DEFAULTS, focusShareA: 0, focusShareB: 0, focusShareC: 0 });
    const scenario = { ...DEFAULTS, focusShareA: 0, focusShareB: 0, focusShareC: 1 };
    expect(params.load(scenario)).toBeNull();
    expect(params.scenario).toEqual(scenario);
    expect(params.loadProblems).toEqual([]);
  });
});
