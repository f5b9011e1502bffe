// Every lesson in this folder, checked at load and sorted by `order`. To add
// a lesson: copy one of the JSON files, change id, order and steps; Vite picks
// it up here without further code (see README.md in this folder).
import { loadLessons } from './load.ts';
import type { Lesson } from './schema.ts';

const FILES = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });

export const LESSONS: readonly Lesson[] = loadLessons(FILES);

export { loadLessons };
