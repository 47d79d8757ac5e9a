// Edit recipes: functions that change a document draft (immer or a plain clone) and keep it loadable.
export * from './types.ts';
export * from './update.ts';
export * from './next-free.ts';
export * from './layout.ts';
export * from './create.ts';
export * from './delete.ts';
export * from './clipboard.ts';
export * from './fix.ts';
