// The win-back list as CSV rows: every customer on it (not only those shown),
// raw numbers, the customer id as the user's file wrote it (buildCsv
// neutralises an id that a spreadsheet would run as a formula).
import type { CsvRow } from '../export/csv.ts';
import type { AtRiskRow } from '../../data/session.ts';
import { t } from '../../i18n/i18n.svelte.ts';

export function atRiskCsvRows(rows: readonly AtRiskRow[]): CsvRow[] {
  const header = ['data.col.id', 'data.col.revenue', 'data.col.alive', 'data.col.frequency', 'data.col.lastPurchase', 'data.col.clv'] as const;
  return [
    header.map((key) => t(key)),
    ...rows.map((row) => [row.id, row.revenue, row.probabilityAlive, row.frequency, row.lastPurchase, row.clv]),
  ];
}
