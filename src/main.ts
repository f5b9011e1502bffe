// Start-up: read the scenario and language from the URL, start the engine
// worker and mount the app.
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { i18n } from './i18n/i18n.svelte.ts';
import { ParametersState } from './state/parameters.svelte.ts';
import { ResultsState } from './state/results.svelte.ts';
import { parseLocationSearch } from './state/url.ts';
import { createEngineClient } from './worker/client.ts';

const location = parseLocationSearch(window.location.search);
if (location.lang) i18n.locale = location.lang;

const params = new ParametersState(location.scenario, location.problems);
const results = new ResultsState();

const client = createEngineClient({
  onAnswer: (answer) => results.receive(answer),
  onError: (error) => results.fail(error),
  onBusyChange: (busy) => {
    results.pending = busy;
  },
});

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, {
  target,
  props: { params, results, request: (scenario) => client.request(scenario) },
});
