// `npm run bench:ui`: the editor in Chromium against `vite preview` of dist/. Opens generated documents of
// about 300 and 1,000 canvas nodes (put in localStorage before the page loads, as a restored session) and
// measures time to interactive (navigation start to the nodes shown and a click on one answered) and frame
// times (requestAnimationFrame) while panning the canvas with the mouse (at zoom to fit, and zoomed in to
// 100 %) and while dragging an instance and a VPC, with the main thread's busy time. Prints two tables and
// the goals with PASS/FAIL. Then imports a generated AWS account export of 5,000 instances through "Import
// folder…" and reports how responsive the page stays while the worker imports, and the time to the report. Informational: exits 0 unless the benchmark itself cannot run. Options: --runs=N (page loads
// per document, default 3), --seconds=N (length of each gesture, default 3).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import type { Document } from '../src/model/index.ts';
import { generateAwsExport } from './aws-export.ts';
import { canvasNodeCount, generateDocument, LARGE, SMALL, type DocumentShape } from './ui-documents.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EDITOR_KEY = 'vpcsim.editor';
const VIEWPORT = { width: 1600, height: 1000 };
const GOALS = { interactive300Ms: 1500, pan1000Fps: 30, matrixMs: 1000, importFrameGapMs: 200 };
const IMPORT_INSTANCES = 5000;

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = 'true'] = a.replace(/^--/, '').split('=');
    return [k!, v];
  }),
);
const RUNS = Math.max(1, Number(args.get('runs') ?? 3));
const GESTURE_MS = Math.max(0.5, Number(args.get('seconds') ?? 3)) * 1000;

// --- The preview server ----------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`vite preview did not answer on port ${port} within 30 s:\n${output}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

// --- Measurements ---------------------------------------------------------------------------------------

interface Load {
  /** Navigation start to the first instance node drawn (measured, not hidden). */
  shownMs: number;
  /**
   * Navigation start to that node selected after a real mouse click on it. Playwright clicks as soon as the
   * node is visible and stable, i.e. after the editor's 200 ms zoom-to-fit animation on load.
   */
  interactiveMs: number;
  /** From the click's pointerdown to the selection drawn (the click is sent once the node is stable). */
  clickMs: number;
  renderedNodes: number;
}

interface Frames {
  frames: number;
  /** Frames in which the moved element was at a new place. */
  moves: number;
  /** Nodes in the DOM at the end of the gesture (React Flow draws only visible ones beyond 400), and the zoom. */
  drawn: number;
  zoom: number;
  fps: number;
  p95Ms: number;
  maxMs: number;
  /** Main-thread time during the gesture: all tasks, JavaScript, style and layout. */
  taskMs: number;
  scriptMs: number;
  styleLayoutMs: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Opens the editor on `document` in a fresh context and measures when it is usable. */
async function load(
  browser: Browser,
  url: string,
  document: Document,
  probeId: string,
): Promise<{ page: Page; load: Load }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const entry = JSON.stringify({
    format: 'vpcsim-editor/1',
    document,
    source: { kind: 'file', name: 'bench.json' },
    dirty: false,
  });
  // tsx (esbuild, keepNames) wraps named functions in `__name(...)`; functions sent to the page need it too.
  await context.addInitScript('window.__name = (fn) => fn;');
  await context.addInitScript(
    ({ key, value, probe }) => {
      window.localStorage.setItem(key, value);
      const marks: { shown?: number; pressed?: number; selected?: number } = {};
      window.addEventListener('pointerdown', () => (marks.pressed ??= performance.now()), { capture: true });
      (window as unknown as { __bench: typeof marks }).__bench = marks;
      // Each frame until the probe node is drawn (React Flow keeps unmeasured nodes hidden), then until it
      // is selected.
      const watch = () => {
        const node = window.document.querySelector(`.react-flow__node[data-id="${probe}"]`);
        if (node && marks.shown === undefined && getComputedStyle(node).visibility !== 'hidden') {
          marks.shown = performance.now();
        }
        if (node && node.classList.contains('selected')) {
          marks.selected = performance.now();
          return;
        }
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    },
    { key: EDITOR_KEY, value: entry, probe: probeId },
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url, { waitUntil: 'commit' });
  const probe = page.locator(`.react-flow__node[data-id="${probeId}"]`);
  await probe.waitFor({ state: 'visible', timeout: 60_000 });
  await probe.click({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { __bench: { selected?: number } }).__bench.selected, null, {
    timeout: 60_000,
  });
  const marks = await page.evaluate(
    () => (window as unknown as { __bench: { shown: number; pressed: number; selected: number } }).__bench,
  );
  const renderedNodes = await page.locator('.react-flow__node').count();
  if (errors.length > 0) throw new Error(`the page logged errors: ${errors.join(' | ')}`);
  const title = await page.getByTestId('document-title').textContent();
  if (!title?.includes(document.meta?.title ?? ''))
    throw new Error(`the editor did not open the document (title ${title})`);
  return {
    page,
    load: {
      shownMs: marks.shown,
      interactiveMs: marks.selected,
      clickMs: marks.selected - marks.pressed,
      renderedNodes,
    },
  };
}

/** Main-thread time Chromium reports (CDP Performance.getMetrics), in ms. */
async function mainThreadMs(session: CDPSession): Promise<{ task: number; script: number; styleLayout: number }> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const pick = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: pick('TaskDuration'),
    script: pick('ScriptDuration'),
    styleLayout: pick('RecalcStyleDuration') + pick('LayoutDuration'),
  };
}

