// The SQL that computes the customer summary where the data lives
// (sql/duckdb/customer_summary.sql, sql/spark/customer_summary.sql) gives the
// app's own summary (src/data/summary.ts) row for row (issue 15): frequency
// and T exactly, recency and spend to 1e-9. Run with DuckDB's official Node
// package; the Spark file is run through DuckDB too, with its one dialect
// difference (DATEDIFF(end, start)) mapped to a macro.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/data/dates.ts';
import { importTransactions } from '../../src/data/import.ts';
import { summarizeCustomers, type TimeUnit } from '../../src/data/summary.ts';
import { SHARED_DATA } from '../data/fixtures.ts';

const DUCKDB_SQL = readFileSync(resolve('sql/duckdb/customer_summary.sql'), 'utf8');
const SPARK_SQL = readFileSync(resolve('sql/spark/customer_summary.sql'), 'utf8');

interface SqlRow {
  customer_id: string;
  frequency: number;
  recency: number;
  T: number;
  monetary_value: number;
  first_purchase: string;
  revenue: number;
}

/** The query's rows for a CSV file with the columns customer_id, date, revenue. */
async function sqlSummary(file: string, calibrationEnd: string, unit: TimeUnit, query: string): Promise<SqlRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  try {
    await connection.run(
      `CREATE VIEW transactions AS SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST(date AS DATE) AS purchased_at, CAST(revenue AS DOUBLE) AS amount
       FROM read_csv('${file}', header = true, types = {'customer_id': 'VARCHAR', 'date': 'DATE', 'revenue': 'DOUBLE'})`,
    );
    await connection.run(`CREATE TABLE summary_params AS SELECT DATE '${calibrationEnd}' AS calibration_end, ${unit === 'week' ? 7 : 1}.0::DOUBLE AS period_days`);
    await connection.run("CREATE MACRO spark_datediff(e, s) AS date_diff('day', s, e)");
    const reader = await connection.runAndReadAll(query.trim().replace(/;$/, ''));
    return reader.getRowObjectsJS().map((row) => ({
      customer_id: String(row.customer_id),
      frequency: Number(row.frequency),
      recency: Number(row.recency),
      T: Number(row.T),
      monetary_value: Number(row.monetary_value),
      first_purchase: String(row.first_purchase instanceof Date ? row.first_purchase.toISOString().slice(0, 10) : row.first_purchase),
      revenue: Number(row.revenue),
    }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The app's summary of the same file, as rows of the calibration customers. */
async function appSummary(file: string, calibrationEnd: string, unit: TimeUnit): Promise<SqlRow[]> {
  const imported = await importTransactions(readFileSync(file, 'utf8'), { latestDay: parseDay('2100-01-01', 'YYYY-MM-DD') });
  if (!imported.ok) throw new Error(imported.error.message);
  expect(imported.rejected).toEqual([]);
  const s = summarizeCustomers(imported.table, { calibrationEnd: parseDay(calibrationEnd, 'YYYY-MM-DD'), unit });
  const rows: SqlRow[] = [];
  for (let c = 0; c < s.customers; c++) {
    if (s.inCalibration[c] !== 1) continue;
    rows.push({
      customer_id: s.ids[c] as string,
      frequency: s.frequency[c] as number,
      recency: s.recency[c] as number,
      T: s.T[c] as number,
      monetary_value: s.monetary[c] as number,
      first_purchase: formatDay(s.firstDay[c] as number),
      revenue: s.revenue[c] as number,
    });
  }
  return rows;
}

function expectSameRows(sql: readonly SqlRow[], app: readonly SqlRow[]): void {
  expect(sql.length).toBe(app.length);
  const byId = new Map(sql.map((row) => [row.customer_id, row]));
  for (const want of app) {
    const got = byId.get(want.customer_id);
    if (got === undefined) throw new Error(`customer ${want.customer_id} missing from the SQL summary`);
    expect([got.customer_id, got.frequency, got.T, got.first_purchase]).toEqual([want.customer_id, want.frequency, want.T, want.first_purchase]);
    expect(Math.abs(got.recency - want.recency)).toBeLessThan(1e-9);
    expect(Math.abs(got.monetary_value - want.monetary_value)).toBeLessThan(1e-9);
    expect(Math.abs(got.revenue - want.revenue)).toBeLessThan(1e-9 * Math.max(1, Math.abs(want.revenue)));
  }
}

/** A seeded file with same-day purchases, returns (some days netting below zero), one-time buyers and late first purchases. */
function generatedFile(): string {
  let seed = 20_261_203;
  const random = (): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 2 ** 32;
  };
  const start = parseDay('2024-01-01', 'YYYY-MM-DD');
  const lines = ['customer_id,date,revenue'];
  for (let c = 1; c <= 400; c++) {
    const first = start + Math.floor(random() * 300);
    const visits = random() < 0.35 ? 1 : 1 + Math.floor(random() * 12);
    let day = first;
    for (let v = 0; v < visits; v++) {
      const amount = Math.round(random() * 20_000) / 100;
      lines.push(`K-${c},${formatDay(day)},${amount.toFixed(2)}`);
      if (random() < 0.2) lines.push(`K-${c},${formatDay(day)},${(Math.round(random() * 5000) / 100).toFixed(2)}`);
      // A return on the same day: sometimes larger than the day's purchases (no purchase then), sometimes a full refund (net 0).
      const kind = random();
      if (kind < 0.1) lines.push(`K-${c},${formatDay(day)},-${(amount + 10).toFixed(2)}`);
      else if (kind < 0.15) lines.push(`K-${c},${formatDay(day)},-${amount.toFixed(2)}`);
      // A return on a later day of its own.
      if (random() < 0.05) lines.push(`K-${c},${formatDay(day + 3)},-5.00`);
      day += 1 + Math.floor(random() * 60);
    }
  }
  // A customer with a return only, and one who first buys after the calibration end.
  lines.push('R-1,2024-03-01,-20.00', 'L-1,2024-12-20,30.00', 'L-1,2025-01-10,40.00');
  return `${lines.join('\n')}\n`;
}

describe('sql/duckdb/customer_summary.sql', () => {
  const dir = mkdtempSync(join(tmpdir(), 'summary-sql-'));
  const generated = join(dir, 'generated.csv');
  writeFileSync(generated, generatedFile());
  const cdnow = resolve(SHARED_DATA, 'cdnow_sample_transactions.csv');

  it('equals the app summary row for row on the CDNOW event log (calibration to 1997-09-30, weeks)', async () => {
    const app = await appSummary(cdnow, '1997-09-30', 'week');
    expect(app).toHaveLength(2357);
    expectSameRows(await sqlSummary(cdnow, '1997-09-30', 'week', DUCKDB_SQL), app);
  }, 30_000);

  it('equals the app summary on same-day purchases, returns and one-time buyers, in weeks and in days', async () => {
    for (const unit of ['week', 'day'] as const) {
      const app = await appSummary(generated, '2024-12-15', unit);
      // The file holds what the test is about: one-time buyers, days netting below zero, late starters left out.
      expect(app.some((row) => row.frequency === 0)).toBe(true);
      expect(app.some((row) => row.customer_id === 'L-1')).toBe(false);
      expectSameRows(await sqlSummary(generated, '2024-12-15', unit, DUCKDB_SQL), app);
    }
  }, 30_000);
});

describe('sql/spark/customer_summary.sql', () => {
  it('is line for line the DuckDB query, differing only in its header and the commented DATEDIFF lines', () => {
    const duck = DUCKDB_SQL.split('\n');
    const spark = SPARK_SQL.split('\n');
    expect(spark).toHaveLength(duck.length);
    const queryStart = duck.findIndex((line) => line.startsWith('WITH '));
    expect(spark[queryStart]).toBe(duck[queryStart]);
    for (let k = queryStart; k < duck.length; k++) {
      if (spark[k] === duck[k]) continue;
      expect(spark[k]).toMatch(/DATEDIFF\(.*-- spark: /);
    }
  });

  it('gives the DuckDB rows when run through DuckDB with DATEDIFF(end, start) as a macro', async () => {
    const cdnow = resolve(SHARED_DATA, 'cdnow_sample_transactions.csv');
    const viaSpark = await sqlSummary(cdnow, '1997-09-30', 'week', SPARK_SQL.replaceAll('DATEDIFF(', 'spark_datediff('));
    const viaDuck = await sqlSummary(cdnow, '1997-09-30', 'week', DUCKDB_SQL);
    expect(viaSpark).toEqual(viaDuck);
  }, 30_000);
});
