import { describe, expect, it } from 'vitest';
import { CSV_DIALECTS, buildCsv, csvNumber, csvText } from '../../../src/components/export/csv.ts';

describe('csvNumber(value, dialect)', () => {
  it('writes a decimal comma in German and a point in English, never grouping', () => {
    expect(csvNumber(1234567.891, CSV_DIALECTS.de)).toBe('1234567,891');
    expect(csvNumber(1234567.891, CSV_DIALECTS.en)).toBe('1234567.891');
  });

  it('rounds float noise to six decimals and writes an ASCII minus', () => {
    expect(csvNumber(0.1 + 0.2, CSV_DIALECTS.en)).toBe('0.3');
    expect(csvNumber(-12.5, CSV_DIALECTS.de)).toBe('-12,5');
    expect(csvNumber(-0.0000001, CSV_DIALECTS.de)).toBe('0');
  });

  it('leaves the cell empty for a value that is not a number', () => {
    expect(csvNumber(Number.NaN, CSV_DIALECTS.de)).toBe('');
    expect(csvNumber(Number.POSITIVE_INFINITY, CSV_DIALECTS.en)).toBe('');
  });
});

describe('csvText(value, dialect)', () => {
  it('quotes text with the separator, quotes or line breaks, doubling inner quotes', () => {
    expect(csvText('Umsatz; netto', CSV_DIALECTS.de)).toBe('"Umsatz; netto"');
    expect(csvText('Umsatz, netto', CSV_DIALECTS.de)).toBe('Umsatz, netto');
    expect(csvText('Revenue, net', CSV_DIALECTS.en)).toBe('"Revenue, net"');
    expect(csvText('the "best" 20 %', CSV_DIALECTS.en)).toBe('"the ""best"" 20 %"');
    expect(csvText('two\nlines', CSV_DIALECTS.en)).toBe('"two\nlines"');
  });
});

describe('buildCsv(rows, locale)', () => {
  const rows = [
    ['Dezil', 'Umsatz (€)', 'Anteil'],
    [1, 2500.5, 0.25],
    [2, -10, null],
  ];

  it('German: UTF-8 BOM, semicolons, decimal commas, CRLF line ends', () => {
    expect(buildCsv(rows, 'de')).toBe('\uFEFFDezil;Umsatz (€);Anteil\r\n1;2500,5;0,25\r\n2;-10;\r\n');
  });

  it('English: no BOM, commas, decimal points', () => {
    expect(buildCsv(rows, 'en')).toBe('Dezil,Umsatz (€),Anteil\r\n1,2500.5,0.25\r\n2,-10,\r\n');
  });
});
