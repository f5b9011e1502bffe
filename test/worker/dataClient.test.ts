// The data worker's client with fake workers (the real session in-process):
// Cancel ends the candidate worker in any phase, also while a fit runs (no
// message reaches a synchronous fit), and the data set loaded before keeps
// answering; a worker that dies mid-import becomes an error, not a wait.
import { describe, expect, it } from 'vitest';
import { createDataSession } from '../../src/data/session.ts';
import type { DataApi, DataImportOptions, DataProgress } from '../../src/worker/api.ts';
import { createDataClient, type DataWorkerHandle } from '../../src/worker/dataClient.ts';

function csv(customers: number): Uint8Array {
  const lines = ['customer_id,date,revenue'];
  for (let c = 1; c <= customers; c++) {
    for (let k = 0; k <= c % 4; k++) {
      const day = String(1 + ((c * 3 + k * 13) % 28)).padStart(2, '0');
      const month = String(1 + ((c + k * 5) % 12)).padStart(2, '0');
      lines.push(`C${c},2024-${month}-${day},${(10 + (c % 17) * 4.5 + k * 7).toFixed(2)}`);
    }
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

type Behaviour = 'normal' | 'hangInFit' | 'dieInFit';

interface FakeWorker extends DataWorkerHandle {
  terminated: boolean;
  kill(): void;
}

/** A worker whose import either completes, or reports fit progress and then never answers, or dies there. */
function fakeWorker(behaviour: Behaviour): FakeWorker {
  const session = createDataSession();
  let kill = (): void => {};
  const died = new Promise<void>((resolve) => {
    kill = resolve;
  });
  const api: DataApi = {
    ...session,
    importData(options: DataImportOptions, onProgress?: (progress: DataProgress) => void) {
      if (behaviour === 'normal') return session.importData(options, onProgress);
      onProgress?.({ phase: 'fit', rows: 10, model: 'bgnbd', evaluations: 120 });
      if (behaviour === 'dieInFit') queueMicrotask(() => fake.kill());
      return new Promise(() => {});
    },
  };
  const fake: FakeWorker = {
    api,
    died,
    terminated: false,
    terminate() {
      fake.terminated = true;
    },
    kill: () => kill(),
  };
  return fake;
}

function clientWith(behaviours: Behaviour[]): { client: ReturnType<typeof createDataClient>; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const client = createDataClient(() => {
    const worker = fakeWorker(behaviours[workers.length] ?? 'normal');
    workers.push(worker);
    return worker;
  });
  return { client, workers };
}

async function importFile(client: DataApi, bytes: Uint8Array, onProgress?: (progress: DataProgress) => void) {
  const detected = await client.detectData(bytes);
  if (!detected.ok || detected.detection.columns.mapping === null) throw new Error('not detected');
  return client.importData({ unit: 'week', mapping: detected.detection.columns.mapping }, onProgress);
}

describe('data client', () => {
  it('runs every file in a new worker and ends the one before once the new import succeeded', async () => {
    const { client, workers } = clientWith(['normal', 'normal']);
    expect((await importFile(client, csv(30))).ok).toBe(true);
    expect((await importFile(client, csv(40))).ok).toBe(true);
    expect(client.started).toBe(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.terminated).toBe(false);
    const forecast = await client.forecastData({ horizonYears: 1, annualDiscountRate: 0.1, marginRate: 1, serviceCost: 0 });
    expect(forecast?.top.length).toBeGreaterThan(0);
  });

  it('Cancel during a fit ends that worker at once; the data set loaded before still answers', async () => {
    const { client, workers } = clientWith(['normal', 'hangInFit']);
    const first = await importFile(client, csv(30));
    if (!first.ok) throw new Error('first import failed');
    const phases: DataProgress[] = [];
    const running = importFile(client, csv(50), (progress) => phases.push(progress));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(phases.at(-1)?.phase).toBe('fit');
    await client.cancelImport();
    const outcome = await running;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('cancelled');
    expect(workers[1]?.terminated).toBe(true);
    expect(workers[0]?.terminated).toBe(false);
    const forecast = await client.forecastData(first.result.forecast.options);
    expect(forecast?.totalClv).toBeCloseTo(first.result.forecast.totalClv, 9);
  });

  it('after a cancel, importing again starts a new worker with the kept file', async () => {
    const { client } = clientWith(['hangInFit', 'normal']);
    const detected = await client.detectData(csv(30));
    if (!detected.ok || detected.detection.columns.mapping === null) throw new Error('not detected');
    const options = { unit: 'week' as const, mapping: detected.detection.columns.mapping };
    const running = client.importData(options);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await client.cancelImport();
    expect((await running).ok).toBe(false);
    const again = await client.importData(options);
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.result.report.customers).toBe(30);
    expect(client.started).toBe(2);
  });

  it('a worker that dies during the fit gives a "workerFailed" error instead of waiting forever', async () => {
    const { client, workers } = clientWith(['dieInFit']);
    const outcome = await importFile(client, csv(30));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe('workerFailed');
    expect(workers[0]?.terminated).toBe(true);
    // Nothing was loaded: the views' questions get empty answers, not a wait.
    expect(await client.cohorts()).toBeNull();
    expect(await client.atRisk()).toEqual([]);
  });
});
