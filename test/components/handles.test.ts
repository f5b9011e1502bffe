// The draggable marker on the focus curve (issue 11): a role="slider" inside
// the focus chart named like the sidebar slider; arrow keys, Home/End and a
// pointer drag set f, and only f, within its range 0..1 in steps of 0.05;
// likewise the drop share on the whale curve and the horizon on the J-curve.
import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import FocusChart from '../../src/components/charts/FocusChart.svelte';
import JCurveChart from '../../src/components/charts/JCurveChart.svelte';
import WhaleChart from '../../src/components/charts/WhaleChart.svelte';
import { PARAMETERS } from '../../src/engine/parameters.ts';
import type { CustomerResult, FocusResult } from '../../src/engine/results.ts';

/** The fields the chart draws: a sweep rising to f = 0.5 and falling after. */
const FOCUS = {
  sweep: Array.from({ length: 21 }, (_, i) => ({ focus: i / 20, value: 1000 - 1000 * (i / 20 - 0.5) ** 2 })),
  bestFocus: 0.5,
  valueAtBestFocus: 1000,
  valueAtNoFocus: 750,
  valueAtFocus: 750,
} as unknown as FocusResult;

function renderChart(current: number): { onfocus: ReturnType<typeof vi.fn>; handle: HTMLElement } {
  const onfocus = vi.fn();
  render(FocusChart, { focus: FOCUS, current, onfocus });
  const handle = screen.getByRole('slider', { name: 'Fokussierung (f)' });
  return { onfocus, handle };
}

describe('focus handle', () => {
  it('sits inside the focus chart and names f as the sidebar slider does', () => {
    const { handle } = renderChart(0.3);
    expect(handle.closest('[data-chart="focus"]')).not.toBeNull();
    expect(handle).toHaveAttribute('aria-valuenow', '0.3');
    expect(handle).toHaveAttribute('aria-valuemin', '0');
    expect(handle).toHaveAttribute('aria-valuemax', '1');
  });

  it('arrow keys move f by one step, Page keys by ten, Home and End to the ends', async () => {
    const user = userEvent.setup();
    const { onfocus, handle } = renderChart(0.3);
    handle.focus();
    await user.keyboard('{ArrowRight}');
    expect(onfocus).toHaveBeenLastCalledWith(0.35);
    await user.keyboard('{ArrowLeft}');
    expect(onfocus).toHaveBeenLastCalledWith(0.25);
    await user.keyboard('{PageUp}');
    expect(onfocus).toHaveBeenLastCalledWith(0.8);
    await user.keyboard('{End}');
    expect(onfocus).toHaveBeenLastCalledWith(1);
    await user.keyboard('{Home}');
    expect(onfocus).toHaveBeenLastCalledWith(0);
    for (const [value] of onfocus.mock.calls as [number][]) expect(value).toBeGreaterThanOrEqual(0);
  });

  it('a pointer drag sets f to the value under the pointer, clamped to 0..1 and on a step', async () => {
    const { onfocus, handle } = renderChart(0);
    const left0 = Number.parseFloat(handle.style.left);
    await fireEvent.pointerDown(handle, { clientX: left0, pointerId: 1 });
    // Far to the right of the plot: f = 1; far to the left: back to 0.
    await fireEvent.pointerMove(handle, { clientX: left0 + 10_000, pointerId: 1 });
    expect(onfocus).toHaveBeenLastCalledWith(1);
    await fireEvent.pointerMove(handle, { clientX: left0 - 10_000, pointerId: 1 });
    expect(onfocus).toHaveBeenCalledTimes(1);
    // A point inside the plot lands on a multiple of 0.05.
    await fireEvent.pointerUp(handle, { clientX: left0 + 137, pointerId: 1 });
    const last = onfocus.mock.lastCall?.[0] as number;
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(1);
    expect(Math.round(last * 20)).toBeCloseTo(last * 20, 9);
  });
});

describe('whale cut handle', () => {
  const CURVE = Array.from({ length: 21 }, (_, i) => ({ x: i / 20, y: Math.sin((i / 20) * Math.PI) * 0.5 + i / 20 }));

  function renderWhale(dropShare: number): { ondrop: ReturnType<typeof vi.fn>; handle: HTMLElement } {
    const ondrop = vi.fn();
    render(WhaleChart, { title: 'Walkurve', reading: '', curve: CURVE, peak: null, peakAt: null, cutAt: 1 - dropShare, ondrop });
    return { ondrop, handle: screen.getByRole('slider', { name: 'Bereinigung: schlechtester Anteil' }) };
  }

  it('is the drop share inside the whale chart; keys change it in steps of 1 % within 0..50 %', async () => {
    const user = userEvent.setup();
    const { ondrop, handle } = renderWhale(0.1);
    expect(handle.closest('[data-chart="whale"]')).not.toBeNull();
    expect(handle).toHaveAttribute('aria-valuenow', '0.1');
    handle.focus();
    await user.keyboard('{ArrowRight}');
    expect(ondrop).toHaveBeenLastCalledWith(0.11);
    await user.keyboard('{End}');
    expect(ondrop).toHaveBeenLastCalledWith(0.5);
    await user.keyboard('{Home}');
    expect(ondrop).toHaveBeenLastCalledWith(0);
  });

  it('dragging the cut far to the left drops the most the range allows, to the right none', async () => {
    const { ondrop, handle } = renderWhale(0.1);
    const left = Number.parseFloat(handle.style.left);
    await fireEvent.pointerDown(handle, { clientX: left, pointerId: 1 });
    await fireEvent.pointerMove(handle, { clientX: left - 10_000, pointerId: 1 });
    expect(ondrop).toHaveBeenLastCalledWith(0.5);
    await fireEvent.pointerUp(handle, { clientX: left + 10_000, pointerId: 1 });
    expect(ondrop).toHaveBeenLastCalledWith(0);
  });
});

