// The data session (src/data/session.ts, pure, run in Node): an import reports
// its parse progress and then the fits' progress, so a long fit never shows
// a bar stuck at 100 %.
import { describe, expect, it } from 'vitest';
import { createDataSession } from '../../src/data/session.ts';
import type { DataProgress } from '../../src/worker/api.ts';
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
