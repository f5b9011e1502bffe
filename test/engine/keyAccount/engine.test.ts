// The key account against the simulated default portfolio (10,000 customers, seed 1), as the worker computes it.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/engine/index.ts';
import { EXAMPLE_ACCOUNT } from '../../../src/engine/keyAccount/index.ts';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import { expectClose } from '../close.ts';

describe('engine.keyAccount on the default portfolio', () => {
  const engine = createEngine();
  const results = engine.compute(DEFAULTS);
  const account = engine.keyAccount(DEFAULTS, EXAMPLE_ACCOUNT);

  it('segment A is the top two value deciles: its mean value is their value over their customers', () => {
    const [d1, d2] = results.portfolio.deciles;
    expect(d1 && d2).toBeTruthy();
    if (!d1 || !d2) return;
    expectClose(account.segmentValue[0], (d1.value + d2.value) / (d1.customers + d2.customers), 1e-6);
    expectClose(account.segmentRevenue[0], (d1.revenue + d2.revenue) / (d1.customers + d2.customers), 1e-6);
  });
  it('valued as its own market the account is worth more than any single customer; as average customers it is not', () => {
    expect(account.portfolioCustomers).toBe(10_000);
    expect(account.value).toBeGreaterThan(account.portfolioTopValue);
    expect(account.position.percentile).toBe(1);
    // Six average customers of A, B, B, C, A, C: 2 A + 2 B + 2 C means.
    expectClose(account.valueAsAverage, 2 * (account.segmentValue[0] + account.segmentValue[1] + account.segmentValue[2]), 1e-6);
    expect(account.positionAsAverage.percentile).toBeLessThan(1);
  });
  it('a scenario with a higher cost per order lowers every entity CLV (m_e = R_e g_e - F_e s_o - k_e)', () => {
    const dearer = engine.keyAccount({ ...DEFAULTS, costPerOrder: 200 }, EXAMPLE_ACCOUNT);
    dearer.entities.forEach((entity, i) => expect(entity.clv).toBeLessThan(account.entities[i]?.clv ?? Number.NaN));
  });
});
