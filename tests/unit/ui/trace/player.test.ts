// The step-through player rendered on the server: its controls and progress, the narration of the
// current stop, and the order of stops it steps through.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { traceOverlay } from '../../../../src/ui/canvas/trace-overlay.ts';
import { TracePlayer, nextStop } from '../../../../src/ui/trace/TracePlayer.tsx';
import { narrate } from '../../../../src/ui/trace/narrate.ts';
import { loadScenario } from './scenario-traces.ts';

const { document, traces } = loadScenario('public-private-nat');
const blocked = traces.find((t) => t.result.verdict === 'BLOCKED' && t.result.forward.length > 3);
if (blocked === undefined) throw new Error('no blocked trace');
const overlay = traceOverlay(document, blocked.result);

const render = (current: number | undefined) =>
  renderToStaticMarkup(createElement(TracePlayer, { result: blocked.result, overlay, current, onCurrent: () => {} }));

describe('TracePlayer', () => {
  it('steps through every stop in order and stops at the end', () => {
    const seen: number[] = [];
    for (let i = nextStop(undefined, overlay.stops.length); i !== undefined; i = nextStop(i, overlay.stops.length)) {
      seen.push(i);
    }
    expect(seen).toEqual(overlay.stops.map((s) => s.index));
  });

  it('renders the controls, the progress and a prompt before the first step', () => {
    const html = render(undefined);
    for (const id of [
      'player',
      'player-play',
      'player-back',
      'player-forward',
      'player-narration',
      'player-progress',
    ]) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain(`0 / ${overlay.stops.length}`);
  });

  it('narrates the current stop, with the blocker code on the blocked one', () => {
    const at = overlay.blocker ?? 0;
    const stop = overlay.stops[at];
    if (stop === undefined) throw new Error('no stop');
    const html = render(at);
    expect(html).toContain(`${at + 1} / ${overlay.stops.length}`);
    expect(html).toContain(stop.componentId);
    expect(html).toContain(stop.code ?? '');
    expect(html).toContain('is-blocked');
    expect(narrate(stop.component, blocked.result).length).toBeGreaterThan(0);
  });
});
