// Messages, one pair of files per feature and language, loaded on demand:
// a page loads only its language, and the embed only the features it shows
// (issue 6: the embed's initial JavaScript stays small). The German files
// define the keys; src/i18n/catalog.ts checks that English has them all.
import type { Locale } from './format.ts';
import type core from './de.json';
import type scenarios from './scenarios.de.json';
import type lessons from './lessons.de.json';
import type reach from './reach.de.json';
import type data from './data.de.json';
import type segments from './segments.de.json';
import type account from './account.de.json';

export type MessageKey = keyof (typeof core & typeof scenarios & typeof lessons & typeof reach & typeof data & typeof segments & typeof account);

type Loader = () => Promise<{ default: Record<string, string> }>;

const LOADERS = {
  core: { de: () => import('./de.json'), en: () => import('./en.json') },
  scenarios: { de: () => import('./scenarios.de.json'), en: () => import('./scenarios.en.json') },
  lessons: { de: () => import('./lessons.de.json'), en: () => import('./lessons.en.json') },
  reach: { de: () => import('./reach.de.json'), en: () => import('./reach.en.json') },
  data: { de: () => import('./data.de.json'), en: () => import('./data.en.json') },
  segments: { de: () => import('./segments.de.json'), en: () => import('./segments.en.json') },
  account: { de: () => import('./account.de.json'), en: () => import('./account.en.json') },
} as const satisfies Record<string, Record<Locale, Loader>>;

export type Feature = keyof typeof LOADERS;

export const ALL_FEATURES = Object.keys(LOADERS) as Feature[];

const loaded: Record<Locale, Partial<Record<MessageKey, string>>> = { de: {}, en: {} };
const pending = new Map<string, Promise<void>>();

/** Loads the texts of these features in this language (each file once). */
export function loadMessages(locale: Locale, features: readonly Feature[] = ALL_FEATURES): Promise<void> {
  return Promise.all(
    features.map((feature) => {
      const id = `${feature}:${locale}`;
      let loading = pending.get(id);
      if (!loading) {
        loading = LOADERS[feature][locale]().then((module) => {
          Object.assign(loaded[locale], module.default);
        });
        pending.set(id, loading);
      }
      return loading;
    }),
  ).then(() => undefined);
}

/** The text of a key, or the key itself when its feature is not loaded (visible, never blank). */
export function lookup(locale: Locale, key: MessageKey): string {
  return loaded[locale][key] ?? key;
}
