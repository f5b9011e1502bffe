// Every visible string comes from src/i18n (issue 6 point 4). This test reads
// the components' markup with the Svelte parser and fails on text nodes and
// user-facing attributes (title, aria-label, placeholder, alt, ...) that
// contain letters not produced by a `{...}` expression; it also fails on
// message keys used in the code that a language lacks, and on English texts
// that were left in German.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/catalog.ts';

const SRC = join(import.meta.dirname, '../../src');

/** Attributes a user sees or hears. */
const USER_FACING_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'placeholder',
  'alt',
  'label',
  'value',
]);

/** Visible literals that are the same in every language: symbols, units, file formats. */
const ALLOWED_LITERALS = new Set(['×', '–', '—', '%', '€', '·', '→', '←', '↑', '↓', '✓', '…', '(', ')', '/', ':', 'f', 'x']);

/** `<input value="...">` with letters is a literal too, but `value` on <option>/<button> is data, not text. */
const DATA_VALUE_ELEMENTS = new Set(['option', 'input', 'button', 'select', 'li', 'data', 'progress', 'meter', 'param']);

const LETTER = /\p{L}/u;

function filesUnder(directory: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, extension));
    else if (entry.name.endsWith(extension)) found.push(path);
  }
  return found.sort();
}

interface AstNode {
  type: string;
  name?: string;
  data?: string;
  start: number;
  value?: unknown;
  [key: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Formula notation is the same in both languages: single-letter variables
 * (`q`, `F × V`) and these abbreviations and function names.
 */
const FORMULA_WORDS = new Set(['CLV', 'max', 'min', 'ln', 'log', 'exp', 'lim', 'RFM', 'ABC']);

/** Elements with this class hold formula notation (`share_g(f) = …`), the same in both languages. */
const FORMULA_CLASS = 'sym';

function hasStaticClass(node: AstNode, className: string): boolean {
  const attributes = Array.isArray(node.attributes) ? node.attributes : [];
  return attributes.some(
    (attribute) =>
      isNode(attribute) &&
      attribute.type === 'Attribute' &&
      attribute.name === 'class' &&
      Array.isArray(attribute.value) &&
      attribute.value.some((part) => isNode(part) && part.type === 'Text' && typeof part.data === 'string' && part.data.split(/\s+/).includes(className)),
  );
}

function isLiteral(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '' || !LETTER.test(trimmed) || ALLOWED_LITERALS.has(trimmed)) return false;
  const words = trimmed.match(/\p{L}{2,}/gu) ?? [];
  return words.some((word) => !FORMULA_WORDS.has(word));
}

/** Literal texts in a component's markup, with their line numbers. */
export function literalsIn(source: string): { line: number; text: string }[] {
  const ast = parse(source, { modern: true });
  const found: { line: number; text: string }[] = [];
  const lineOf = (offset: number): number => source.slice(0, offset).split('\n').length;

  function visit(value: unknown, element: string | null, inRawText: boolean): void {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, element, inRawText);
      return;
    }
    if (!isNode(value)) return;
    const node = value;
    // Script and style blocks, and expressions, are code, not markup.
    if (node.type === 'Script' || node.type === 'StyleSheet' || node.type === 'ExpressionTag' || node.type === 'Comment') return;
    if (node.type === 'Text' && !inRawText && typeof node.data === 'string' && isLiteral(node.data)) {
      found.push({ line: lineOf(node.start), text: node.data.trim() });
    }
    // Attributes and directives: only the user-facing ones are text; never descend into the others.
    if (node.type === 'Attribute' || node.type.endsWith('Directive') || node.type === 'SpreadAttribute') {
      if (node.type !== 'Attribute' || typeof node.name !== 'string' || !USER_FACING_ATTRIBUTES.has(node.name)) return;
      const skip = node.name === 'value' && element !== null && DATA_VALUE_ELEMENTS.has(element);
      if (!skip && Array.isArray(node.value)) {
        for (const part of node.value) {
          if (isNode(part) && part.type === 'Text' && typeof part.data === 'string' && isLiteral(part.data)) {
            found.push({ line: lineOf(part.start), text: `${node.name}="${part.data.trim()}"` });
          }
        }
      }
      return;
    }
    const isElement = node.type === 'RegularElement' || node.type === 'SvelteElement';
    const name = isElement && typeof node.name === 'string' ? node.name : element;
    // <code>/<pre> show source code, and class="sym" marks formula notation (teaching views): not prose.
    const raw = inRawText || name === 'code' || name === 'pre' || (isElement && hasStaticClass(node, FORMULA_CLASS));
    for (const [key, child] of Object.entries(node)) {
      if (key === 'type' || key === 'start' || key === 'end' || key === 'metadata') continue;
      if (key === 'expression' || key === 'test' || key === 'key' || key === 'context' || key === 'index') continue;
      visit(child, name, raw);
    }
  }

  visit(ast.fragment, null, false);
  return found;
}

describe('no literal strings in components', () => {
  it('finds literals in text nodes and user-facing attributes (self-test)', () => {
    const sample = `<script>let n = 'ignored';</script>
<p>{t('ok')} · {n}</p>
<button aria-label="Save now">{t('x')}</button>
<span>Hello</span>
<option value="kunde">{t('y')}</option>
<style>p { content: 'ignored'; }</style>`;
    expect(literalsIn(sample)).toEqual([
      { line: 3, text: 'aria-label="Save now"' },
      { line: 4, text: 'Hello' },
    ]);
  });

  for (const file of filesUnder(SRC, '.svelte')) {
    it(`${relative(SRC, file)} takes every visible text from src/i18n`, () => {
      expect(literalsIn(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});

describe('message keys', () => {
  const de: Record<string, string> = MESSAGES.de;
  const en: Record<string, string> = MESSAGES.en;

  it('every key the code looks up with t(...) exists in German and English', () => {
    const missing: string[] = [];
    for (const file of [...filesUnder(SRC, '.svelte'), ...filesUnder(SRC, '.ts')]) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*['"]([\w.-]+)['"]/g)) {
        const key = match[1] ?? '';
        if (!de[key]?.trim() || !en[key]?.trim()) missing.push(`${relative(SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no English text was left in German', () => {
    const untranslated = Object.keys(de).filter((key) => {
      const english = en[key] ?? '';
      const words = english.match(/\p{L}{2,}/gu) ?? [];
      // Umlauts and ß are German; a sentence of three or more words identical in both is not translated.
      return /[äöüÄÖÜß]/.test(english) || (english === de[key] && words.length >= 3);
    });
    expect(untranslated).toEqual([]);
  });
});
