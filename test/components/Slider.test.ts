import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Slider from '../../src/components/controls/Slider.svelte';
import { i18n } from '../../src/i18n/i18n.svelte.ts';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { ParametersState } from '../../src/state/parameters.svelte.ts';

afterEach(() => {
  i18n.locale = 'de';
});

function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

describe('Slider', () => {
  it('is a range input labelled with the parameter name, showing the value in percent with its unit', () => {
    render(Slider, { name: 'churnRate', value: 0.2, onchange: vi.fn() });
    const slider = screen.getByLabelText('Abwanderungsrate');
    expect(slider).toHaveAttribute('type', 'range');
    expect(slider).toHaveValue('20');
    expect(plain(slider.getAttribute('aria-valuetext'))).toBe('20 %');
    expect(plain(document.getElementById('param-churnRate-value')?.textContent ?? null)).toBe('20 %');
  });

  it('the exact-value field is named for its parameter, and the label itself still names exactly one control', () => {
    render(Slider, { name: 'churnRate', value: 0.2, onchange: vi.fn() });
    expect(screen.getAllByLabelText('Abwanderungsrate')).toHaveLength(1);
    expect(screen.getByLabelText('Abwanderungsrate')).toHaveAttribute('type', 'range');
    const exact = screen.getByRole('spinbutton', { name: 'Abwanderungsrate: genauer Wert' });
    expect(exact).toHaveAccessibleDescription(/Abwanderungsrate/);
  });

  it('moving the slider reports the value as a fraction', () => {
    const onchange = vi.fn();
    render(Slider, { name: 'churnRate', value: 0.2, onchange });
    const slider = screen.getByLabelText('Abwanderungsrate');
    // A range input cannot be dragged in jsdom: set its value as the browser would.
    (slider as HTMLInputElement).value = '35';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onchange).toHaveBeenCalledWith('churnRate', 0.35);
  });

  it('typing an exact value in range reports it (percent typed, fraction stored)', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    render(Slider, { name: 'churnRate', value: 0.2, onchange });
    const exact = screen.getByRole('spinbutton', { name: 'Abwanderungsrate: genauer Wert' });
    await user.clear(exact);
    await user.type(exact, '25.5{Enter}');
    await user.tab();
    expect(onchange).toHaveBeenLastCalledWith('churnRate', 0.255);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('typing a value out of range shows the allowed range and changes nothing: the parameter state refuses it, the slider says why', async () => {
    const user = userEvent.setup();
    const params = new ParametersState({ ...DEFAULTS, churnRate: 0.2 });
    render(Slider, { name: 'churnRate', value: 0.2, onchange: (key, value) => params.set(key, value) });
    const exact = screen.getByRole('spinbutton', { name: 'Abwanderungsrate: genauer Wert' });
    await user.clear(exact);
    await user.type(exact, '150');
    await user.tab();
    expect(params.scenario.churnRate).toBe(0.2);
    expect(plain(screen.getByRole('alert').textContent)).toBe('Bitte einen Wert von 0 bis 100 % eingeben.');
    expect(exact).toHaveAttribute('aria-invalid', 'true');
  });

  it('the customer count sits on a logarithmic slider: position 500 of 1000 is 10,000 customers', () => {
    const onchange = vi.fn();
    render(Slider, { name: 'customers', value: 10_000, onchange });
    const slider = screen.getByLabelText('Anzahl Kunden');
    expect(slider).toHaveValue('500');
    expect(slider).toHaveAttribute('aria-valuetext', '10.000');
    (slider as HTMLInputElement).value = '1000';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onchange).toHaveBeenCalledWith('customers', 1_000_000);
  });

  it('the horizon can be switched to unlimited and back', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    const { rerender } = render(Slider, { name: 'horizon', value: 10, onchange });
    await user.click(screen.getByRole('checkbox', { name: 'unbegrenzt' }));
    expect(onchange).toHaveBeenLastCalledWith('horizon', null);
    await rerender({ name: 'horizon', value: null, onchange });
    expect(screen.getByLabelText('Betrachtungszeitraum')).toBeDisabled();
    expect(document.getElementById('param-horizon-value')).toHaveTextContent('unbegrenzt');
    await user.click(screen.getByRole('checkbox', { name: 'unbegrenzt' }));
    expect(onchange).toHaveBeenLastCalledWith('horizon', 10);
  });

  it('follows the language: English label and number format', () => {
    i18n.locale = 'en';
    render(Slider, { name: 'orderValue', value: 1250, onchange: vi.fn() });
    expect(screen.getByLabelText('Order value')).toHaveValue('1250');
    expect(document.getElementById('param-orderValue-value')).toHaveTextContent('€1,250.00');
  });

  it('a share typed below 1 that looks like a fraction is taken in percent, with a one-line hint (issue 12)', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    render(Slider, { name: 'dropShare', value: 0.1, onchange });
    const exact = screen.getByRole('spinbutton', { name: 'Bereinigung: schlechtester Anteil: genauer Wert' });
    await user.clear(exact);
    await user.type(exact, '0.1');
    await user.tab();
    expect(onchange).toHaveBeenLastCalledWith('dropShare', 0.001);
    expect(plain(screen.getByRole('status').textContent)).toBe('0,1 % eingegeben. Meinten Sie 10 %? Anteile werden hier in Prozent eingegeben.');
    await user.clear(exact);
    await user.type(exact, '10');
    await user.tab();
    expect(onchange).toHaveBeenLastCalledWith('dropShare', 0.1);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('the focus f is typed in percent like every share: 60 gives f = 0.6, 0.6 gets the hint', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    render(Slider, { name: 'focus', value: 0, onchange });
    const exact = screen.getByRole('spinbutton', { name: 'Fokussierung (f): genauer Wert' });
    expect(exact.parentElement).toHaveTextContent('%');
    await user.clear(exact);
    await user.type(exact, '60');
    await user.tab();
    expect(onchange).toHaveBeenLastCalledWith('focus', 0.6);
    expect(screen.queryByRole('status')).toBeNull();
    await user.clear(exact);
    await user.type(exact, '0.6');
    await user.tab();
    expect(onchange).toHaveBeenLastCalledWith('focus', 0.006);
    expect(plain(screen.getByRole('status').textContent)).toBe('0,6 % eingegeben. Meinten Sie 60 %? Anteile werden hier in Prozent eingegeben.');
  });
});

describe('Slider whose move the state refuses', () => {
  it('Home on the last budget share above 0 keeps the thumb where the value holds and says why', async () => {
    // As ParametersState.set answers when A and B are already 0.
    const onchange = vi.fn(() => ({ key: 'focusShareC', reason: 'sharesSumToZero' as const, message: '' }));
    render(Slider, { name: 'focusShareC', value: 0.1, onchange });
    const slider = screen.getByLabelText('Budgetanteil C bei voller Konzentration') as HTMLInputElement;
    slider.value = '0';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onchange).toHaveBeenCalledWith('focusShareC', 0);
    expect(slider.value).toBe('10');
    expect(await screen.findByRole('alert')).toHaveTextContent('Mindestens einer der drei Budgetanteile A, B und C muss über 0 liegen');
  });
});
