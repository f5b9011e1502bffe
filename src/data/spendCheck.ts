// The Gamma-Gamma model's key assumption (Fader, Hardie and Lee 2005, JMR
// 42(4), section 3; Hardie's note 025): a customer's mean spend is
// independent of how often she buys. The check lifetimes' documentation
// recommends is the Pearson correlation of frequency and mean spend among
// repeat buyers; |rho| >= SPEND_CORRELATION_WARNING counts as a clear
// dependence (a "moderate" correlation by the usual rule of thumb), under
// which the model's spend forecast is biased for frequent buyers. Repeat
// buyers without a positive mean spend cannot enter the model (ln 0); they
// are counted so the app can name them.

/** |rho| at or above this is a warning. */
export const SPEND_CORRELATION_WARNING = 0.3;

export interface SpendCheck {
  /** Repeat buyers with a positive mean spend. */
  customers: number;
  /** Repeat buyers whose mean spend is zero, negative or not a number. */
  nonPositive: number;
  /** Pearson correlation of frequency and mean spend; null with fewer than 3 customers or no spread. */
  correlation: number | null;
  warn: boolean;
}

export function spendIndependenceCheck(frequency: ArrayLike<number>, monetary: ArrayLike<number>): SpendCheck {
  let n = 0;
  let nonPositive = 0;
  let sx = 0;
  let sm = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    if (!(x > 0)) continue;
    const m = monetary[i] as number;
    if (!(m > 0) || !Number.isFinite(m)) {
      nonPositive++;
      continue;
    }
    n++;
    sx += x;
    sm += m;
  }
  if (n < 3) return { customers: n, nonPositive, correlation: null, warn: false };
  const mx = sx / n;
  const mm = sm / n;
  let cxx = 0;
  let cmm = 0;
  let cxm = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    const m = monetary[i] as number;
    if (!(x > 0) || !(m > 0) || !Number.isFinite(m)) continue;
    cxx += (x - mx) ** 2;
    cmm += (m - mm) ** 2;
    cxm += (x - mx) * (m - mm);
  }
  if (!(cxx > 0 && cmm > 0)) return { customers: n, nonPositive, correlation: null, warn: false };
  const correlation = cxm / Math.sqrt(cxx * cmm);
  return { customers: n, nonPositive, correlation, warn: Math.abs(correlation) >= SPEND_CORRELATION_WARNING };
}
