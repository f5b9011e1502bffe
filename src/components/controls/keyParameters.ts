// The one to four parameters each simulator tab is about. They are shown
// beside the tab's main chart and left out of the sidebar while the tab is
// open, so each slider label still names exactly one control on the page.
import type { ParameterKey } from '../../engine/parameters.ts';

export const KEY_PARAMETERS: Readonly<Record<string, readonly ParameterKey[]>> = {
  kunde: ['churnRate', 'acquisitionCost'],
  portfolio: ['spread', 'customers'],
  bereinigung: ['dropShare', 'stickiness'],
  fokus: ['focus', 'focusShareA', 'focusShareB', 'focusShareC'],
};

export function keyParametersOf(view: string): readonly ParameterKey[] {
  return KEY_PARAMETERS[view] ?? [];
}
