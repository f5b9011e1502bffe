// All messages, merged from one pair of files per feature so that features
// can grow their texts without touching each other's files. The German set
// defines the keys; the type of MESSAGES makes every English set complete.
import type { Locale } from './format.ts';
import de from './de.json';
import en from './en.json';
import scenariosDe from './scenarios.de.json';
import scenariosEn from './scenarios.en.json';

const DE = { ...de, ...scenariosDe };
const EN = { ...en, ...scenariosEn };

export type MessageKey = keyof typeof DE;

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { de: DE, en: EN };
