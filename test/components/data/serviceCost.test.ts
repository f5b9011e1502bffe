// The cost to serve per customer and year in the Daten tab's forecast
// settings (issue 15), through what a user sees: the field, its refusal of
// a bad amount, the sentence that shows the subtraction with its numbers,
// and the assumptions line that every value view carries.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import AssumptionLine from '../../../src/components/data/AssumptionLine.svelte';
import ForecastSection from '../../../src/components/data/ForecastSection.svelte';
import type { DataForecastOptions } from '../../../src/data/session.ts';
import { EXAMPLE_MARGIN_RATE, FORECAST_DEFAULTS } from '../../../src/data/session.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { cdnowSession } from '../../data/cdnowSession.ts';

const OPTIONS = { ...FORECAST_DEFAULTS, marginRate: EXAMPLE_MARGIN_RATE };

describe('ForecastSection: cost to serve per customer and year', () => {
  beforeEach(() => {
    i18n.locale = 'de';
  });

  it('sends a typed amount to the forecast and refuses a negative one with a message, keeping the last', async () => {
    const { session } = await cdnowSession();
    const forecast = await session.forecastData(OPTIONS);
    if (forecast === null) throw new Error('no forecast');
    const asked: DataForecastOptions[] = [];
    render(ForecastSection, { forecast, onchange: (options) => asked.push(options) });
    const field = screen.getByLabelText('Betreuungskosten pro Kunde und Jahr (€)') as HTMLInputElement;
    expect(field.value).toBe('0');
    expect(screen.getByText(/für jedes Jahr, in dem ein Kunde noch aktiv ist/)).toBeTruthy();
    await fireEvent.change(field, { target: { value: '5' } });
    expect(asked).toEqual([{ ...OPTIONS, serviceCost: 5 }]);
    await fireEvent.change(field, { target: { value: '-3' } });
    expect(asked).toHaveLength(1);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[data-problem="serviceCost"]')?.textContent).toContain('ab 0');
  });

  it('shows how much of the total value is cost to serve, as s x customer years', async () => {
    const { session } = await cdnowSession();
    const forecast = await session.forecastData({ ...OPTIONS, serviceCost: 5 });
    if (forecast === null) throw new Error('no forecast');
    render(ForecastSection, { forecast, onchange: () => {} });
    const line = document.querySelector('[data-forecast="serviceCost"]');
    expect(Number(line?.getAttribute('data-value'))).toBeCloseTo(5 * forecast.totalYearsAlive, 6);
    const years = new Intl.NumberFormat('de', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(forecast.totalYearsAlive);
    // Intl puts a no-break space before the euro sign.
    expect(line?.textContent?.replace(/\s/g, ' ')).toContain(`= 5,00 € × ${years} erwartete abgezinste aktive Kundenjahre`);
  });

  it('without a cost to serve says nothing about it', async () => {
    const { result } = await cdnowSession();
    render(ForecastSection, { forecast: result.forecast, onchange: () => {} });
    expect(document.querySelector('[data-forecast="serviceCost"]')).toBeNull();
  });
});

describe('AssumptionLine: names the cost to serve', () => {
  it('as an amount per customer and active year, beside a cost column or alone', () => {
    i18n.locale = 'de';
    const { container, rerender } = render(AssumptionLine, {
      view: 'figures',
      options: { ...OPTIONS, serviceCost: 5 },
      source: 'example',
      marginColumn: null,
      costColumn: null,
    });
    const text = () => container.textContent?.replace(/\s/g, ' ');
    expect(text()).toContain('Betreuungskosten 5,00 € pro Kunde und aktivem Jahr');
    rerender({ view: 'figures', options: { ...OPTIONS, serviceCost: 5 }, source: 'column', marginColumn: 'kosten', costColumn: 'kosten' });
    expect(text()).toContain('aus Spalte „kosten“ und 5,00 € pro Kunde und aktivem Jahr');
    i18n.locale = 'en';
    rerender({ view: 'figures', options: { ...OPTIONS, serviceCost: 0 }, source: 'example', marginColumn: null, costColumn: null });
    expect(text()).toContain('cost to serve 0 (no cost column)');
  });
});
