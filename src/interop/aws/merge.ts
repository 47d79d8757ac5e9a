/**
 * Resources keyed by id, merged field by field when several files describe the same one (a shared
 * transit gateway seen by its owner and by a RAM-sharing account, both sides of a peering).
 */
import type { Reporter } from './report.ts';

/** Where a described resource came from. */
export interface Origin {
  readonly file: string;
  /** Path of the object inside the file, e.g. `Vpcs[3]`. */
  readonly path: string;
  /** Account and Region folders of the file (see paths.ts). */
  readonly scope: string;
  /** The account whose credentials produced the file, from `accounts/<id>/` in the path. */
  readonly viewer: string | undefined;
  /** The account that owns the resource (its OwnerId), when the output says. */
  readonly owner: string | undefined;
  readonly pathRegion: string | undefined;
}

/** A resource as first described, with its origin. */
export interface Entry<T> {
  value: T;
  origin: Origin;
}

function ownView(o: Origin): boolean {
  return o.viewer !== undefined && o.viewer === o.owner;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Fills the fields `keep` lacks from `other`, and returns the names of fields both have with
 * different values (`keep`'s values stay).
 */
function mergeInto<T extends object>(keep: T, other: T): string[] {
  const conflicts: string[] = [];
  const target = keep as Record<string, unknown>;
  for (const [key, value] of Object.entries(other)) {
    if (value === undefined) continue;
    const mine = target[key];
    if (mine === undefined) target[key] = value;
    else if (!same(mine, value)) conflicts.push(key);
  }
  return conflicts;
}

/** One kind of resource, by id, in the order first seen. */
export class Collection<T extends { id: string }> {
  readonly entries = new Map<string, Entry<T>>();

  constructor(
    /** How messages name the kind, e.g. `transit gateway`. */
    readonly kind: string,
  ) {}

  get(id: string): Entry<T> | undefined {
    return this.entries.get(id);
  }

  /**
   * Adds a described resource. A second description of the same id is merged: the owner account's
   * view wins, fields only one view has are kept, and differing fields are a warning naming both files.
   */
  add(value: T, origin: Origin, r: Reporter): Entry<T> {
    const prior = this.entries.get(value.id);
    if (!prior) {
      const entry = { value, origin };
      this.entries.set(value.id, entry);
      return entry;
    }
    const newWins = ownView(origin) && !ownView(prior.origin);
    const [keep, other] = newWins ? [value, prior.value] : [prior.value, value];
    const [keptFrom, otherFrom] = newWins ? [origin, prior.origin] : [prior.origin, origin];
    const conflicts = mergeInto(keep, other);
    prior.value = keep;
    prior.origin = keptFrom;
    if (conflicts.length > 0) {
      r.warning(
        'IMPORT_AWS_CONFLICT',
        { file: otherFrom.file, path: otherFrom.path, rid: value.id },
        `${this.kind} ${value.id} is described differently in ${keptFrom.file} and ${otherFrom.file} (${conflicts.join(', ')}); the values from ${keptFrom.file} were kept`,
      );
    }
    return prior;
  }
}
