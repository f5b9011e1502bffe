// Checks a set of lesson files (path -> parsed JSON) and sorts them by `order`.
// Kept apart from index.ts so that Node (Playwright specs, scripts) can load
// the lessons without Vite's import.meta.glob.
import { parseLesson, type Lesson } from './schema.ts';

export function loadLessons(files: Readonly<Record<string, unknown>>): Lesson[] {
  const lessons = Object.entries(files).map(([path, data]) => parseLesson(data, path.replace(/^.*\//, '')));
  const ids = new Set<string>();
  for (const lesson of lessons) {
    if (ids.has(lesson.id)) throw new Error(`Lesson id "${lesson.id}" is used twice`);
    ids.add(lesson.id);
  }
  return lessons.sort((a, b) => a.order - b.order);
}
