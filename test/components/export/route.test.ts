import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import {
  EMBED_SANDBOX,
  embedSearch,
  embedViewOf,
  fullAppSearch,
  hostScriptTag,
  iframeSnippet,
  isResizeMessage,
} from '../../../src/embed/route.ts';
import { parseLocationSearch } from '../../../src/state/url.ts';

describe('embedViewOf(search)', () => {
  it('reads the embed view, falls back to kunde for an unknown one, and is null for the full app', () => {
    expect(embedViewOf('?embed=fokus&churnRate=0.3')).toBe('fokus');
    expect(embedViewOf('?embed=unknown')).toBe('kunde');
    expect(embedViewOf('?churnRate=0.3')).toBeNull();
  });

  it('is not reported as an unknown scenario parameter', () => {
    expect(parseLocationSearch('?embed=portfolio&currency=USD&churnRate=0.3').problems).toEqual([]);
  });
});

describe('embedSearch(view, scenario, locale) and fullAppSearch', () => {
  it('carries the view, the non-default parameters and the language', () => {
    const scenario = { ...DEFAULTS, churnRate: 0.25 };
    expect(embedSearch('portfolio', scenario, 'en')).toBe('?embed=portfolio&churnRate=0.25&lang=en');
    expect(embedSearch('kunde', DEFAULTS, 'de')).toBe('?embed=kunde');
    expect(fullAppSearch(scenario, 'de', 'fokus')).toBe('?churnRate=0.25#fokus');
  });
});

describe('iframeSnippet(src, title)', () => {
  it('is one line with title, lazy loading and the sandbox, attributes escaped', () => {
    const snippet = iframeSnippet('https://example.org/app/?embed=kunde&lang=en', 'Kundenwert "live"');
    expect(snippet).not.toContain('\n');
    expect(snippet).toContain('src="https://example.org/app/?embed=kunde&amp;lang=en"');
    expect(snippet).toContain('title="Kundenwert &quot;live&quot;"');
    expect(snippet).toContain('loading="lazy"');
    expect(snippet).toContain(`sandbox="${EMBED_SANDBOX}"`);
    expect(EMBED_SANDBOX.split(' ')).toEqual(expect.arrayContaining(['allow-scripts']));
    expect(EMBED_SANDBOX).not.toMatch(/allow-top-navigation|allow-forms|allow-modals/);
    expect(hostScriptTag('https://example.org/app/embed.js')).toBe('<script src="https://example.org/app/embed.js" defer></script>');
  });
});

describe('isResizeMessage(data)', () => {
  it('accepts only {type: "kundenwert:resize", height: number}', () => {
    expect(isResizeMessage({ type: 'kundenwert:resize', height: 512 })).toBe(true);
    expect(isResizeMessage({ type: 'kundenwert:resize', height: '512' })).toBe(false);
    expect(isResizeMessage({ type: 'other', height: 512 })).toBe(false);
    expect(isResizeMessage(null)).toBe(false);
  });
});
