import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectDialect, sampleOf, SAMPLE_CHARS } from '../../src/data/dialect.ts';

describe('detectDelimiter(sample)', () => {
  it('keeps a semicolon file with decimal commas a semicolon file', () => {
    expect(detectDelimiter('Kundennummer;Datum;Umsatz\n1;12.03.2025;1.234,56\n2;13.03.2025;7,5\n')).toBe(';');
  });

  it('finds comma, tab and pipe, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('id,date,revenue\n1,2025-01-01,"1,234.5"\n')).toBe(',');
    expect(detectDelimiter('id\tdate\trevenue\n1\t2025-01-01\t3,5\n')).toBe('\t');
    expect(detectDelimiter('id|date|revenue\n1|2025-01-01|3\n')).toBe('|');
  });
});

describe('detectDialect(text)', () => {
  it('proposes delimiter, decimal, date format, header and mapping with a preview', () => {
    const detection = detectDialect('Kundennummer;Datum;Umsatz\n4711;12.03.2025;1.234,56\n');
    expect(detection.dialect).toEqual({ delimiter: ';', decimal: ',', dateFormat: 'DD.MM.YYYY', hasHeader: true });
    expect(detection.headers).toEqual(['Kundennummer', 'Datum', 'Umsatz']);
    expect(detection.columns.mapping).toEqual({ customerId: 0, date: 1, revenue: 2 });
    expect(detection.preview).toEqual([['4711', '12.03.2025', '1.234,56']]);
    expect(detection.ambiguousDecimal).toBe(false);
  });

  it('flags amounts that only a guess can read (1.234 in a comma file)', () => {
    expect(detectDialect('id,date,revenue\n1,2025-01-01,1.234\n').ambiguousDecimal).toBe(true);
  });
});

describe('sampleOf(text)', () => {
  it('cuts long text at a line end within SAMPLE_CHARS', () => {
    const text = 'x,y\n'.repeat(SAMPLE_CHARS);
    const sample = sampleOf(text);
    expect(sample.length).toBeLessThanOrEqual(SAMPLE_CHARS);
    expect(sample.endsWith('x,y')).toBe(true);
  });
});
