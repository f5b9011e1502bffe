// A chart as a stand-alone SVG file that looks like the screen: the page's
// stylesheet does not travel with the file, so the computed style of every
// element is written into its `style` attribute. The DOM walk is in
// exportChart.ts; the choices made here are pure and unit-tested.

/** The presentation properties the charts' CSS sets; everything else keeps its SVG default. */
export const EXPORT_STYLE_PROPERTIES: readonly string[] = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'display',
];

/** Values that equal the SVG defaults: left out to keep the file small. */
const DEFAULT_VALUES: Readonly<Record<string, string>> = {
  'fill-opacity': '1',
  'stroke-dasharray': 'none',
  'stroke-opacity': '1',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  opacity: '1',
  'font-style': 'normal',
  'font-variant-numeric': 'normal',
  'letter-spacing': 'normal',
  visibility: 'visible',
  display: 'inline',
};

/** A `style` attribute from computed values: `fill:#0072b2;stroke:none;…`, defaults and empty values left out. */
export function inlineStyle(valueOf: (property: string) => string, properties: readonly string[] = EXPORT_STYLE_PROPERTIES): string {
  const declarations: string[] = [];
  for (const property of properties) {
    const value = valueOf(property).trim();
    if (value === '' || DEFAULT_VALUES[property] === value) continue;
    // Quotes inside font lists would close the attribute in some serialisers: use single quotes.
    declarations.push(`${property}:${value.replace(/"/g, "'")}`);
  }
  return declarations.join(';');
}

/** Where the DOM copy keeps each element's inline style until it is serialised (see withStyleAttributes). */
export const EXPORT_STYLE_ATTRIBUTE = 'data-export-style';

/**
 * The serialised SVG with every EXPORT_STYLE_ATTRIBUTE renamed to `style`.
 * Only inside tags: XMLSerializer escapes < and > in text and attribute
 * values, and " in attribute values, so the pattern cannot match in a label
 * or inside another attribute's value.
 */
export function withStyleAttributes(serialised: string): string {
  const marker = ` ${EXPORT_STYLE_ATTRIBUTE}="`;
  return serialised.replace(/<[^<>]*>/g, (tag) => tag.replaceAll(marker, ' style="'));
}

export interface ViewBoxSize {
  width: number;
  height: number;
}

/** Width and height of a `viewBox="0 0 w h"`; null when it is missing or malformed. */
export function viewBoxSize(viewBox: string | null): ViewBoxSize | null {
  if (!viewBox) return null;
  const parts = viewBox.trim().split(/[\s,]+/).map(Number);
  const width = parts[2];
  const height = parts[3];
  if (parts.length !== 4 || width === undefined || height === undefined || !(width > 0) || !(height > 0)) return null;
  return { width, height };
}

/** Pixel size of the PNG: the chart's own units times the scale (2 for slides), rounded up. */
export function pixelSize(size: ViewBoxSize, scale: number): ViewBoxSize {
  return { width: Math.ceil(size.width * scale), height: Math.ceil(size.height * scale) };
}

/** The file's text: an XML declaration before the serialised <svg> (which must carry its xmlns). */
export function svgFile(serialisedSvg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialisedSvg}\n`;
}

/** A data: URL an <img> can load (for drawing onto a canvas). */
export function svgDataUrl(fileText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(fileText)}`;
}
