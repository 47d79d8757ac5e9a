// Shared by the SVG export tests: render a document and read the result as an element tree.
import type { Diagnostic, Document } from '../../../../src/model/index.ts';
import { renderNetworkSvg } from '../../../../src/ui/export/index.ts';
import { allElements, parseXml, textContent, type XmlElement } from './xml-check.ts';

export interface Rendered {
  svg: string;
  root: XmlElement;
  elements: XmlElement[];
}

export function render(doc: Document, diagnostics: readonly Diagnostic[] = [], title?: string): Rendered {
  const svg = renderNetworkSvg(doc, { diagnostics, ...(title === undefined ? {} : { title }) });
  const root = parseXml(svg);
  return { svg, root, elements: allElements(root) };
}

export function classes(el: XmlElement): string[] {
  return (el.attrs.get('class') ?? '').split(' ').filter((c) => c !== '');
}

/** Elements with class `cls` (and, when given, `data-id` equal to `id`). */
export function byClass(r: Rendered, cls: string, id?: string): XmlElement[] {
  return r.elements.filter((e) => classes(e).includes(cls) && (id === undefined || e.attrs.get('data-id') === id));
}

/** The one node group of a resource. */
export function nodeGroup(r: Rendered, id: string): XmlElement {
  const found = byClass(r, 'vpcsim-node', id);
  if (found.length !== 1) throw new Error(`${found.length} node groups for ${id}`);
  return found[0] as XmlElement;
}

/** The tooltip of an element (its `<title>` child). */
export function tooltip(el: XmlElement): string {
  const t = el.children.find((c) => typeof c !== 'string' && c.name === 'title');
  return t === undefined || typeof t === 'string' ? '' : textContent(t);
}

/** The visible strings: every `<text>` element's content. */
export function visibleTexts(r: Rendered): string[] {
  return r.elements.filter((e) => e.name === 'text').map(textContent);
}
