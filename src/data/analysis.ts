// The whole path from a file to fitted models, shared by the CLI
// (src/cli/analyze.ts) and the worker: import, per-customer summary with a
// calibration/holdout split, BG/NBD and Gamma-Gamma fits, holdout check.
import { fitBgNbd, type BgNbdFit } from './bgnbd.ts';
import { fitGammaGamma, prepareGammaGamma, type GammaGammaFit } from './gammaGamma.ts';
import { fitProblem, fitScales } from './fitCheck.ts';
import { holdoutCheck, type HoldoutGroup } from './holdout.ts';
import { importBytes, type ImportOptions, type ImportOutcome } from './import.ts';
import { importError, type ImportError } from './problems.ts';
import { calibrationData, summarizeCustomers, type CalibrationData, type CustomerSummary, type TimeUnit } from './summary.ts';

export interface AnalysisOptions extends ImportOptions {
  /** Last day of the calibration period, inclusive (days since 1970-01-01); default the last purchase day. */
  calibrationEnd?: number;
  unit?: TimeUnit;
  /** Progress of the model fits (likelihood evaluations so far), for a long fit. */
  onFit?: (progress: FitProgress) => void;
}

export interface FitProgress {
  model: 'bgnbd' | 'gammaGamma';
  evaluations: number;
}

export interface Analysis {
  imported: Extract<ImportOutcome, { ok: true }>;
  summary: CustomerSummary;
  calibration: CalibrationData;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** Null without a holdout period (calibration end on or after the last purchase). */
  holdout: HoldoutGroup[] | null;
}

export type AnalysisOutcome = { ok: true; analysis: Analysis } | { ok: false; error: ImportError };

/** The fits of a per-customer summary, from a transaction import or a summary file (summaryImport.ts). */
export interface SummaryFits {
  calibration: CalibrationData;
  bgnbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  /** Null without a holdout period (calibration end on or after the last purchase). */
  holdout: HoldoutGroup[] | null;
}

/** Fits both models to a summary; no calibration customers or no repeat purchase is an error, not a throw. */
export function fitSummary(summary: CustomerSummary, options: Pick<AnalysisOptions, 'onFit'> = {}): { ok: true; fits: SummaryFits } | { ok: false; error: ImportError } {
  if (summary.calibrationCustomers === 0) {
    return { ok: false, error: importError('noValidRows', 'No customer bought on or before the end of the calibration period: choose a later end date.') };
  }
  const calibration = calibrationData(summary);
  // Without a single repeat purchase the BG/NBD likelihood is maximal only in the limit r -> 0: no model to show.
  if (!calibration.frequency.some((x) => x > 0)) {
    return {
      ok: false,
      error: importError(
        'notEnoughData',
        `The forecast needs repeat purchases: none of the ${summary.calibrationCustomers} customers bought on two different days by the end of the calibration period.`,
      ),
    };
  }
  const onFit = options.onFit;
  const bgnbd = fitBgNbd(calibration, onFit ? { onEvaluations: (evaluations) => onFit({ model: 'bgnbd', evaluations }) } : {});
  const gammaGamma = fitGammaGamma(
    prepareGammaGamma(calibration.frequency, calibration.monetary),
    onFit ? { onEvaluations: (evaluations) => onFit({ model: 'gammaGamma', evaluations }) } : {},
  );
  // A fit without a finite optimum, or spend the model cannot describe: a message instead of nonsense figures.
  const problem = fitProblem(bgnbd, gammaGamma, fitScales(calibration.frequency, calibration.T, calibration.monetary));
  if (problem !== null) return { ok: false, error: problem };
  const holdout = summary.holdoutLength > 0 ? holdoutCheck(bgnbd, calibration, summary.holdoutLength) : null;
  return { ok: true, fits: { calibration, bgnbd, gammaGamma, holdout } };
}

/** Fits both models to an imported table; a table without calibration customers is an error, not a throw. */
export function analyzeImported(imported: Extract<ImportOutcome, { ok: true }>, options: AnalysisOptions = {}): AnalysisOutcome {
  const summaryOptions = { unit: options.unit ?? 'week', ...(options.calibrationEnd !== undefined ? { calibrationEnd: options.calibrationEnd } : {}) };
  const summary = summarizeCustomers(imported.table, summaryOptions);
  const fitted = fitSummary(summary, options);
  if (!fitted.ok) return fitted;
  return { ok: true, analysis: { imported, summary, ...fitted.fits } };
}

export async function analyzeBytes(bytes: Uint8Array, options: AnalysisOptions = {}): Promise<AnalysisOutcome> {
  const imported = await importBytes(bytes, options);
  if (!imported.ok) return { ok: false, error: imported.error };
  return analyzeImported(imported, options);
}
