// Import problems in the interface language, with their path, once each;
// counts with their plural forms (issue 12).
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ScenarioMessages from '../../../src/components/scenarios/ScenarioMessages.svelte';
import { importProblemText } from '../../../src/components/scenarios/importProblemText.ts';
import { i18n, tp } from '../../../src/i18n/i18n.svelte.ts';
import { parseExport } from '../../../src/persistence/schema.ts';
import { ScenariosState } from '../../../src/state/scenarios.svelte.ts';

const FILE = JSON.stringify({
  format: 'kundenwert-scenarios',
  version: 1,
  scenarios: [{ name: 'ok' }, { name: 'bad', churnRate: 1.5, customers: 12.5, foo: 1 }],
});

afterEach(() => {
  i18n.locale = 'de';
});

describe('import problems', () => {
  it('are said in German with their path, each once', () => {
    i18n.locale = 'de';
    const { problems } = parseExport(FILE);
    const lines = problems.map((p) => `${p.path}: ${importProblemText(p)}`);
    expect(lines).toEqual([
      'scenarios[1].churnRate: Abwanderungsrate: erlaubt ist als Anteil 0 bis 1 (0.25 steht für 25 %)',
      'scenarios[1].customers: Anzahl Kunden: erlaubt ist ganze Zahl von 100 bis 1.000.000',
      'scenarios[1].foo: „foo“ ist kein Parameter dieser App',
    ]);
    expect(lines.join(' ')).not.toMatch(/Invalid key|must be/);
  });

  it('and in English', () => {
    i18n.locale = 'en';
    const { problems } = parseExport('not json');
    expect(importProblemText(problems[0] ?? { path: '', message: '' })).toBe('is not a JSON file');
  });

  it('counts take their plural form: "1 Problem in der Datei", "2 Probleme"', async () => {
    i18n.locale = 'de';
    expect(tp('scenarios.importProblems', 1)).toBe('1 Problem in der Datei:');
    expect(tp('scenarios.importProblems', 2)).toBe('2 Probleme in der Datei:');
    expect(tp('scenarios.imported', 1)).toBe('1 Szenario importiert.');
    expect(tp('embed.changed', 1, { language: 'Deutsch' })).toBe('1 geänderte Einstellung, Sprache: Deutsch');
    i18n.locale = 'en';
    expect(tp('scenarios.importProblems', 1)).toBe('1 problem in the file:');
    expect(tp('scenarios.imported', 1000)).toBe('1,000 scenarios imported.');

    i18n.locale = 'de';
    const scenarios = new ScenariosState();
    await scenarios.init(null);
    await scenarios.importText(JSON.stringify({ format: 'kundenwert-scenarios', version: 1, scenarios: [{ name: 'x', shoe: 1 }] }));
    render(ScenarioMessages, { scenarios });
    expect(screen.getByText('0 Szenarien importiert.')).toBeVisible();
    expect(screen.getByText('1 Problem in der Datei:')).toBeVisible();
    expect(screen.getByText(/„shoe“ ist kein Parameter dieser App/)).toBeVisible();
  });
});
