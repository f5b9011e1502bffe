// Finding and marking what a lesson step points at. Charts are found by
// their heading text inside the view's tab panel (ChartFrame and the tables
// all start with an <h3> title), so the views need no lesson-specific code.
// The mark is one data attribute, which CSS uses for the outline in normal
// mode and for "one chart at a time" in presenter mode.

export const HIGHLIGHT = 'data-lesson-highlight';

/** The chart (a direct child of the view's `.charts` grid) whose heading reads `title`. */
export function findChart(root: ParentNode, view: string, title: string): HTMLElement | null {
  const panel = root.querySelector(`#panel-${view}`);
  if (!panel) return null;
  for (const heading of panel.querySelectorAll('h3')) {
    if (heading.textContent?.trim() !== title) continue;
    return heading.closest<HTMLElement>('.charts > *') ?? heading.parentElement;
  }
  return null;
}

/** The headline figure `data-kpi="name"` (exists once in the page). */
export function findFigure(root: ParentNode, name: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-kpi="${name}"]`);
}

export function clearHighlights(root: ParentNode): void {
  for (const element of root.querySelectorAll(`[${HIGHLIGHT}]`)) element.removeAttribute(HIGHLIGHT);
}

/** Marks the chart and the figure; returns what was found (null where nothing matched). */
export function highlight(
  root: ParentNode,
  target: { view: string; title: string; figure: string },
): { chart: HTMLElement | null; figure: HTMLElement | null } {
  clearHighlights(root);
  const chart = findChart(root, target.view, target.title);
  const figure = findFigure(root, target.figure);
  chart?.setAttribute(HIGHLIGHT, 'chart');
  figure?.setAttribute(HIGHLIGHT, 'figure');
  return { chart, figure };
}
