// Exponents as Unicode superscripts, so that a formula such as q^10 reads as
// q¹⁰ in plain, selectable text inside a fraction (no math library).
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '\u2212': '⁻',
  '(': '⁽',
  ')': '⁾',
  H: 'ᴴ',
  t: 'ᵗ',
  l: 'ˡ',
  '*': '*',
  ' ': '',
};

/** `superscript('10')` is `¹⁰`; characters without a superscript form are kept as they are. */
export function superscript(text: string): string {
  return [...text].map((char) => SUPERSCRIPT[char] ?? char).join('');
}
