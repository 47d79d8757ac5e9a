// The editor store's public interface: state, commands, memoized selectors and persistence.
export * from './editor-store.ts';
export * from './analysis.ts';
export * from './persistence.ts';
