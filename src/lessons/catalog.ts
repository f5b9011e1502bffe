// What a lesson step may point at: the charts (by the message key of their
// title, which is how the guide finds them in the page), the headline
// figures, and the view each lives in. One table, so a step can never point
// at a chart in one view and a figure in another.
import type { Kpis } from '../engine/results.ts';
import type { MessageKey } from '../i18n/messages.ts';

export type ViewId = 'kunde' | 'portfolio' | 'bereinigung' | 'fokus';

export interface ChartSpec {
  readonly view: ViewId;
  /** The chart's heading text, looked up in the page to highlight it. */
  readonly title: MessageKey;
}

export const CHARTS = {
  jCurve: { view: 'kunde', title: 'jcurve.title' },
  textbook: { view: 'kunde', title: 'textbook.title' },
  lifetimes: { view: 'kunde', title: 'lifetimes.title' },
  customerFormulas: { view: 'kunde', title: 'teach.customer.title' },
  pareto: { view: 'portfolio', title: 'pareto.title' },
  whale: { view: 'portfolio', title: 'whale.title' },
  histogram: { view: 'portfolio', title: 'histogram.title' },
  deciles: { view: 'portfolio', title: 'deciles.title' },
  dropBefore: { view: 'bereinigung', title: 'dropBefore.title' },
  dropGain: { view: 'bereinigung', title: 'dropGain.title' },
  dilemma: { view: 'bereinigung', title: 'dilemma.title' },
  fix: { view: 'bereinigung', title: 'fix.title' },
  whaleAfter: { view: 'bereinigung', title: 'whaleAfter.title' },
  dropFormulas: { view: 'bereinigung', title: 'teach.drop.title' },
  focus: { view: 'fokus', title: 'focus.title' },
  segments: { view: 'fokus', title: 'segments.title' },
  focusFormulas: { view: 'fokus', title: 'teach.focus.title' },
} as const satisfies Record<string, ChartSpec>;

export type ChartId = keyof typeof CHARTS;

export type FigureName = keyof Kpis | 'valueAtFocus';

/** The view whose headline row shows each figure. */
export const FIGURE_VIEWS: Readonly<Record<FigureName, ViewId>> = {
  annualMargin: 'kunde',
  clv: 'kunde',
  lifetimeProfit: 'kunde',
  paybackYears: 'kunde',
  simpleLifetimeProfit: 'kunde',
  paybackProbability: 'kunde',
  top20RevenueShare: 'portfolio',
  customersFor80Revenue: 'portfolio',
  gini: 'portfolio',
  whalePeak: 'portfolio',
  whalePeakAt: 'portfolio',
  top20ValueShare: 'portfolio',
  worst10ValueShare: 'portfolio',
  negativeShare: 'portfolio',
  dropValueBefore: 'bereinigung',
  dropValueAfter: 'bereinigung',
  dropRealisticGain: 'bereinigung',
  droppedImportantCount: 'bereinigung',
  bestFocus: 'fokus',
  valueAtBestFocus: 'fokus',
  valueAtNoFocus: 'fokus',
  valueAtFocus: 'fokus',
  decisionValue: 'fokus',
};

export const CHART_IDS = Object.keys(CHARTS) as ChartId[];
export const FIGURE_NAMES = Object.keys(FIGURE_VIEWS) as FigureName[];
