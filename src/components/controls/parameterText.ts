// Which message keys name a parameter and its unit. Kept apart from the
// component so the control panel, notices and formulas share them.
import { PARAMETERS, type ParameterKey, type Unit } from '../../engine/parameters.ts';
import type { MessageKey } from '../../i18n/i18n.svelte.ts';

export function labelKey(key: ParameterKey): MessageKey {
  return `param.${key}`;
}

const UNIT_KEYS: Readonly<Record<Unit, MessageKey | null>> = {
  money: 'unit.money',
  moneyPerYear: 'unit.moneyPerYear',
  percent: 'unit.percent',
  perYear: 'unit.perYear',
  years: 'unit.years',
  count: null,
  factor: null,
};

/** The unit shown beside the exact-value field, or null for plain numbers. */
export function unitKey(key: ParameterKey): MessageKey | null {
  return UNIT_KEYS[PARAMETERS[key].unit];
}
