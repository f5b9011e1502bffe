// A data session with the CDNOW transactions imported as the published fit
// has them (weeks, calibration to 1997-09-30): the starting point of every
// test of the Daten tab's model views.
import { dayFromCivil } from '../../src/data/dates.ts';
import { createDataSession } from '../../src/data/session.ts';
import { sharedBytes } from './fixtures.ts';

/** Imports `bytes` (the CDNOW file unless given) with this calibration end; throws if detection or import fails. */
export async function cdnowSession(bytes: Uint8Array = sharedBytes('cdnow_sample_transactions.csv'), calibrationEnd = dayFromCivil(1997, 9, 30)) {
  const session = createDataSession();
  const detected = await session.detectData(bytes);
  if (!detected.ok || detected.detection.columns.mapping === null) throw new Error('sample not detected');
  const outcome = await session.importData({ unit: 'week', mapping: detected.detection.columns.mapping, calibrationEnd });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return { session, result: outcome.result };
}
