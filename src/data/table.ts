// The imported transactions as columns of typed arrays (STYLE.md: large
// numeric data stays in typed arrays inside the worker). One row per kept
// input row, in file order; customers and channels are numbered in order of
// first appearance.

export interface TransactionTable {
  rows: number;
  /** Customer id text per customer index. */
  customerIds: string[];
  customer: Uint32Array;
  /** Purchase day: whole days since 1970-01-01 (dates.ts). */
  day: Int32Array;
  revenue: Float64Array;
  /** Optional columns: null when the file has no such column; an empty cell counts as 0. */
  cost: Float64Array | null;
  margin: Float64Array | null;
  returns: Float64Array | null;
  quantity: Float64Array | null;
  /** Channel index per row (names in `channels`); null without a channel column. */
  channel: Uint32Array | null;
  channels: string[];
  /** Source line of each row, to trace a figure back to the file. */
  line: Uint32Array;
}

export interface OptionalColumns {
  cost: boolean;
  margin: boolean;
  returns: boolean;
  quantity: boolean;
  channel: boolean;
}

export interface TableBuilder {
  customerIndex(id: string): number;
  channelIndex(name: string): number;
  add(row: TableRow): void;
  finish(): TransactionTable;
}

/** One row to add; reused by the importer so adding allocates nothing. */
export interface TableRow {
  customer: number;
  day: number;
  revenue: number;
  cost: number;
  margin: number;
  returns: number;
  quantity: number;
  channel: number;
  line: number;
}

const INITIAL_CAPACITY = 1024;

function grown<T extends Float64Array | Uint32Array | Int32Array>(array: T, make: (n: number) => T): T {
  const bigger = make(array.length * 2);
  bigger.set(array);
  return bigger;
}

export function createTableBuilder(optional: OptionalColumns): TableBuilder {
  const customerIds: string[] = [];
  const customerByIds = new Map<string, number>();
  const channels: string[] = [];
  const channelByName = new Map<string, number>();
  let capacity = INITIAL_CAPACITY;
  let rows = 0;
  const f64 = (n: number) => new Float64Array(n);
  const u32 = (n: number) => new Uint32Array(n);
  let customer = u32(capacity);
  let day = new Int32Array(capacity);
  let revenue = f64(capacity);
  let line = u32(capacity);
  let cost = optional.cost ? f64(capacity) : null;
  let margin = optional.margin ? f64(capacity) : null;
  let returns = optional.returns ? f64(capacity) : null;
  let quantity = optional.quantity ? f64(capacity) : null;
  let channel = optional.channel ? u32(capacity) : null;

  function grow(): void {
    customer = grown(customer, u32);
    day = grown(day, (n) => new Int32Array(n));
    revenue = grown(revenue, f64);
    line = grown(line, u32);
    if (cost) cost = grown(cost, f64);
    if (margin) margin = grown(margin, f64);
    if (returns) returns = grown(returns, f64);
    if (quantity) quantity = grown(quantity, f64);
    if (channel) channel = grown(channel, u32);
    capacity *= 2;
  }

  return {
    customerIndex(id: string): number {
      let at = customerByIds.get(id);
      if (at === undefined) {
        at = customerIds.length;
        customerByIds.set(id, at);
        customerIds.push(id);
      }
      return at;
    },
    channelIndex(name: string): number {
      let at = channelByName.get(name);
      if (at === undefined) {
        at = channels.length;
        channelByName.set(name, at);
        channels.push(name);
      }
      return at;
    },
    add(row: TableRow): void {
      if (rows === capacity) grow();
      customer[rows] = row.customer;
      day[rows] = row.day;
      revenue[rows] = row.revenue;
      line[rows] = row.line;
      if (cost) cost[rows] = row.cost;
      if (margin) margin[rows] = row.margin;
      if (returns) returns[rows] = row.returns;
      if (quantity) quantity[rows] = row.quantity;
      if (channel) channel[rows] = row.channel;
      rows++;
    },
    finish(): TransactionTable {
      // slice, not subarray: the result owns tight buffers that can be transferred or stored.
      return {
        rows,
        customerIds,
        customer: customer.slice(0, rows),
        day: day.slice(0, rows),
        revenue: revenue.slice(0, rows),
        cost: cost ? cost.slice(0, rows) : null,
        margin: margin ? margin.slice(0, rows) : null,
        returns: returns ? returns.slice(0, rows) : null,
        quantity: quantity ? quantity.slice(0, rows) : null,
        channel: channel ? channel.slice(0, rows) : null,
        channels,
        line: line.slice(0, rows),
      };
    },
  };
}
