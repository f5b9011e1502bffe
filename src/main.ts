// Start-up: read the scenario and language from the URL, start the engine
// worker and mount the app.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { i18n, loadMessages } from './i18n/i18n.svelte.ts';
import { ParametersState } from './state/parameters.svelte.ts';
import { ResultsState } from './state/results.svelte.ts';
import { ScenariosState, summaryOf } from './state/scenarios.svelte.ts';
import { changedKeys, isParameterKey } from './engine/parameters.ts';
import { accountReaderFor, parseLocationSearch } from './state/url.ts';
import { createEngineClient } from './worker/client.ts';
import type { DataState } from './state/data.svelte.ts';
import type { DataClient } from './worker/dataClient.ts';
import { SegmentsState } from './state/segments.svelte.ts';
import { KeyAccountState } from './state/keyAccount.svelte.ts';
import { ACCOUNT_QUERY_KEY } from './state/accountLink.ts';
import { JOURNAL_KEY, accountOf, completeScenario } from './persistence/records.ts';
import { sameAccount } from './engine/keyAccount/account.ts';

const location = parseLocationSearch(window.location.search, await accountReaderFor(window.location.search));
if (location.lang) i18n.locale = location.lang;
// The texts of this language the first view needs (the saved scenarios, the lessons, formula boards,
// Daten and Segmente load theirs with their code; the other language loads when the user switches).
await loadMessages(i18n.locale, ['core', 'reach']);

const params = new ParametersState(location.scenario, location.problems);
const client = createEngineClient();
const results = new ResultsState(client);

// Saved scenarios: a shared link shows its scenario (and offers to save it);
// otherwise the autosaved working state of the last visit comes back.
const scenarios = new ScenariosState();
scenarios.summarize = (list) => client.computeMany(list).then((all) => all.map(summaryOf));
// The table of a `ka=` link, else the example group; a saved working state may replace it below.
const keyAccount = new KeyAccountState((scenario, account) => client.keyAccount(scenario, account));
if (location.account) keyAccount.load(location.account);
const fromLink = [...new URLSearchParams(window.location.search).keys()].some((key) => isParameterKey(key) || key === ACCOUNT_QUERY_KEY);
const initialAccount = keyAccount.account;
const initial = params.scenario;
// A reload (or a reopened tab) comes back to this page's own address, which may lag behind the last change.
const navigation = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
const revisit = navigation?.type === 'reload' || navigation?.type === 'back_forward';
// Storage (IndexedDB, the library and its checks) opens before the first chart only when the last visit
// left a working state to bring back (its journal entry, in localStorage, says so at once); a first visit
// opens it once the first figures are on screen.
const workingLeft = (() => {
  try {
    return globalThis.localStorage?.getItem(JOURNAL_KEY) != null;
  } catch {
    return false;
  }
})();
void (workingLeft ? scenarios.init() : firstFigures().then(() => scenarios.init())).then(async () => {
  const newest = await scenarios.loadWorking();
  const working = newest?.working ?? null;
  const restored = working ? completeScenario(working.scenario) : null;
  if (fromLink) {
    // A reload of our own page carries the scenario in its URL too: that is no foreign link,
    // nor is a reload that came before the address bar caught up with the last change.
    const sameTable = sameAccount(initialAccount, accountOf(working ?? {}));
    const ownReload =
      restored !== null &&
      ((changedKeys(restored, initial).length === 0 && sameTable) || (revisit && newest?.journalSearch === window.location.search));
    if (ownReload && working) {
      if (params.scenario === initial && changedKeys(restored, initial).length > 0) params.load(restored);
      if (keyAccount.account === initialAccount && !sameTable) keyAccount.load(accountOf(working));
      scenarios.resumeFrom(working);
    } else {
      scenarios.origin = 'link';
      // The link's scenario becomes the working state; the one it replaces stays one click away.
      if (restored && working && (changedKeys(restored).length > 0 || !sameTable)) scenarios.previousWorking = { scenario: restored, account: accountOf(working) };
    }
    return;
  }
  // Only if the user has not moved a slider while storage was opening.
  if (working && restored && params.scenario === initial) {
    params.load(restored);
    if (keyAccount.account === initialAccount) keyAccount.load(accountOf(working));
    scenarios.resumeFrom(working);
    if (changedKeys(restored).length > 0) scenarios.origin = 'restored';
  }
});
// A reload or a closed tab keeps the last change: write the pending autosave now.
window.addEventListener('pagehide', () => void scenarios.flushAutosave());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void scenarios.flushAutosave();
});

// Imports and fits run in their own worker, so the simulator stays live meanwhile. Its client and
// the Daten tab's state (with the CSV parser) load when the tab is first opened.
let dataTab: Promise<{ state: DataState; client: DataClient }> | null = null;
const loadDataTab = (): Promise<{ state: DataState; client: DataClient }> =>
  (dataTab ??= Promise.all([import('./state/data.svelte.ts'), import('./worker/dataClient.ts'), import('./persistence/dataSets.ts')]).then(
    ([{ DataState }, { createDataClient, spawnDataWorker }, { openDataSetStore }]) => {
      const client = createDataClient(spawnDataWorker);
      // The data set kept from an earlier visit shows at once, without the file.
      const state = new DataState(client, openDataSetStore());
      void state.restore();
      return { state, client };
    },
  ));

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, {
  target,
  props: {
    params,
    results,
    scenarios,
    computeMany: (list) => client.computeMany(list),
    tornadoMany: (list) => client.tornadoMany(list),
    loadData: () => loadDataTab().then((tab) => tab.state),
    segments: new SegmentsState(
      (scenario, settings) => client.segments(scenario, settings),
      // Only asked once data are imported, i.e. after the Daten tab loaded.
      (settings, scenario) => loadDataTab().then((tab) => tab.client.dataSegments(settings, scenario)),
    ),
    keyAccount,
    keyAccountMany: (requests) => client.keyAccountMany(requests),
  },
});

/**
 * Resolves once the first figures are on screen (or the engine failed), so
 * that what the first chart does not need (the service worker's code) loads
 * after it instead of competing with it.
 */
export async function firstFigures(): Promise<void> {
  while (results.current === null && results.error === null && !results.workerDown) {
    await results.settled();
    // Before the app's first request (its effect runs after mount) the query is idle: look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
