// The Daten tab's state with the data session in-process: cancelling an
// import keeps the data loaded before, forecast settings recompute from the
// cached fits (expected numbers from src/data directly).
import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../../src/data/analysis.ts';
import { CLV_DEFAULTS } from '../../../src/data/clv.ts';
import { forecastCustomers } from '../../../src/data/forecast.ts';
import { DataState } from '../../../src/state/data.svelte.ts';
import { createDataSession } from '../../../src/data/session.ts';

function englishCsv(customers: number): Uint8Array {
  const lines = ['customer_id,date,revenue'];
  for (let c = 1; c <= customers; c++) {
    for (let k = 0; k <= c % 4; k++) {
      const day = String(1 + ((c * 3 + k * 13) % 28)).padStart(2, '0');
      const month = String(1 + ((c + k * 5) % 12)).padStart(2, '0');
      lines.push(`C${c},2024-${month}-${day},${(10 + (c % 17) * 4.5 + k * 7).toFixed(2)}`);
    }
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function loaded(bytes: Uint8Array): Promise<DataState> {
  const state = new DataState(createDataSession());
  await state.openFile('a.csv', bytes);
  const mapping = state.detection?.columns.mapping;
  if (!mapping) throw new Error('no mapping detected');
  await state.runImport({ mapping, dialect: {}, calibrationEnd: '' });
  return state;
}

describe('DataState', () => {
  it('cancel() stops a large import with a "cancelled" message and keeps the data loaded before', async () => {
    const state = await loaded(englishCsv(40));
    const before = state.result;
    expect(before?.report.customers).toBe(40);
    await state.openFile('big.csv', englishCsv(60_000));
    const mapping = state.detection?.columns.mapping;
    if (!mapping) throw new Error('no mapping detected');
    const running = state.runImport({ mapping, dialect: {}, calibrationEnd: '' });
    expect(state.phase).toBe('importing');
    state.cancel();
    await running;
    expect(state.error?.code).toBe('cancelled');
    expect(state.result).toBe(before);
  });

  it('setForecast recomputes CLV from the cached fits', async () => {
    const bytes = englishCsv(50);
    const state = await loaded(bytes);
    await state.setForecast({ horizonYears: 2, annualDiscountRate: 0.05, marginRate: 0.4, serviceCost: 0 });
    const expected = await analyzeBytes(bytes, { unit: 'week' });
    if (!expected.ok) throw new Error(expected.error.message);
    const { bgnbd, gammaGamma, calibration } = expected.analysis;
    const horizon = 2 * CLV_DEFAULTS.periodsPerYear;
    const forecasts = forecastCustomers(bgnbd, gammaGamma, calibration, horizon, { ...CLV_DEFAULTS, horizon, annualDiscountRate: 0.05, marginRate: 0.4 });
    const total = forecasts.clv.reduce((a, b) => a + b, 0);
    expect(state.forecast?.totalClv).toBeCloseTo(total, 8);
    const best = Math.max(...forecasts.clv);
    expect(state.forecast?.top[0]?.clv).toBeCloseTo(best, 10);
  });

  it('sends the first 100 rejected rows and offers all of them as CSV', async () => {
    const good = new TextDecoder().decode(englishCsv(30));
    const bad = Array.from({ length: 150 }, (_, k) => `X${k},2024-13-${String((k % 28) + 1).padStart(2, '0')},5.00`).join('\n');
    const state = await loaded(new TextEncoder().encode(`${good}${bad}\n`));
    expect(state.result?.report.rejected).toBe(150);
    expect(state.result?.rejected).toHaveLength(100);
    const csv = (await state.rejectedCsv()).trim().split('\n');
    expect(csv[0]).toBe('line,code,message');
    expect(csv).toHaveLength(151);
    expect(csv[1]).toMatch(/^\d+,badDate,/);
  });

  it('the rejected rows CSV never starts a cell with a formula, whatever the file held', async () => {
    const good = new TextDecoder().decode(englishCsv(30));
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    const bad = hostile.map((id) => `"${id.replace(/"/g, '""')}",2024-13-01,=1+1`).join('\n');
    const state = await loaded(new TextEncoder().encode(`${good}${bad}\n`));
    expect(state.result?.report.rejected).toBe(hostile.length);
    const lines = (await state.rejectedCsv()).trim().split('\n').slice(1);
    expect(lines).toHaveLength(hostile.length);
    for (const line of lines) {
      // line, code, then the message (quoted when it holds a comma or quote).
      const [, , ...rest] = line.split(',');
      const message = rest.join(',').replace(/^"/, '');
      expect(message, line).not.toMatch(/^[=+\-@\t\r]/);
      expect(line).toMatch(/^\d+,\w+,/);
    }
  });
});

