import { domToBlob, domToForeignObjectSvg } from 'modern-screenshot';
import type { StagedDrawing } from './ImageExportStage.tsx';
import { downloadText } from '../keeping/downloadText.ts';
import { imageFrame, pngPixelRatio, type ImageRequest } from '../layout/imageFrame.ts';
import { imageFileName } from './imageFileName.ts';
import { trimStyles } from './trimStyles.ts';

const sides = ['top', 'right', 'bottom', 'left'];
const corners = ['top-left', 'top-right', 'bottom-right', 'bottom-left'];

/**
 * The CSS properties a diagram is drawn with (boxes, flex rows, text, SVG strokes): only these are
 * copied from the page. Copying all ~400 of every element took seconds per hundred tables and made
 * SVG files of megabytes.
 */
const drawnProperties = [
  ...[
    'display',
    'position',
    'width',
    'height',
    'min-width',
    'min-height',
    'max-width',
    'max-height',
    'box-sizing',
    'overflow',
    'z-index',
    'transform',
    'transform-origin',
    'visibility',
    'opacity',
  ],
  ...sides.flatMap((side) => [
    side,
    `margin-${side}`,
    `padding-${side}`,
    `border-${side}-width`,
    `border-${side}-style`,
    `border-${side}-color`,
  ]),
  ...corners.map((corner) => `border-${corner}-radius`),
  ...['background-color', 'box-shadow', 'outline-style', 'outline-width', 'outline-color', 'outline-offset'],
  ...[
    'flex-direction',
    'flex-wrap',
    'flex-grow',
    'flex-shrink',
    'flex-basis',
    'align-items',
    'align-self',
    'justify-content',
    'row-gap',
    'column-gap',
    'order',
  ],
  ...[
    'color',
    'font-family',
    'font-size',
    'font-weight',
    'font-style',
    'line-height',
    'letter-spacing',
    'text-transform',
    'text-align',
    'text-overflow',
    'white-space-collapse',
    'text-wrap-mode',
    'overflow-wrap',
    'word-break',
    'vertical-align',
    'text-decoration-line',
  ],
  ...['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'stroke-opacity'],
];

/** Editor furniture, not diagram: connection handles, proof and lint badges, and labels left empty without them. */
function isDiagramPart(node: Node): boolean {
  if (!(node instanceof Element)) return true;
  const classes = node.classList;
  if (classes.contains('react-flow__handle') || classes.contains('proof-badge') || classes.contains('problem-badge')) return false;
  return !(classes.contains('edge-label') && !node.querySelector('.edge-name'));
}

/**
 * Captures a staged drawing (the way React Flow documents it: the viewport element, moved so the
 * drawing's corner sits at the margin) and downloads it as PNG or SVG.
 */
export async function saveImage(drawing: StagedDrawing, request: ImageRequest, documentName: string): Promise<void> {
  const frame = imageFrame(drawing.bounds);
  // The moved viewport's own background starts at the margin: a rectangle behind it fills the whole SVG.
  const fillBackground = (svg: SVGSVGElement) => {
    const rect = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', drawing.background);
    svg.insertBefore(rect, svg.querySelector('foreignObject'));
  };
  const options = {
    width: frame.width,
    height: frame.height,
    backgroundColor: drawing.background,
    style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
    filter: isDiagramPart,
    // The editor uses the system's fonts only: there are no web fonts to embed.
    font: false as const,
    includeStyleProperties: drawnProperties,
    onCloneNode: trimStyles,
    onCreateForeignObjectSvg: fillBackground,
  };
  const fileName = imageFileName(documentName, request);
  if (request.format === 'svg') {
    const svg = await domToForeignObjectSvg(drawing.viewport, options);
    downloadText(fileName, new XMLSerializer().serializeToString(svg), 'image/svg+xml');
    return;
  }
  const png = await domToBlob(drawing.viewport, { ...options, type: 'image/png', scale: pngPixelRatio(frame.width, frame.height) });
  downloadText(fileName, png, 'image/png');
}