/**
 * Frame times while `gesture` runs (requestAnimationFrame timestamps), how many frames showed `moving` at a
 * new place (its transform changed: proof the gesture did something), and the main thread's time.
 */
async function recordFrames(page: Page, moving: string, gesture: () => Promise<void>): Promise<Frames> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await page.evaluate((selector) => {
    const w = window as unknown as { __frames: number[]; __moves: number; __recording: boolean };
    w.__frames = [];
    w.__moves = 0;
    w.__recording = true;
    let last = '';
    const tick = (t: number) => {
      if (!w.__recording) return;
      w.__frames.push(t);
      const el = window.document.querySelector(selector);
      const transform = el instanceof HTMLElement ? el.style.transform : '';
      if (transform !== last) w.__moves++;
      last = transform;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, moving);
  const before = await mainThreadMs(session);
  await gesture();
  const after = await mainThreadMs(session);
  const drawn = await page.locator('.react-flow__node').count();
  const zoom = await zoomOf(page);
  const { stamps, moves } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __moves: number; __recording: boolean };
    w.__recording = false;
    return { stamps: w.__frames, moves: w.__moves };
  });
  await session.detach();
  const deltas = stamps.slice(1).map((t, i) => t - stamps[i]!);
  const span = stamps.length > 1 ? stamps.at(-1)! - stamps[0]! : 0;
  const sorted = [...deltas].sort((a, b) => a - b);
  if (moves < 10) throw new Error(`the gesture did not move ${moving} (${moves} positions seen)`);
  return {
    frames: deltas.length,
    moves,
    drawn,
    zoom,
    fps: span > 0 ? (deltas.length * 1000) / span : 0,
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? NaN,
    taskMs: after.task - before.task,
    scriptMs: after.script - before.script,
    styleLayoutMs: after.styleLayout - before.styleLayout,
  };
}

/** Moves the pressed mouse around `from` on a circle of `radius` px for GESTURE_MS. */
async function circle(page: Page, from: { x: number; y: number }, radius: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const start = Date.now();
  // Ease in: a first small move starts React Flow's drag or d3-zoom's pan.
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 2 });
  while (Date.now() - start < GESTURE_MS) {
    const angle = ((Date.now() - start) / 1500) * 2 * Math.PI;
    await page.mouse.move(from.x + radius * Math.sin(angle), from.y + radius * (1 - Math.cos(angle)));
  }
}

