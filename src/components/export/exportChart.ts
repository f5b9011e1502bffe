// Chart export in the browser (loaded on the first click, so the app's start
// does not pay for it): SVG with the computed styles inlined, and PNG at 2x
// by drawing that SVG onto a canvas.
import { downloadBlob } from './download.ts';
import { exportFileName } from './fileName.ts';
import {
  EXPORT_STYLE_ATTRIBUTE,
  inlineStyle,
  pixelSize,
  svgDataUrl,
  svgFile,
  viewBoxSize,
  withStyleAttributes,
  type ViewBoxSize,
} from './svgExport.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** PNG scale for slides: twice the chart's own size. */
export const PNG_SCALE = 2;

/** Fallback size when a chart has no usable viewBox (never with ChartFrame). */
const FALLBACK_SIZE: ViewBoxSize = { width: 720, height: 400 };

export interface SerialisedChart {
  text: string;
  size: ViewBoxSize;
}

/** A copy of the chart as a self-contained SVG document: styles inlined, sized, on the page's background. */
export function serialiseChart(svg: SVGSVGElement): SerialisedChart {
  const size = viewBoxSize(svg.getAttribute('viewBox')) ?? FALLBACK_SIZE;
  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) throw new Error('chart is not an <svg>');
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (!copy) return;
    copy.removeAttribute('class');
    // The <title> is text for screen readers and file browsers, not drawn.
    if (copy.localName === 'title') return;
    const computed = getComputedStyle(original);
    const style = inlineStyle((property) => computed.getPropertyValue(property));
    // Not `style` itself: the page's Content-Security-Policy (style-src 'self') refuses
    // style attributes set from script; the serialised file gets them renamed.
    copy.removeAttribute('style');
    if (style !== '') copy.setAttribute(EXPORT_STYLE_ATTRIBUTE, style);
  });
  // XMLSerializer writes the SVG namespace declaration itself.
  clone.setAttribute('width', String(size.width));
  clone.setAttribute('height', String(size.height));
  clone.removeAttribute('role');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.documentElement).getPropertyValue('--paper').trim() || '#ffffff');
  const title = clone.querySelector('title');
  clone.insertBefore(background, title ? title.nextSibling : clone.firstChild);
  return { text: svgFile(withStyleAttributes(new XMLSerializer().serializeToString(clone))), size };
}

export function saveSvg(svg: SVGSVGElement, title: string): void {
  const { text } = serialiseChart(svg);
  downloadBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), exportFileName(title, 'svg'));
}

export async function chartPng(svg: SVGSVGElement, scale: number = PNG_SCALE): Promise<Blob> {
  const { text, size } = serialiseChart(svg);
  const image = new Image();
  image.src = svgDataUrl(text);
  await image.decode();
  const pixels = pixelSize(size, scale);
  const canvas = document.createElement('canvas');
  canvas.width = pixels.width;
  canvas.height = pixels.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0, pixels.width, pixels.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas gave no PNG'))), 'image/png');
  });
}

export async function savePng(svg: SVGSVGElement, title: string): Promise<void> {
  downloadBlob(await chartPng(svg), exportFileName(title, 'png'));
}
