import { describe, expect, it } from 'vitest';
import { JOURNAL_KEY, newestWorking, readJournal, writeJournal, type JournalEntry } from '../../src/persistence/journal.ts';
import type { WorkingState } from '../../src/persistence/store.ts';

/** A Storage stand-in over a Map, as localStorage behaves. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (key) => map.get(key) ?? null, setItem: (key, value) => void map.set(key, String(value)) };
}

const stored = (updatedAt: string, churnRate = 0.2): WorkingState => ({ scenario: { churnRate }, sourceId: null, updatedAt });
const journaled = (updatedAt: string, churnRate = 0.22, search = '?lang=en'): JournalEntry => ({ ...stored(updatedAt, churnRate), search });

describe('writeJournal and readJournal', () => {
  it('reads back exactly what was written, synchronously', () => {
    const storage = memoryStorage();
    const entry = journaled('2026-12-02T15:00:00.123Z');
    expect(writeJournal(storage, entry)).toBe(true);
    expect(readJournal(storage)).toEqual(entry);
  });

  it('ignores a journal that is not JSON, not an object of the right shape, or has no valid date', () => {
    const storage = memoryStorage();
    for (const raw of ['{', 'null', '42', '"text"', '[]', '{"scenario":{},"sourceId":null,"updatedAt":"yesterday","search":""}', '{"scenario":5,"sourceId":null,"updatedAt":"2026-12-02T15:00:00.000Z","search":""}']) {
      storage.map.set(JOURNAL_KEY, raw);
      expect(readJournal(storage), raw).toBeNull();
    }
  });

  it('returns null and false where the storage is missing or throws, and never throws itself', () => {
    const denied = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readJournal(null)).toBeNull();
    expect(writeJournal(null, journaled('2026-12-02T15:00:00.000Z'))).toBe(false);
    expect(readJournal(denied)).toBeNull();
    expect(writeJournal(denied, journaled('2026-12-02T15:00:00.000Z'))).toBe(false);
  });
});

describe('newestWorking(journal, stored)', () => {
  it('takes the journal when it is newer than the IndexedDB autosave, with the address it was written at', () => {
    const result = newestWorking(journaled('2026-12-02T15:00:00.100Z', 0.22, '?lang=en'), stored('2026-12-02T15:00:00.000Z'));
    expect(result).toEqual({ working: stored('2026-12-02T15:00:00.100Z', 0.22), journalSearch: '?lang=en' });
  });

  it('takes IndexedDB when it is newer (another tab saved later) or equally new', () => {
    expect(newestWorking(journaled('2026-12-02T15:00:00.000Z'), stored('2026-12-02T15:00:01.000Z', 0.3))).toEqual({
      working: stored('2026-12-02T15:00:01.000Z', 0.3),
      journalSearch: null,
    });
    expect(newestWorking(journaled('2026-12-02T15:00:00.000Z'), stored('2026-12-02T15:00:00.000Z', 0.3))?.working.scenario).toEqual({ churnRate: 0.3 });
  });

  it('takes whichever exists when the other is missing, and nothing when both are', () => {
    expect(newestWorking(null, stored('2026-12-02T15:00:00.000Z'))?.working).toEqual(stored('2026-12-02T15:00:00.000Z'));
    expect(newestWorking(journaled('2026-12-02T15:00:00.000Z'), null)?.journalSearch).toBe('?lang=en');
    expect(newestWorking(null, null)).toBeNull();
  });
});
