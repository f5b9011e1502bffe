// The entity table's CSV round trip and the importer's refusals: what a user
// relies on when moving the account between the app and a spreadsheet.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ACCOUNT, sameAccount, type KeyAccountEntity } from '../../../src/engine/keyAccount/index.ts';
import { entitiesCsv, parseEntitiesCsv, type EntityColumn } from '../../../src/components/keyAccount/entityCsv.ts';

const LABELS: Record<EntityColumn, [string, string]> = {
  name: ['Name', 'Name'],
  segment: ['Segment', 'Segment'],
  potential: ['Potenzial', 'Potential'],
  revenue: ['Umsatz', 'Revenue'],
  marginRate: ['Marge', 'Margin'],
  ordersPerYear: ['Aufträge/Jahr', 'Orders/year'],
  costToServe: ['Betreuungskosten/Jahr', 'Cost to serve/year'],
  churnRate: ['Abwanderungsrisiko', 'Churn risk'],
  winProbability: ['Gewinnchance', 'Win probability'],
  salesHours: ['Vertriebsstunden', 'Sales hours'],
};
const names = (column: EntityColumn): string[] => [...LABELS[column], column];
const entities = EXAMPLE_ACCOUNT.entities as KeyAccountEntity[];
const withEntities = (list: KeyAccountEntity[]) => ({ ...EXAMPLE_ACCOUNT, entities: list });

describe('entity CSV', () => {
  it('writes German with ; and a decimal comma, English with , and a point', () => {
    const de = entitiesCsv(entities, (c) => LABELS[c][0], 'de');
    const en = entitiesCsv(entities, (c) => LABELS[c][1], 'en');
    expect(de.startsWith('\uFEFFName;Segment;Potenzial;Umsatz;Marge;')).toBe(true);
    expect(de.split('\r\n')[1]).toBe('Nordstahl AG, Essen;A;900000;360000;0,28;48;18000;0,05;0,5;120');
    expect(en.split('\r\n')[1]).toBe('"Nordstahl AG, Essen",A,900000,360000,0.28,48,18000,0.05,0.5,120');
  });

  it('reads back what it wrote, in either language', () => {
    for (const locale of ['de', 'en'] as const) {
      const text = entitiesCsv(entities, (c) => LABELS[c][locale === 'de' ? 0 : 1], locale);
      const read = parseEntitiesCsv(text, names);
      expect(read.ok).toBe(true);
      if (read.ok) expect(sameAccount(withEntities(read.entities), EXAMPLE_ACCOUNT)).toBe(true);
    }
  });

  it('finds columns by header in any order and reads rates written in per cent', () => {
    const text = 'Segment;Name;Umsatz;Potenzial;Marge;Aufträge/Jahr;Betreuungskosten/Jahr;Abwanderungsrisiko;Gewinnchance;Vertriebsstunden\nb;Werk Linz;10.000;50.000;30 %;4;1000;10%;0,3;12\n';
    const read = parseEntitiesCsv(text, names);
    expect(read).toEqual({
      ok: true,
      entities: [{ name: 'Werk Linz', segment: 'B', potential: 50000, revenue: 10000, marginRate: 0.3, ordersPerYear: 4, costToServe: 1000, churnRate: 0.1, winProbability: 0.3, salesHours: 12 }],
    });
  });

  it('refuses a file with bad cells, naming line and column of each', () => {
    const text = 'name,segment,potential,revenue,marginRate,ordersPerYear,costToServe,churnRate,winProbability,salesHours\nA1,A,100,50,1.5,1,0,0.1,0.2,10\n,D,x,50,0.3,1,0,0.1,0.2,0\n';
    const read = parseEntitiesCsv(text, names);
    expect(read).toEqual({
      ok: false,
      problems: [
        { line: 2, column: 'marginRate', kind: 'outOfRange' },
        { line: 3, column: 'name', kind: 'missing' },
        { line: 3, column: 'segment', kind: 'segment' },
        { line: 3, column: 'potential', kind: 'notNumber' },
        { line: 3, column: 'salesHours', kind: 'outOfRange' },
      ],
    });
  });

  it('refuses a file without the columns or without rows', () => {
    expect(parseEntitiesCsv('Kunde;Umsatz\nX;1\n', names)).toMatchObject({ ok: false, problems: expect.arrayContaining([{ line: null, column: 'potential', kind: 'missingColumn' }]) });
    expect(parseEntitiesCsv('', names)).toEqual({ ok: false, problems: [{ line: null, column: null, kind: 'empty' }] });
  });
});
