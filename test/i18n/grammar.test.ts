// Defect 9 of issue 11: a number decides the word next to it. Every message
// whose wording depends on a count or a duration is rendered at 1, 2 and a
// decimal in German and English, the way its view fills it (fmt.years for a
// duration as subject or object, fmt.yearsAfter after "nach", "ab", "in", tp
// and tCount where a count decides the noun or the verb), and compared with
// hand-written text.
import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/catalog.ts';
import { fmt, i18n, loadMessages, t, tp, type Locale, type PluralKey } from '../../src/i18n/i18n.svelte.ts';
import { tCount } from '../../src/i18n/plural.ts';

beforeAll(async () => {
  await loadMessages('de');
  await loadMessages('en');
});

afterEach(() => {
  i18n.locale = 'de';
});

function inLocale<T>(locale: Locale, render: () => T): T {
  i18n.locale = locale;
  return render();
}

interface Case {
  readonly name: string;
  readonly render: (value: number) => string;
  /** Expected text at 1, 2 and the decimal, in German and English. */
  readonly de: readonly [string, string, string];
  readonly en: readonly [string, string, string];
  readonly decimal?: number;
}

const CASES: readonly Case[] = [
  {
    name: 'jcurve.paybackMark (dative after "nach")',
    render: (v) => t('jcurve.paybackMark', { years: fmt.yearsAfter(v, 1) }),
    de: ['amortisiert nach 1\u00a0Jahr', 'amortisiert nach 2\u00a0Jahren', 'amortisiert nach 6,1\u00a0Jahren'],
    en: ['paid back after 1 year', 'paid back after 2 years', 'paid back after 6.1 years'],
    decimal: 6.1,
  },
  {
    name: 'jcurve.reading',
    render: (v) => t('jcurve.reading', { cost: '300,00 €', years: fmt.yearsAfter(v, 1), profit: '39,00 €' }),
    de: [
      'Ein Kunde kostet 300,00 € bei der Gewinnung und hat das nach 1\u00a0Jahr wieder eingespielt; über den ganzen Zeitraum bleiben 39,00 €.',
      'Ein Kunde kostet 300,00 € bei der Gewinnung und hat das nach 2\u00a0Jahren wieder eingespielt; über den ganzen Zeitraum bleiben 39,00 €.',
      'Ein Kunde kostet 300,00 € bei der Gewinnung und hat das nach 6,1\u00a0Jahren wieder eingespielt; über den ganzen Zeitraum bleiben 39,00 €.',
    ],
    en: [
      'A customer costs 300,00 € to win and earns it back after 1 year; over the whole horizon 39,00 € remain.',
      'A customer costs 300,00 € to win and earns it back after 2 years; over the whole horizon 39,00 € remain.',
      'A customer costs 300,00 € to win and earns it back after 6.1 years; over the whole horizon 39,00 € remain.',
    ],
    decimal: 6.1,
  },
  {
    name: 'lifetimes.reading (dative after "ab")',
    render: (v) => t('lifetimes.reading', { losers: '49', winners: '51', years: fmt.yearsAfter(v, 1) }),
    de: [
      'Von 100 gewonnenen Kunden bringen etwa 49 ihre Akquisitionskosten nie zurück, 51 schon (ab 1\u00a0Jahr Verweildauer).',
      'Von 100 gewonnenen Kunden bringen etwa 49 ihre Akquisitionskosten nie zurück, 51 schon (ab 2\u00a0Jahren Verweildauer).',
      'Von 100 gewonnenen Kunden bringen etwa 49 ihre Akquisitionskosten nie zurück, 51 schon (ab 2,5\u00a0Jahren Verweildauer).',
    ],
    en: [
      'Of 100 customers won, about 49 never earn back what winning them cost, 51 do (from 1 year of staying).',
      'Of 100 customers won, about 49 never earn back what winning them cost, 51 do (from 2 years of staying).',
      'Of 100 customers won, about 49 never earn back what winning them cost, 51 do (from 2.5 years of staying).',
    ],
  },
  {
    name: 'teach.clv.name (accusative after "über")',
    render: (v) => t('teach.clv.name', { h: fmt.years(v, 1) }),
    de: ['Kundenwert über 1 Jahr', 'Kundenwert über 2 Jahre', 'Kundenwert über 2,5 Jahre'],
    en: ['Customer value over 1 year', 'Customer value over 2 years', 'Customer value over 2.5 years'],
  },
  {
    name: 'teach.clv.capped',
    render: (v) => t('teach.clv.capped', { years: fmt.years(v, 1) }).split(';')[0] ?? '',
    de: ['Ein unbegrenzter Zeitraum zählt höchstens 1 Jahr', 'Ein unbegrenzter Zeitraum zählt höchstens 2 Jahre', 'Ein unbegrenzter Zeitraum zählt höchstens 2,5 Jahre'],
    en: ['An unlimited horizon counts at most 1 year', 'An unlimited horizon counts at most 2 years', 'An unlimited horizon counts at most 2.5 years'],
  },
  {
    name: 'teach.textbook.why (the noun follows the count)',
    render: (v) => tp('teach.textbook.why', v, { years: fmt.number(v, 2), d: '8 %', discounted: 'x', textbook: 'y' }).split(/ (ohne|without) /)[0] ?? '',
    de: ['Das Lehrbuch zählt 1 volle Jahresmarge', 'Das Lehrbuch zählt 2 volle Jahresmargen', 'Das Lehrbuch zählt 2,5 volle Jahresmargen'],
    en: ['The textbook counts 1 full year of contribution', 'The textbook counts 2 full years of contribution', 'The textbook counts 2.5 full years of contribution'],
  },
  {
    name: 'formula.paybackProbability (l* as a duration)',
    render: (v) => t('formula.paybackProbability', { lYears: fmt.years(v, 1), r: '0,8', e: 3, p: '51,2 %' }).split(':')[0] ?? '',
    de: ['Ein Kunde amortisiert sich, wenn er mindestens l* = 1 Jahr bleibt', 'Ein Kunde amortisiert sich, wenn er mindestens l* = 2 Jahre bleibt', 'Ein Kunde amortisiert sich, wenn er mindestens l* = 2,5 Jahre bleibt'],
    en: ['A customer pays back who stays at least l* = 1 year', 'A customer pays back who stays at least l* = 2 years', 'A customer pays back who stays at least l* = 2.5 years'],
  },
  {
    name: 'status.computed',
    render: (v) => tCount('status.computed', v, { ms: '12' }),
    de: ['1 Kunde in 12 ms gerechnet', '2 Kunden in 12 ms gerechnet', '10.000 Kunden in 12 ms gerechnet'],
    en: ['1 customer computed in 12 ms', '2 customers computed in 12 ms', '10,000 customers computed in 12 ms'],
    decimal: 10_000,
  },
  {
    name: 'dropBefore.reading',
    render: (v) => t('dropBefore.reading', { share: '10 %', count: tCount('count.customers', v), before: 'a', after: 'b' }),
    de: [
      'Die schlechtesten 10 % (1 Kunde) zu entfernen ändert den Portfoliowert von a auf b.',
      'Die schlechtesten 10 % (2 Kunden) zu entfernen ändert den Portfoliowert von a auf b.',
      'Die schlechtesten 10 % (1.000 Kunden) zu entfernen ändert den Portfoliowert von a auf b.',
    ],
    en: [
      'Removing the worst 10 % (1 customer) changes the portfolio value from a to b.',
      'Removing the worst 10 % (2 customers) changes the portfolio value from a to b.',
      'Removing the worst 10 % (1,000 customers) changes the portfolio value from a to b.',
    ],
    decimal: 1000,
  },
  {
    name: 'dilemma.reading (the verb follows the count)',
    render: (v) => (tp('dilemma.reading', v, { important: fmt.number(v, 0), dropped: '5', revenue: 'r', share: 's' }).split(';')[0] ?? ''),
    de: ['1 der 5 entfernten Kunden gehört zu den umsatzstärksten 30 %', '2 der 5 entfernten Kunden gehören zu den umsatzstärksten 30 %', '3 der 5 entfernten Kunden gehören zu den umsatzstärksten 30 %'],
    en: ['1 of the 5 customers removed is among the top 30 % by revenue', '2 of the 5 customers removed are among the top 30 % by revenue', '3 of the 5 customers removed are among the top 30 % by revenue'],
    decimal: 3,
  },
  {
    name: 'decision.appliedDrop',
    render: (v) => tp('decision.appliedDrop', v, { kept: '9' }).split(': ')[1] ?? '',
    de: ['1 Kunde entfernt, 9 bleiben.', '2 Kunden entfernt, 9 bleiben.', '1.000 Kunden entfernt, 9 bleiben.'],
    en: ['1 customer removed, 9 stay.', '2 customers removed, 9 stay.', '1,000 customers removed, 9 stay.'],
    decimal: 1000,
  },
  {
    name: 'decision.appliedFix',
    render: (v) => tp('decision.appliedFix', v).split(': ')[1] ?? '',
    de: ['1 Kunde wird saniert und bleibt.', '2 Kunden werden saniert und bleiben.', '1.000 Kunden werden saniert und bleiben.'],
    en: ['1 customer is fixed and stays.', '2 customers are fixed and stay.', '1,000 customers are fixed and stay.'],
    decimal: 1000,
  },
  {
    name: 'teach.drop.naiveNote',
    render: (v) => tp('teach.drop.naiveNote', v),
    de: ['Summe über den 1 entfernten Kunden', 'Summe über die 2 entfernten Kunden', 'Summe über die 1.000 entfernten Kunden'],
    en: ['sum over the 1 customer let go', 'sum over the 2 customers let go', 'sum over the 1,000 customers let go'],
    decimal: 1000,
  },
  {
    name: 'lessons.steps',
    render: (v) => tCount('lessons.steps', v),
    de: ['1 Schritt', '2 Schritte', '10 Schritte'],
    en: ['1 step', '2 steps', '10 steps'],
    decimal: 10,
  },
  {
    name: 'data.holdout.axisY (dative after "in")',
    render: (v) => t('data.holdout.axisY', { weeks: fmt.durationAfter(v, 'week', 1) }),
    de: ['Käufe in 1\u00a0Woche', 'Käufe in 2\u00a0Wochen', 'Käufe in 2,5\u00a0Wochen'],
    en: ['Purchases in 1 week', 'Purchases in 2 weeks', 'Purchases in 2.5 weeks'],
  },
  {
    name: 'data.summary.calibrationSplit',
    render: (v) => t('data.summary.calibrationSplit', { end: '31.12.', weeks: fmt.duration(v, 'week', 1) }),
    de: ['bis 31.12., danach 1 Woche Prüfzeitraum', 'bis 31.12., danach 2 Wochen Prüfzeitraum', 'bis 31.12., danach 2,5 Wochen Prüfzeitraum'],
    en: ['up to 31.12., then a holdout of 1 week', 'up to 31.12., then a holdout of 2 weeks', 'up to 31.12., then a holdout of 2.5 weeks'],
  },
  {
    name: 'data.formula.totalClv (dative after "in")',
    render: (v) => /in [\d.,]+\s[^\s,]+, /.exec(t('data.formula.totalClv', { years: fmt.yearsAfter(v, 2) }))?.[0] ?? '',
    de: ['in 1\u00a0Jahr, ', 'in 2\u00a0Jahren, ', 'in 2,5\u00a0Jahren, '],
    en: ['in 1 year, ', 'in 2 years, ', 'in 2.5 years, '],
  },
  {
    name: 'data.assumption.revenue',
    render: (v) => t('data.assumption.revenue', { years: fmt.years(v, 2) }),
    de: ['Umsatz pro Jahr = beobachteter Umsatz / 1 Jahr Daten.', 'Umsatz pro Jahr = beobachteter Umsatz / 2 Jahre Daten.', 'Umsatz pro Jahr = beobachteter Umsatz / 2,5 Jahre Daten.'],
    en: ['Revenue per year = observed revenue / 1 year of data.', 'Revenue per year = observed revenue / 2 years of data.', 'Revenue per year = observed revenue / 2.5 years of data.'],
  },
  {
    name: 'data.atRisk.reading (noun, pronoun and verb follow the count)',
    render: (v) => tCount('data.atRisk.reading', v).split(' (')[0] ?? '',
    de: [
      '1 Kunde aus den besten 20 % nach Umsatz, der laut BG/NBD wahrscheinlich nicht mehr aktiv ist',
      '2 Kunden aus den besten 20 % nach Umsatz, die laut BG/NBD wahrscheinlich nicht mehr aktiv sind',
      '12 Kunden aus den besten 20 % nach Umsatz, die laut BG/NBD wahrscheinlich nicht mehr aktiv sind',
    ],
    en: [
      '1 buyer among the top 20 % by revenue who is probably no longer active according to BG/NBD',
      '2 buyers among the top 20 % by revenue who are probably no longer active according to BG/NBD',
      '12 buyers among the top 20 % by revenue who are probably no longer active according to BG/NBD',
    ],
    decimal: 12,
  },
  {
    name: 'data.progress.label',
    render: (v) => tCount('data.progress.label', v),
    de: ['Importfortschritt (1 Zeile gelesen)', 'Importfortschritt (2 Zeilen gelesen)', 'Importfortschritt (10.000 Zeilen gelesen)'],
    en: ['Import progress (1 row read)', 'Import progress (2 rows read)', 'Import progress (10,000 rows read)'],
    decimal: 10_000,
  },
  {
    name: 'seg.rfmr.within (dative after "innerhalb von")',
    render: (v) => t('seg.rfmr.within', { months: fmt.durationAfter(v, 'month', 1) }),
    de: ['Letzter Kauf innerhalb von 1\u00a0Monat', 'Letzter Kauf innerhalb von 2\u00a0Monaten', 'Letzter Kauf innerhalb von 2,5\u00a0Monaten'],
    en: ['Last purchase within 1 month', 'Last purchase within 2 months', 'Last purchase within 2.5 months'],
  },
  {
    name: 'seg.history (dative after "vor")',
    render: (v) => /(letzter Kauf|last purchase).*?(?=\. )/.exec(t('seg.history', { purchases: '3', none: '10 %', recency: fmt.durationAfter(v, 'month', 1) }))?.[0] ?? '',
    de: ['letzter Kauf im Mittel vor 1\u00a0Monat', 'letzter Kauf im Mittel vor 2\u00a0Monaten', 'letzter Kauf im Mittel vor 2,5\u00a0Monaten'],
    en: ['last purchase 1 month ago on average', 'last purchase 2 months ago on average', 'last purchase 2.5 months ago on average'],
  },
  {
    name: 'seg.abc.reading (the first count decides noun and verb)',
    render: (v) => tp('seg.abc.reading', v, { rv: fmt.number(v, 0), rc: '3', cv: '4' }).split(': ')[1]?.split(',')[0] ?? '',
    de: ['1 Kunde wechselt das Segment zwischen Umsatz und Wert', '2 Kunden wechseln das Segment zwischen Umsatz und Wert', '12 Kunden wechseln das Segment zwischen Umsatz und Wert'],
    en: ['1 account changes segment between revenue and value', '2 accounts change segment between revenue and value', '12 accounts change segment between revenue and value'],
    decimal: 12,
  },
  {
    name: 'seg.leads.reading (leads, hours and pursued leads each take their own form)',
    render: (v) =>
      `${tCount('seg.leads.reading', v)} ${tCount('seg.leads.plan', v, { hours: fmt.duration(v, 'hour', 0), plan: 'P', perLead: fmt.duration(v, 'hour', 1), can: 'C' })}`,
    de: [
      '1 simulierter Lead, einem A-, B- oder C-Kunden ähnlich. Mit 1 Stunde wird 1 Lead nach Wert je Stunde verfolgt: erwartet P; die Gießkanne (1 Stunde je Lead) bringt C.',
      '2 simulierte Leads, jeder einem A-, B- oder C-Kunden ähnlich. Mit 2 Stunden werden 2 Leads nach Wert je Stunde verfolgt: erwartet P; die Gießkanne (2 Stunden je Lead) bringt C.',
      '40 simulierte Leads, jeder einem A-, B- oder C-Kunden ähnlich. Mit 40 Stunden werden 40 Leads nach Wert je Stunde verfolgt: erwartet P; die Gießkanne (40 Stunden je Lead) bringt C.',
    ],
    en: [
      '1 simulated lead, like an A, B or C account. With 1 hour, 1 lead is pursued by value per hour: expected P; the watering can (1 hour per lead) brings C.',
      '2 simulated leads, each like an A, B or C account. With 2 hours, 2 leads are pursued by value per hour: expected P; the watering can (2 hours per lead) brings C.',
      '40 simulated leads, each like an A, B or C account. With 40 hours, 40 leads are pursued by value per hour: expected P; the watering can (40 hours per lead) brings C.',
    ],
    decimal: 40,
  },
  {
    name: 'data.decisions.whaleReading (the removed buyers and the important ones)',
    render: (v) =>
      t('data.decisions.whaleReading', {
        share: '10 %',
        buyers: tCount('data.count.buyers', v),
        before: 'B',
        naive: 'N',
        after: 'A',
        important: tCount('data.decisions.importantAmong', v),
      }).replace(/\) .*; /, ') … ; ').split('.')[0] ?? '',
    de: [
      'Die schlechtesten 10 % (1 Kunde) … ; 1 von ihnen gehört zu den umsatzstärksten 30 %',
      'Die schlechtesten 10 % (2 Kunden) … ; 2 von ihnen gehören zu den umsatzstärksten 30 %',
      'Die schlechtesten 10 % (12 Kunden) … ; 12 von ihnen gehören zu den umsatzstärksten 30 %',
    ],
    en: [
      'Removing the worst 10 % (1 buyer) … ; 1 of them is among the top 30 % by revenue',
      'Removing the worst 10 % (2 buyers) … ; 2 of them are among the top 30 % by revenue',
      'Removing the worst 10 % (12 buyers) … ; 12 of them are among the top 30 % by revenue',
    ],
    decimal: 12,
  },
  {
    name: 'data.formula.droppedImportantCount (the verb follows the count)',
    render: (v) => tp('data.formula.droppedImportantCount', v, { removed: '12', revenue: 'R' }),
    de: [
      '1 der 12 entfernten Kunden gehört nach beobachtetem Umsatz zu den besten 30 %; er bringt R im Jahr',
      '2 der 12 entfernten Kunden gehören nach beobachtetem Umsatz zu den besten 30 %; sie bringen R im Jahr',
      '12 der 12 entfernten Kunden gehören nach beobachtetem Umsatz zu den besten 30 %; sie bringen R im Jahr',
    ],
    en: [
      '1 of the 12 removed buyers is in the top 30 % by observed revenue; it brings R a year',
      '2 of the 12 removed buyers are in the top 30 % by observed revenue; they bring R a year',
      '12 of the 12 removed buyers are in the top 30 % by observed revenue; they bring R a year',
    ],
    decimal: 12,
  },
  {
    name: 'formula.bestFocus and data.formula.bestFocus (values, levels checked)',
    render: (v) => `${tp('formula.bestFocus', v, { best: '0,5' }).split(':')[0] ?? ''} / ${tp('data.formula.bestFocus', v, { best: '0,5' }).split(':')[0] ?? ''}`,
    de: [
      'Das f mit dem höchsten Portfoliowert unter 1 geprüften Wert von 0 bis 1 / Größter Wert auf 1 Stufe von f zwischen 0 und 1',
      'Das f mit dem höchsten Portfoliowert unter 2 geprüften Werten von 0 bis 1 / Größter Wert auf 2 Stufen von f zwischen 0 und 1',
      'Das f mit dem höchsten Portfoliowert unter 21 geprüften Werten von 0 bis 1 / Größter Wert auf 21 Stufen von f zwischen 0 und 1',
    ],
    en: [
      'The f with the highest portfolio value among 1 value checked from 0 to 1 / Largest value on 1 level of f from 0 to 1',
      'The f with the highest portfolio value among 2 values checked from 0 to 1 / Largest value on 2 levels of f from 0 to 1',
      'The f with the highest portfolio value among 21 values checked from 0 to 1 / Largest value on 21 levels of f from 0 to 1',
    ],
    decimal: 21,
  },
  {
    name: 'notice.unbounded (capped at, ends after: a duration)',
    render: (v) => {
      const text = t('notice.unbounded', { years: fmt.years(v, 0), yearsAfter: fmt.yearsAfter(v, 0) });
      return `${text.split(':')[0] ?? ''} … ${text.split('. ').pop() ?? ''}`;
    },
    de: [
      'Unbegrenzter Zeitraum, hier spürbar auf 1 Jahr begrenzt … Jede Summe über einen unbegrenzten Zeitraum endet nach 1\u00a0Jahr.',
      'Unbegrenzter Zeitraum, hier spürbar auf 2 Jahre begrenzt … Jede Summe über einen unbegrenzten Zeitraum endet nach 2\u00a0Jahren.',
      'Unbegrenzter Zeitraum, hier spürbar auf 100 Jahre begrenzt … Jede Summe über einen unbegrenzten Zeitraum endet nach 100\u00a0Jahren.',
    ],
    en: [
      'Unlimited horizon, here noticeably capped at 1 year … Every sum over an unlimited horizon ends after 1 year.',
      'Unlimited horizon, here noticeably capped at 2 years … Every sum over an unlimited horizon ends after 2 years.',
      'Unlimited horizon, here noticeably capped at 100 years … Every sum over an unlimited horizon ends after 100 years.',
    ],
    decimal: 100,
  },
];

