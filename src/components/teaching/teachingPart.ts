// A formula board or lesson part loaded on demand comes with its texts (the
// `lessons` messages: formulas, lesson scripts), which the first chart does
// not need.
import { i18n, loadMessages } from '../../i18n/i18n.svelte.ts';

export async function teachingPart<T>(code: Promise<{ default: T }>): Promise<T> {
  const [module] = await Promise.all([code, loadMessages(i18n.locale, ['lessons'])]);
  return module.default;
}
