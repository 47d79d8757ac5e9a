// renderNetworkSvg on every scenario, on hostile names, diagnostics, an empty document, a broken
// layout and a big network: well-formed standalone SVG, every resource named, no NaN, deterministic.
import { describe, expect, it } from 'vitest';
import { loadDocument, type Diagnostic, type Document } from '../../../../src/model/index.ts';
import { toFlow } from '../../../../src/ui/canvas/to-flow.ts';
import { renderNetworkSvg } from '../../../../src/ui/export/index.ts';
import { bigDocument } from '../canvas/big.ts';
import { scenario, scenarioNames } from '../canvas/helpers.ts';
import { byClass, nodeGroup, render, tooltip, visibleTexts, type Rendered } from './svg-helpers.ts';
import { parseXml, textContent } from './xml-check.ts';

function loaded(name: string): { doc: Document; diagnostics: Diagnostic[] } {
  const result = loadDocument(scenario(name));
  if (result.document === undefined) throw new Error(`${name} does not load`);
  return { doc: result.document, diagnostics: result.diagnostics };
}

/** The resources the picture must name: every VPC, subnet and instance, as name or id. */
function named(doc: Document): { id: string; label: string }[] {
  const t = doc.topology;
  return [...(t.vpcs ?? []), ...(t.subnets ?? []), ...(t.instances ?? [])].map((r) => ({
    id: r.id,
    label: r.name ?? r.id,
  }));
}

/** A visible text shows `label`, whole or cut with an ellipsis after a fair part of it. */
function shows(texts: readonly string[], label: string): boolean {
  return texts.some((t) => {
    if (t === label) return true;
    if (!t.endsWith('\u2026')) return false;
    const start = t.slice(0, -1);
    return start.length >= Math.min(label.length, 8) && label.startsWith(start);
  });
}

function svgSize(r: Rendered): { width: number; height: number } {
  return { width: Number(r.root.attrs.get('width')), height: Number(r.root.attrs.get('height')) };
}

/** No attribute value says NaN, undefined, null or Infinity. */
function badAttributes(r: Rendered): string[] {
  const bad: string[] = [];
  for (const e of r.elements) {
    for (const [name, value] of e.attrs) {
      if (name === 'data-id' || name === 'aria-label') continue;
      if (/NaN|undefined|null|Infinity/.test(value)) bad.push(`${e.name}.${name}=${value}`);
    }
  }
  return bad;
}

