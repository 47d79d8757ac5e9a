// `npm run bench`: compile time, traces per second and peak memory of the indexed engine and of the naive
// reference evaluator on two synthetic networks (20,000 instances; a transit gateway hub of 200 VPCs with
// peerings), with PASS/FAIL against the goals. Informational: always exits 0. Options: --seconds=N (indexed
// budget, default 3), --quick (small networks), --network=main|hub|import (one section only), --profile (only the
// indexed engine on the whole mix, for `node --cpu-prof --import tsx bench/engine.bench.ts --profile`;
// --profile=naive profiles the naive reference instead).
import { availableParallelism, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  compile,
  indexedLookups,
  naiveLookups,
  resolveQuery,
  trace,
  type Lookups,
  type Network,
  type TraceQuery,
} from '../src/engine/index.ts';
import type { Diagnostic, Topology } from '../src/model/index.ts';
import { buildHubNetwork, HUB_CATEGORIES, HUB_OPTIONS } from './hub-network.ts';
import { runImportSection } from './import.bench-section.ts';
import { buildSyntheticNetwork, CATEGORIES, DEFAULT_OPTIONS } from './synthetic-network.ts';

const GOALS = { compileMs: 1000, tracesPerSecond: 50_000, ratio: 20 };

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = 'true'] = a.replace(/^--/, '').split('=');
    return [k!, v];
  }),
);
const quick = args.has('quick');
const INDEXED_SECONDS = Number(args.get('seconds') ?? (quick ? 0.5 : 3));
/** The reference is far slower; it gets a smaller budget and we count what it completes. */
const NAIVE_SECONDS = Math.min(2, INDEXED_SECONDS);
const CATEGORY_SECONDS = { indexed: quick ? 0.1 : 0.4, naive: quick ? 0.1 : 0.3, warmUp: quick ? 0.02 : 0.05 };

// gc between phases, so each phase's memory peak is its own (works without `node --expose-gc`).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;

interface Peak {
  rss: number;
  heapUsed: number;
}

