// The comparison table of 2-4 scenarios: one row per headline figure, the
// first scenario as the reference, differences absolute and in percent.
import { kpisOf, type Kpis, type Results } from '../../engine/results.ts';

export type CompareFormat = 'money' | 'years' | 'count' | 'share';

export interface CompareFigure {
  key: keyof Kpis;
  format: CompareFormat;
  /** Whether a higher value is better (for highlighting), null when neither. */
  higherIsBetter: boolean | null;
}

export const COMPARE_FIGURES: readonly CompareFigure[] = [
  { key: 'annualMargin', format: 'money', higherIsBetter: true },
  { key: 'clv', format: 'money', higherIsBetter: true },
  { key: 'lifetimeProfit', format: 'money', higherIsBetter: true },
  { key: 'paybackYears', format: 'years', higherIsBetter: false },
  { key: 'paybackProbability', format: 'share', higherIsBetter: true },
  { key: 'top20RevenueShare', format: 'share', higherIsBetter: null },
  { key: 'gini', format: 'count', higherIsBetter: null },
  { key: 'whalePeak', format: 'share', higherIsBetter: null },
  { key: 'negativeShare', format: 'share', higherIsBetter: false },
  { key: 'dropValueBefore', format: 'money', higherIsBetter: true },
  { key: 'dropRealisticGain', format: 'money', higherIsBetter: true },
  { key: 'bestFocus', format: 'share', higherIsBetter: null },
  { key: 'valueAtBestFocus', format: 'money', higherIsBetter: true },
];

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
}

export function compareRows(results: readonly Results[]): CompareRow[] {
  const kpis = results.map(kpisOf);
  return COMPARE_FIGURES.map((figure) => {
    const reference = kpis[0]?.[figure.key] ?? null;
    return {
      figure,
      cells: kpis.map((k, index) => {
        const value = k[figure.key];
        if (index === 0 || value === null || reference === null) return { value, difference: null, relative: null, verdict: null };
        const difference = value - reference;
        const relative = reference !== 0 ? difference / Math.abs(reference) : null;
        const same = Math.abs(difference) <= 1e-9 * Math.max(1, Math.abs(reference));
        const verdict = same ? 'same' : figure.higherIsBetter === null ? null : difference > 0 === figure.higherIsBetter ? 'better' : 'worse';
        return { value, difference, relative, verdict };
      }),
    };
  });
}
