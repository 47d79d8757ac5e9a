export * from './types.ts';
export * from './diagnostic.ts';
export * from './codes.ts';
export * from './parse.ts';
export * from './validate.ts';
export { FORBIDDEN_VPC_RANGES, NOT_PUBLIC_RANGES } from './validate-addressing.ts';
export * from './serialize.ts';
export { locateJsonError, type JsonSyntaxError } from './json-position.ts';
export * from './edit/index.ts';