function newPeak(): Peak {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

function sample(p: Peak): void {
  const m = process.memoryUsage();
  if (m.rss > p.rss) p.rss = m.rss;
  if (m.heapUsed > p.heapUsed) p.heapUsed = m.heapUsed;
}

interface Throughput {
  traces: number;
  seconds: number;
  perSecond: number;
  /** Traces per second of this process's CPU time: steadier than wall time on a shared machine. */
  perCpuSecond: number;
  peak: Peak;
}

/** Traces queries round-robin for a fixed wall time; samples memory every 2,048 traces. */
function measure(net: Network, lk: Lookups, queries: readonly TraceQuery[], seconds: number): Throughput {
  gc();
  const peak = newPeak();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const deadline = start + seconds * 1000;
  let n = 0;
  let sink = 0;
  for (;;) {
    for (let i = 0; i < 64; i++) {
      const r = trace(net, queries[n % queries.length]!, lk);
      // Keep the result alive enough that the work cannot be skipped.
      if (r.ok) sink += r.value.forward.length;
      n++;
    }
    if ((n & 2047) === 0) sample(peak);
    if (performance.now() >= deadline) break;
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  sample(peak);
  if (sink < 0) console.log(sink);
  return {
    traces: n,
    seconds: elapsed,
    perSecond: n / elapsed,
    perCpuSecond: n / ((cpu.user + cpu.system) / 1e6),
    peak,
  };
}

interface Breakdown {
  perTrace: number;
  rows: { name: string; callsPerTrace: number; usPerTrace: number }[];
}

/**
 * Where an indexed trace spends its time: each lookup call timed through a wrapping `Lookups` (minus the
 * timer's own cost), plus query resolution timed alone; the rest is the walk and building the result.
 */
function breakdown(net: Network, queries: readonly TraceQuery[], count: number): Breakdown {
  const base = indexedLookups(net);
  const ms: Record<string, number> = {};
  const calls: Record<string, number> = {};
  const wrap = <K extends keyof Lookups>(k: K): Lookups[K] => {
    const f = base[k] as (...a: unknown[]) => unknown;
    return ((...a: unknown[]) => {
      const s = performance.now();
      const r = f(...a);
      ms[k] = (ms[k] ?? 0) + performance.now() - s;
      calls[k] = (calls[k] ?? 0) + 1;
      return r;
    }) as Lookups[K];
  };
  const timed: Lookups = {
    ...base,
    lookupRoute: wrap('lookupRoute'),
    evaluateNacl: wrap('evaluateNacl'),
    matchSecurityGroups: wrap('matchSecurityGroups'),
    deviceAt: wrap('deviceAt'),
    publicIpOwner: wrap('publicIpOwner'),
    lookupTgwRoute: wrap('lookupTgwRoute'),
    tgwAttachmentOf: wrap('tgwAttachmentOf'),
    tgwRouteTableOf: wrap('tgwRouteTableOf'),
  };
  let overhead = 0;
  for (let i = 0; i < 100_000; i++) {
    const a = performance.now();
    overhead += performance.now() - a;
  }
  const timerMs = overhead / 100_000;
  for (let i = 0; i < count / 4; i++) trace(net, queries[i % queries.length]!, timed);
  for (const k of Object.keys(ms)) ms[k] = calls[k] = 0;
  let start = performance.now();
  for (let i = 0; i < count; i++) trace(net, queries[i % queries.length]!, timed);
  const totalMs = performance.now() - start;
  start = performance.now();
  for (let i = 0; i < count; i++) resolveQuery(net, queries[i % queries.length]!, base);
  const resolveMs = performance.now() - start;
  const names: [keyof Lookups, string][] = [
    ['evaluateNacl', 'NACL evaluation (evaluateNacl)'],
    ['matchSecurityGroups', 'security groups (matchSecurityGroups)'],
    ['lookupRoute', 'route lookup (lookupRoute)'],
    ['deviceAt', 'device at address (deviceAt)'],
    ['publicIpOwner', 'public IP owner (publicIpOwner)'],
    ['lookupTgwRoute', 'TGW route lookup (lookupTgwRoute)'],
    ['tgwAttachmentOf', 'TGW attachment of a VPC (tgwAttachmentOf)'],
    ['tgwRouteTableOf', 'TGW table of an attachment (tgwRouteTableOf)'],
  ];
  const rows = names.map(([k, name]) => ({
    name,
    callsPerTrace: (calls[k] ?? 0) / count,
    usPerTrace: (((ms[k] ?? 0) - (calls[k] ?? 0) * timerMs) / count) * 1000,
  }));
  rows.push({ name: 'query resolution (resolveQuery)', callsPerTrace: 1, usPerTrace: (resolveMs / count) * 1000 });
  const timerPerTrace = ((Object.values(calls).reduce((a, b) => a + b, 0) * timerMs) / count) * 1000;
  const perTrace = (totalMs / count) * 1000 - timerPerTrace;
  const accounted = rows.reduce((a, r) => a + r.usPerTrace, 0);
  rows.push({ name: 'walk and result building (the rest)', callsPerTrace: 1, usPerTrace: perTrace - accounted });
  return { perTrace, rows };
}

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pad = (s: string, w: number): string => (s.length >= w ? s : s + ' '.repeat(w - s.length));
const lpad = (s: string, w: number): string => (s.length >= w ? s : ' '.repeat(w - s.length) + s);

function table(rows: string[][], widths: number[]): void {
  for (const row of rows)
    console.log(row.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join('  '));
}

/** One benchmarked network: its document, its query mix, and how to describe it. */
interface Section {
  readonly title: string;
  readonly describe: readonly string[];
  readonly topology: Topology;
  readonly queries: readonly { readonly category: string; readonly query: TraceQuery }[];
  readonly categories: readonly string[];
}

function mainSection(): Section {
  const options = quick ? { ...DEFAULT_OPTIONS, vpcs: 4 } : DEFAULT_OPTIONS;
  const t0 = performance.now();
  const { topology, queries, counts } = buildSyntheticNetwork(options);
  const generateMs = performance.now() - t0;
  return {
    title: 'network 1: many instances per VPC (NACLs, security groups, IGW, NAT)',
    describe: [
      `network: ${fmt(counts.vpcs)} VPCs, ${fmt(counts.subnets)} subnets, ${fmt(counts.instances)} instances, ` +
        `${counts.nacls} NACLs x ${options.naclRules} rules/direction, ${counts.securityGroups} security groups x ${options.sgRules} rules, ` +
        `${counts.routeTables} route tables x ${options.extraRoutes + 1} routes (seed 0x${options.seed.toString(16)}, generated in ${fmt(generateMs)} ms)`,
    ],
    topology,
    queries,
    categories: CATEGORIES,
  };
}

function hubSection(): Section {
  const options = quick ? { ...HUB_OPTIONS, vpcs: 30, peerings: 12 } : HUB_OPTIONS;
  const t0 = performance.now();
  const { topology, queries, counts } = buildHubNetwork(options);
  const generateMs = performance.now() - t0;
  return {
    title: 'network 2: a transit gateway hub of VPCs with peering connections between pairs of them',
    describe: [
      `network: ${fmt(counts.vpcs)} VPCs on 1 transit gateway (${fmt(counts.attachments)} attachments with a /28 subnet per AZ used, ` +
        `all associated with 1 TGW route table that ${fmt(counts.attachments - counts.isolated)} propagate to; ` +
        `${counts.isolated} propagate nowhere), ${fmt(counts.peerings)} VPC peering connections, ${fmt(counts.withIgw)} internet gateways, ` +
        `${fmt(counts.subnets)} subnets, ${fmt(counts.instances)} instances`,
      `  ${fmt(counts.routeTables)} route tables (10.0.0.0/8 -> TGW, peer /16 -> pcx, 0.0.0.0/0 -> IGW, ${options.extraRoutes} blackholes), ` +
        `NACLs x ${options.naclRules} rules/direction, security groups x ${options.sgRules} rules ` +
        `(seed 0x${options.seed.toString(16)}, generated in ${fmt(generateMs)} ms)`,
    ],
    topology,
    queries,
    categories: HUB_CATEGORIES,
  };
}

const SECTIONS: Record<string, () => Section> = { main: mainSection, hub: hubSection };

function selectedSections(): (() => Section)[] {
  const which = args.get('network') ?? 'all';
  if (which === 'all') return Object.values(SECTIONS);
  if (which === 'import') return [];
  const s = SECTIONS[which];
  if (!s) throw new Error(`--network must be one of all, import, ${Object.keys(SECTIONS).join(', ')}`);
  return [s];
}

/** One engine alone on the whole mix (the indexed one unless `--profile=naive`): what a CPU profile should look at. */
function profile(): void {
  const naive = args.get('profile') === 'naive';
  for (const make of selectedSections()) {
    const { title, topology, queries } = make();
    const net = compile(topology, { diagnostics: [] });
    const lk = naive ? naiveLookups(net) : indexedLookups(net);
    const all = queries.map((q) => q.query);
    measure(net, lk, all, 0.3);
    const run = measure(net, lk, all, naive ? NAIVE_SECONDS : INDEXED_SECONDS);
    console.log(
      `${title}: ${naive ? 'naive' : 'indexed'} ${fmt(run.perSecond)} traces/s (${fmt(run.perCpuSecond)} per CPU-second; ` +
        `${fmt(run.traces)} traces in ${fmt(run.seconds, 1)} s)`,
    );
  }
}

/** What a trace came to, and over which inter-VPC link, for the per-kind table. */
function verdictKey(r: ReturnType<typeof trace>): string {
  if (!r.ok) return `error ${r.error.code}`;
  const blocking = r.value.explanations.find((e) => e.blocking);
  const types = new Set(r.value.forward.map((c) => c.component.type));
  const via = types.has('vpc-peering-connection')
    ? ' via pcx'
    : types.has('transit-gateway-route-table')
      ? ' via TGW'
      : '';
  return `${r.value.verdict}${blocking ? ` ${blocking.code}` : ''}${via}`;
}

interface Outcome {
  readonly title: string;
  readonly compileOk: boolean;
  readonly rateOk: boolean;
  readonly ratioOk: boolean;
}

function runSection(section: Section): Outcome {
  const { topology, queries } = section;
  console.log('');
  console.log(`== ${section.title}`);
  for (const line of section.describe) console.log(line);
  console.log(
    `queries: ${fmt(queries.length)} (${section.categories.length} kinds round-robin: ${section.categories.join(', ')})`,
  );

  // ---- compile: cold (first), then warm (median of three), each on a fresh copy so the memo is not hit.
  gc();
  const compilePeak = newPeak();
  const heapBefore = process.memoryUsage().heapUsed;
  const diagnostics: Diagnostic[] = [];
  let t0 = performance.now();
  const net = compile(topology, { diagnostics });
  const compileColdMs = performance.now() - t0;
  sample(compilePeak);
  gc();
  const networkMb = (process.memoryUsage().heapUsed - heapBefore) / MB;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    const copy = structuredClone(topology);
    t0 = performance.now();
    compile(copy, { diagnostics: [] });
    warm.push(performance.now() - t0);
    sample(compilePeak);
  }
  const compileWarmMs = warm.sort((a, b) => a - b)[1]!;
  gc();

  t0 = performance.now();
  const indexed = indexedLookups(net);
  const indexedSetupMs = performance.now() - t0;
  t0 = performance.now();
  const naive = naiveLookups(net);
  const naiveSetupMs = performance.now() - t0;

  // ---- correctness of what we measure: verdicts per kind, and indexed = naive on a sample.
  const verdicts = new Map<string, Map<string, number>>();
  let agree = 0;
  const checked = Math.min(queries.length, 350);
  for (let i = 0; i < checked; i++) {
    const { category, query } = queries[i]!;
    const a = trace(net, query, indexed);
    const b = trace(net, query, naive);
    if (isDeepStrictEqual(a, b)) agree++;
    const key = verdictKey(a);
    const m = verdicts.get(category) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + 1);
    verdicts.set(category, m);
  }

  // ---- throughput on the whole mix, then per kind.
  const all = queries.map((q) => q.query);
  // Warm-up so the JIT has compiled the hot paths before the clock starts.
  measure(net, indexed, all, 0.3);
  const indexedRun = measure(net, indexed, all, INDEXED_SECONDS);
  const naiveRun = measure(net, naive, all, NAIVE_SECONDS);
  const perCategory = section.categories.map((c) => {
    const qs = queries.filter((q) => q.category === c).map((q) => q.query);
    // A short warm-up each: the other engine's run just before can leave the shared walk deoptimized.
    measure(net, indexed, qs, CATEGORY_SECONDS.warmUp);
    const indexedRate = measure(net, indexed, qs, CATEGORY_SECONDS.indexed);
    measure(net, naive, qs, CATEGORY_SECONDS.warmUp);
    return {
      category: c,
      indexed: indexedRate,
      naive: measure(net, naive, qs, CATEGORY_SECONDS.naive),
    };
  });
  const ratio = indexedRun.perSecond / naiveRun.perSecond;
  const where = breakdown(net, all, quick ? 5_000 : 40_000);

  const bySeverity = (sev: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === sev).length;
  console.log(
    `document diagnostics: ${bySeverity('fatal')} fatal, ${bySeverity('error')} errors, ${bySeverity('warning')} warnings`,
  );
  console.log('');
  table(
    [
      ['', 'indexed', 'naive reference', 'indexed/naive'],
      ['compile, cold (ms)', fmt(compileColdMs, 1), `${fmt(compileColdMs, 1)} (same)`, ''],
      ['compile, warm median of 3 (ms)', fmt(compileWarmMs, 1), `${fmt(compileWarmMs, 1)} (same)`, ''],
      ['lookups setup (ms)', fmt(indexedSetupMs, 2), fmt(naiveSetupMs, 2), ''],
      ['traces/s, whole mix', fmt(indexedRun.perSecond), fmt(naiveRun.perSecond), `${fmt(ratio, 1)}x`],
      [
        'traces per CPU-second, whole mix',
        fmt(indexedRun.perCpuSecond),
        fmt(naiveRun.perCpuSecond),
        `${fmt(indexedRun.perCpuSecond / naiveRun.perCpuSecond, 1)}x`,
      ],
      [
        'traces completed',
        `${fmt(indexedRun.traces)} in ${fmt(indexedRun.seconds, 1)} s`,
        `${fmt(naiveRun.traces)} in ${fmt(naiveRun.seconds, 1)} s`,
        '',
      ],
      ['microseconds per trace', fmt(1e6 / indexedRun.perSecond, 1), fmt(1e6 / naiveRun.perSecond, 1), ''],
      ['peak rss while tracing (MB)', fmt(indexedRun.peak.rss / MB, 1), fmt(naiveRun.peak.rss / MB, 1), ''],
      [
        'peak heapUsed while tracing (MB)',
        fmt(indexedRun.peak.heapUsed / MB, 1),
        fmt(naiveRun.peak.heapUsed / MB, 1),
        '',
      ],
    ],
    [34, 22, 22, 14],
  );
  console.log(
    `compile: peak rss ${fmt(compilePeak.rss / MB, 1)} MB, peak heapUsed ${fmt(compilePeak.heapUsed / MB, 1)} MB; ` +
      `the compiled network holds about ${fmt(networkMb, 1)} MB of heap (the naive reference reads the same compiled network).`,
  );

  console.log('');
  console.log('traces/s per kind of query:');
  table(
    [
      ['kind', 'indexed', 'naive', 'ratio', `result (first ${checked} queries of the mix)`],
      ...perCategory.map((p) => [
        p.category,
        fmt(p.indexed.perSecond),
        fmt(p.naive.perSecond),
        `${fmt(p.indexed.perSecond / p.naive.perSecond, 1)}x`,
        [...(verdicts.get(p.category) ?? new Map<string, number>()).entries()]
          .map(([k, n]) => `${k} (${n})`)
          .join(', '),
      ]),
    ],
    [26, 10, 10, 8, 0],
  );
  console.log(`indexed = naive (deep-equal trace results): ${agree}/${checked} queries`);

  console.log('');
  console.log(
    `where an indexed trace spends its time (whole mix, about ${fmt(where.perTrace, 1)} us per trace with timers):`,
  );
  table(
    [
      ['', 'calls/trace', 'us/trace', 'share'],
      ...where.rows.map((r) => [
        r.name,
        fmt(r.callsPerTrace, 2),
        fmt(r.usPerTrace, 2),
        `${fmt((100 * r.usPerTrace) / where.perTrace, 0)}%`,
      ]),
    ],
    [46, 12, 10, 6],
  );

  console.log('');
  console.log('goals (informational):');
  const goal = (ok: boolean, text: string): void => console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
  const outcome: Outcome = {
    title: section.title,
    compileOk: compileColdMs < GOALS.compileMs,
    rateOk: indexedRun.perSecond >= GOALS.tracesPerSecond,
    ratioOk: ratio >= GOALS.ratio,
  };
  goal(
    outcome.compileOk,
    `compile < ${fmt(GOALS.compileMs)} ms: ${fmt(compileColdMs, 1)} ms cold, ${fmt(compileWarmMs, 1)} ms warm`,
  );
  goal(
    outcome.rateOk,
    `>= ${fmt(GOALS.tracesPerSecond)} traces/s single-threaded: ${fmt(indexedRun.perSecond)} (${fmt(indexedRun.perCpuSecond)} per CPU-second)`,
  );
  goal(outcome.ratioOk, `>= ${GOALS.ratio}x the naive reference: ${fmt(ratio, 1)}x`);
  if (agree !== checked) console.log(`  NOTE  indexed and naive disagree on ${checked - agree} of ${checked} queries`);
  return outcome;
}

