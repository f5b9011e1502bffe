// The Konzernkunde tab through what a user sees: the example group's figures,
// editing a cell, deleting with Undo and moving rows by keyboard. The real
// engine answers in the test's thread, as the worker would.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import KeyAccountView from '../../../src/components/keyAccount/KeyAccountView.svelte';
import { createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';
import { KeyAccountState } from '../../../src/state/keyAccount.svelte.ts';

/** A small portfolio keeps the real engine fast in jsdom. */
const SMALL: Scenario = { ...DEFAULTS, customers: 2000 };

function kpiValue(name: string): string | null {
  return document.querySelector<HTMLElement>(`[data-kpi="${name}"]`)?.dataset.value ?? null;
}

function rowNames(): string[] {
  return screen.getAllByRole('textbox', { name: /^Name von / }).map((input) => (input as HTMLInputElement).value);
}

function renderView() {
  const engine = createEngine();
  const model = new KeyAccountState((scenario, account) => Promise.resolve(engine.keyAccount(scenario, account)));
  render(KeyAccountView, { model, scenario: SMALL, active: true });
  return model;
}

describe('Konzernkunde tab', () => {
  beforeEach(() => {
    i18n.locale = 'de';
  });
  afterEach(() => {
    i18n.locale = 'de';
  });

  it('shows the example group of six with its potential and revenue', async () => {
    renderView();
    // 900 + 420 + 300 + 250 + 120 + 600 thousand potential; 360 + 60 + 150 + 25 + 90 + 15 thousand revenue.
    await waitFor(() => expect(kpiValue('keyAccountPotential')).toBe('2590000'));
    expect(kpiValue('keyAccountRevenue')).toBe('700000');
    expect(Number(kpiValue('keyAccountShareOfWallet'))).toBeCloseTo(700 / 2590, 12);
    expect(rowNames()).toHaveLength(6);
  });

  it('edits a cell: the figures follow the new revenue', async () => {
    renderView();
    await waitFor(() => expect(kpiValue('keyAccountRevenue')).toBe('700000'));
    const cell = screen.getByRole('spinbutton', { name: 'Umsatz von Nordstahl Polska' });
    await fireEvent.change(cell, { target: { value: '120000' } });
    // 700,000 − 60,000 + 120,000.
    await waitFor(() => expect(kpiValue('keyAccountRevenue')).toBe('760000'));
  });

  it('refuses a margin above 100 % and says the allowed range', async () => {
    const model = renderView();
    await waitFor(() => expect(kpiValue('keyAccountRevenue')).toBe('700000'));
    const cell = screen.getByRole('spinbutton', { name: 'Marge von Nordstahl France' });
    await fireEvent.change(cell, { target: { value: '150' } });
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Marge');
    expect(model.account.entities[3]?.marginRate).toBe(0.35);
  });

  it('deletes an entity and brings it back with Undo', async () => {
    renderView();
    await waitFor(() => expect(kpiValue('keyAccountPotential')).toBe('2590000'));
    await fireEvent.click(screen.getByRole('button', { name: 'Nordstahl France löschen' }));
    expect(rowNames()).not.toContain('Nordstahl France');
    // 2,590,000 − 250,000.
    await waitFor(() => expect(kpiValue('keyAccountPotential')).toBe('2340000'));
    await fireEvent.click(screen.getByRole('button', { name: 'Löschen rückgängig' }));
    expect(rowNames()[3]).toBe('Nordstahl France');
    await waitFor(() => expect(kpiValue('keyAccountPotential')).toBe('2590000'));
  });

  it('moves a row by Alt+ArrowUp and keeps the keyboard in the moved cell', async () => {
    renderView();
    const cell = screen.getByRole('spinbutton', { name: 'Umsatz von Nordstahl Ostrava' });
    cell.focus();
    await fireEvent.keyDown(cell, { key: 'ArrowUp', altKey: true });
    expect(rowNames().slice(0, 3)).toEqual(['Nordstahl AG, Essen', 'Nordstahl Ostrava', 'Nordstahl Polska']);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Umsatz von Nordstahl Ostrava'));
    expect(screen.getByRole('status').textContent).toContain('Zeile 2');
    // A plain arrow key only changes the number, never the order.
    await fireEvent.keyDown(cell, { key: 'ArrowDown' });
    expect(rowNames()[1]).toBe('Nordstahl Ostrava');
  });

  it('moves a row down by its button and back with Undo', async () => {
    renderView();
    await fireEvent.click(screen.getByRole('button', { name: 'Nordstahl AG, Essen nach unten' }));
    expect(rowNames().slice(0, 2)).toEqual(['Nordstahl Polska', 'Nordstahl AG, Essen']);
    await fireEvent.click(screen.getByRole('button', { name: 'Verschieben rückgängig' }));
    expect(rowNames().slice(0, 2)).toEqual(['Nordstahl AG, Essen', 'Nordstahl Polska']);
  });

  it('refuses a bad CSV file with a message per cell and keeps the table', async () => {
    renderView();
    const bad = 'Name;Segment;Potenzial;Umsatz;Marge;Aufträge/Jahr;Betreuungskosten/Jahr;Abwanderungsrisiko;Gewinnchance;Vertriebsstunden\nWerk Linz;X;50000;10000;0,3;4;1000;0,1;0,3;12\n';
    await fireEvent.change(screen.getByLabelText('CSV einlesen'), { target: { files: [new File([bad], 'linz.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(screen.getByText(/linz\.csv wurde nicht eingelesen/)).toBeTruthy());
    expect(screen.getByText('Zeile 2, Segment: muss A, B oder C sein')).toBeTruthy();
    expect(rowNames()).toHaveLength(6);
  });

  it('reads a good CSV file (English headers in the German app) in place of the table, undoably', async () => {
    renderView();
    const good = 'Name,Segment,Potential,Revenue,Margin,Orders/year,Cost to serve/year,Churn risk,Win probability,Sales hours\nPlant Linz,B,50000,10000,0.3,4,1000,0.1,0.3,12\n';
    await fireEvent.change(screen.getByLabelText('CSV einlesen'), { target: { files: [new File([good], 'linz.csv', { type: 'text/csv' })] } });
    await waitFor(() => expect(rowNames()).toEqual(['Plant Linz']));
    await waitFor(() => expect(kpiValue('keyAccountPotential')).toBe('50000'));
    await fireEvent.click(screen.getByRole('button', { name: 'Import rückgängig' }));
    expect(rowNames()).toHaveLength(6);
  });

  it('draws the four charts, says why the average misleads, and shows "never" when the programme cannot pay back', async () => {
    renderView();
    await waitFor(() => expect(document.querySelector('[data-chart="programme"]')).not.toBeNull());
    for (const name of ['whitespace', 'shareOfWallet', 'programme', 'salesHours']) expect(document.querySelector(`[data-chart="${name}"]`)).not.toBeNull();
    const value = Number(kpiValue('keyAccountValue'));
    const average = Number(kpiValue('keyAccountValueAsAverage'));
    const sentence = document.querySelector('[data-figure="keyAccountAverageSentence"]')?.textContent ?? '';
    const money = (v: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v);
    expect(sentence.replace(/\s/g, ' ')).toContain(money(value).replace(/\s/g, ' '));
    expect(sentence.replace(/\s/g, ' ')).toContain(money(average).replace(/\s/g, ' '));
    expect(Number(kpiValue('keyAccountProgrammePayback'))).toBeGreaterThan(0);
    // A programme costing ten million a year never earns itself back: payback is empty, the tile says so.
    await fireEvent.change(screen.getByLabelText('Programmkosten pro Jahr'), { target: { value: '10000000' } });
    await waitFor(() => expect(kpiValue('keyAccountProgrammePayback')).toBe(''));
    expect(document.querySelector('[data-kpi="keyAccountProgrammePayback"] .kpi-value')?.textContent).toBe('nie');
  });
});
