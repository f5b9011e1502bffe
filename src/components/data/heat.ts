// The cohort table as a heat map (issue 15, defect 5): each cell shaded by
// its value on one sequential ramp (ColorBrewer "Blues", eight classes). A
// single hue from light to dark reads the same for every kind of colour
// vision, and the number stays in the cell, so nothing depends on colour.

/**
 * ColorBrewer Blues, light to dark, without #3182bd: on that one neither dark
 * nor white text reaches a contrast of 4.5. Dark text (#1a1a1a) up to #4292c6
 * (5.1 at worst), white from #2171b5 on (5.1 at worst).
 */
export const HEAT_RAMP = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c'] as const;

/** From this class on the cell is dark enough to need white text. */
const LIGHT_INK_FROM = 6;

export interface HeatShade {
  /** 0 = nothing (also for values ≤ 0), HEAT_RAMP.length − 1 = the largest. */
  level: number;
  background: string;
  ink: string;
}

/** The shade of `value` on a scale from 0 to `max`; non-finite or non-positive inputs get the lightest. */
export function heatShade(value: number, max: number): HeatShade {
  const top = HEAT_RAMP.length - 1;
  const share = max > 0 && Number.isFinite(value) && value > 0 ? Math.min(1, value / max) : 0;
  // Anything above zero gets at least the first shaded class, so "a little" never looks like "none".
  const level = share === 0 ? 0 : Math.max(1, Math.round(share * top));
  return { level, background: HEAT_RAMP[level] as string, ink: level >= LIGHT_INK_FROM ? '#ffffff' : '#1a1a1a' };
}
