// Start-up of embed mode: the same scenario parsing and engine worker as the
// full app, but no storage, no service worker, no scenario library: the embed
// keeps nothing and loads nothing after its start.
import { mount } from 'svelte';
import '../app.css';
import { i18n, loadMessages, type Feature } from '../i18n/i18n.svelte.ts';
import { ParametersState } from '../state/parameters.svelte.ts';
import { ResultsState } from '../state/results.svelte.ts';
import { accountReaderFor, parseLocationSearch } from '../state/url.ts';
import { createEngineClient } from '../worker/client.ts';
import EmbedApp from './EmbedApp.svelte';
import type { EmbedView } from './route.ts';

/** The embed shows only the simulator's core texts and its own. */
const EMBED_FEATURES: readonly Feature[] = ['core', 'reach'];

export async function startEmbed(view: EmbedView, target: HTMLElement): Promise<ReturnType<typeof mount>> {
  const location = parseLocationSearch(window.location.search, await accountReaderFor(window.location.search));
  if (location.lang) i18n.locale = location.lang;
  await loadMessages(i18n.locale, EMBED_FEATURES);
  // Problems in the URL are ignored silently here: a blog reader cannot fix the blogger's link.
  const params = new ParametersState(location.scenario);
  const results = new ResultsState(createEngineClient());
  return mount(EmbedApp, { target, props: { view, params, results } });
}
