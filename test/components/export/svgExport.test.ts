import { describe, expect, it } from 'vitest';
import { exportFileName, slugOf } from '../../../src/components/export/fileName.ts';
import { inlineStyle, pixelSize, svgDataUrl, svgFile, viewBoxSize, withStyleAttributes } from '../../../src/components/export/svgExport.ts';

describe('inlineStyle(valueOf)', () => {
  it('writes the computed presentation values and leaves out SVG defaults and empty values', () => {
    const computed: Record<string, string> = {
      fill: 'rgb(0, 114, 178)',
      stroke: 'none',
      opacity: '1',
      'font-family': 'system-ui, "Segoe UI", sans-serif',
      'text-anchor': '',
    };
    expect(inlineStyle((property) => computed[property] ?? '')).toBe(
      "fill:rgb(0, 114, 178);stroke:none;font-family:system-ui, 'Segoe UI', sans-serif",
    );
  });
});

describe('viewBoxSize(viewBox) and pixelSize(size, scale)', () => {
  it('reads width and height of a viewBox and doubles them for slides', () => {
    const size = viewBoxSize('0 0 720 400.5');
    expect(size).toEqual({ width: 720, height: 400.5 });
    expect(size && pixelSize(size, 2)).toEqual({ width: 1440, height: 801 });
  });

  it('returns null for a missing or malformed viewBox', () => {
    expect(viewBoxSize(null)).toBeNull();
    expect(viewBoxSize('0 0 720')).toBeNull();
    expect(viewBoxSize('0 0 0 400')).toBeNull();
  });
});

describe('svgFile(markup) and svgDataUrl(text)', () => {
  it('puts an XML declaration before the SVG and encodes it for an <img>', () => {
    const file = svgFile('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svgDataUrl(file)).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3C%3Fxml/);
  });
});

describe('slugOf(title) and exportFileName(title, extension)', () => {
  it('spells out German letters and keeps a readable slug', () => {
    expect(slugOf('Walkurve: Wert nach Größe')).toBe('walkurve-wert-nach-groesse');
    expect(exportFileName('Naiver und realistischer Gewinn', 'png')).toBe('kundenwert-naiver-und-realistischer-gewinn.png');
  });

  it('falls back to a generic name for a title without letters', () => {
    expect(exportFileName('–', 'csv')).toBe('kundenwert-export.csv');
  });
});

describe('withStyleAttributes(serialised): the styles come back as style attributes in the file only', () => {
  it('renames the marker attribute inside tags', () => {
    expect(withStyleAttributes('<svg><path d="M0 0" data-export-style="fill:red"/><text data-export-style="font-size:12px">x</text></svg>')).toBe(
      '<svg><path d="M0 0" style="fill:red"/><text style="font-size:12px">x</text></svg>',
    );
  });

  it('leaves a label or another attribute that spells the marker alone (XMLSerializer escapes what would let it match)', () => {
    const label = '<text data-export-style="fill:red">a data-export-style="x" b</text>';
    expect(withStyleAttributes(label)).toBe('<text style="fill:red">a data-export-style="x" b</text>');
    const value = '<path aria-label=" data-export-style=&quot;x&quot;"/>';
    expect(withStyleAttributes(value)).toBe(value);
  });
});
