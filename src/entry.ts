// The page's entry: decides between embed mode (`?embed=<view>`, see
// src/embed/) and the full app (src/main.ts), so that an embed loads neither
// the full app's code nor its storage, and the full app registers the service
// worker (src/pwa/). Also applies `?currency=`, shared by both.
import { embedViewOf } from './embed/route.ts';
import { isCurrency } from './i18n/format.ts';
import { i18n } from './i18n/i18n.svelte.ts';

const currency = new URLSearchParams(window.location.search).get('currency');
if (isCurrency(currency)) i18n.currency = currency;

const embedView = embedViewOf(window.location.search);
if (embedView === null) {
  const { firstFigures } = await import('./main.ts');
  // Offline support matters from the second visit on; the first chart does not wait for its code.
  void firstFigures()
    .then(() => import('./pwa/register.ts'))
    .then(({ registerPwa }) => registerPwa());
} else {
  const target = document.getElementById('app');
  if (!target) throw new Error('index.html has no #app element');
  const { startEmbed } = await import('./embed/start.ts');
  await startEmbed(embedView, target);
}
