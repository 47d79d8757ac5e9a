// Edit recipes: functions that change a document draft (immer or a plain clone) and keep it loadable.
export * from './types.ts';
export * from './update.ts';
