import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArguments, progressReporter, runAnalyze } from '../../src/cli/analyze.ts';
import { relative, SHARED_DATA } from '../data/fixtures.ts';
import { expectClose } from '../engine/close.ts';

const EVENT_LOG = resolve(SHARED_DATA, 'cdnow_sample_transactions.csv');
/** tsx itself rather than npx, whose own warnings would land on stderr. */
const TSX = resolve('node_modules/.bin/tsx');

describe('analyze CLI (contract of issue 7)', () => {
  it('fits the CDNOW event log with --end 1997-09-30 to the README full-precision figures', async () => {
    const outcome = await runAnalyze([EVENT_LOG, '--end', '1997-09-30']);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const out = outcome.output;
    expect(Object.keys(out)).toEqual(['customers', 'transactions', 'skippedRows', 'bgnbd', 'gammaGamma']);
    expect(Object.keys(out.bgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'logLik']);
    expect(Object.keys(out.gammaGamma)).toEqual(['p', 'q', 'v', 'logLik']);
    expect([out.customers, out.transactions, out.skippedRows]).toEqual([2357, 6919, 0]);
    expect(relative(out.bgnbd.r, 0.2425945)).toBeLessThan(1e-3);
    expect(relative(out.bgnbd.alpha, 4.413602)).toBeLessThan(1e-3);
    expect(relative(out.bgnbd.a, 0.7929221)).toBeLessThan(1e-3);
    expect(relative(out.bgnbd.b, 2.425907)).toBeLessThan(1e-3);
    expectClose(out.bgnbd.logLik, -9582.4292, 0.01);
    expect(relative(out.gammaGamma.p ?? 0, 6.249574)).toBeLessThan(1e-3);
    expect(relative(out.gammaGamma.q ?? 0, 3.744225)).toBeLessThan(1e-3);
    expect(relative(out.gammaGamma.v ?? 0, 15.44352)).toBeLessThan(1e-3);
    expectClose(out.gammaGamma.logLik, -4055.9177, 0.01);
  });

  it('defaults --end to the last purchase day (78 weeks) and scales alpha by 7 with --unit day', async () => {
    const weeks = await runAnalyze([EVENT_LOG]);
    const days = await runAnalyze([EVENT_LOG, '--end=1998-06-30', '--unit', 'day']);
    if (!weeks.ok || !days.ok) throw new Error('analyze failed');
    expect(relative(weeks.output.bgnbd.alpha, 5.44725)).toBeLessThan(1e-3);
    expectClose(weeks.output.bgnbd.logLik, -17138.234, 0.01);
    expect(relative(days.output.bgnbd.alpha, 7 * weeks.output.bgnbd.alpha)).toBeLessThan(1e-3);
    expect(relative(days.output.bgnbd.r, weeks.output.bgnbd.r)).toBeLessThan(1e-3);
  });

  it('reads a German export and counts its rejected rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'export.csv');
    // Four repeat buyers of varied spend: the smallest file here whose Gamma-Gamma fit has a finite optimum (issue 14).
    const rows = ['1;12.03.2025;1.234,56', '1;20.03.2025;10,00', '1;02.05.2025;45,20', '2;14.03.2025;5,00', '2;30.04.2025;17,50', '2;21.05.2025;9,90'];
    rows.push('3;kein Datum;5,00', '3;03.03.2025;60,00', '3;10.04.2025;72,00', '4;05.03.2025;20,00', '4;18.05.2025;33,00', '5;07.03.2025;12,00');
    writeFileSync(file, `Kundennummer;Datum;Umsatz\n${rows.join('\n')}\n`);
    const outcome = await runAnalyze([file]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect([outcome.output.customers, outcome.output.transactions, outcome.output.skippedRows]).toEqual([5, 11, 1]);
  });

  it('refuses data without any repeat purchase (no model can be fitted) and an end before the first purchase', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'once.csv');
    writeFileSync(file, 'id,date,revenue\n1,2025-01-01,5\n2,2025-01-02,6\n');
    const once = await runAnalyze([file]);
    expect(once.ok ? [] : once.errors[0]).toContain('needs repeat purchases');
    const early = await runAnalyze([EVENT_LOG, '--end', '1996-12-31']);
    expect(early.ok ? [] : early.errors[0]).toContain('choose a later end date');
  });

  it('names the problem for bad arguments', () => {
    const bad = (args: string[]) => {
      const parsed = parseArguments(args);
      return parsed.ok ? [] : parsed.errors;
    };
    expect(bad([])).toContain('no file given');
    expect(bad(['a.csv', '--end', '30.09.1997'])).toContain('--end must be a date YYYY-MM-DD, got "30.09.1997"');
    expect(bad(['a.csv', '--unit', 'month'])).toContain('--unit must be week or day, got "month"');
    expect(bad(['a.csv', '--colour'])).toContain('unknown option --colour');
  });

  it('runs as `tsx src/cli/analyze.ts` (the npm script): one JSON object on stdout, exit code 2 with a message on stderr', () => {
    const stdout = execFileSync(TSX, ['src/cli/analyze.ts', EVENT_LOG, '--end', '1997-09-30'], { encoding: 'utf8' });
    expect(JSON.parse(stdout).customers).toBe(2357);
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const binary = join(dir, 'picture.csv');
    writeFileSync(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    for (const args of [[binary], [EVENT_LOG, '--unit', 'fortnight'], [join(dir, 'missing.csv')]]) {
      const run = spawnSync(TSX, ['src/cli/analyze.ts', ...args], { encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^analyze: /);
    }
  });

  it('reports progress (parsing, then each fit with its likelihood evaluations) through the reporter, at most once a second', async () => {
    const lines: string[] = [];
    let clock = 0;
    // Every reading of the clock is 1.5 s later: each report passes the one-second throttle.
    const reporter = progressReporter((line) => lines.push(line), () => (clock += 1500));
    const outcome = await runAnalyze([EVENT_LOG, '--end', '1997-09-30'], reporter);
    expect(outcome.ok).toBe(true);
    expect(lines.some((line) => /^analyze: parsing \d+ %, \d+ rows\n$/.test(line))).toBe(true);
    expect(lines.some((line) => /^analyze: fitting BG\/NBD, \d+ likelihood evaluations\n$/.test(line))).toBe(true);
    expect(lines.some((line) => /^analyze: fitting Gamma-Gamma, \d+ likelihood evaluations\n$/.test(line))).toBe(true);
    const quiet: string[] = [];
    // A clock that stands still lets only the first report through.
    const still = progressReporter((line) => quiet.push(line), () => 5);
    await runAnalyze([EVENT_LOG, '--end', '1997-09-30'], still);
    expect(quiet).toHaveLength(1);
  });

  it('exits with code 2 and a clear message when a fit does not settle (4 rows: logLik was null with exit code 0) or the spend is all the same', () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const four = join(dir, 'four.csv');
    writeFileSync(four, 'id,date,revenue\n1,2025-01-01,5\n1,2025-01-08,6\n2,2025-01-02,7\n2,2025-01-20,8\n');
    const uniform = join(dir, 'uniform.csv');
    // A stray quote leaves one repeat buyer: Gamma-Gamma ran off to p = 1e25 with logLik +7e10.
    writeFileSync(uniform, 'id,date,revenue\n1,2025-01-01,10\n"2,2025-01-02,5\n3,2025-01-03,5\n1,2025-02-03,5\n');
    const expected: [string, RegExp][] = [
      [four, /^analyze: .*four\.csv: The purchase model \(BG\/NBD\) did not settle at finite values/m],
      [uniform, /^analyze: .*uniform\.csv: The spend model \(Gamma-Gamma\) did not settle at finite values \(p = 1\.\d+e\+25/m],
    ];
    for (const [file, message] of expected) {
      const run = spawnSync(TSX, ['src/cli/analyze.ts', file], { encoding: 'utf8' });
      expect(run.status, file).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/null|NaN/);
    }
  }, 60_000);

  it('notes negative amounts (returns), future dates and unclosed quotes on stderr, with the JSON unchanged on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
    const file = join(dir, 'returns.csv');
    const text = readFileSync(EVENT_LOG, 'utf8').trimEnd();
    writeFileSync(file, `${text}\n1,1997-03-01,1,-5.00\n"2,1997-03-02,1,3.00\n3,9999-12-31,1,4.00\n`);
    const outcome = await runAnalyze([file, '--end', '1997-09-30']);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    expect(outcome.notes).toHaveLength(3);
    expect(outcome.notes[0]).toMatch(/^1 row with a negative amount counted as returns/);
    expect(outcome.notes[1]).toMatch(/^1 row dated after \d{4}-\d{2}-\d{2} rejected/);
    expect(outcome.notes[2]).toBe('1 line with a quote that is never closed skipped (first: line 6922); the lines after were read');
    expect([outcome.output.transactions, outcome.output.skippedRows]).toEqual([6920, 2]);
    const run = spawnSync(TSX, ['src/cli/analyze.ts', file, '--end', '1997-09-30'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).customers).toBe(2357);
    expect(run.stderr).toMatch(/^analyze: note: 1 row with a negative amount/m);
  }, 60_000);
});

