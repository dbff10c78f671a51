import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PartBoundary } from './PartBoundary.tsx';

describe('PartBoundary', () => {
  it('shows its part as it is until it throws, then what went wrong instead of an empty page', () => {
    const boundary = new PartBoundary({ part: 'inspector', children: createElement('p', null, 'the inspector') });
    expect(renderToStaticMarkup(boundary.render())).toBe('<p>the inspector</p>');
    boundary.state = PartBoundary.getDerivedStateFromError(new TypeError("Cannot read properties of undefined (reading 'trim')"));
    const shown = renderToStaticMarkup(boundary.render());
    expect(shown).toContain('role="alert"');
    expect(shown).toContain('The inspector stopped working:</strong> Cannot read properties of undefined (reading &#x27;trim&#x27;)');
    expect(shown).toContain('Your document is still open');
  });
});
