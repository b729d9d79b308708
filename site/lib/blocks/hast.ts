// A minimal hast builder, so block renderers read like the markup they produce.
import type { Element, ElementContent, Properties } from 'hast';

export type Child = ElementContent | string | undefined | false;

/** `h('span', { className: ['ph'] }, 'text')` -> a hast element; falsy children are dropped. */
export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.filter((child): child is ElementContent | string => Boolean(child)).map(toNode),
  };
}

function toNode(child: ElementContent | string): ElementContent {
  return typeof child === 'string' ? { type: 'text', value: child } : child;
}

/** Joins line elements with newlines, as inside a `<pre>`. */
export function joinLines(lines: Element[]): ElementContent[] {
  return lines.flatMap((line, index) => (index === 0 ? [line] : [{ type: 'text', value: '\n' } as const, line]));
}
