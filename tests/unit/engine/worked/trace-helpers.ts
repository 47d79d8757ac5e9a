// Helpers for the worked tests: run a trace on a (deep-frozen) topology and assert the facts
// semantics.md states about it (verdict, primary blocker, path order, headers).
import { expect } from 'vitest';
import { compile, trace } from '../../../../src/engine/index.ts';
import type {
  ComponentType,
  Explanation,
  PathComponent,
  PathDirection,
  TraceQuery,
  TraceResult,
  TrafficDirection,
} from '../../../../src/engine/index.ts';
import type { Topology } from '../../../../src/model/index.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Traces `query` on `topology`; the engine must never mutate its input, so the input is frozen. */
export function run(topology: Topology, query: TraceQuery): TraceResult {
  const result = trace(compile(deepFreeze(topology)), query);
  if (!result.ok) throw new Error(`trace returned an error: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The primary blocker: the first explanation with `blocking: true`. */
export function primaryBlocker(result: TraceResult): Explanation | undefined {
  return result.explanations.find((e) => e.blocking);
}

export interface BlockedAt {
  code: string;
  componentId: string;
  pathDirection: PathDirection;
  direction?: TrafficDirection;
  componentType?: ComponentType;
}

/** Asserts verdict BLOCKED and the primary blocker's code, component and directions. */
export function expectBlocked(result: TraceResult, at: BlockedAt): Explanation {
  const first = primaryBlocker(result);
  expect({ verdict: result.verdict, code: first?.code }).toEqual({ verdict: 'BLOCKED', code: at.code });
  if (!first) throw new Error('no blocking explanation');
  expect(first.componentId).toBe(at.componentId);
  expect(first.pathDirection).toBe(at.pathDirection);
  if (at.direction !== undefined) expect(first.direction).toBe(at.direction);
  if (at.componentType !== undefined) expect(first.componentType).toBe(at.componentType);
  return first;
}

/** Asserts REACHABLE with no blocking explanation and both paths present. */
export function expectReachable(result: TraceResult): void {
  expect({
    verdict: result.verdict,
    blockers: result.explanations.filter((e) => e.blocking).map((e) => e.code),
  }).toEqual({ verdict: 'REACHABLE', blockers: [] });
  expect(result.forward.length).toBeGreaterThan(0);
  expect(result.return.length).toBeGreaterThan(0);
}

export function ids(path: readonly PathComponent[]): string[] {
  return path.map((c) => c.component.id);
}

/** Asserts that `expected` appears in `actual` in this order (other entries may sit between). */
export function expectInOrder(actual: readonly string[], expected: readonly string[]): void {
  let i = 0;
  for (const id of actual) {
    if (i < expected.length && id === expected[i]) i++;
  }
  if (i < expected.length) {
    expect.fail(
      `expected [${expected.join(', ')}] in this order within [${actual.join(', ')}]; missing from ${String(expected[i])}`,
    );
  }
}

/** The components of `path` with this id (a NACL shared by two subnets appears several times). */
export function components(path: readonly PathComponent[], id: string): PathComponent[] {
  return path.filter((c) => c.component.id === id);
}

/** The only component of `path` with this id and, if given, this traffic direction. */
export function component(
  path: readonly PathComponent[],
  id: string,
  trafficDirection?: TrafficDirection,
): PathComponent {
  const found = path.filter(
    (c) => c.component.id === id && (trafficDirection === undefined || c.trafficDirection === trafficDirection),
  );
  expect(found, `components ${id} ${trafficDirection ?? ''} in [${ids(path).join(', ')}]`).toHaveLength(1);
  return found[0]!;
}

export function componentTypes(path: readonly PathComponent[]): ComponentType[] {
  return path.map((c) => c.component.type);
}

/** The components that carry a header translation (inbound and outbound header both present). */
export function translations(path: readonly PathComponent[]): PathComponent[] {
  return path.filter((c) => c.inboundHeader !== undefined && c.outboundHeader !== undefined);
}

export const LINUX_EPHEMERAL = { from: 32768, to: 60999 } as const;
export const INTERNET_EPHEMERAL = { from: 1024, to: 65535 } as const;
export const NAT_PORTS = { from: 1024, to: 65535 } as const;
