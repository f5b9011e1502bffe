// The data worker is a thin shell: it exposes the Daten tab's session
// (data/session.ts) through comlink. Imports and fits run here, apart from the
// simulator's engine worker, so the simulator answers while a file is read or
// a model is fitted, and a cancel may simply end this worker.
import { expose } from 'comlink';
import { createDataSession } from '../data/session.ts';
import { holdLifeline } from './lifeline.ts';

holdLifeline(self);
expose(createDataSession());
