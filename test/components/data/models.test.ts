// The model views of the Daten tab (src/components/data/models/) through what
// a user sees, with the data session in-process on the CDNOW sample.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import ModelComparison from '../../../src/components/data/models/ModelComparison.svelte';
import { dayFromCivil } from '../../../src/data/dates.ts';
import { recommendModel, scoreModels } from '../../../src/data/modelComparison.ts';
import { fitModel, MODEL_NAMES } from '../../../src/data/models.ts';
import { prepareBgNbd } from '../../../src/data/bgnbd.ts';
import { createDataSession } from '../../../src/data/session.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { DataState } from '../../../src/state/data.svelte.ts';
import { sharedBytes } from '../../data/fixtures.ts';
import { analyzeBytes } from '../../../src/data/analysis.ts';
import { cdnowSession } from '../../data/cdnowSession.ts';


describe('ModelComparison', () => {
  beforeEach(() => {
    i18n.locale = 'en';
  });

  it('fits nothing until opened; then shows the three models, the recommendation of modelComparison.ts and why', async () => {
    const { session, result } = await cdnowSession();
    let calls = 0;
    render(ModelComparison, { fit: result.bgnbd, load: () => (calls++, session.compareModels()) });
    expect(calls).toBe(0);
    await userEvent.click(screen.getByText(/Compare models/));
    await waitFor(() => expect(document.querySelectorAll('tr[data-model]')).toHaveLength(3), { timeout: 20_000 });
    expect(calls).toBe(1);
    // The same figures computed directly from src/data on the same calibration data (CDNOW: Pareto/NBD by its holdout MAE).
    const calibration = await calibrationOf();
    const data = prepareBgNbd(calibration);
    const scores = scoreModels(MODEL_NAMES.map((name) => fitModel(name, data)), calibration, 39);
    const direct = recommendModel(scores);
    expect(direct?.name).toBe('pnbd');
    const recommendation = document.querySelector('[data-recommended]');
    expect(recommendation?.getAttribute('data-recommended')).toBe('pnbd');
    expect(recommendation?.textContent).toContain('mean absolute error');
    const pnbd = document.querySelector<HTMLElement>('tr[data-model="pnbd"]');
    if (pnbd === null) throw new Error('no Pareto/NBD row');
    expect(within(pnbd).getByRole('rowheader').textContent).toBe('Pareto/NBD');
    const [, , bic, mae] = Array.from(pnbd.querySelectorAll('td[data-value]'), (cell) => Number(cell.getAttribute('data-value')));
    expect(Math.abs((bic ?? 0) - (scores[2]?.bic ?? 0))).toBeLessThan(0.05);
    expect(Math.abs((mae ?? 0) - (scores[2]?.holdout?.maePerCustomer ?? 0))).toBeLessThan(1e-4);
    expect(screen.getByRole('img', { name: /Holdout check of every model/ })).toBeTruthy();
  }, 30_000);
});

async function calibrationOf() {
  const outcome = await analyzeBytes(sharedBytes('cdnow_sample_transactions.csv'), { calibrationEnd: dayFromCivil(1997, 9, 30) });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.analysis.calibration;
}

describe('DataState.moveSplit (the tracking chart handle)', () => {
  it('refits at the new end and updates the result; an end without data keeps the fit and says why', async () => {
    const state = new DataState(createDataSession());
    await state.openSample(sharedBytes('cdnow_sample_transactions.csv'));
    const before = state.result;
    if (before === null) throw new Error('sample not loaded');
    await state.moveSplit(dayFromCivil(1996, 12, 1));
    expect(state.splitError?.code).toBeTruthy();
    expect(state.result).toBe(before);
    await state.moveSplit(dayFromCivil(1997, 1, 1) + 26 * 7 - 1);
    expect(state.splitError).toBeNull();
    expect(state.result?.calibrationEnd).toBe(dayFromCivil(1997, 1, 1) + 26 * 7 - 1);
    expect(state.result?.split).toBe('chosen');
    expect(state.result?.holdoutLength).toBe(52);
    expect(state.result?.bgnbd.r).not.toBe(before.bgnbd.r);
    // The rest of the import result (the file's report) stays, and the forecast is the new fit's.
    expect(state.result?.report).toBe(before.report);
    expect(state.forecast).toBe(state.result?.forecast);
    expect(state.splitPending).toBe(false);
  }, 30_000);
});
