// The churn slider's value as a fraction, and the CLV it must give.
import type { Locator, Page } from '@playwright/test';
import { expect, expectedClv, readKpi } from './helpers.ts';

/** Churn as a fraction from the range input: its scale runs from 0 to 100 % whatever the display unit. */
export async function churnOf(range: Locator): Promise<number> {
  const min = Number(await range.getAttribute('min'));
  const max = Number(await range.getAttribute('max'));
  const value = Number(await range.inputValue());
  return (value - min) / (max - min);
}

/** Waits until the CLV shown is the MODEL.md CLV for the slider's churn (defaults otherwise), and returns both. */
export async function expectClvForChurn(page: Page, range: Locator): Promise<{ churnRate: number; clv: number }> {
  const churnRate = await churnOf(range);
  const expected = expectedClv(churnRate);
  await expect
    .poll(async () => (await readKpi(page, 'clv')) ?? Number.NaN, { message: `clv for churn ${churnRate}` })
    .toBeCloseTo(expected, 4);
  return { churnRate, clv: expected };
}
