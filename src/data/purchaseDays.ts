// Each customer's purchase days, by the rules of summary.ts (same-day rows
// merged; a day whose net amount is negative is a return, no purchase; rows
// after the observation end ignored), for the views that need the timeline
// itself: the weekly tracking of repeat purchases and one customer's P(alive)
// path. Compressed rows (CSR): customer c's days are days[start[c] .. start[c + 1]).
import type { TransactionTable } from './table.ts';

export interface PurchaseDays {
  start: Uint32Array;
  days: Int32Array;
}

export function purchaseDaysOf(table: TransactionTable, observationEnd: number): PurchaseDays {
  const customers = table.customerIds.length;
  // Net revenue per (customer, day): rows grouped by customer, then by day.
  const order = Array.from({ length: table.rows }, (_, i) => i).filter((i) => (table.day[i] as number) <= observationEnd);
  order.sort((p, q) => (table.customer[p] as number) - (table.customer[q] as number) || (table.day[p] as number) - (table.day[q] as number));
  const start = new Uint32Array(customers + 1);
  const days: number[] = [];
  let k = 0;
  for (let c = 0; c < customers; c++) {
    start[c] = days.length;
    while (k < order.length && table.customer[order[k] as number] === c) {
      const day = table.day[order[k] as number] as number;
      let net = 0;
      while (k < order.length && table.customer[order[k] as number] === c && table.day[order[k] as number] === day) {
        net += table.revenue[order[k] as number] as number;
        k++;
      }
      if (net >= 0) days.push(day);
    }
  }
  start[customers] = days.length;
  return { start, days: Int32Array.from(days) };
}

/** Customer c's purchase days, sorted. */
export function daysOf(lists: PurchaseDays, c: number): Int32Array {
  return lists.days.subarray(lists.start[c] as number, lists.start[c + 1] as number);
}
