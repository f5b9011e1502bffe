// How the model views name and draw the three purchase models: the names
// are the literature's (the same in German and English); each model has its
// own colour of the Okabe-Ito set and its own dash pattern, so the lines
// are told apart without colour too.
import type { ModelName } from '../../../data/models.ts';

export const MODEL_LABEL: Readonly<Record<ModelName, string>> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD' };

export const MODEL_STROKE: Readonly<Record<ModelName, { colour: string; dash: string }>> = {
  bgnbd: { colour: 'var(--created)', dash: '6 4' },
  mbgnbd: { colour: 'var(--segment-a)', dash: '2 3' },
  pnbd: { colour: 'var(--destroyed)', dash: '12 3 3 3' },
};
