// A scenario's decision in words for the list, the comparison and the
// decision panel: "f = 0,6 · 10 % entfernt".
import { dropDecisionOf, type Scenario } from '../../engine/parameters.ts';
import { fmt, t } from '../../i18n/i18n.svelte.ts';

export function decisionText(s: Pick<Scenario, 'focus' | 'dropShare' | 'applyDrop' | 'applyFix'>): string {
  const focus = t('decision.focusWords', { f: fmt.number(s.focus, 2) });
  const share = fmt.percent(s.dropShare, 0);
  switch (dropDecisionOf(s)) {
    case 'drop':
      return `${focus} · ${t('decision.droppedWords', { share })}`;
    case 'fix':
      return `${focus} · ${t('decision.fixedWords', { share })}`;
    case 'none':
      return focus;
  }
}

/** The tab a scenario's decision lives on: Bereinigung for a drop or fix, Fokussierung for a focus, else Kunde. */
export function decisionView(s: Pick<Scenario, 'focus' | 'applyDrop' | 'applyFix'>): 'bereinigung' | 'fokus' | 'kunde' {
  if (dropDecisionOf(s) !== 'none') return 'bereinigung';
  return s.focus > 0 ? 'fokus' : 'kunde';
}
