import { describe, expect, it } from 'vitest';
import { quintileScores, rfmCell, rfmGrid, rfmScores } from '../../../src/engine/scoring/rfm.ts';
import { averageRanks, spearman, topOverlap } from '../../../src/engine/scoring/agreement.ts';

describe('quintileScores(measure, higherIsBetter)', () => {
  it('10 distinct values: two customers per score 1..5', () => {
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('recency: fewer months is better, so the most recent get 5', () => {
    expect(Array.from(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
  it('ties share a score: 4 of 10 without a purchase all get 1; the next value has 4 below it -> 1 + floor(5*4/10) = 3', () => {
    expect(Array.from(quintileScores([0, 0, 0, 0, 1, 2, 3, 4, 5, 6], true))).toEqual([1, 1, 1, 1, 3, 3, 4, 4, 5, 5]);
  });
  it('everyone equal: everyone 1; one customer: 1', () => {
    expect(Array.from(quintileScores([7, 7, 7], true))).toEqual([1, 1, 1]);
    expect(Array.from(quintileScores([7], true))).toEqual([1]);
  });
});

describe('rfmGrid', () => {
  it('counts, revenue and value per cell add up to the totals', () => {
    const scores = rfmScores([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], [10, 20, 30, 40, 50]);
    const grid = rfmGrid(scores, [1, 2, 3, 4, 5], [10, 20, 30, 40, 50]);
    expect(grid.count.length).toBe(125);
    expect(grid.count.reduce((a, b) => a + b, 0)).toBe(5);
    expect(grid.revenue.reduce((a, b) => a + b, 0)).toBe(15);
    // The first customer: most recent (R 5), most purchases (F 5), lowest spend (M 1).
    expect(grid.count[rfmCell(5, 5, 1)]).toBe(1);
    expect(grid.value[rfmCell(5, 5, 1)]).toBe(10);
  });
});

describe('spearman and topOverlap (MODEL.md section 5)', () => {
  it('identical order 1, reversed -1', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1, 12);
  });
  it('one swap among 4: 1 - 6 * 2 / (4 * 15) = 0.8', () => {
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
  });
  it('ties get average ranks', () => {
    expect(Array.from(averageRanks([5, 1, 5, 3]))).toEqual([3.5, 1, 3.5, 2]);
  });
  it('a constant side or a single customer has no correlation (null)', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1], [1])).toBeNull();
  });
  it('top 20 % of 10: two customers; one of the two best by score is among the two best by value -> 50 %', () => {
    const score = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const value = [10, 1, 9, 7, 6, 5, 4, 3, 2, 8];
    expect(topOverlap(score, value, 0.2)).toBe(0.5);
    expect(topOverlap([1, 2], [1, 2], 0.2)).toBeNull();
  });
});