/** A point of the empty pane (React Flow pans when the pane itself is dragged). */
async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  for (const [fx, fy] of [
    [0.02, 0.03],
    [0.98, 0.03],
    [0.02, 0.5],
    [0.5, 0.02],
  ] as const) {
    const point = { x: box.x + box.width * fx, y: box.y + box.height * fy };
    const onPane = await page.evaluate(
      ({ x, y }) => window.document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') ?? false,
      point,
    );
    if (onPane) return point;
  }
  throw new Error('no empty pane to grab in the canvas');
}

/** The canvas's zoom (the scale of React Flow's viewport transform). */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

/**
 * Pans with the mouse. At zoom to fit: by dragging the empty pane around the network. With `zoom`: first
 * zooms in with the wheel at the canvas's centre to at least `zoom`, then drags from there holding Space
 * (React Flow's pan key: the drag pans even over nodes, where the pane is covered).
 */
async function pan(page: Page, zoom?: number): Promise<Frames> {
  if (zoom === undefined) {
    const point = await panePoint(page);
    const frames = await recordFrames(page, '.react-flow__viewport', () => circle(page, point, 200));
    await page.mouse.up();
    return frames;
  }
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 40 && (await zoomOf(page)) < zoom; i++) {
    await page.mouse.wheel(0, -150);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(500);
  await page.getByTestId('canvas').focus();
  await page.keyboard.down('Space');
  try {
    const frames = await recordFrames(page, '.react-flow__viewport', () => circle(page, centre, 200));
    await page.mouse.up();
    return frames;
  } finally {
    await page.keyboard.up('Space');
  }
}

/** A point where the node itself (not a child box, not an edge) is on top. */
async function grabPoint(page: Page, nodeId: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((id) => {
    const node = window.document.querySelector(`.react-flow__node[data-id="${id}"]`);
    if (!node) return undefined;
    const r = node.getBoundingClientRect();
    // Pixel rows from the top (a container shows itself only in its header), ten points across each.
    for (let y = Math.ceil(r.top) + 1; y < r.bottom - 1; y++) {
      for (let i = 1; i < 10; i++) {
        const x = r.left + (r.width * i) / 10;
        const hit = window.document.elementFromPoint(x, y)?.closest('.react-flow__node');
        if (hit?.getAttribute('data-id') === id) return { x, y };
      }
    }
    return undefined;
  }, nodeId);
  if (!point) throw new Error(`node ${nodeId} is not drawn, or covered everywhere`);
  return point;
}

async function dragNode(page: Page, nodeId: string): Promise<Frames> {
  const point = await grabPoint(page, nodeId);
  const frames = await recordFrames(page, `.react-flow__node[data-id="${nodeId}"]`, () => circle(page, point, 60));
  await page.mouse.up();
  return frames;
}

// --- The run --------------------------------------------------------------------------------------------

interface Row {
  label: string;
  nodes: number;
  loads: Load[];
  pan: Frames;
  panZoomed: Frames;
  dragLeaf: Frames;
  dragVpc: Frames;
}

async function measure(browser: Browser, url: string, label: string, shape: DocumentShape): Promise<Row> {
  const document = generateDocument(shape, `UI bench ${label}`);
  const nodes = canvasNodeCount(document);
  const probe = 'i-1-1-1';
  const loads: Load[] = [];
  let last: Page | undefined;
  for (let run = 0; run < RUNS; run++) {
    if (last) await last.context().close();
    const opened = await load(browser, url, document, probe);
    loads.push(opened.load);
    last = opened.page;
    process.stdout.write(
      `  ${label}: load ${run + 1}/${RUNS}: shown ${opened.load.shownMs.toFixed(0)} ms, interactive ${opened.load.interactiveMs.toFixed(0)} ms (click answered in ${opened.load.clickMs.toFixed(0)} ms)\n`,
    );
  }
  const page = last!;
  // Let the page settle (lazy chunks, the minimap) before the gestures.
  await page.waitForTimeout(500);
  const panFrames = await pan(page);
  await page.getByTestId('toolbar-fit').click();
  await page.waitForTimeout(500);
  const panZoomed = await pan(page, 1);
  await page.getByTestId('toolbar-fit').click();
  await page.waitForTimeout(500);
  const dragLeaf = await dragNode(page, `i-1-1-${shape.instancesPerSubnet}`);
  await page.waitForTimeout(500);
  const dragVpc = await dragNode(page, 'vpc-2');
  await page.context().close();
  return { label, nodes, loads, pan: panFrames, panZoomed, dragLeaf, dragVpc };
}

