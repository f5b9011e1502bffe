// The segments view's settings and the worker's latest answer. Settings are
// one immutable object (`$state.raw`), replaced on every change, so they go
// to the worker as is; requests go through their own latest-wins queue.
import type { Scenario } from '../engine/parameters.ts';
import type { AbcThresholds } from '../engine/scoring/abc.ts';
import type { LeadSettings } from '../engine/scoring/leads.ts';
import type { RfmrTable } from '../engine/scoring/rfmr.ts';
import { DEFAULT_SEGMENT_SETTINGS, type SegmentSettings, type SegmentsResult } from '../engine/scoring/segments.ts';
import type { SoftCriterion, SoftSettings } from '../engine/scoring/softFactors.ts';
import { LatestWins } from '../worker/client.ts';

export type SegmentsRunner = (scenario: Scenario, settings: SegmentSettings) => Promise<SegmentsResult>;
/** Segments of the imported customers (the worker's `dataSegments`); null while nothing is imported. */
export type ImportedSegmentsRunner = (settings: SegmentSettings, scenario: Scenario) => Promise<SegmentsResult | null>;

/** Whose customers the tab scores: the simulated portfolio or the Daten tab's imported ones. */
export type SegmentsSource = 'simulated' | 'imported';

interface SegmentsRequest {
  source: SegmentsSource;
  scenario: Scenario;
  settings: SegmentSettings;
}

interface SegmentsAnswer {
  source: SegmentsSource;
  result: SegmentsResult | null;
}

export class SegmentsState {
  settings = $state.raw<SegmentSettings>(DEFAULT_SEGMENT_SETTINGS);
  current = $state.raw<SegmentsResult | null>(null);
  /** The source the user chose; the imported one applies only while data are loaded. */
  source = $state<SegmentsSource>('simulated');
  /** The source of `current` (it lags `source` until the worker answers). */
  currentSource = $state<SegmentsSource>('simulated');
  pending = $state(false);
  error = $state<string | null>(null);
  readonly #queue: LatestWins<SegmentsRequest, SegmentsAnswer>;
  readonly #runImported: ImportedSegmentsRunner | null;

  constructor(run: SegmentsRunner, runImported: ImportedSegmentsRunner | null = null) {
    this.#runImported = runImported;
    const answer = async (r: SegmentsRequest): Promise<SegmentsAnswer> => {
      if (r.source === 'imported' && runImported !== null) return { source: 'imported', result: await runImported(r.settings, r.scenario) };
      return { source: 'simulated', result: await run(r.scenario, r.settings) };
    };
    this.#queue = new LatestWins<SegmentsRequest, SegmentsAnswer>(answer, {
      onAnswer: (a) => {
        this.current = a.result;
        this.currentSource = a.source;
        this.error = null;
      },
      onError: (error) => {
        this.error = error instanceof Error ? error.message : String(error);
      },
      onBusyChange: (busy) => {
        this.pending = busy;
      },
    });
  }

  /** True when imported customers can be scored (a runner exists); whether data are loaded is the caller's to say. */
  get canImport(): boolean {
    return this.#runImported !== null;
  }

  /** The source a request goes to: the imported data only when chosen, possible and loaded. */
  effectiveSource(importedLoaded: boolean): SegmentsSource {
    return this.source === 'imported' && importedLoaded && this.#runImported !== null ? 'imported' : 'simulated';
  }

  setSource(source: SegmentsSource): void {
    this.source = source;
  }

  request(scenario: Scenario, importedLoaded = false): void {
    this.#queue.request({ source: this.effectiveSource(importedLoaded), scenario, settings: this.settings });
  }

  setAbc(patch: Partial<AbcThresholds>): void {
    this.settings = { ...this.settings, abc: { ...this.settings.abc, ...patch } };
  }

  setSoft(patch: Partial<SoftSettings>): void {
    this.settings = { ...this.settings, soft: { ...this.settings.soft, ...patch } };
  }

  setWeight(criterion: SoftCriterion, weight: number): void {
    this.setSoft({ weights: { ...this.settings.soft.weights, [criterion]: weight } });
  }

  setRfmr(table: RfmrTable): void {
    this.settings = { ...this.settings, rfmr: table };
  }

  resetRfmr(): void {
    this.setRfmr(DEFAULT_SEGMENT_SETTINGS.rfmr);
  }

  setLevelCost(level: number, cost: number): void {
    const levels = this.settings.service.levels.map((l, k) => (k === level ? { cost } : l));
    this.settings = { ...this.settings, service: { ...this.settings.service, levels } };
  }

  setAssignment(segment: 0 | 1 | 2, level: number): void {
    const assignment = [...this.settings.service.assignment] as [number, number, number];
    assignment[segment] = level;
    this.settings = { ...this.settings, service: { ...this.settings.service, assignment } };
  }

  setLeads(patch: Partial<LeadSettings>): void {
    this.settings = { ...this.settings, leads: { ...this.settings.leads, ...patch } };
  }
}