describe('analyze CLI: summary files, --summary, --customers, --model (issues 15 and 16)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyze-summary-'));

  it('round trip: analyze --summary, then analyze on that summary gives the same parameters to 1e-6', async () => {
    const summaryFile = join(dir, 'summary.csv');
    const first = await runAnalyze([EVENT_LOG, '--end', '1997-09-30', '--summary', summaryFile]);
    if (!first.ok) throw new Error(first.errors.join('\n'));
    const text = readFileSync(summaryFile, 'utf8');
    expect(text.split('\n')[0]).toBe('customer_id,frequency,recency,T,monetary_value,first_purchase,revenue');
    expect(text.trim().split('\n')).toHaveLength(2358);
    const second = await runAnalyze([summaryFile]);
    if (!second.ok) throw new Error(second.errors.join('\n'));
    expect(second.output.customers).toBe(2357);
    for (const key of ['r', 'alpha', 'a', 'b', 'logLik'] as const) expect(relative(second.output.bgnbd[key], first.output.bgnbd[key])).toBeLessThan(1e-6);
    for (const key of ['p', 'q', 'v', 'logLik'] as const) expect(relative(second.output.gammaGamma[key] ?? 0, first.output.gammaGamma[key] ?? 1)).toBeLessThan(1e-6);
  });

  it('--customers writes each calibration customer forecast: expected purchases, P(alive), spend, CLV', async () => {
    const file = join(dir, 'customers.csv');
    const outcome = await runAnalyze([EVENT_LOG, '--end', '1997-09-30', '--customers', file]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,expected_purchases,p_alive,expected_spend,clv');
    expect(lines).toHaveLength(2358);
    const [id, purchases, alive, spend, clv] = (lines[1] as string).split(',').map(Number);
    expect(id).toBe(1);
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThanOrEqual(1);
    // Customer 1 (x 2, zbar 22.345) with p 6.24958, q 3.74422, v 15.4435 (the fit above), by hand (MODEL.md, Gamma-Gamma):
    // (q-1)/(px+q-1) * vp/(q-1) + px/(px+q-1) * zbar = 0.180028 * 35.171 + 0.819972 * 22.345 = 24.654.
    expect(spend).toBeCloseTo(24.654, 2);
    expect(purchases).toBeGreaterThan(0);
    expect(clv).toBeGreaterThan(0);
  });

  it('--model pnbd adds the Pareto/NBD fit next to every existing key; without --model the output is unchanged', async () => {
    const plain = await runAnalyze([EVENT_LOG, '--end', '1997-09-30']);
    const pnbd = await runAnalyze([EVENT_LOG, '--end', '1997-09-30', '--model', 'pnbd']);
    if (!plain.ok || !pnbd.ok) throw new Error('analyze failed');
    expect(Object.keys(plain.output)).toEqual(['customers', 'transactions', 'skippedRows', 'bgnbd', 'gammaGamma']);
    expect(Object.keys(pnbd.output)).toEqual(['customers', 'transactions', 'skippedRows', 'bgnbd', 'gammaGamma', 'pnbd']);
    expect(pnbd.output.bgnbd).toEqual(plain.output.bgnbd);
    const fit = pnbd.output.pnbd;
    if (fit === undefined) throw new Error('no pnbd');
    expect(Object.keys(fit)).toEqual(['r', 'alpha', 's', 'beta', 'logLik']);
    // Issue 16 item 1 / Fader, Hardie & Lee (2005) and R BTYD pnbd.EstimateParameters on cdnowSummary (quoted in
    // BTYDplus demo/cdnow.r): r 0.5534, alpha 10.58, s 0.6061, beta 11.67, log-likelihood -9595.0. The likelihood
    // is flat along a ridge (shared/data/README), hence 0.5 % on the parameters.
    expect(relative(fit.r, 0.5534)).toBeLessThan(5e-3);
    expect(relative(fit.alpha, 10.58)).toBeLessThan(5e-3);
    expect(relative(fit.s, 0.6061)).toBeLessThan(5e-3);
    expect(relative(fit.beta, 11.67)).toBeLessThan(5e-3);
    expectClose(fit.logLik, -9594.976, 0.01);
  });

  it('--model all prints bgnbd, mbgnbd and pnbd; a bad model name or --end on a summary file is refused', async () => {
    const all = await runAnalyze([resolve(SHARED_DATA, 'cdnow_calibration_summary.csv'), '--model=all']);
    if (!all.ok) throw new Error(all.errors.join('\n'));
    expect(Object.keys(all.output)).toEqual(['customers', 'transactions', 'skippedRows', 'bgnbd', 'gammaGamma', 'mbgnbd', 'pnbd']);
    expect(Object.keys(all.output.mbgnbd ?? {})).toEqual(['r', 'alpha', 'a', 'b', 'logLik']);
    // Both BG/NBD variants describe CDNOW about equally well (log-likelihoods within a few units of -9582).
    expect(Math.abs((all.output.mbgnbd?.logLik ?? 0) - all.output.bgnbd.logLik)).toBeLessThan(5);
    expect(parseArguments([EVENT_LOG, '--model', 'nbd'])).toMatchObject({ ok: false, errors: [expect.stringMatching(/--model must be/), expect.stringMatching(/^usage/)] });
    const withEnd = await runAnalyze([resolve(SHARED_DATA, 'cdnow_calibration_summary.csv'), '--end', '1997-09-30']);
    expect(withEnd).toMatchObject({ ok: false, errors: [expect.stringMatching(/--end applies to transactions only/), expect.stringMatching(/^usage/)] });
  });

  it('reports bad summary rows with their line on stderr and fits the rest', async () => {
    const file = join(dir, 'bad.csv');
    const good = readFileSync(resolve(SHARED_DATA, 'cdnow_calibration_summary.csv'), 'utf8').trim().split('\n');
    good.splice(3, 0, '9999,1,50,38.86,10.00,0');
    writeFileSync(file, `${good.join('\n')}\n`);
    const run = spawnSync(TSX, ['src/cli/analyze.ts', file], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/analyze: note: rejected line 4: recency 50 is greater than T 38\.86/);
    expect(JSON.parse(run.stdout)).toMatchObject({ customers: 2357, transactions: 2357, skippedRows: 1 });
  });

  it('--help lists every option and exits 0', () => {
    const run = spawnSync(TSX, ['src/cli/analyze.ts', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const option of ['--end', '--unit', '--summary', '--customers', '--model', '--help']) expect(run.stdout).toContain(`  ${option}`);
  });
});
