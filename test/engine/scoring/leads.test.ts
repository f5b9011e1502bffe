import { describe, expect, it } from 'vitest';
import { planLeads, simulateLeads, type LeadList } from '../../../src/engine/scoring/leads.ts';
import { expectClose } from '../close.ts';

const list: LeadList = {
  size: 3,
  winProbability: Float64Array.from([0.5, 0.2, 0.4]),
  hours: Float64Array.from([10, 20, 5]),
  segment: Uint8Array.from([0, 0, 2]),
};
// Segment values: A 2000, C 300; 50 per hour.
// Lead 0: 0.5 x 2000 - 10 x 50 = 500 (50 per hour); lead 1: 0.2 x 2000 - 1000 = -600;
// lead 2: 0.4 x 300 - 250 = -130.
const segmentValue = [2000, 800, 300];

describe('planLeads (MODEL.md section 5): value per hour under a capacity', () => {
  it('pursues only leads with positive expected value that fit: lead 0, worth 500', () => {
    const plan = planLeads(list, segmentValue, { count: 3, capacityHours: 100, costPerHour: 50 });
    expect(plan.pursued).toBe(1);
    expect(plan.hoursUsed).toBe(10);
    expectClose(plan.value, 500, 1e-9);
    expect(plan.top.map((r) => r.index)).toEqual([0, 2, 1]);
  });
  it('the watering can with 9 hours: 3 hours per lead; lead 0 at 3/10 effort earns 0.3 x 0.5 x 2000 - 150 = 150', () => {
    const plan = planLeads(list, segmentValue, { count: 3, capacityHours: 9, costPerHour: 50 });
    // Ranked plan: lead 0 needs 10 hours > 9: nothing fits.
    expect(plan.value).toBe(0);
    const lead0 = 0.3 * 0.5 * 2000 - 150;
    const lead1 = 0.15 * 0.2 * 2000 - 150;
    const lead2 = 0.6 * 0.4 * 300 - 150;
    expectClose(plan.wateringCanValue, lead0 + lead1 + lead2, 1e-9);
  });
  it('simulated leads are reproducible and their hours stay within half and twice the median', () => {
    const a = simulateLeads(1, 100);
    expect(Array.from(simulateLeads(1, 100).hours)).toEqual(Array.from(a.hours));
    for (let j = 0; j < a.size; j++) {
      expect(a.winProbability[j]).toBeGreaterThanOrEqual(0.05);
      expect(a.winProbability[j]).toBeLessThanOrEqual(0.6);
    }
  });
});
