/** Inherited properties: a child that repeats its parent's value can leave it out. */
const inherited = [
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-kerning',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'white-space-collapse',
  'text-wrap-mode',
  'overflow-wrap',
  'word-break',
  'visibility',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
];
const sides = ['top', 'right', 'bottom', 'left'];
const borderParts = sides.flatMap((side) => [`border-${side}-width`, `border-${side}-style`, `border-${side}-color`]);
const outlineParts = ['outline-style', 'outline-width', 'outline-color', 'outline-offset'];
/** Non-inherited properties at their initial value: what an element has without saying so. */
const initialValues: [string, string][] = [
  ['position', 'static'],
  ['z-index', 'auto'],
  ['box-shadow', 'none'],
  ['transform', 'none'],
  ['display', 'inline'],
  ['width', 'auto'],
  ['height', 'auto'],
  ...sides.map((side): [string, string] => [side, 'auto']),
];

type Styled = Element & ElementCSSInlineStyle;

function trimOwn(style: CSSStyleDeclaration): void {
  const drop = (names: readonly string[]) => names.forEach((name) => style.removeProperty(name));
  if (!style.getPropertyValue('outline-style') || style.getPropertyValue('outline-style') === 'none') drop(outlineParts);
  if (sides.every((side) => ['', '0px'].includes(style.getPropertyValue(`border-${side}-width`)))) drop(borderParts);
  for (const [name, value] of initialValues)
    if (style.getPropertyValue(name) === value && !style.getPropertyPriority(name)) style.removeProperty(name);
  if (!style.getPropertyValue('transform')) style.removeProperty('transform-origin');
}

function trim(element: Styled, fromParent: ReadonlyMap<string, string>): void {
  const style = element.style;
  const passedOn = new Map(fromParent);
  if (style) {
    trimOwn(style);
    for (const name of inherited) {
      const value = style.getPropertyValue(name);
      if (!value) continue;
      if (fromParent.get(name) === value && !style.getPropertyPriority(name)) style.removeProperty(name);
      else passedOn.set(name, value);
    }
  }
  for (const child of element.children) trim(child as Styled, passedOn);
}

/**
 * Shortens the inline styles a capture copied onto every element of a cloned tree: values a child
 * inherits anyway, and initial values that change nothing. The image looks the same; an SVG file of
 * a hundred tables shrinks several times, and the browser decodes it faster for a PNG.
 */
export function trimStyles(root: Node): void {
  if (root instanceof Element) trim(root as Styled, new Map());
}