function main(): void {
  const wallStart = performance.now();
  const loadAtStart = loadavg()[0]!;
  console.log('vpcsim engine benchmark');
  const outcomes: Outcome[] = [];
  for (const make of selectedSections()) {
    outcomes.push(runSection(make()));
    gc();
  }
  const which = args.get('network') ?? 'all';
  const importOk = which === 'all' || which === 'import' ? runImportSection({ quick }) : undefined;
  console.log('');
  console.log('== summary');
  const mark = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  for (const o of outcomes) {
    console.log(`  ${o.title}: compile ${mark(o.compileOk)}, traces/s ${mark(o.rateOk)}, vs naive ${mark(o.ratioOk)}`);
  }
  if (importOk !== undefined) console.log(`  import of an AWS account export: ${mark(importOk)}`);
  const cores = availableParallelism();
  const load = loadavg()[0]!;
  console.log(
    `(whole benchmark: ${fmt((performance.now() - wallStart) / 1000, 1)} s; node ${process.version}; ` +
      `load average ${fmt(loadAtStart, 2)} at start, ${fmt(load, 2)} at end, ${cores} cores${quick ? '; --quick' : ''})`,
  );
  if (Math.max(loadAtStart, load) > cores - 0.5) {
    console.log(
      '  NOTE  the machine was busy with other work: wall-clock rates are low; see the per-CPU-second figures.',
    );
  }
}

if (args.has('profile')) profile();
else main();
