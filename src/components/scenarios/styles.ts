// How scenario 1-4 look in every comparison: a colour and a dash pattern
// each, so a line is never told apart by colour alone. Colours are
// Okabe-Ito; value created/destroyed keep their own blue and vermillion.
export interface ScenarioStyle {
  colour: string;
  /** SVG stroke-dasharray; '' is solid. */
  dash: string;
}

export const SCENARIO_STYLES: readonly ScenarioStyle[] = [
  { colour: '#1a1a1a', dash: '' },
  { colour: '#56b4e9', dash: '10 5' },
  { colour: '#e69f00', dash: '3 4' },
  { colour: '#cc79a7', dash: '12 4 3 4' },
];

export function scenarioStyle(index: number): ScenarioStyle {
  return SCENARIO_STYLES[index % SCENARIO_STYLES.length] ?? { colour: '#1a1a1a', dash: '' };
}
