import { describe, expect, it } from 'vitest';
import { buildExport, parseExport } from '../../src/persistence/schema.ts';

describe('export and import of scenarios', () => {
  const scenarios = [
    { name: 'Gießkanne', notes: 'f = 0', scenario: { focus: 0 }, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z' },
    { name: 'Fokus auf A', notes: '', scenario: { focus: 0.5, horizon: null }, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z' },
  ];

  it('round-trips names, notes and parameters (horizon null = unlimited)', () => {
    const { valid, problems } = parseExport(buildExport(scenarios));
    expect(problems).toEqual([]);
    expect(valid.map((s) => [s.name, s.scenario])).toEqual([
      ['Gießkanne', { focus: 0 }],
      ['Fokus auf A', { focus: 0.5, horizon: null }],
    ]);
  });

  it('reports each problem with its path and keeps the valid scenarios', () => {
    const file = JSON.stringify({
      format: 'kundenwert-scenarios',
      version: 1,
      scenarios: [
        { name: 'ok', churnRate: 0.3 },
        { name: 'a', churnRate: 0.1 },
        { name: 'b' },
        { name: 'bad', churnRate: 1.5, customers: 12.5, shoeSize: 44 },
      ],
    });
    const { valid, problems } = parseExport(file);
    expect(valid.map((s) => s.name)).toEqual(['ok', 'a', 'b']);
    expect(problems).toContainEqual({ path: 'scenarios[3].churnRate', message: 'must be between 0 and 1', code: 'range', key: 'churnRate' });
    expect(problems).toContainEqual({
      path: 'scenarios[3].customers',
      message: 'must be a whole number between 100 and 1000000',
      code: 'range',
      key: 'customers',
    });
    expect(problems.filter((p) => p.path === 'scenarios[3].shoeSize')).toEqual([expect.objectContaining({ code: 'unknownKey', key: 'shoeSize' })]);
    // Each path once, even where a value fails several checks (12.5 customers is below 100 and not whole: one problem).
    expect(new Set(problems.map((p) => p.path)).size).toBe(problems.length);
  });

  it('a file that is not ours gets one clear message', () => {
    expect(parseExport('hello').problems).toEqual([{ path: '(file)', message: 'is not a JSON file', code: 'notJson' }]);
    expect(parseExport('{"format": "other"}').problems[0]?.path).toBe('(file).format');
  });

  it('a file from a newer app version is refused as a whole', () => {
    const { valid, problems } = parseExport(JSON.stringify({ format: 'kundenwert-scenarios', version: 99, scenarios: [] }));
    expect(valid).toEqual([]);
    expect(problems[0]?.path).toBe('version');
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseExport(`\uFEFF${buildExport(scenarios)}`).valid).toHaveLength(2);
  });
});

describe('import of scenarios whose budget shares A, B and C sum to 0', () => {
  function fileOf(scenarios: unknown[]): string {
    return JSON.stringify({ format: 'kundenwert-scenarios', version: 1, scenarios });
  }

  it('refuses a scenario with all three shares at 0, names it and keeps the others', () => {
    const { valid, problems } = parseExport(
      fileOf([
        { name: 'zero', focusShareA: 0, focusShareB: 0, focusShareC: 0 },
        { name: 'only C', focusShareA: 0, focusShareB: 0, focusShareC: 0.05 },
      ]),
    );
    expect(valid.map((s) => s.name)).toEqual(['only C']);
    expect(problems).toEqual([
      { path: 'scenarios[0]', code: 'invalid', message: 'focusShareA, focusShareB, focusShareC: at least one full-focus share must be above 0' },
    ]);
  });

  it('judges the scenario as it would open: missing shares take the defaults (A 0.6), so two zeros are fine', () => {
    const { valid, problems } = parseExport(fileOf([{ name: 'B and C at 0', focusShareB: 0, focusShareC: 0 }]));
    expect(problems).toEqual([]);
    expect(valid).toHaveLength(1);
  });
});