describe('messages with numbers: the word agrees with the number (issue 11, defect 9)', () => {
  for (const item of CASES) {
    for (const locale of ['de', 'en'] as const) {
      it(`${item.name} (${locale}) at 1, 2 and ${item.decimal ?? 2.5}`, () => {
        const values = [1, 2, item.decimal ?? 2.5];
        expect(inLocale(locale, () => values.map((value) => item.render(value)))).toEqual(item[locale]);
      });
    }
  }

  it('every plural family uses its "one" form for 1 and its "other" form for 2 and 2.5, and fills every placeholder', () => {
    const keys = Object.keys(MESSAGES.de)
      .filter((key) => key.endsWith('.one'))
      .map((key) => key.slice(0, -'.one'.length) as PluralKey);
    expect(keys.length).toBeGreaterThanOrEqual(15);
    for (const locale of ['de', 'en'] as const) {
      i18n.locale = locale;
      for (const key of keys) {
        const vars = Object.fromEntries(
          [...`${MESSAGES[locale][`${key}.one` as keyof (typeof MESSAGES)['de']]} ${MESSAGES[locale][`${key}.other` as keyof (typeof MESSAGES)['de']]}`.matchAll(/\{(\w+)\}/g)]
            .map((match) => match[1] ?? '')
            .filter((name) => name !== 'n' && name !== 'count')
            .map((name) => [name, `<${name}>`]),
        );
        expect(tCount(key, 1, vars), `${key} (${locale})`).toBe(t(`${key}.one` as never, { ...vars, n: '1', count: '1' }));
        expect(tCount(key, 2, vars), `${key} (${locale})`).toBe(t(`${key}.other` as never, { ...vars, n: '2', count: '2' }));
        expect(tp(key, 2.5, { ...vars, n: 'N', count: 'C' }), `${key} (${locale})`).toBe(t(`${key}.other` as never, { ...vars, n: 'N', count: 'C' }));
        expect(tCount(key, 1, vars), `${key} (${locale})`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('German durations after a preposition take the dative: nach, ab, in 1 Jahr / 6,1 Jahren; English is unchanged', () => {
    expect(inLocale('de', () => [fmt.yearsAfter(1, 1), fmt.yearsAfter(1.04, 1), fmt.yearsAfter(6.1, 1), fmt.yearsAfter(0.5, 1)])).toEqual([
      '1\u00a0Jahr',
      '1\u00a0Jahr',
      '6,1\u00a0Jahren',
      '0,5\u00a0Jahren',
    ]);
    expect(inLocale('en', () => [fmt.yearsAfter(1, 1), fmt.yearsAfter(6.1, 1)])).toEqual(['1 year', '6.1 years']);
  });
});
