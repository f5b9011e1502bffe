// Text from outside (a URL key, a CLI value, a file name) shown back in a
// message: cut to a few dozen characters, with every invisible or reordering
// character spelled out, so that a notice can neither be flooded nor turned
// around by a right-to-left override (U+202E) it quotes.

/** Characters of the input a message quotes at most. */
export const ECHO_MAX_CHARS = 40;

/**
 * C0 and C1 controls, DEL, soft hyphen, Arabic letter mark, Hangul fillers,
 * Mongolian vowel separator, zero-width and bidi marks, line and paragraph
 * separators, bidi embeddings, overrides and isolates, word joiner and
 * invisible operators, the byte-order mark, interlinear annotation marks,
 * tag characters and lone surrogates.
 */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}\u{d800}-\u{dfff}]/u;

function spelled(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * The text as a message may quote it: hidden characters as `\u202E`, and at
 * most `max` characters of output; a longer text ends in "…".
 */
export function echo(text: string, max: number = ECHO_MAX_CHARS): string {
  let out = '';
  let length = 0;
  for (const char of text) {
    const token = HIDDEN.test(char) ? spelled(char) : char;
    const size = token === char ? 1 : token.length;
    if (length + size > max) return `${out}…`;
    out += token;
    length += size;
  }
  return out;
}
