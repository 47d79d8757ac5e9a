/** The catalogue of `CFG_*` diagnostic codes (filled in by the validator work). */
export const DIAGNOSTIC_CODES = {} as const satisfies Record<string, { summary: string; doc: string }>;
