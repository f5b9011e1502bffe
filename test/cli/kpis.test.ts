import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_KEYS, runKpis } from '../../src/cli/kpis.ts';
import { expectClose } from '../engine/close.ts';

describe('kpis CLI (contract of issue 3)', () => {
  it('prints the MODEL example for the defaults: 100, 339.3803, 39.3803, 6.1213, 200', () => {
    const outcome = runKpis(['{}']);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const out = outcome.output;
    expect(Object.keys(out)).toEqual([...CLI_KEYS]);
    expect(out.annualMargin).toBe(100);
    expectClose(out.clv, 339.3803, 5e-5);
    expectClose(out.lifetimeProfit, 39.3803, 5e-5);
    expectClose(out.paybackYears, 6.1213, 5e-5);
    expect(out.simpleLifetimeProfit).toBe(200);
  });

  it('reports paybackYears null when the customer never pays back', () => {
    const outcome = runKpis(['{"costPerOrder": 100, "customers": 500}']);
    expect(outcome.ok && outcome.output.paybackYears).toBeNull();
  });

  it('names the key and its allowed range for out-of-range, wrongly typed and unknown keys', () => {
    const outcome = runKpis(['{"churnRate": 1.5, "horizon": "ten", "colour": 1}']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toContain('churnRate: must be a number from 0 to 1, got 1.5');
    expect(outcome.errors).toContain('horizon: must be a whole number from 1 to 50 or null (unlimited), got "ten"');
    expect(outcome.errors).toContain('colour: unknown parameter');
  });

  it('rejects input that is not a JSON object', () => {
    for (const input of ['not json', '[1, 2]', '42']) expect(runKpis([input]).ok).toBe(false);
  });

  it('runs as `npm run --silent kpis`: one JSON object on stdout, exit code 2 with a message on stderr', () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'kpis', '--', '{"churnRate": 0.25, "customers": 1000}'], { encoding: 'utf8' });
    const q = 0.75 / 1.08;
    expectClose(JSON.parse(stdout).clv, (100 / 1.08) * ((1 - q ** 10) / (1 - q)), 1e-9);
    const bad = spawnSync('npm', ['run', '--silent', 'kpis', '--', '{"churnRate": 7}'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('churnRate: must be a number from 0 to 1, got 7');
  }, 30_000);
});
