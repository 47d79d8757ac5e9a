/** Programmer-error helpers: these throw; bad input is reported through diagnostics instead. */

/** Throws when `condition` is false. Use for states the code itself guarantees. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant failed: ${message}`);
}

/** Ends every `switch` over a union so a new member is a type error. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
