// Which column is what: German and English header names of ERP and shop
// exports, normalised (lower case, umlauts spelt out, no punctuation) so that
// `Kunden-Nr.`, `customer_id` and `Umsatz (EUR)` are recognised.

export type ColumnRole = 'customerId' | 'date' | 'revenue' | 'cost' | 'margin' | 'returns' | 'channel' | 'quantity';

export const REQUIRED_ROLES: readonly ColumnRole[] = ['customerId', 'date', 'revenue'];
export const OPTIONAL_ROLES: readonly ColumnRole[] = ['cost', 'margin', 'returns', 'channel', 'quantity'];

/** Column index per role; optional roles may be absent. */
export interface ColumnMapping {
  customerId: number;
  date: number;
  revenue: number;
  cost?: number;
  margin?: number;
  returns?: number;
  channel?: number;
  quantity?: number;
}

/** Normalised header names per role, most specific first. */
export const HEADER_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  customerId: ['kundennummer', 'kundennr', 'kundenid', 'kdnr', 'kunde', 'customerid', 'customernumber', 'customerno', 'customer', 'clientid', 'client', 'id'],
  date: ['bestelldatum', 'rechnungsdatum', 'belegdatum', 'kaufdatum', 'datum', 'orderdate', 'invoicedate', 'purchasedate', 'transactiondate', 'date'],
  revenue: ['umsatz', 'nettoumsatz', 'betrag', 'wert', 'revenue', 'amount', 'sales', 'value', 'ordervalue', 'total'],
  cost: ['kosten', 'einstandskosten', 'cost', 'costs', 'cogs'],
  margin: ['deckungsbeitrag', 'marge', 'rohertrag', 'db', 'margin', 'grossmargin', 'contribution', 'profit'],
  returns: ['retouren', 'retoure', 'ruecksendungen', 'returns', 'return', 'refunds', 'refund'],
  channel: ['vertriebskanal', 'kanal', 'channel', 'saleschannel'],
  quantity: ['menge', 'anzahl', 'stueckzahl', 'stueck', 'quantity', 'qty', 'units'],
};

/**
 * Most columns a transaction table may have. ERP exports with every field
 * reach a few hundred; a header far beyond that is a wrong delimiter or not
 * a table of purchases, and rendering it (issue 14: 100,000 columns froze
 * the page for 42 s) helps nobody.
 */
export const MAX_COLUMNS = 2000;

const ROLES = Object.keys(HEADER_NAMES) as ColumnRole[];
/** Prefix matches (`umsatzeur`, `revenueusd`) only for names this long, so `id` does not match `idee`. */
const MIN_PREFIX = 4;

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

export interface ColumnDetection {
  /** Roles found, by column index. */
  found: Partial<Record<ColumnRole, number>>;
  /** Required roles without a column. */
  missing: ColumnRole[];
  mapping: ColumnMapping | null;
}

/**
 * Assigns each role the best-matching header: exact names before prefixes,
 * earlier names in HEADER_NAMES before later ones; a column serves one role.
 */
export function detectColumns(headers: readonly string[]): ColumnDetection {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const found: Partial<Record<ColumnRole, number>> = {};
  for (const exact of [true, false]) {
    for (const role of ROLES) {
      if (found[role] !== undefined) continue;
      for (const name of HEADER_NAMES[role]) {
        if (!exact && name.length < MIN_PREFIX) continue;
        const at = normalized.findIndex((h, j) => !used.has(j) && (exact ? h === name : h.startsWith(name)));
        if (at >= 0) {
          found[role] = at;
          used.add(at);
          break;
        }
      }
    }
  }
  const missing = REQUIRED_ROLES.filter((role) => found[role] === undefined);
  return { found, missing, mapping: missing.length === 0 ? mappingOf(found) : null };
}

function mappingOf(found: Partial<Record<ColumnRole, number>>): ColumnMapping | null {
  const { customerId, date, revenue } = found;
  if (customerId === undefined || date === undefined || revenue === undefined) return null;
  const mapping: ColumnMapping = { customerId, date, revenue };
  for (const role of OPTIONAL_ROLES) {
    const at = found[role];
    if (at !== undefined) mapping[role as Exclude<ColumnRole, 'customerId' | 'date' | 'revenue'>] = at;
  }
  return mapping;
}
