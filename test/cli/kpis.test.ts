import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('kpis CLI: shares of a total value that is not positive', () => {
  it('whalePeak, whalePeakAt, top20ValueShare and worst10ValueShare are null when the total value is <= 0, with a note saying so', () => {
    // marginRate 0: m = 4 x (0 - 20) - 120 = -200 per year, every customer destroys value.
    const outcome = runKpis(['{"marginRate": 0, "customers": 500}']);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect(outcome.output.annualMargin).toBe(-200);
    for (const key of ['whalePeak', 'whalePeakAt', 'top20ValueShare', 'worst10ValueShare'] as const) {
      expect(outcome.output[key], key).toBeNull();
    }
    // The other portfolio figures stay numbers: every customer has negative value.
    expect(outcome.output.negativeShare).toBe(1);
    expect(outcome.notes).toHaveLength(1);
    expect(outcome.notes[0]).toMatch(/^total value -\d+(\.\d+)? is not positive: whalePeak, whalePeakAt, top20ValueShare and worst10ValueShare are null/);
  });

  it('has no note when the total value is positive', () => {
    const outcome = runKpis(['{"customers": 500}']);
    expect(outcome.ok && outcome.notes).toEqual([]);
  });
});

describe('kpis CLI: messages about bad input', () => {
  it('{"horizon": -1e999} (JSON reads it as -Infinity) is named as a number too large, not as "got null"', () => {
    const outcome = runKpis(['{"horizon": -1e999}']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual(['horizon: must be a whole number from 1 to 50 or null (unlimited), got -Infinity (too large for a number)']);
  });

  it('1e999 for a rate is named the same way', () => {
    const outcome = runKpis(['{"churnRate": 1e999}']);
    expect(!outcome.ok && outcome.errors).toEqual(['churnRate: must be a number from 0 to 1, got Infinity (too large for a number)']);
  });

  it('cuts echoed values and keys to a few dozen characters, whatever their size', () => {
    const long = 'x'.repeat(100_000);
    const outcome = runKpis([JSON.stringify({ churnRate: long, [long]: 1 })]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toHaveLength(2);
    for (const error of outcome.errors) expect(error.length).toBeLessThan(120);
    expect(outcome.errors[0]).toBe(`churnRate: must be a number from 0 to 1, got "${'x'.repeat(39)}…`);
    expect(outcome.errors[1]).toBe(`${'x'.repeat(40)}…: unknown parameter`);
  });

  it('spells out control characters (a terminal escape) in echoed input', () => {
    const outcome = runKpis([JSON.stringify({ 'a\u001b[31mb': 1 })]);
    expect(!outcome.ok && outcome.errors).toEqual(['a\\u001B[31mb: unknown parameter']);
  });

  it('cuts the echo of input that is not JSON', () => {
    const outcome = runKpis([`{${'y'.repeat(100_000)}`]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0]?.length).toBeLessThan(200);
  });
});

describe('kpis CLI: the scenario from stdin (-) or a file (@file.json)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpis-'));

  it('@file.json reads the scenario from the file', () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, '{"churnRate": 0.25, "customers": 500}');
    const outcome = runKpis([`@${file}`]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const q = 0.75 / 1.08;
    expectClose(outcome.output.clv, (100 / 1.08) * ((1 - q ** 10) / (1 - q)), 1e-9);
  });

  it('a file that cannot be read is named with a short reason', () => {
    const outcome = runKpis([`@${join(dir, 'missing.json')}`]);
    expect(!outcome.ok && outcome.errors).toEqual([`cannot read ${join(dir, 'missing.json')}: no such file`]);
  });

  it('- reads the scenario from stdin', () => {
    const outcome = runKpis(['-'], {
      stdin: () => '{"churnRate": 0.25, "customers": 500}\n',
      file: () => {
        throw new Error('no file expected');
      },
    });
    expect(outcome.ok && outcome.output.annualMargin).toBe(100);
  });

  it('runs as `npm run --silent kpis -- -` with the scenario piped in, and a note on stderr for a non-positive total', () => {
    const piped = spawnSync('npm', ['run', '--silent', 'kpis', '--', '-'], { input: '{"marginRate": 0, "customers": 500}', encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout).whalePeak).toBeNull();
    expect(piped.stderr).toMatch(/^kpis: note: total value .* is not positive/);
  }, 30_000);
});

describe('kpis CLI: an unlimited horizon counts at most 100 years, so CLV is monotone in churn (issue 14 item 12)', () => {
  function clvAt(churnRate: number): number | null {
    const outcome = runKpis([JSON.stringify({ horizon: null, churnRate, growthRate: 0, discountRate: 0, customers: 100 })]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    return outcome.output.clv ?? null;
  }

  it('churn 0 gives m x 100 = 10,000; 0.00001 gives 9,995.05; 0.0001 gives 9,950.66 (was 10,000, 10,000,000 and 1,000,000)', () => {
    expectClose(clvAt(0), 10_000, 1e-9);
    // m/(1+d) x (1 - q^100) / (1 - q) with d = 0, q = 1 - c
    expectClose(clvAt(0.00001), (100 * (1 - 0.99999 ** 100)) / 0.00001, 1e-6);
    expectClose(clvAt(0.00001), 9995.05, 5e-3);
    expectClose(clvAt(0.0001), 9950.66, 5e-3);
    expectClose(clvAt(0.5), 100 * (1 - 0.5 ** 100) / 0.5, 1e-9);
  });
});
