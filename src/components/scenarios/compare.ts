// The comparison table of 2-4 scenarios: the decisions each one takes, their
// result, then the other headline figures; the first scenario is the
// reference, differences absolute and in percent. Rows equal in every
// scenario fold into "unchanged", so the differences stand out.
import type { Scenario } from '../../engine/parameters.ts';
import { kpisOf, type Kpis, type Results } from '../../engine/results.ts';

export type CompareFormat = 'money' | 'years' | 'count' | 'share' | 'factor' | 'flag';

export type CompareGroup = 'decision' | 'result' | 'other';

/** The figure names of the decision rows: the scenario parameters of the same names. */
export type DecisionFigure = 'focus' | 'dropShare' | 'applyDrop' | 'applyFix';

export interface CompareFigure {
  /** The figure's name: a Kpis key, a decision parameter or the key account's value (`data-compare`). */
  key: keyof Kpis | DecisionFigure | 'keyAccountValue';
  group: CompareGroup;
  format: CompareFormat;
  /** Whether a higher value is better (for highlighting), null when neither. */
  higherIsBetter: boolean | null;
  /** Shown even when equal in every scenario (the headline result). */
  pinned?: boolean;
}

export const COMPARE_FIGURES: readonly CompareFigure[] = [
  { key: 'focus', group: 'decision', format: 'factor', higherIsBetter: null },
  { key: 'dropShare', group: 'decision', format: 'share', higherIsBetter: null },
  { key: 'applyDrop', group: 'decision', format: 'flag', higherIsBetter: null },
  { key: 'applyFix', group: 'decision', format: 'flag', higherIsBetter: null },
  { key: 'decisionValue', group: 'result', format: 'money', higherIsBetter: true, pinned: true },
  { key: 'valueAtFocus', group: 'result', format: 'money', higherIsBetter: true },
  { key: 'dropRealisticGain', group: 'result', format: 'money', higherIsBetter: true },
  { key: 'lifetimeProfit', group: 'result', format: 'money', higherIsBetter: true },
  { key: 'annualMargin', group: 'other', format: 'money', higherIsBetter: true },
  { key: 'clv', group: 'other', format: 'money', higherIsBetter: true },
  { key: 'paybackYears', group: 'other', format: 'years', higherIsBetter: false },
  { key: 'paybackProbability', group: 'other', format: 'share', higherIsBetter: true },
  { key: 'top20RevenueShare', group: 'other', format: 'share', higherIsBetter: null },
  { key: 'gini', group: 'other', format: 'count', higherIsBetter: null },
  { key: 'whalePeak', group: 'other', format: 'share', higherIsBetter: null },
  { key: 'negativeShare', group: 'other', format: 'share', higherIsBetter: false },
  { key: 'dropValueBefore', group: 'other', format: 'money', higherIsBetter: true },
  { key: 'bestFocus', group: 'other', format: 'factor', higherIsBetter: null },
  { key: 'valueAtBestFocus', group: 'other', format: 'money', higherIsBetter: true },
];

/** The key account's value as its own market (issue 17), from each scenario's own table. */
export const KEY_ACCOUNT_FIGURE: CompareFigure = { key: 'keyAccountValue', group: 'other', format: 'money', higherIsBetter: true };

export interface CompareCell {
  value: number | null;
  /** Difference to the first scenario; null for the first or when either is not a number. */
  difference: number | null;
  /** Relative difference (fraction); null when the reference is 0 or missing. */
  relative: number | null;
  /** 'better' | 'worse' against the reference, when the figure has a direction. */
  verdict: 'better' | 'worse' | 'same' | null;
}

export interface CompareRow {
  figure: CompareFigure;
  cells: CompareCell[];
  /** Equal in every scenario. */
  unchanged: boolean;
}

function isDecisionFigure(key: CompareFigure['key']): key is DecisionFigure {
  return key === 'focus' || key === 'dropShare' || key === 'applyDrop' || key === 'applyFix';
}

function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

/**
 * One row per figure; `scenarios` (the same order as `results`) give the
 * decision rows, `accountValues` (same order) the keyAccountValue row.
 */
export function compareRows(
  results: readonly Results[],
  scenarios: readonly Scenario[] = [],
  accountValues: readonly number[] | null = null,
): CompareRow[] {
  const kpis = results.map(kpisOf);
  const valueOf = (figure: CompareFigure, index: number): number | null => {
    if (isDecisionFigure(figure.key)) return scenarios[index]?.[figure.key] ?? null;
    if (figure.key === 'keyAccountValue') return accountValues?.[index] ?? null;
    return kpis[index]?.[figure.key] ?? null;
  };
  const decisions = scenarios.length === results.length ? COMPARE_FIGURES : COMPARE_FIGURES.filter((f) => !isDecisionFigure(f.key));
  const figures = accountValues !== null && accountValues.length === results.length ? [...decisions, KEY_ACCOUNT_FIGURE] : decisions;
  return figures.map((figure) => {
    const values = results.map((_, index) => valueOf(figure, index));
    const reference = values[0] ?? null;
    return {
      figure,
      unchanged: values.every((value) => sameValue(value, reference)),
      cells: values.map((value, index) => {
        if (index === 0 || value === null || reference === null) return { value, difference: null, relative: null, verdict: null };
        const difference = value - reference;
        const relative = reference !== 0 ? difference / Math.abs(reference) : null;
        const same = sameValue(value, reference);
        const verdict = same ? 'same' : figure.higherIsBetter === null ? null : difference > 0 === figure.higherIsBetter ? 'better' : 'worse';
        return { value, difference, relative, verdict };
      }),
    };
  });
}

export interface CompareSections {
  groups: { group: CompareGroup; rows: CompareRow[] }[];
  /** Rows equal in every scenario, folded away. */
  unchanged: CompareRow[];
}

export function compareSections(rows: readonly CompareRow[]): CompareSections {
  const shown = (row: CompareRow): boolean => !row.unchanged || row.figure.pinned === true;
  const groups = (['decision', 'result', 'other'] as const)
    .map((group) => ({ group, rows: rows.filter((row) => row.figure.group === group && shown(row)) }))
    .filter((g) => g.rows.length > 0);
  return { groups, unchanged: rows.filter((row) => !shown(row)) };
}