function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '-';
}

function printTable(header: readonly string[], body: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
}

function tables(rows: readonly Row[]): void {
  printTable(
    ['document', 'nodes', 'drawn', 'shown ms', 'interactive ms', 'click ms', 'runs (interactive ms)'],
    rows.map((r) => [
      r.label,
      String(r.nodes),
      String(r.loads.at(-1)?.renderedNodes ?? '-'),
      fmt(median(r.loads.map((l) => l.shownMs))),
      fmt(median(r.loads.map((l) => l.interactiveMs))),
      fmt(median(r.loads.map((l) => l.clickMs))),
      r.loads.map((l) => fmt(l.interactiveMs)).join(' / '),
    ]),
  );
  console.log('');
  const gestures: [string, (r: Row) => Frames][] = [
    ['pan (zoom to fit)', (r) => r.pan],
    ['pan (zoom >= 100 %)', (r) => r.panZoomed],
    ['drag an instance', (r) => r.dragLeaf],
    ['drag a VPC', (r) => r.dragVpc],
  ];
  printTable(
    [
      'document',
      'gesture',
      'zoom',
      'drawn',
      'frames',
      'moved',
      'avg fps',
      'p95 frame ms',
      'max frame ms',
      'busy ms',
      'script ms',
      'style+layout ms',
    ],
    rows.flatMap((r) =>
      gestures.map(([name, pick]) => {
        const f = pick(r);
        return [
          r.label,
          name,
          fmt(f.zoom, 2),
          String(f.drawn),
          String(f.frames),
          String(f.moves),
          fmt(f.fps, 1),
          fmt(f.p95Ms, 1),
          fmt(f.maxMs, 1),
          fmt(f.taskMs),
          fmt(f.scriptMs),
          fmt(f.styleLayoutMs),
        ];
      }),
    ),
  );
}

/** The matrix document: 5 VPCs x 4 subnets x 5 instances = 100 instances. */
const MATRIX_INSTANCES = 100;

/**
 * The reachability matrix in the browser: the Matrix tab opens on every instance against every instance
 * and the internet, tcp/443; timed from the tab click until every cell is drawn and nothing is pending.
 */
async function measureMatrix(browser: Browser, url: string): Promise<number> {
  const document = generateDocument({ vpcs: 5, subnetsPerVpc: 4, instancesPerSubnet: 5 }, 'UI bench matrix');
  const cells = MATRIX_INSTANCES * (MATRIX_INSTANCES + 1);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { page } = await load(browser, url, document, 'i-1-1-1');
    await page.waitForTimeout(300);
    const start = Date.now();
    await page.getByTestId('tab-matrix').click();
    await page.waitForFunction(
      (n) =>
        window.document.querySelectorAll('[data-testid="matrix-cell"]').length === n &&
        window.document.querySelector('[data-testid="matrix"]')?.getAttribute('aria-busy') !== 'true',
      cells,
      { timeout: 60_000, polling: 20 },
    );
    times.push(Date.now() - start);
    await page.context().close();
  }
  return median(times);
}

interface ImportFigures {
  /** From choosing the folder to the import report shown. */
  reportMs: number;
  /** The longest time between two animation frames while "Importing…" showed: how long the page froze. */
  maxFrameGapMs: number;
  /** Main-thread tasks over 50 ms from the choice to the report and 3 s after (opening the network). */
  longTasksMs: number[];
}

/** The generated export written as a folder, as collect-aws.sh would leave it. */
function writeAwsExport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpcsim-bench-export-'));
  for (const file of generateAwsExport({ instances: IMPORT_INSTANCES })) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return dir;
}

