// The step-through player (product.md: Packet Tracer's simulation mode): play, pause, step back and
// forward, restart, speed, and the narration of the current stop. Props in, `onCurrent` out.
import { useEffect, useId, useState } from 'react';
import type { TraceResult } from '../../engine/index.ts';
import type { TraceOverlay } from '../canvas/trace-overlay.ts';
import { narrate } from './narrate.ts';
import './player.css';

export interface TracePlayerProps {
  result: TraceResult;
  overlay: TraceOverlay;
  /** The stop shown on the canvas (an index into `overlay.stops`), or undefined before the first step. */
  current: number | undefined;
  onCurrent: (index: number | undefined) => void;
  className?: string;
}

/** Milliseconds between two stops at 1x. */
export const STEP_MS = 900;

export const PLAYER_SPEEDS = [0.5, 1, 2] as const;
export type PlayerSpeed = (typeof PLAYER_SPEEDS)[number];

/** The stop after `current` (the first one when nothing is shown), or undefined at the end. */
export function nextStop(current: number | undefined, count: number): number | undefined {
  const next = current === undefined ? 0 : current + 1;
  return next < count ? next : undefined;
}

export function TracePlayer({ result, overlay, current, onCurrent, className }: TracePlayerProps) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlayerSpeed>(1);
  const speedId = useId();
  const count = overlay.stops.length;
  const stop = current === undefined ? undefined : overlay.stops[current];
  const atEnd = current !== undefined && current >= count - 1;

  // Playback stops by itself at the last stop (adjusted while rendering, not in an effect).
  const upcoming = nextStop(current, count);
  if (playing && upcoming === undefined) setPlaying(false);

  // One timer per shown stop while playing: nothing runs when paused.
  useEffect(() => {
    if (!playing) return;
    const next = nextStop(current, count);
    if (next === undefined) return;
    const timer = setTimeout(() => onCurrent(next), STEP_MS / speed);
    return () => clearTimeout(timer);
  }, [playing, current, count, speed, onCurrent]);

  const play = () => {
    // Playing again from the end starts over.
    if (atEnd) onCurrent(0);
    else if (current === undefined) onCurrent(0);
    setPlaying(true);
  };
  const back = () => {
    setPlaying(false);
    if (current !== undefined && current > 0) onCurrent(current - 1);
  };
  const forward = () => {
    setPlaying(false);
    const next = nextStop(current, count);
    if (next !== undefined) onCurrent(next);
  };
  const restart = () => {
    setPlaying(false);
    onCurrent(count > 0 ? 0 : undefined);
  };

  const phase = stop === undefined ? '' : stop.direction === 'forward' ? 'Request' : 'Reply';
  return (
    <div className={`vpcsim-player${className ? ` ${className}` : ''}`} data-testid="player">
      <div className="vpcsim-player-controls" role="toolbar" aria-label="Step through the trace">
        <button type="button" onClick={restart} disabled={count === 0} title="Restart" aria-label="Restart">
          |◀
        </button>
        <button
          type="button"
          onClick={back}
          disabled={current === undefined || current === 0}
          title="Step back"
          aria-label="Step back"
          data-testid="player-back"
        >
          ◀◀
        </button>
        {playing ? (
          <button
            type="button"
            onClick={() => setPlaying(false)}
            title="Pause"
            aria-label="Pause"
            data-testid="player-pause"
          >
            ⏸
          </button>
        ) : (
          <button
            type="button"
            onClick={play}
            disabled={count === 0}
            title="Play"
            aria-label="Play"
            data-testid="player-play"
          >
            ▶
          </button>
        )}
        <button
          type="button"
          onClick={forward}
          disabled={count === 0 || atEnd}
          title="Step forward"
          aria-label="Step forward"
          data-testid="player-forward"
        >
          ▶▶
        </button>
        <label className="vpcsim-player-speed" htmlFor={speedId}>
          Speed
        </label>
        <select
          id={speedId}
          value={String(speed)}
          onChange={(e) => setSpeed(PLAYER_SPEEDS.find((s) => String(s) === e.target.value) ?? 1)}
          data-testid="player-speed"
        >
          {PLAYER_SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}x
            </option>
          ))}
        </select>
        <span className="vpcsim-player-progress" data-testid="player-progress" aria-live="off">
          {current === undefined ? 0 : current + 1} / {count}
        </span>
      </div>
      <p
        className={`vpcsim-player-narration${stop?.blocked === true ? ' is-blocked' : ''}${stop?.whatIf === true ? ' is-what-if' : ''}`}
        data-testid="player-narration"
        aria-live="polite"
      >
        {stop === undefined ? (
          'Press play or step forward to follow the packet hop by hop.'
        ) : (
          <>
            <span className={`vpcsim-player-phase vpcsim-player-phase--${stop.direction}`}>{phase}</span>
            {stop.code !== undefined && <code className="vpcsim-player-code">{stop.code}</code>}
            {narrate(stop.component, result)}
          </>
        )}
      </p>
    </div>
  );
}
