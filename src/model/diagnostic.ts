/**
 * Diagnostics: bad input reported as data. `fatal` means the document cannot be understood (the CLI
 * exits 2 and nothing is traced); `error` means AWS would reject the configuration (it is still traced,
 * and a path that depends on the broken element says so); `warning` is advice.
 */

export type Severity = 'fatal' | 'error' | 'warning';

export interface Diagnostic {
  /** A `CFG_*` code from the catalogue in `codes.ts`. */
  code: string;
  severity: Severity;
  /** The resource the problem belongs to, when there is one. */
  resourceId?: string;
  /** Where in the document, e.g. `topology.subnets[2].cidrBlock`. */
  path?: string;
  /** One sentence a person understands, naming the value and the rule. */
  message: string;
}
