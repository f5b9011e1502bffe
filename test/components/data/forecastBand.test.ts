// The 95 % band under the forecast totals (ForecastSection) through what a
// user sees, with the data session in-process on the CDNOW sample.
import { render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import ForecastSection from '../../../src/components/data/ForecastSection.svelte';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { cdnowSession } from '../../data/cdnowSession.ts';


describe('ForecastSection: the 95 % band of the totals', () => {
  beforeEach(() => {
    i18n.locale = 'en';
  });

  it('says it is computing, then shows both bands around the totals and what they leave out', async () => {
    const { session, result } = await cdnowSession();
    const forecast = result.forecast;
    render(ForecastSection, { forecast, onchange: () => {}, band: (options) => session.forecastBand(options) });
    expect(screen.getByText('Computing the 95 % band …')).toBeTruthy();
    const purchases = await screen.findByText(/^Expected purchases .*, 95 % band: .* – /, {}, { timeout: 20_000 });
    const clv = screen.getByText(/^Total forecast value .*, 95 % band: .* – /);
    const bounds = (element: HTMLElement) => [Number(element.getAttribute('data-lower')), Number(element.getAttribute('data-upper'))] as const;
    const [pLow, pHigh] = bounds(purchases);
    expect(pLow).toBeLessThan(forecast.totalExpectedPurchases);
    expect(pHigh).toBeGreaterThan(forecast.totalExpectedPurchases);
    const [cLow, cHigh] = bounds(clv);
    expect(cLow).toBeLessThan(forecast.totalClv);
    expect(cHigh).toBeGreaterThan(forecast.totalClv);
    // The printed band is the worker's, rounded for the locale.
    const format = (v: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(v);
    expect(purchases.textContent).toContain(`${format(pLow)} – ${format(pHigh)}`);
    expect(screen.getByText(/only the uncertainty of the estimated model parameters .*not the customers' own randomness/)).toBeTruthy();
  }, 30_000);

  it('in German as "95 %-Band"', async () => {
    i18n.locale = 'de';
    const { session, result } = await cdnowSession();
    render(ForecastSection, { forecast: result.forecast, onchange: () => {}, band: (options) => session.forecastBand(options) });
    await waitFor(() => expect(document.querySelector('[data-band="clv"]')?.textContent).toMatch(/95 %-Band: .*\s€ – .*\s€/), { timeout: 20_000 });
    expect(screen.getByText(/nicht den Zufall, wann und wie viel die Kunden selbst kaufen/)).toBeTruthy();
  }, 30_000);
});
