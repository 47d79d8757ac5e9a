export * from './assert.ts';
export * from './result.ts';
export * from './ip.ts';
export * from './ports.ts';
