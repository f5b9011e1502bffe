// Every message of every feature in both languages, loaded at once. Only for
// tests and checks (key parity, literals, lesson texts); the app loads its
// texts per language and feature through messages.ts.
import type { Locale } from './format.ts';
import type { MessageKey } from './messages.ts';
import de from './de.json';
import en from './en.json';
import scenariosDe from './scenarios.de.json';
import scenariosEn from './scenarios.en.json';
import lessonsDe from './lessons.de.json';
import lessonsEn from './lessons.en.json';
import reachDe from './reach.de.json';
import reachEn from './reach.en.json';
import dataDe from './data.de.json';
import dataEn from './data.en.json';
import segmentsDe from './segments.de.json';
import segmentsEn from './segments.en.json';
import accountDe from './account.de.json';
import accountEn from './account.en.json';

const DE = { ...de, ...lessonsDe, ...scenariosDe, ...reachDe, ...segmentsDe, ...dataDe, ...accountDe };
const EN = { ...en, ...lessonsEn, ...scenariosEn, ...reachEn, ...segmentsEn, ...dataEn, ...accountEn };

/** The English set must hold every German key: the type check enforces it. */
export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { de: DE, en: EN };
