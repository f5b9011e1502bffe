// Subscripts written as `s_o`, `x_max`, `share_g` or `n_{g}` in messages and
// lesson texts, split into parts so the page shows them as <sub> like the
// formula boards do (one notation everywhere, never a raw underscore).

export interface TextPart {
  text: string;
  sub: boolean;
}

/** A letter, digit, `)` or `*` before `_`, then letters/digits or a braced group: the subscript. */
const SUBSCRIPT = /(?<=[\p{L}\d)*])_(?:\{([^}]*)\}|([\p{L}\d]+))/gu;

export function subscriptParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(SUBSCRIPT)) {
    const index = match.index;
    if (index > last) parts.push({ text: text.slice(last, index), sub: false });
    parts.push({ text: match[1] ?? match[2] ?? '', sub: true });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), sub: false });
  return parts;
}