describe('J-curve horizon handle', () => {
  // Margin 100 a year from -300: payback after 3 years, the line ends at year `years`.
  function customerOver(years: number): CustomerResult {
    const jCurve = Array.from({ length: years + 1 }, (_, year) => ({ year, margin: year === 0 ? 0 : 100, cumulative: -300 + 100 * year }));
    return { jCurve, paybackYears: 3, lifetimeProfit: -300 + 100 * years } as unknown as CustomerResult;
  }

  function renderJCurve(horizon: number | null): { onhorizon: ReturnType<typeof vi.fn>; handle: HTMLElement } {
    const onhorizon = vi.fn();
    render(JCurveChart, { customer: customerOver(horizon ?? 30), acquisitionCost: 300, horizon, onhorizon });
    return { onhorizon, handle: screen.getByRole('slider', { name: 'Betrachtungszeitraum' }) };
  }

  it('sits inside the J-curve at the horizon, named like the sidebar slider, range 1..50 years', () => {
    const { handle } = renderJCurve(10);
    expect(handle.closest('[data-chart="jcurve"]')).not.toBeNull();
    expect(handle).toHaveAttribute('aria-valuenow', '10');
    expect(handle).toHaveAttribute('aria-valuemin', String(PARAMETERS.horizon.min));
    expect(handle).toHaveAttribute('aria-valuemax', String(PARAMETERS.horizon.max));
    expect(handle).toHaveAttribute('aria-valuetext', '10 Jahre');
  });

  it('arrow keys change the horizon by a year, Page keys by ten, Home and End to 1 and 50', async () => {
    const user = userEvent.setup();
    const { onhorizon, handle } = renderJCurve(10);
    handle.focus();
    await user.keyboard('{ArrowRight}');
    expect(onhorizon).toHaveBeenLastCalledWith(11);
    await user.keyboard('{ArrowDown}');
    expect(onhorizon).toHaveBeenLastCalledWith(9);
    await user.keyboard('{PageUp}');
    expect(onhorizon).toHaveBeenLastCalledWith(20);
    await user.keyboard('{PageDown}');
    expect(onhorizon).toHaveBeenLastCalledWith(1);
    await user.keyboard('{End}');
    expect(onhorizon).toHaveBeenLastCalledWith(50);
    await user.keyboard('{Home}');
    expect(onhorizon).toHaveBeenLastCalledWith(1);
  });

  it('an unlimited horizon starts the handle at the drawn end; a key sets a finite number of years', async () => {
    const user = userEvent.setup();
    const { onhorizon, handle } = renderJCurve(null);
    expect(handle).toHaveAttribute('aria-valuenow', '30');
    handle.focus();
    await user.keyboard('{ArrowLeft}');
    expect(onhorizon).toHaveBeenLastCalledWith(29);
  });

  it('a pointer drag sets whole years within 1..50', async () => {
    const { onhorizon, handle } = renderJCurve(10);
    const left = Number.parseFloat(handle.style.left);
    await fireEvent.pointerDown(handle, { clientX: left, pointerId: 1 });
    await fireEvent.pointerMove(handle, { clientX: left + 10_000, pointerId: 1 });
    expect(onhorizon).toHaveBeenLastCalledWith(50);
    await fireEvent.pointerMove(handle, { clientX: left - 10_000, pointerId: 1 });
    expect(onhorizon).toHaveBeenLastCalledWith(1);
    // A little left of year 10 lands on a whole year below it.
    await fireEvent.pointerUp(handle, { clientX: left - 90, pointerId: 1 });
    const last = onhorizon.mock.lastCall?.[0] as number;
    expect(Number.isInteger(last)).toBe(true);
    expect(last).toBeGreaterThan(1);
    expect(last).toBeLessThan(10);
  });

  it('marks the payback crossing at zero with its year', () => {
    const { container } = render(JCurveChart, { customer: customerOver(10), acquisitionCost: 300, horizon: 10 });
    expect(container.querySelector('[data-chart="jcurve"] .payback-dot')).not.toBeNull();
    expect(container.querySelector('[data-chart="jcurve"] svg')?.textContent?.replace(/\s/g, ' ')).toContain('amortisiert nach 3 Jahren');
    expect(screen.queryByRole('slider')).toBeNull();
  });
});
