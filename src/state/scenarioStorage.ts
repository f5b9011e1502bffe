// What the saved-scenarios state needs of storage, as one module that loads
// when storage opens: IndexedDB (idb), the library, the journal, the export
// format and their checks (valibot). The first chart waits for none of it
// (issue 13); ScenariosState loads it in init() or attach().
import * as v from 'valibot';
import { KeyAccountSchema, ScenarioSchema } from '../persistence/schema.ts';

export { ConflictError, ScenarioLibrary } from '../persistence/library.ts';
export { buildExport, parseExport } from '../persistence/schema.ts';
export { QueuedStore } from '../persistence/queued.ts';
export { browserIndexedDb, openScenarioStore, StorageError } from '../persistence/store.ts';
export { browserJournal, newestWorking, readJournal, writeJournal } from '../persistence/journal.ts';

export function isValidScenario(value: unknown): boolean {
  return v.safeParse(ScenarioSchema, value).success;
}

export function isValidAccount(value: unknown): boolean {
  return v.safeParse(KeyAccountSchema, value).success;
}
