// The data session (src/data/session.ts, pure, run in Node): an import reports
// its parse progress and then the fits' progress, so a long fit never shows
// a bar stuck at 100 %.
import { describe, expect, it } from 'vitest';
import { createDataSession } from '../../src/data/session.ts';
import type { DataProgress } from '../../src/worker/api.ts';
import { dayFromCivil } from '../../src/data/dates.ts';
import { sharedBytes } from './fixtures.ts';

describe('data session progress', () => {
  it('reports parsing (fraction up to 1) and then fitting, with the model and the likelihood evaluations so far', async () => {
    const session = createDataSession();
    const detected = await session.detectData(sharedBytes('cdnow_sample_transactions.csv'));
    if (!detected.ok || detected.detection.columns.mapping === null) throw new Error('sample not detected');
    const seen: DataProgress[] = [];
    const outcome = await session.importData({ unit: 'week', mapping: detected.detection.columns.mapping }, (p) => seen.push(p));
    expect(outcome.ok).toBe(true);
    const parse = seen.filter((p) => p.phase === 'parse');
    const fit = seen.filter((p) => p.phase === 'fit');
    expect(parse.at(-1)).toMatchObject({ phase: 'parse', fraction: 1, rows: 6919 });
    expect(fit.length).toBeGreaterThan(0);
    expect(fit[0]).toMatchObject({ phase: 'fit', model: 'bgnbd', rows: 6919 });
    // Parsing comes first, fitting after it.
    expect(seen.findIndex((p) => p.phase === 'fit')).toBeGreaterThan(seen.findLastIndex((p) => p.phase === 'parse'));
  });
});

describe('data session: a file without a chosen calibration end (issue 15, defect 3)', () => {
  it('gets the proposed split, so the CDNOW file gives the same fit as the sample data (r = 0.2425945)', async () => {
    const session = createDataSession();
    const detected = await session.detectData(sharedBytes('cdnow_sample_transactions.csv'));
    if (!detected.ok || detected.detection.columns.mapping === null) throw new Error('sample not detected');
    const proposed = await session.importData({ unit: 'week', mapping: detected.detection.columns.mapping });
    if (!proposed.ok) throw new Error(proposed.error.message);
    expect(proposed.result.split).toBe('proposed');
    expect(proposed.result.calibrationEnd).toBe(dayFromCivil(1997, 9, 30));
    // shared/data/README.md: BG/NBD on the event log with calibration to 1997-09-30.
    expect(Math.abs(proposed.result.bgnbd.r - 0.2425945) / 0.2425945).toBeLessThan(1e-3);

    const all = await session.importData({ unit: 'week', mapping: detected.detection.columns.mapping, holdout: 'none' });
    if (!all.ok) throw new Error(all.error.message);
    expect(all.result.split).toBe('all');
    expect(all.result.calibrationEnd).toBe(all.result.observationEnd);
    expect(all.result.holdoutLength).toBe(0);
  });
});
