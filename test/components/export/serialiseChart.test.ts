// The DOM half of the SVG export in jsdom: the copy is self-contained (xmlns,
// size, background, styles inline, no classes) and the chart is untouched.
import { describe, expect, it } from 'vitest';
import { serialiseChart } from '../../../src/components/export/exportChart.ts';

describe('serialiseChart(svg)', () => {
  it('returns a stand-alone SVG file with inline styles and leaves the page alone', () => {
    document.body.innerHTML = `
      <style>.line { stroke: rgb(0, 114, 178); fill: none; }</style>
      <svg viewBox="0 0 720 400" role="img" class="chart"><title>Pareto</title><path class="line" d="M0 0L10 10"/></svg>`;
    const svg = document.querySelector('svg');
    if (!(svg instanceof SVGSVGElement)) throw new Error('no svg');
    const { text, size } = serialiseChart(svg);
    expect(size).toEqual({ width: 720, height: 400 });
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('width="720"');
    expect(text).toMatch(/<title>Pareto<\/title><rect width="100%" height="100%" fill="#ffffff"\/>/);
    expect(text).toMatch(/<path[^>]*style="[^"]*stroke:\s*rgb\(0, 114, 178\)/);
    expect(text).not.toContain('class=');
    expect(text).not.toContain('data-export-style');
    expect(svg.getAttribute('class')).toBe('chart');
    expect(svg.querySelector('rect')).toBeNull();
  });
});
