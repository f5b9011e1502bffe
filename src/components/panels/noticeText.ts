// The words for each kind of notice: a problem in the URL names the
// parameter and its allowed range in the user's units; engine remarks say
// what a figure means when the model reaches an edge case.
import { echo } from '../../engine/echo.ts';
import {
  DEFAULTS,
  PARAMETERS,
  UNBOUNDED_CAP_YEARS,
  isParameterKey,
  type ParameterKey,
  type ParameterProblem,
} from '../../engine/parameters.ts';
import type { Results } from '../../engine/results.ts';
import { CURRENCIES } from '../../i18n/format.ts';
import { fmt, t } from '../../i18n/i18n.svelte.ts';
import type { UrlProblem } from '../../state/url.ts';
import { labelKey, unitKey } from '../controls/parameterText.ts';
import { displayRange } from '../controls/sliderScale.ts';

/** "0 bis 100 %" (plus "oder unbegrenzt" for the horizon, "ganze Zahl" for counts). */
export function rangeText(key: ParameterKey): string {
  const range = displayRange(key);
  const unit = unitKey(key);
  const text = t('range.fromTo', {
    min: fmt.number(range.min, 3),
    max: fmt.number(range.max, 3),
    unit: unit ? t(unit) : '',
  }).trim();
  const whole = PARAMETERS[key].integer ? t('range.whole', { range: text }) : text;
  return key === 'horizon' ? t('range.orUnlimited', { range: whole }) : whole;
}

/** The range in the URL's (and the scenario file's) own units: rates there are fractions, not percent. */
export function urlRangeText(key: ParameterKey): string {
  const spec = PARAMETERS[key];
  if (spec.unit !== 'percent') return rangeText(key);
  // Written the way the URL takes it (a point, no grouping), so it can be copied.
  return t('range.fraction', { min: String(spec.min), max: String(spec.max) });
}

/** The notice for one problem in the URL; the key and value as written, but shortened and with hidden characters spelled out. */
export function urlProblemText(problem: UrlProblem): string {
  const key = echo(problem.key);
  const raw = echo(problem.raw);
  if (problem.reason === 'repeated') {
    return t('notice.urlRepeated', { key, count: fmt.number(problem.count ?? 2, 0), raw });
  }
  if (problem.reason === 'unknownLanguage') return t('notice.urlLanguage', { raw });
  if (problem.reason === 'unknownCurrency') return t('notice.urlCurrency', { raw, allowed: CURRENCIES.join(', ') });
  if (problem.reason === 'sharesSumToZero') return t('notice.urlShares');
  if (problem.reason === 'invalidAccount') return t('notice.urlAccount', { key });
  if (!isParameterKey(problem.key)) return t('notice.urlUnknown', { key });
  return t('notice.urlInvalid', {
    key,
    label: t(labelKey(problem.key)),
    raw,
    range: urlRangeText(problem.key),
  });
}

/** The default full-focus shares, "60 / 30 / 10 %". */
function defaultSharesText(): string {
  return `${fmt.number(DEFAULTS.focusShareA * 100, 0)} / ${fmt.number(DEFAULTS.focusShareB * 100, 0)} / ${fmt.percent(DEFAULTS.focusShareC, 0)}`;
}

/** What the parameter state repaired in a saved or restored scenario (only the budget shares can need it). */
export function loadProblemText(problem: ParameterProblem): string {
  if (problem.reason === 'sharesSumToZero') return t('notice.sharesRepaired', { shares: defaultSharesText() });
  return problem.message;
}

/** Remarks on the current results: edge cases the user should know about. */
export function engineNotices(results: Results | null): string[] {
  if (!results) return [];
  const notices: string[] = [];
  if (results.customer.unbounded) {
    const years = results.customer.yearsCounted ?? UNBOUNDED_CAP_YEARS;
    notices.push(t('notice.unbounded', { years: fmt.years(years, 0), yearsAfter: fmt.yearsAfter(years, 0) }));
  }
  if (results.customer.annualMargin < 0) notices.push(t('notice.negativeMargin'));
  if (results.portfolio.whale === null) {
    notices.push(t('notice.whaleUndefined', { total: fmt.money(results.portfolio.totals.value, 0) }));
  }
  return notices;
}
