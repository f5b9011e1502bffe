// What a lesson step may point at: the charts by their contract name
// (`data-chart="<name>"` in the page), the headline figures by theirs
// (`data-kpi="<name>"`), and the view each lives in. One table, so a step can
// never point at a chart in one view and a figure in another, and the guide
// finds both inside the view it shows (a hidden tab's copy never counts).
import type { Kpis } from '../engine/results.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { KeyAccountKpis } from '../engine/keyAccount/index.ts';

export type ViewId = 'kunde' | 'portfolio' | 'bereinigung' | 'fokus' | 'konzern';

export interface ChartSpec {
  readonly view: ViewId;
  /** The chart's heading, for messages and tests. */
  readonly title: MessageKey;
}

/** Keyed by the `data-chart` name each chart carries in its view. */
export const CHARTS = {
  jcurve: { view: 'kunde', title: 'jcurve.title' },
  textbook: { view: 'kunde', title: 'textbook.title' },
  lifetimes: { view: 'kunde', title: 'lifetimes.title' },
  customerFormulas: { view: 'kunde', title: 'teach.customer.title' },
  conventions: { view: 'kunde', title: 'conventions.chart' },
  pareto: { view: 'portfolio', title: 'pareto.title' },
  whale: { view: 'portfolio', title: 'whale.title' },
  histogram: { view: 'portfolio', title: 'histogram.title' },
  deciles: { view: 'portfolio', title: 'deciles.title' },
  dropGain: { view: 'bereinigung', title: 'dropGain.title' },
  dropBefore: { view: 'bereinigung', title: 'dropBefore.title' },
  dropTable: { view: 'bereinigung', title: 'dropTable.title' },
  dilemma: { view: 'bereinigung', title: 'dilemma.title' },
  fix: { view: 'bereinigung', title: 'fix.title' },
  whaleAfter: { view: 'bereinigung', title: 'whaleAfter.title' },
  dropFormulas: { view: 'bereinigung', title: 'teach.drop.title' },
  focus: { view: 'fokus', title: 'focus.title' },
  segments: { view: 'fokus', title: 'segments.title' },
  focusFormulas: { view: 'fokus', title: 'teach.focus.title' },
  whitespace: { view: 'konzern', title: 'ka.whitespace.title' },
  shareOfWallet: { view: 'konzern', title: 'ka.sow.title' },
  programme: { view: 'konzern', title: 'ka.programme.title' },
  salesHours: { view: 'konzern', title: 'ka.hours.title' },
} as const satisfies Record<string, ChartSpec>;

export type ChartId = keyof typeof CHARTS;

/** The headline figures (`data-kpi`): the engine's Kpis, the repricing gain of the clean-up tab and the key account's. */
export type FigureName = keyof Kpis | 'repriceGain' | keyof KeyAccountKpis;

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
  repriceGain: 'bereinigung',
  bestFocus: 'fokus',
  valueAtBestFocus: 'fokus',
  valueAtNoFocus: 'fokus',
  valueAtFocus: 'fokus',
  decisionValue: 'fokus',
  keyAccountPotential: 'konzern',
  keyAccountRevenue: 'konzern',
  keyAccountShareOfWallet: 'konzern',
  keyAccountValue: 'konzern',
  keyAccountValueAsAverage: 'konzern',
  keyAccountProgrammePayback: 'konzern',
};

export const CHART_IDS = Object.keys(CHARTS) as ChartId[];
export const FIGURE_NAMES = Object.keys(FIGURE_VIEWS) as FigureName[];
