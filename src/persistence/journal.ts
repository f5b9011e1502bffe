// The working state, written synchronously to localStorage on every change.
// IndexedDB writes are asynchronous and debounced, and a page that is being
// reloaded or closed does not wait for them, so the last slider move would be
// lost; a localStorage write is done before the call returns. On start the
// journal and IndexedDB's autosave are reconciled: the newer one wins.
import * as v from 'valibot';
import type { WorkingState } from './store.ts';
import { JOURNAL_KEY } from './records.ts';

export { JOURNAL_KEY };

export interface JournalEntry extends WorkingState {
  /**
   * The page's query string when the entry was written. The address bar
   * follows the sliders only after a short delay, so a reload right after a
   * move comes back to this (older) address: it is our own page, not a link.
   */
  search: string;
}

const isoDate = v.pipe(v.string(), v.isoTimestamp());

// The scenario itself is checked by the caller with ScenarioSchema, like the IndexedDB autosave.
const JournalSchema = v.object({
  scenario: v.record(v.string(), v.unknown()),
  sourceId: v.nullable(v.string()),
  updatedAt: isoDate,
  search: v.string(),
  // The key account (issue 17), checked by the caller with KeyAccountSchema.
  account: v.optional(v.unknown()),
});

/** The browser's localStorage, or null where reading it throws (some privacy modes) or it is missing. */
export function browserJournal(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Writes the entry; false when the storage refuses (full, denied), which autosave to IndexedDB still covers. */
export function writeJournal(storage: Pick<Storage, 'setItem'> | null, entry: JournalEntry): boolean {
  if (!storage) return false;
  try {
    storage.setItem(JOURNAL_KEY, JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

/** The journal's entry, or null when there is none or it cannot be read (damaged, foreign, denied). */
export function readJournal(storage: Pick<Storage, 'getItem'> | null): JournalEntry | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(JOURNAL_KEY);
    if (raw === null) return null;
    const parsed = v.safeParse(JournalSchema, JSON.parse(raw));
    return parsed.success ? (parsed.output as JournalEntry) : null;
  } catch {
    return null;
  }
}

export interface Reconciled {
  working: WorkingState;
  /** Set when the journal won: the address the page had when it was written. */
  journalSearch: string | null;
}

/**
 * The newer of the journal and the IndexedDB autosave (by updatedAt). On a
 * tie IndexedDB wins: it holds the same change, written in full.
 */
export function newestWorking(journal: JournalEntry | null, stored: WorkingState | null): Reconciled | null {
  if (journal && (!stored || Date.parse(journal.updatedAt) > Date.parse(stored.updatedAt))) {
    const { search, ...working } = journal;
    return { working, journalSearch: search };
  }
  return stored ? { working: stored, journalSearch: null } : null;
}
