// The segments view's settings and the worker's answers. Settings are one
// immutable object (`$state.raw`), replaced on every change, so they go to
// the worker as is; requests go through a Query, so the view renders the
// source, scenario and settings of the answer it shows.
import type { Scenario } from '../engine/parameters.ts';
import type { AbcThresholds } from '../engine/scoring/abc.ts';
import type { LeadSettings } from '../engine/scoring/leads.ts';
import type { RfmrTable } from '../engine/scoring/rfmr.ts';
import { DEFAULT_SEGMENT_SETTINGS, type SegmentSettings, type SegmentsResult } from '../engine/scoring/segments.ts';
import type { SoftCriterion, SoftSettings } from '../engine/scoring/softFactors.ts';
import { Query } from './query.svelte.ts';

export type SegmentsRunner = (scenario: Scenario, settings: SegmentSettings) => Promise<SegmentsResult>;
/** Segments of the imported customers (the worker's `dataSegments`); null while nothing is imported. */
export type ImportedSegmentsRunner = (settings: SegmentSettings, scenario: Scenario) => Promise<SegmentsResult | null>;

/** Whose customers the tab scores: the simulated portfolio or the Daten tab's imported ones. */
export type SegmentsSource = 'simulated' | 'imported';

export interface SegmentsRequest {
  source: SegmentsSource;
  scenario: Scenario;
  settings: SegmentSettings;
}

export class SegmentsState {
  settings = $state.raw<SegmentSettings>(DEFAULT_SEGMENT_SETTINGS);
  /** The source the user chose; the imported one applies only while data are loaded. */
  source = $state<SegmentsSource>('simulated');
  /** The worker's answers, each with the source, scenario and settings it answers. */
  readonly query: Query<SegmentsRequest, SegmentsResult | null>;
  readonly #runImported: ImportedSegmentsRunner | null;

  constructor(run: SegmentsRunner, runImported: ImportedSegmentsRunner | null = null) {
    this.#runImported = runImported;
    this.query = new Query<SegmentsRequest, SegmentsResult | null>((r) =>
      r.source === 'imported' && runImported !== null ? runImported(r.settings, r.scenario) : run(r.scenario, r.settings),
    );
  }

  get current(): SegmentsResult | null {
    return this.query.value;
  }

  /** The source of `current` (it lags `source` until the worker answers). */
  get currentSource(): SegmentsSource {
    return this.query.answer?.input.source ?? 'simulated';
  }

  get pending(): boolean {
    return this.query.pending;
  }

  get error(): string | null {
    return this.query.error;
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
    this.query.ask({ source: this.effectiveSource(importedLoaded), scenario, settings: this.settings });
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
