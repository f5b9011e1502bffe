// "Simulate, fit, compare" through what a user sees, with the real
// simulation and fits of src/data/simulateFit.ts run in-process instead of in
// the worker.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import SimulateFit from '../../../src/components/data/models/SimulateFit.svelte';
import { simulateAndFit, type SimulateFitInput } from '../../../src/data/simulateFit.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import type { SimulateFitRunner } from '../../../src/worker/simulateFitClient.ts';

const inProcess: SimulateFitRunner = async (input, sizes, onRun) => {
  await Promise.resolve();
  return simulateAndFit(input, sizes, onRun);
};

const rows = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>('tr[data-simfit-row]')).filter((row) => row.dataset.simfitRow !== 'true');

async function openAndRun(upTo: string): Promise<void> {
  await userEvent.click(screen.getByText('Simulate, fit, compare'));
  await userEvent.selectOptions(screen.getByLabelText('Up to'), upTo);
  await userEvent.click(screen.getByRole('button', { name: 'Simulate and fit' }));
}

describe('SimulateFit', () => {
  beforeEach(() => {
    i18n.locale = 'en';
  });

  it('starts at the CDNOW values; a run shows one row per N with the interval for r around the true 0.243, and the sentence says how it narrows', async () => {
    const calls: SimulateFitInput[] = [];
    render(SimulateFit, { run: (input, sizes, onRun) => (calls.push(input), inProcess(input, sizes, onRun)) });
    await userEvent.click(screen.getByText('Simulate, fit, compare'));
    expect((screen.getByLabelText('True r, exact value') as HTMLInputElement).value).toBe('0.243');
    expect((screen.getByLabelText('True γ, exact value') as HTMLInputElement).value).toBe('15.44');
    await userEvent.selectOptions(screen.getByLabelText('Up to'), '10000');
    await userEvent.click(screen.getByRole('button', { name: 'Simulate and fit' }));
    await waitFor(() => expect(screen.getByText('Fitted 3 sample sizes.')).toBeTruthy(), { timeout: 20_000 });
    expect(calls[0]?.bgnbd).toEqual({ r: 0.243, alpha: 4.41, a: 0.793, b: 2.43 });
    expect(rows().map((row) => row.dataset.simfitRow)).toEqual(['100', '1000', '10000']);
    const widths = rows().map((row) => Math.log(Number(row.dataset.upper) / Number(row.dataset.lower)));
    expect(widths[0]).toBeGreaterThan(widths[1] as number);
    expect(widths[1]).toBeGreaterThan(widths[2] as number);
    const largest = rows()[2] as HTMLElement;
    expect(Number(largest.dataset.lower)).toBeLessThan(0.243);
    expect(Number(largest.dataset.upper)).toBeGreaterThan(0.243);
    expect(screen.getByText(/^With 100 customers the 95 % interval for r spans .+; with 10,000 it spans .+ \(true value 0\.243\)\.$/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /Recovered r against the true value/ })).toBeTruthy();
    expect(screen.getByText(/^Fitted on 100 customers the forecast is .+; under the true parameters it is .+\.$/)).toBeTruthy();
  }, 30_000);

  it('a value out of range is refused with a message and runs nothing; a valid change after a run runs again', async () => {
    let count = 0;
    render(SimulateFit, { run: (input, sizes, onRun) => (count++, inProcess(input, sizes, onRun)) });
    await openAndRun('1000');
    await waitFor(() => expect(rows()).toHaveLength(2), { timeout: 20_000 });
    const q = screen.getByLabelText('True q, exact value') as HTMLInputElement;
    await fireEvent.change(q, { target: { value: '0.5' } });
    expect(q.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('q: a number from 1.2 to 20.')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(count).toBe(1);
    await fireEvent.change(q, { target: { value: '5' } });
    await waitFor(() => expect(count).toBe(2), { timeout: 5_000 });
    expect(q.getAttribute('aria-invalid')).toBe('false');
  }, 30_000);

  it('latest wins: an older run that ends after a newer one does not replace its result', async () => {
    let releaseFirst: () => void = () => {};
    const firstDone = new Promise<void>((resolve) => (releaseFirst = resolve));
    let count = 0;
    render(SimulateFit, {
      run: async (input, sizes, onRun) => {
        count++;
        if (count === 1) {
          await firstDone;
          return simulateAndFit({ ...input, seed: 999 }, [100, 200], onRun);
        }
        return inProcess(input, sizes, onRun);
      },
    });
    await openAndRun('1000');
    await userEvent.click(screen.getByRole('button', { name: 'Simulate and fit' }));
    await waitFor(() => expect(screen.getByText('Fitted 2 sample sizes.')).toBeTruthy(), { timeout: 20_000 });
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rows().map((row) => row.dataset.simfitRow)).toEqual(['100', '1000']);
  }, 30_000);
});
