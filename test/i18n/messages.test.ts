import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/i18n/catalog.ts';

const { de, en } = MESSAGES;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('messages', () => {
  it('de.json and en.json have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('no message is empty in either language', () => {
    for (const messages of [de, en]) {
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('each message uses the same placeholders in both languages', () => {
    const english: Record<string, string> = en;
    for (const [key, text] of Object.entries(de)) {
      expect(placeholders(english[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('English labels of the main sliders contain the words external checks look for, and no other slider label does', () => {
    const english: Record<string, string> = en;
    const contract: Record<string, string> = {
      acquisitionCost: 'Acquisition cost',
      orderValue: 'Order value',
      ordersPerYear: 'Orders per year',
      marginRate: 'Margin',
      costPerOrder: 'Cost per order',
      serviceCostPerYear: 'Service cost',
      churnRate: 'Churn',
      discountRate: 'Discount rate',
      growthRate: 'Growth',
      horizon: 'Horizon',
      customers: 'Customers',
      spread: 'Spread',
      dropShare: 'Drop',
      stickiness: 'Stickiness',
      focus: 'Focus',
    };
    const labels = Object.entries(english).filter(([key]) => key.startsWith('param.'));
    for (const [parameter, word] of Object.entries(contract)) {
      const matching = labels.filter(([, label]) => label.toLowerCase().includes(word.toLowerCase()));
      expect(matching.map(([key]) => key), word).toEqual([`param.${parameter}`]);
    }
  });
});
