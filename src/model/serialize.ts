/**
 * Writes a document as stable JSON (2-space indent, trailing newline, keys in the fixed order of
 * fields.ts, undefined dropped), the layout prettier's json-stringify parser gives scenario files.
 */
import {
  CHECK_FIELDS,
  DOCUMENT_FIELDS,
  LAYOUT_ENTRY_FIELDS,
  META_FIELDS,
  NACL_RULE_FIELDS,
  RESOURCE_FIELDS,
  ROUTE_FIELDS,
  SG_INBOUND_RULE_FIELDS,
  SG_OUTBOUND_RULE_FIELDS,
  TOPOLOGY_FIELDS,
  TRANSIT_GATEWAY_ROUTE_FIELDS,
} from './fields.ts';
import type { Document } from './types.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Shape = (value: unknown) => unknown;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copies an object with `keys` first, in that order, then any other own keys as they come (so nothing
 * a newer writer added is lost), dropping undefined. `nested` shapes fields that hold objects.
 */
function ordered(keys: readonly string[], nested: Record<string, Shape> = {}): Shape {
  return (value) => {
    if (!isObject(value)) return value;
    const out: Record<string, unknown> = {};
    const put = (key: string) => {
      const v = value[key];
      if (v === undefined) return;
      const shape = Object.prototype.hasOwnProperty.call(nested, key) ? nested[key] : undefined;
      Object.defineProperty(out, key, {
        value: shape ? shape(v) : v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    };
    for (const key of keys) if (Object.prototype.hasOwnProperty.call(value, key)) put(key);
    for (const key of Object.keys(value)) if (!keys.includes(key)) put(key);
    return out;
  };
}

function each(shape: Shape): Shape {
  return (value) => (Array.isArray(value) ? value.map((v: unknown) => shape(v)) : value);
}

const RESOURCE_NESTED: { readonly [K in keyof typeof RESOURCE_FIELDS]?: Record<string, Shape> } = {
  routeTables: { routes: each(ordered(ROUTE_FIELDS)) },
  networkAcls: { inbound: each(ordered(NACL_RULE_FIELDS)), outbound: each(ordered(NACL_RULE_FIELDS)) },
  securityGroups: { inbound: each(ordered(SG_INBOUND_RULE_FIELDS)), outbound: each(ordered(SG_OUTBOUND_RULE_FIELDS)) },
  transitGatewayRouteTables: { routes: each(ordered(TRANSIT_GATEWAY_ROUTE_FIELDS)) },
};

const topologyShape = ordered(
  TOPOLOGY_FIELDS,
  Object.fromEntries(
    TOPOLOGY_FIELDS.map((name) => [name, each(ordered(RESOURCE_FIELDS[name], RESOURCE_NESTED[name]))]),
  ),
);

const layoutShape: Shape = (value) => {
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  const entry = ordered(LAYOUT_ENTRY_FIELDS);
  // Entries keep their order (scenario files list parents before children); only their fields are ordered.
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: entry(value[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
};

const documentShape = ordered(DOCUMENT_FIELDS, {
  meta: ordered(META_FIELDS),
  topology: topologyShape,
  layout: layoutShape,
  checks: each(ordered(CHECK_FIELDS)),
});

/** The document as JSON text; `parseDocument(serializeDocument(doc))` gives back an equal document. */
export function serializeDocument(doc: Document): string {
  const shaped = documentShape(doc) as Json;
  return `${JSON.stringify(shaped, null, 2)}\n`;
}
