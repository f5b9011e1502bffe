import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, fitBgNbd } from '../../src/data/bgnbd.ts';
import { holdoutCheck } from '../../src/data/holdout.ts';
import { expectClose } from '../engine/close.ts';
import { calibrationSummary } from './fixtures.ts';

const cdnow = calibrationSummary();
const data = { ...cdnow, holdoutFrequency: cdnow.holdout };

describe('holdoutCheck(params, data, 39)', () => {
  const groups = holdoutCheck(fitBgNbd(data), data, 39);

  it('gives the README mean holdout purchases by calibration frequency 0..5: 0.24, 0.70, 1.39, 1.56, 2.53, 2.95', () => {
    const expected = [0.24, 0.7, 1.39, 1.56, 2.53, 2.95];
    expected.forEach((mean, x) => expectClose(groups[x]?.actual, mean, 0.005));
    expect(groups.map((g) => g.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(groups.reduce((sum, g) => sum + g.customers, 0)).toBe(2357);
    expect(groups.reduce((sum, g) => sum + g.actual * g.customers, 0)).toBeCloseTo(1882, 9);
  });

  it('predicts rising means that track the actual ones (FHL 2005 Fig. 3: within 0.4 purchases per group)', () => {
    for (let x = 1; x < groups.length; x++) expect(groups[x]?.predicted).toBeGreaterThan(groups[x - 1]?.predicted ?? Infinity);
    for (const g of groups) expect(Math.abs(g.predicted - g.actual), g.label).toBeLessThan(0.4);
  });

  it('predicted means are the mean of conditionalExpectedPurchases over the group', () => {
    const params = fitBgNbd(data);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < data.frequency.length; i++) {
      if (data.frequency[i] !== 3) continue;
      sum += conditionalExpectedPurchases(params, 39, 3, data.recency[i] as number, data.T[i] as number);
      count++;
    }
    expectClose(holdoutCheck(params, data, 39)[3]?.predicted, sum / count, 1e-12);
  });
});
