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
