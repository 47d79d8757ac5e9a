// The trace tools: the panel, the step-through player and their pure helpers.
export { TracePanel, type TracePanelProps, type TraceOutcome } from './TracePanel.tsx';
export * from './panel-model.ts';
export {
  TracePlayer,
  nextStop,
  STEP_MS,
  PLAYER_SPEEDS,
  type TracePlayerProps,
  type PlayerSpeed,
} from './TracePlayer.tsx';
export { narrate, explanationsAt } from './narrate.ts';