async function measureImport(browser: Browser, url: string, folder: string): Promise<ImportFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('canvas').waitFor();
  // A string, not a function: tsx would wrap named functions with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__gaps = [];
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__long.push(entry.duration);
    }).observe({ entryTypes: ['longtask'] });
    let last = performance.now();
    let seen = false;
    requestAnimationFrame(function tick(now) {
      const busy = document.querySelector('[data-testid="import-busy"]') !== null;
      if (busy) {
        seen = true;
        window.__gaps.push(now - last);
      }
      last = now;
      if (!seen || busy) requestAnimationFrame(tick);
    });
  })()`);
  const start = Date.now();
  await page.getByTestId('open-folder-input').setInputFiles(folder);
  await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
  const reportMs = Date.now() - start;
  await page.waitForTimeout(3000);
  const figures = await page.evaluate(() => {
    const w = window as unknown as { __gaps: number[]; __long: number[] };
    return { gaps: w.__gaps, long: w.__long };
  });
  await context.close();
  return {
    reportMs,
    maxFrameGapMs: Math.max(0, ...figures.gaps),
    longTasksMs: figures.long.map((ms) => Math.round(ms)),
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `vite build` first (npm run bench:ui does)');
  }
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const port = await freePort();
  const server = await startPreview(port);
  let browser: Browser | undefined;
  const onSignal = () => {
    void stop(server).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  try {
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const url = `http://127.0.0.1:${port}/`;
    console.log(
      `vpcsim UI bench: Chromium ${browser.version()}, vite preview on ${url}, viewport ${VIEWPORT.width}x${VIEWPORT.height}`,
    );
    console.log(`${RUNS} page loads per document (median shown), gestures of ${GESTURE_MS / 1000} s\n`);
    const rows: Row[] = [];
    rows.push(await measure(browser, url, '300', SMALL));
    rows.push(await measure(browser, url, '1000', LARGE));
    console.log('');
    tables(rows);

    const matrixMs = await measureMatrix(browser, url);
    console.log(
      `\nmatrix: ${MATRIX_INSTANCES} instances x (${MATRIX_INSTANCES} instances + internet), tcp/443: ${fmt(matrixMs)} ms from opening the tab to every cell drawn (median of ${RUNS})`,
    );

    const folder = writeAwsExport();
    let imported: ImportFigures;
    try {
      imported = await measureImport(browser, url, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    console.log(
      `\nimport: a generated AWS export of ${fmt(IMPORT_INSTANCES)} instances through Import folder…: report after ${fmt(imported.reportMs)} ms; ` +
        `longest frame gap while importing ${fmt(imported.maxFrameGapMs)} ms; main-thread tasks over 50 ms, import and opening: ` +
        `${imported.longTasksMs.map((ms) => fmt(ms)).join(', ')} ms`,
    );

    const small = rows[0]!;
    const large = rows[1]!;
    const interactive = median(small.loads.map((l) => l.interactiveMs));
    const goals = [
      {
        name: `${small.nodes} nodes interactive < ${GOALS.interactive300Ms} ms`,
        value: `${fmt(interactive)} ms`,
        pass: interactive < GOALS.interactive300Ms,
      },
      {
        name: `panning ${large.nodes} nodes >= ${GOALS.pan1000Fps} fps`,
        value: `${fmt(large.pan.fps, 1)} fps (p95 ${fmt(large.pan.p95Ms, 1)} ms)`,
        pass: large.pan.fps >= GOALS.pan1000Fps,
      },
      {
        name: `page answers while ${fmt(IMPORT_INSTANCES)} instances import: frame gap < ${GOALS.importFrameGapMs} ms`,
        value: `${fmt(imported.maxFrameGapMs)} ms`,
        pass: imported.maxFrameGapMs < GOALS.importFrameGapMs,
      },
      {
        name: `${MATRIX_INSTANCES} x ${MATRIX_INSTANCES + 1} matrix < ${GOALS.matrixMs} ms`,
        value: `${fmt(matrixMs)} ms`,
        pass: matrixMs < GOALS.matrixMs,
      },
    ];
    console.log('\nGoals:');
    for (const g of goals) console.log(`  ${g.pass ? 'PASS' : 'FAIL'}  ${g.name}: ${g.value}`);
  } finally {
    process.off('SIGINT', onSignal);
    await browser?.close();
    await stop(server);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
