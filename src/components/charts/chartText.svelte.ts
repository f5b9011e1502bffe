// The size chart text is drawn at, in px. Charts lay themselves out for it
// (margins, ticks, line breaks), so presenter mode sets it instead of scaling
// the SVG. App sets it; every chart reads it.
import { CHART_TEXT } from './scales.ts';

export const chartText = $state({ size: CHART_TEXT });
