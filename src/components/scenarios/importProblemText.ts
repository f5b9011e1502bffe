// An import problem in the interface language: what is wrong at its path,
// with the allowed range in the file's units (fractions for rates).
import { isParameterKey } from '../../engine/parameters.ts';
import { t } from '../../i18n/i18n.svelte.ts';
import type { ImportProblem } from '../../persistence/schema.ts';
import { urlRangeText } from '../panels/noticeText.ts';
import { labelKey } from '../controls/parameterText.ts';
import { ACCOUNT_LIMITS, ENTITY_LIMITS, PROGRAMME_LIMITS, type Limit } from '../../engine/keyAccount/account.ts';

/** The allowed range of a key-account field, by its name in the file. */
function accountLimit(key: string | undefined): Limit | undefined {
  if (key === undefined) return undefined;
  const all: Record<string, Limit> = { ...ENTITY_LIMITS, ...ACCOUNT_LIMITS, ...PROGRAMME_LIMITS };
  return Object.hasOwn(all, key) ? all[key] : undefined;
}

export function importProblemText(problem: ImportProblem): string {
  switch (problem.code) {
    case 'range':
      return problem.key && isParameterKey(problem.key)
        ? t('importProblem.range', { label: t(labelKey(problem.key)), range: urlRangeText(problem.key) })
        : t('importProblem.invalid');
    case 'unknownKey':
      return t('importProblem.unknownKey', { key: problem.key ?? '' });
    case 'account': {
      const limit = accountLimit(problem.key);
      // Written the way the file takes it (a point, no grouping), like the parameters' ranges.
      return limit ? t('importProblem.account', { min: String(limit.min), max: String(limit.max) }) : t('importProblem.accountInvalid');
    }
    case 'newer':
      return t('importProblem.newer', { version: problem.version ?? '' });
    case 'notJson':
    case 'notOurs':
    case 'version':
    case 'notList':
    case 'name':
    case 'notes':
    case 'date':
    case 'invalid':
      return t(`importProblem.${problem.code}`);
    case undefined:
      return problem.message;
  }
}
