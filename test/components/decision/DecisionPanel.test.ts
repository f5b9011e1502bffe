// The "apply this decision" switches (issue 12): labelled, keyboard usable,
// in German and English; both on means the worst are fixed, not dropped.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DecisionPanel from '../../../src/components/decision/DecisionPanel.svelte';
import { computeResults } from '../../../src/engine/index.ts';
import { DEFAULTS, type Scenario } from '../../../src/engine/parameters.ts';
import { i18n } from '../../../src/i18n/i18n.svelte.ts';

afterEach(() => {
  i18n.locale = 'de';
});

function panel(s: Partial<Scenario>, onchange = vi.fn()) {
  const scenario = { ...DEFAULTS, customers: 500, ...s };
  const results = computeResults(scenario);
  render(DecisionPanel, { id: 't', decision: results.decision, focus: results.focus, scenario, onchange, headline: true });
  return { onchange, results };
}

describe('DecisionPanel', () => {
  it('the drop switch is a labelled switch that the keyboard turns on', async () => {
    const user = userEvent.setup();
    const { onchange } = panel({});
    const drop = screen.getByRole('switch', { name: /^Entscheidung anwenden: die schlechtesten 10\s%\sentfernen$/ });
    expect(drop).not.toBeChecked();
    drop.focus();
    await user.keyboard(' ');
    expect(onchange).toHaveBeenCalledWith('applyDrop', 1);
    expect(screen.getByRole('status')).toHaveTextContent('Nur eine Was-wäre-wenn-Rechnung');
  });

  it('with both switches on, the page says the worst are fixed, not dropped; the headline is decisionValue', () => {
    const { results } = panel({ applyDrop: 1, applyFix: 1 });
    expect(screen.getByRole('status')).toHaveTextContent(/Beide Schalter sind an: die schlechtesten 10\s% werden saniert, nicht entfernt\./);
    expect(document.querySelector('[data-kpi="decisionValue"]')?.getAttribute('data-value')).toBe(String(results.decision.value));
    expect(results.decision.kind).toBe('fix');
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(/f = 0 · 10\s% saniert/);
  });

  it('in English', () => {
    i18n.locale = 'en';
    panel({ applyDrop: 1, focus: 0.6 });
    expect(screen.getByRole('switch', { name: /^Apply the decision: remove the worst 10\s?%$/ })).toBeChecked();
    expect(screen.getByRole('switch', { name: /^Fix them instead of removing/ })).not.toBeChecked();
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(/f = 0\.6 · 10\s?% removed/);
    expect(screen.getByRole('status')).toHaveTextContent(/customers removed, .* stay/);
  });
});
