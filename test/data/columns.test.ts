import { describe, expect, it } from 'vitest';
import { detectColumns, normalizeHeader } from '../../src/data/columns.ts';

describe('normalizeHeader(header)', () => {
  it('lower-cases, spells out umlauts and drops punctuation', () => {
    expect(normalizeHeader('\uFEFFKunden-Nr.')).toBe('kundennr');
    expect(normalizeHeader('Stück')).toBe('stueck');
    expect(normalizeHeader('order_date')).toBe('orderdate');
  });
});

describe('detectColumns(headers)', () => {
  it('maps German ERP headers', () => {
    expect(detectColumns(['Kundennummer', 'Datum', 'Umsatz']).mapping).toEqual({ customerId: 0, date: 1, revenue: 2 });
    expect(detectColumns(['Belegnr', 'Kunde', 'Bestelldatum', 'Betrag', 'Deckungsbeitrag', 'Vertriebskanal', 'Menge']).mapping).toEqual({
      customerId: 1,
      date: 2,
      revenue: 3,
      margin: 4,
      channel: 5,
      quantity: 6,
    });
  });

  it('maps English headers, including prefixes such as "Revenue (USD)"', () => {
    expect(detectColumns(['order_date', 'customer_id', 'Revenue (USD)', 'cost', 'returns']).mapping).toEqual({
      customerId: 1,
      date: 0,
      revenue: 2,
      cost: 3,
      returns: 4,
    });
    expect(detectColumns(['id', 'date', 'value']).mapping).toEqual({ customerId: 0, date: 1, revenue: 2 });
  });

  it('names the missing required roles', () => {
    const detection = detectColumns(['customer_id', 'frequency', 'recency']);
    expect(detection.mapping).toBeNull();
    expect(detection.missing).toEqual(['date', 'revenue']);
  });
});
