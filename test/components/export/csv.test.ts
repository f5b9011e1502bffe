import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { atRiskCsvRows } from '../../../src/components/data/atRiskCsv.ts';
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

describe('cells a spreadsheet would run as a formula (issue 14 item 18)', () => {
  // What a customer id or channel in a user's file may hold.
  const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0'];

  it.each(hostile)('a text cell starting %j gets a leading apostrophe, so it stays text', (value) => {
    for (const dialect of [CSV_DIALECTS.de, CSV_DIALECTS.en]) {
      const cell = csvText(value, dialect);
      // Unquoted it starts with the apostrophe; quoted, right after the opening quote.
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
      expect(cell.replace(/^"/, '').slice(1).replace(/""/g, '"').replace(/"$/, '')).toBe(value);
    }
  });

  it('leaves ordinary text alone, also with =, +, - or @ inside', () => {
    expect(csvText('K-1001', CSV_DIALECTS.de)).toBe('K-1001');
    expect(csvText('a=b', CSV_DIALECTS.de)).toBe('a=b');
    expect(csvText('info@example.com', CSV_DIALECTS.en)).toBe('info@example.com');
    expect(csvText('–5 % (en dash)', CSV_DIALECTS.en)).toBe('–5 % (en dash)');
  });

  it('numbers stay numbers: a negative number is written as -12,5, not as text', () => {
    expect(buildCsv([['Kunde', 'Wert'], ['=1+1', -12.5], ['-K7', -3]], 'de')).toBe(
      "\uFEFFKunde;Wert\r\n'=1+1;-12,5\r\n'-K7;-3\r\n",
    );
  });

  it('no text cell of any file starts with a formula character, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string(), fc.double({ noNaN: true })), { minLength: 1, maxLength: 4 }), { maxLength: 6 }), (rows) => {
        for (const locale of ['de', 'en'] as const) {
          const dialect = CSV_DIALECTS[locale];
          for (const row of rows) {
            for (const value of row) {
              if (typeof value !== 'string') continue;
              expect(csvText(value, dialect).replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
            }
          }
        }
      }),
    );
  });
});

describe('the win-back list as CSV', () => {
  it('writes every customer with raw numbers, and an id that is a formula as text', () => {
    i18n.locale = 'en';
    const rows = [
      { id: '=HYPERLINK("http://evil.example","Rabatt")', revenue: 1200.5, probabilityAlive: 0.125, frequency: 3, lastPurchase: '2024-03-01', clv: -12.5 },
      { id: 'K-1001', revenue: 800, probabilityAlive: 0.2, frequency: 1, lastPurchase: '2024-01-15', clv: 40 },
    ];
    expect(buildCsv(atRiskCsvRows(rows), 'en').split('\r\n')).toEqual([
      'Customer id,Revenue so far,P(alive),Repeat purchases,Last purchase,Customer value (CLV)',
      '"\'=HYPERLINK(""http://evil.example"",""Rabatt"")",1200.5,0.125,3,2024-03-01,-12.5',
      'K-1001,800,0.2,1,2024-01-15,40',
      '',
    ]);
    i18n.locale = 'de';
  });
});
