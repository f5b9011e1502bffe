// Embed mode: `?embed=<view>` plus the scenario parameters shows one view's
// main chart, its headline figures and a few sliders, for an iframe on a
// blog. Pure functions (no DOM), so the URL and the snippet are unit-tested.
import type { ParameterKey, Scenario } from '../engine/parameters.ts';
import type { Currency, Locale } from '../i18n/format.ts';
import { searchFor } from '../state/url.ts';

export type EmbedView = 'kunde' | 'portfolio' | 'bereinigung' | 'fokus';

export const EMBED_VIEWS: readonly EmbedView[] = ['kunde', 'portfolio', 'bereinigung', 'fokus'];

/** The query key that switches the page into embed mode. */
export const EMBED_QUERY_KEY = 'embed';

/** The few sliders a blog reader gets per view: the ones that move its main chart most. */
export const EMBED_SLIDERS: Readonly<Record<EmbedView, readonly ParameterKey[]>> = {
  kunde: ['churnRate', 'acquisitionCost', 'orderValue'],
  portfolio: ['spread', 'customers'],
  bereinigung: ['dropShare', 'stickiness'],
  fokus: ['focus', 'stickiness'],
};

/**
 * Sandbox of the snippet. `allow-scripts` runs the app. `allow-same-origin` is
 * needed because without it the frame has an opaque origin ("null"): its
 * module scripts are fetched in CORS mode and fail on servers that do not
 * answer `Access-Control-Allow-Origin`, and `new Worker()` refuses a script
 * URL that is not same-origin, so the engine cannot start. This combination
 * is safe because the app is served from its own origin, never the blog's:
 * it cannot reach into the host page. `allow-popups` and
 * `allow-popups-to-escape-sandbox` let "open the full app" open a normal tab.
 * No forms, no top navigation, no modals, no downloads.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** Height of the iframe before the embedded page reports its own. */
export const EMBED_INITIAL_HEIGHT = 640;

/** The message the embedded page posts to its parent whenever its height changes. */
export interface ResizeMessage {
  type: 'kundenwert:resize';
  height: number;
}

export const RESIZE_MESSAGE_TYPE = 'kundenwert:resize';

export function isEmbedView(value: string | null | undefined): value is EmbedView {
  return (EMBED_VIEWS as readonly (string | null | undefined)[]).includes(value);
}

/** The embed view a query string asks for, or null for the full app (an unknown view falls back to `kunde`). */
export function embedViewOf(search: string): EmbedView | null {
  const value = new URLSearchParams(search).get(EMBED_QUERY_KEY);
  if (value === null) return null;
  return isEmbedView(value) ? value : 'kunde';
}

/** The query string of an embed: `?embed=<view>`, then the non-default parameters and the language. */
export function embedSearch(view: EmbedView, scenario: Readonly<Scenario>, locale: Locale, currency?: Currency): string {
  const rest = searchFor(scenario, locale, currency).replace(/^\?/, '');
  return `?${EMBED_QUERY_KEY}=${view}${rest === '' ? '' : `&${rest}`}`;
}

/** The full app for the same scenario, opened from the embed's link. */
export function fullAppSearch(scenario: Readonly<Scenario>, locale: Locale, view: EmbedView, currency?: Currency): string {
  return `${searchFor(scenario, locale, currency)}#${view}`;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The one-line iframe snippet a blogger pastes. */
export function iframeSnippet(src: string, title: string, height: number = EMBED_INITIAL_HEIGHT): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy" ` +
    `sandbox="${EMBED_SANDBOX}" width="100%" height="${height}" style="border:0;width:100%;max-width:760px"></iframe>`
  );
}

/** The one-line tag that loads the host script (public/embed.js) which resizes the iframe. */
export function hostScriptTag(scriptUrl: string): string {
  return `<script src="${escapeAttribute(scriptUrl)}" defer></script>`;
}

export function isResizeMessage(data: unknown): data is ResizeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; height?: unknown };
  return message.type === RESIZE_MESSAGE_TYPE && typeof message.height === 'number' && Number.isFinite(message.height);
}
