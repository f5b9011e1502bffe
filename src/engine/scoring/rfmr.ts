// The RFMR points model (MODEL.md section 5, the German "RFMR-Methode" of
// mail-order houses): a start score, points for the time since the last
// purchase, for each purchase and for the average order value, minus points
// for returns and for the catalogues and mailings sent. The default table is
// MODEL's example; every row is editable.
//
// Boundaries: "within 3 months" includes exactly 3 months; an average order
// value exactly on a limit belongs to the upper band (50 is in 50-100).

export interface RecencyBand {
  /** Last purchase at most this many months ago. */
  readonly withinMonths: number;
  readonly points: number;
}

export interface OrderValueBand {
  /** Average order value below this limit. */
  readonly below: number;
  readonly points: number;
}

export interface RfmrTable {
  readonly start: number;
  /** Ascending by months; the first band that holds the recency counts. */
  readonly recency: readonly RecencyBand[];
  /** Points when the last purchase is older than every band. */
  readonly recencyOlder: number;
  readonly perPurchase: number;
  /** Ascending by limit. */
  readonly orderValue: readonly OrderValueBand[];
  /** Points when the average order value is at or above every limit. */
  readonly orderValueAbove: number;
  /** Points per return (negative: a deduction). */
  readonly perReturn: number;
  readonly perCatalogue: number;
  readonly perMailing: number;
}

/** MODEL.md section 5, an illustrative example table. */
export const DEFAULT_RFMR_TABLE: Readonly<RfmrTable> = Object.freeze({
  start: 25,
  recency: [
    { withinMonths: 3, points: 40 },
    { withinMonths: 6, points: 25 },
    { withinMonths: 9, points: 15 },
    { withinMonths: 12, points: 5 },
    { withinMonths: 18, points: -5 },
    { withinMonths: 24, points: -15 },
  ],
  recencyOlder: -25,
  perPurchase: 6,
  orderValue: [
    { below: 50, points: 5 },
    { below: 100, points: 15 },
    { below: 250, points: 25 },
    { below: 500, points: 35 },
  ],
  orderValueAbove: 40,
  perReturn: -5,
  perCatalogue: -6,
  perMailing: -2,
});

export interface RfmrCustomer {
  recencyMonths: number;
  purchases: number;
  averageOrderValue: number;
  returns: number;
  catalogues: number;
  mailings: number;
}

export function recencyPoints(table: RfmrTable, months: number): number {
  for (const band of table.recency) if (months <= band.withinMonths) return band.points;
  return table.recencyOlder;
}

export function orderValuePoints(table: RfmrTable, averageOrderValue: number): number {
  for (const band of table.orderValue) if (averageOrderValue < band.below) return band.points;
  return table.orderValueAbove;
}

/** The RFMR score of one customer. */
export function rfmrScore(table: RfmrTable, c: RfmrCustomer): number {
  return (
    table.start +
    recencyPoints(table, c.recencyMonths) +
    table.perPurchase * c.purchases +
    orderValuePoints(table, c.averageOrderValue) +
    table.perReturn * c.returns +
    table.perCatalogue * c.catalogues +
    table.perMailing * c.mailings
  );
}

export interface RfmrInput {
  readonly recencyMonths: ArrayLike<number>;
  readonly purchases: ArrayLike<number>;
  readonly averageOrderValue: ArrayLike<number>;
  readonly returns: ArrayLike<number>;
  readonly catalogues: ArrayLike<number>;
  readonly mailings: ArrayLike<number>;
}

export function rfmrScores(table: RfmrTable, input: RfmrInput): Float64Array {
  const n = input.recencyMonths.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = rfmrScore(table, {
      recencyMonths: input.recencyMonths[i] as number,
      purchases: input.purchases[i] as number,
      averageOrderValue: input.averageOrderValue[i] as number,
      returns: input.returns[i] as number,
      catalogues: input.catalogues[i] as number,
      mailings: input.mailings[i] as number,
    });
  }
  return scores;
}

export type RfmrTableProblem = 'rfmrNotFinite' | 'rfmrBandsUnordered';

/** Every number finite and the band limits ascending, or the problem. */
export function checkRfmrTable(table: RfmrTable): RfmrTableProblem | null {
  const numbers = [
    table.start,
    table.recencyOlder,
    table.perPurchase,
    table.orderValueAbove,
    table.perReturn,
    table.perCatalogue,
    table.perMailing,
    ...table.recency.flatMap((b) => [b.withinMonths, b.points]),
    ...table.orderValue.flatMap((b) => [b.below, b.points]),
  ];
  if (!numbers.every(Number.isFinite)) return 'rfmrNotFinite';
  const ascending = (limits: number[]) => limits.every((v, k) => k === 0 || v > (limits[k - 1] as number));
  if (!ascending(table.recency.map((b) => b.withinMonths)) || !ascending(table.orderValue.map((b) => b.below))) {
    return 'rfmrBandsUnordered';
  }
  return null;
}
