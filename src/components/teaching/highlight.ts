// Finding and marking what a lesson step points at: the chart by its
// contract name (data-chart) and the headline figure by its (data-kpi), both
// inside the tab panel of the step's view, so a copy in a hidden tab never
// counts. The chart itself is marked "chart"; when it sits inside a wrapper
// of the view's `.charts` grid (the main chart shares a stage with its key
// sliders) the wrapper is marked "frame", which presenter mode keeps visible
// ("one chart at a time" hides every other child of the grid).

export const HIGHLIGHT = 'data-lesson-highlight';
/** Set on the marked figure while a step asks its question: the answer stays hidden until revealed. */
export const CONCEAL = 'data-lesson-conceal';

export interface HighlightTarget {
  view: string;
  chart: string;
  figure: string;
  /** The step asks the audience first: the figure's value is not shown yet. */
  conceal?: boolean;
}

/** The chart `data-chart="name"` in the view's panel. */
export function findChart(root: ParentNode, view: string, name: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`#panel-${view} [data-chart="${name}"]`);
}

/** The headline figure `data-kpi="name"` in the view's panel. */
export function findFigure(root: ParentNode, view: string, name: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`#panel-${view} [data-kpi="${name}"]`);
}

export function clearHighlights(root: ParentNode): void {
  for (const element of root.querySelectorAll(`[${HIGHLIGHT}]`)) element.removeAttribute(HIGHLIGHT);
  for (const element of root.querySelectorAll(`[${CONCEAL}]`)) element.removeAttribute(CONCEAL);
}

/** Marks the chart and the figure; returns what was found (null where nothing matched). */
export function highlight(root: ParentNode, target: HighlightTarget): { chart: HTMLElement | null; figure: HTMLElement | null } {
  clearHighlights(root);
  const chart = findChart(root, target.view, target.chart);
  const figure = findFigure(root, target.view, target.figure);
  if (chart) {
    chart.setAttribute(HIGHLIGHT, 'chart');
    const frame = chart.closest<HTMLElement>('.charts > *');
    if (frame && frame !== chart) frame.setAttribute(HIGHLIGHT, 'frame');
    if (target.conceal) chart.setAttribute(CONCEAL, '');
  }
  if (figure) {
    figure.setAttribute(HIGHLIGHT, 'figure');
    if (target.conceal) figure.setAttribute(CONCEAL, '');
  }
  return { chart, figure };
}
