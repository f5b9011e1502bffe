// The ghost of the previous state (issue 11): after a change the earlier
// curve stays faint behind the new one, until a pause or the "Vorher
// ausblenden" button; a lesson step that says "before: k" shows step k's
// curve. Curves glide to their new place, and not at all under
// prefers-reduced-motion.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import DropGainChart from '../../src/components/charts/DropGainChart.svelte';
import WhaleChart from '../../src/components/charts/WhaleChart.svelte';
import { GHOST_PAUSE_MS, lessonGhost } from '../../src/components/charts/ghost.svelte.ts';
import type { DropResult } from '../../src/engine/results.ts';

/** Whale curves within 0..1, so both share the chart's scales and a ghost's path is the old path. */
const curveOf = (bend: number) => Array.from({ length: 21 }, (_, i) => ({ x: i / 20, y: (i / 20) ** bend }));
const A = curveOf(0.5);
const B = curveOf(2);

function stubMotion(reduce: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

function whale(curve: typeof A) {
  return { title: 'Walkurve', reading: '', curve, peak: null, peakAt: null };
}

const linePath = (container: HTMLElement) => container.querySelector('path.line.created')?.getAttribute('d');
const ghostPath = (container: HTMLElement) => container.querySelector('path.ghost')?.getAttribute('d') ?? null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  lessonGhost.step = null;
  lessonGhost.before = null;
});

describe('ghost of the previous curve', () => {
  it('after a change the old curve is drawn faint, dashed and hidden from screen readers, behind the new one', async () => {
    stubMotion(true);
    const { container, rerender } = render(WhaleChart, whale(A));
    const before = linePath(container);
    expect(ghostPath(container)).toBeNull();
    await rerender(whale(B));
    flushSync();
    expect(ghostPath(container)).toBe(before);
    expect(linePath(container)).not.toBe(before);
    const ghost = container.querySelector('path.ghost') as SVGPathElement;
    expect(ghost).toHaveAttribute('aria-hidden', 'true');
    // Behind: drawn before the current curve.
    expect(ghost.compareDocumentPosition(container.querySelector('path.line.created') as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('none when the values stay the same (a new array with equal points)', async () => {
    stubMotion(true);
    const { container, rerender } = render(WhaleChart, whale(A));
    await rerender(whale(curveOf(0.5)));
    flushSync();
    expect(ghostPath(container)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vorher ausblenden' })).toBeNull();
  });

  it('goes after a pause without changes; a change within the pause keeps the curve from before the first', async () => {
    stubMotion(true);
    const { container, rerender } = render(WhaleChart, whale(A));
    const first = linePath(container);
    await rerender(whale(B));
    flushSync();
    vi.advanceTimersByTime(GHOST_PAUSE_MS - 1000);
    await rerender(whale(curveOf(3)));
    flushSync();
    vi.advanceTimersByTime(GHOST_PAUSE_MS - 1000);
    expect(ghostPath(container)).toBe(first);
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(ghostPath(container)).toBeNull();
  });

  it('the "Vorher ausblenden" button hides it at once and goes with it', async () => {
    stubMotion(true);
    const { container, rerender } = render(WhaleChart, whale(A));
    await rerender(whale(B));
    flushSync();
    await fireEvent.click(screen.getByRole('button', { name: 'Vorher ausblenden' }));
    expect(ghostPath(container)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Vorher ausblenden' })).toBeNull();
  });

  it('the drop gain bars keep an outline of their old values', async () => {
    stubMotion(true);
    const drop = (naiveGain: number) => ({ drop: { naiveGain, stickyCost: 100, realisticGain: naiveGain - 100 } as unknown as DropResult });
    const { container, rerender } = render(DropGainChart, drop(500));
    expect(container.querySelectorAll('rect.ghost')).toHaveLength(0);
    await rerender(drop(800));
    flushSync();
    const ghosts = container.querySelectorAll('[data-chart="dropGain"] rect.ghost');
    // Every bar gets its old place outlined; the naive one was 500 of now 800 wide.
    expect(ghosts).toHaveLength(3);
    const bars = container.querySelectorAll('[data-chart="dropGain"] rect.bar:not(.ghost)');
    const widthOf = (el: Element | undefined) => Number(el?.getAttribute('width'));
    expect(widthOf(ghosts[0]) / widthOf(bars[0])).toBeCloseTo(500 / 800, 1);
  });

  it('a lesson step that says "before: 1" shows step 1\'s curve, and keeps it past the pause', async () => {
    stubMotion(true);
    lessonGhost.step = 1;
    const { container, rerender } = render(WhaleChart, whale(A));
    const atStep1 = linePath(container);
    lessonGhost.step = 2;
    await rerender(whale(B));
    flushSync();
    lessonGhost.step = 3;
    lessonGhost.before = 1;
    await rerender(whale(curveOf(3)));
    flushSync();
    expect(ghostPath(container)).toBe(atStep1);
    vi.advanceTimersByTime(GHOST_PAUSE_MS * 2);
    flushSync();
    expect(ghostPath(container)).toBe(atStep1);
  });
});

describe('curves move to their new place', () => {
  /** jsdom draws no frames: a frame every 16 ms, as a browser would. */
  function animationFrames(): void {
    vi.stubGlobal('requestAnimationFrame', (tick: (now: number) => void) => setTimeout(() => tick(performance.now()), 16) as unknown as number);
    vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
  }

  it('under prefers-reduced-motion the curve is at its new place at once', async () => {
    vi.useRealTimers();
    stubMotion(true);
    animationFrames();
    const { container: at } = render(WhaleChart, whale(B));
    const target = linePath(at);
    const { container, rerender } = render(WhaleChart, whale(A));
    await rerender(whale(B));
    flushSync();
    expect(linePath(container)).toBe(target);
  });

  it('otherwise it glides there within 200 ms', async () => {
    vi.useRealTimers();
    stubMotion(false);
    animationFrames();
    const { container: at } = render(WhaleChart, whale(B));
    const target = linePath(at);
    const { container, rerender } = render(WhaleChart, whale(A));
    const start = linePath(container);
    await rerender(whale(B));
    flushSync();
    expect(linePath(container)).not.toBe(target);
    await new Promise((resolve) => setTimeout(resolve, 260));
    flushSync();
    expect(linePath(container)).toBe(target);
    expect(start).not.toBe(target);
  });
});