describe.each(scenarioNames)('renderNetworkSvg on scenarios/%s.json', (name) => {
  const { doc, diagnostics } = loaded(name);
  const r = render(doc, diagnostics);

  it('is a standalone SVG document with its size and viewBox set', () => {
    expect(r.root.name).toBe('svg');
    expect(r.root.attrs.get('xmlns')).toBe('http://www.w3.org/2000/svg');
    const { width, height } = svgSize(r);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
    expect(r.root.attrs.get('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(r.root.attrs.get('font-family')).toMatch(/sans-serif$/);
  });

  it('refers to nothing outside itself', () => {
    for (const e of r.elements) {
      expect(['image', 'foreignObject', 'script', 'style', 'use', 'a']).not.toContain(e.name);
      for (const [attr, value] of e.attrs) {
        expect(attr).not.toMatch(/href$/);
        if (value.includes('url(')) expect(value).toMatch(/^url\(#[\w-]+\)$/);
      }
    }
  });

  it('names every VPC, subnet and instance, on the box with its id', () => {
    const texts = visibleTexts(r);
    for (const { id, label } of named(doc)) {
      expect(tooltip(nodeGroup(r, id))).toContain(label);
      expect(shows(texts, label), `${id}: ${label}`).toBe(true);
    }
  });

  it('has no NaN or undefined in any attribute', () => {
    expect(badAttributes(r)).toEqual([]);
  });

  it('draws every edge the canvas draws, routes with arrowheads', () => {
    const { edges } = toFlow(doc, { diagnostics: [], selection: [] });
    for (const edge of edges) {
      const [path] = byClass(r, 'vpcsim-edge', edge.id);
      expect(path, edge.id).toBeDefined();
      const arrow = path?.attrs.get('marker-end');
      if (edge.data?.kind === 'route') expect(arrow).toMatch(/^url\(#vpcsim-export-arrow/);
      if (edge.data?.kind === 'peering' || edge.data?.kind === 'attachment') expect(arrow).toBeUndefined();
    }
  });

  it('keeps every box inside the picture', () => {
    const { width, height } = svgSize(r);
    const content = r.elements.find((e) => /^translate\(/.test(e.attrs.get('transform') ?? ''));
    const [dx, dy] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(content?.attrs.get('transform') ?? '') ?? [])
      .slice(1)
      .map(Number);
    for (const g of byClass(r, 'vpcsim-node')) {
      const rect = g.children.find((c) => typeof c !== 'string' && c.name === 'rect');
      if (rect === undefined || typeof rect === 'string') continue;
      const x = Number(rect.attrs.get('x')) + (dx ?? NaN);
      const y = Number(rect.attrs.get('y')) + (dy ?? NaN);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + Number(rect.attrs.get('width'))).toBeLessThanOrEqual(width);
      expect(y + Number(rect.attrs.get('height'))).toBeLessThanOrEqual(height);
    }
  });

  it('is deterministic', () => {
    expect(renderNetworkSvg(structuredClone(doc), { diagnostics })).toBe(r.svg);
  });
});

describe('renderNetworkSvg with hostile names', () => {
  const hostile = [
    'a <b> & "c" \'d\'',
    'end ]]> of CDATA',
    '<script>alert(1)</script>',
    'tab\there new\nline',
    'bell\u0007 nul\u0000 esc\u001b del\u007f',
    'lone \uD800 surrogate',
    '&amp; already escaped',
  ];

  function hostileDoc(): Document {
    const doc = structuredClone(loaded('public-private-nat').doc);
    const t = doc.topology;
    const pick = (i: number): string => hostile[i % hostile.length] ?? '';
    t.vpcs?.forEach((v, i) => (v.name = pick(i)));
    t.subnets?.forEach((s, i) => (s.name = pick(i + 1)));
    t.instances?.forEach((n, i) => (n.name = pick(i + 3)));
    doc.meta = { title: pick(2) };
    return doc;
  }

  /** What the picture shows for a name: forbidden characters replaced, line breaks as spaces. */
  function shown(name: string): string {
    return name
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\uD800/g, '\uFFFD') // eslint-disable-line no-control-regex
      .replace(/[\t\n\r]/g, ' ');
  }

  it('stays well-formed and shows every name as text', () => {
    const doc = hostileDoc();
    const r = render(doc);
    for (const { id, label } of named(doc)) expect(tooltip(nodeGroup(r, id))).toContain(shown(label));
    expect(textContent(r.elements.find((e) => e.name === 'title') ?? r.root)).toBe(hostile[2]);
    expect(r.svg).not.toContain('<script');
    expect(r.svg).not.toContain(']]>');
    expect(badAttributes(r)).toEqual([]);
  });

  it('escapes a hostile title option and hostile resource ids', () => {
    const doc: Document = {
      format: 'vpcsim/1',
      topology: {
        vpcs: [{ id: 'vpc-"<&>\'', cidrBlocks: ['10.0.0.0/16'] }],
        subnets: [
          { id: 'sub-]]>\u0001', vpcId: 'vpc-"<&>\'', availabilityZone: 'us-east-1a', cidrBlock: '10.0.1.0/24' },
        ],
      },
    };
    const r = render(doc, [], 'x"/><script>');
    expect(r.root.attrs.get('aria-label')).toBe('x"/><script>');
    expect(nodeGroup(r, 'vpc-"<&>\'').name).toBe('g');
    expect(byClass(r, 'vpcsim-node', 'sub-]]>\uFFFD')).toHaveLength(1);
  });
});

describe('renderNetworkSvg with diagnostics', () => {
  const { doc } = loaded('public-private-nat');
  const vpc = doc.topology.vpcs?.[0]?.id ?? '';
  const instance = doc.topology.instances?.[0]?.id ?? '';
  const diagnostics: Diagnostic[] = [
    { code: 'CFG_TEST_A', severity: 'error', resourceId: vpc, message: '' },
    { code: 'CFG_TEST_B', severity: 'warning', resourceId: instance, message: '' },
    { code: 'CFG_TEST_C', severity: 'warning', resourceId: instance, message: '' },
    { code: 'CFG_TEST_D', severity: 'fatal', message: '' },
  ];

  it('shows totals in the title line and counts on the boxes they name', () => {
    const r = render(doc, diagnostics);
    expect(byClass(r, 'vpcsim-total--error')).toHaveLength(1);
    expect(byClass(r, 'vpcsim-total--warning')).toHaveLength(1);
    const header = byClass(r, 'vpcsim-header', vpc)[0];
    expect(header?.children.some((c) => typeof c !== 'string' && c.attrs.get('class') === 'vpcsim-badge--error')).toBe(
      true,
    );
    const leaf = nodeGroup(r, instance);
    const badge = leaf.children.findIndex(
      (c) => typeof c !== 'string' && c.attrs.get('class') === 'vpcsim-badge--warning',
    );
    expect(badge).toBeGreaterThan(0);
    const label = leaf.children[badge + 1];
    expect(typeof label !== 'string' && label !== undefined ? textContent(label) : '').toBe('2');
  });

  it('draws no badges without diagnostics', () => {
    const r = render(doc);
    expect(byClass(r, 'vpcsim-total--error')).toHaveLength(0);
    expect(byClass(r, 'vpcsim-badge--error')).toHaveLength(0);
    expect(byClass(r, 'vpcsim-badge--warning')).toHaveLength(0);
  });
});

describe('renderNetworkSvg on special documents', () => {
  it('marks blackhole routes: a dashed red edge and a blackhole mark on the subnet', () => {
    const { doc } = loaded('blackhole-deleted-nat');
    const r = render(doc);
    const edges = byClass(r, 'vpcsim-edge--blackhole');
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect(e.attrs.get('marker-end')).toBe('url(#vpcsim-export-arrow-blackhole)');
      expect(e.attrs.get('stroke-dasharray')).toBeDefined();
    }
    expect(byClass(r, 'vpcsim-blackhole').length).toBeGreaterThan(0);
  });

  it('draws an empty document as a small picture that says so', () => {
    const r = render({ format: 'vpcsim/1', topology: {} });
    expect(byClass(r, 'vpcsim-node')).toHaveLength(0);
    expect(Number(r.root.attrs.get('width'))).toBeLessThan(600);
    expect(Number(r.root.attrs.get('height'))).toBeLessThan(300);
    expect(visibleTexts(r).length).toBeGreaterThanOrEqual(2);
  });

  it('prints finite numbers for a layout with broken entries', () => {
    const { doc } = loaded('public-private-nat');
    const broken = structuredClone(doc);
    const vpc = broken.topology.vpcs?.[0]?.id ?? '';
    broken.layout = { ...broken.layout, [vpc]: { x: NaN, y: Infinity, width: -Infinity, height: NaN } };
    const r = render(broken);
    expect(badAttributes(r)).toEqual([]);
    expect(r.svg).not.toMatch(/NaN|Infinity/);
  });

  it('renders a network of about 5000 boxes', () => {
    const doc = bigDocument(5000);
    const svg = renderNetworkSvg(doc);
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(svg).toContain('data-id="i-0-0-0"');
  });

  it('uses the padding and title options', () => {
    const { doc } = loaded('public-subnet-web-server');
    const narrow = renderNetworkSvg(doc, { padding: 0, title: 'T' });
    const wide = renderNetworkSvg(doc, { padding: 50, title: 'T' });
    const width = (svg: string) => Number(/width="([\d.]+)"/.exec(svg)?.[1]);
    expect(width(wide) - width(narrow)).toBe(100);
    expect(render(doc, [], 'T').elements.find((e) => e.name === 'title')?.children).toEqual(['T']);
  });
});
