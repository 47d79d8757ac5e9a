/**
 * What resolution shares: the ids kept so far with their kind, and one way to check a reference and
 * say why it fails (left out earlier, not collected, or simply unknown).
 */
import { RESOURCE_KIND_LABELS, type TopologyArrayName } from '../../model/index.ts';
import type { Origin } from './merge.ts';
import type { SectionKey } from './recognise.ts';
import type { ImportState } from './state.ts';

/** How messages name each kind (the model's words). */
export const KIND_LABEL = RESOURCE_KIND_LABELS;

/** The place a reference is made from. */
export interface From {
  readonly file: string;
  readonly path: string;
  readonly scope: string;
  /** The referring resource's id. */
  readonly rid: string;
  /** How messages name the referring resource or rule, e.g. `instance i-0abc`. */
  readonly label: string;
  /** The resource belongs to another account than the one whose output holds it (RAM sharing). */
  readonly foreign?: boolean;
}

/** The `From` of a whole resource. */
export function fromOrigin(origin: Origin, rid: string, label: string): From {
  const foreign = origin.owner !== undefined && origin.viewer !== undefined && origin.owner !== origin.viewer;
  return { file: origin.file, path: origin.path, scope: origin.scope, rid, label, foreign };
}

/** Kept ids and reference checks. */
export class Resolver {
  /** Every id in the document so far, with its array. Primary interfaces count as networkInterfaces. */
  readonly kinds = new Map<string, TopologyArrayName>();

  constructor(readonly st: ImportState) {}

  keep(id: string, kind: TopologyArrayName): void {
    this.kinds.set(id, kind);
  }

  has(id: string, kind: TopologyArrayName): boolean {
    return this.kinds.get(id) === kind;
  }

  /** Records that a resource is left out, so that references to it say why. */
  drop(id: string, reason: string): void {
    this.st.leftOut.set(id, reason);
  }

  /**
   * Whether `id` names a kept resource of `kind`. When not, reports it: a warning when it was left
   * out earlier or its call (`collectedAs`) was not given in the referring file's scope, an error
   * when the call was given and the id is not in it. `consequence` ends the message.
   */
  check(
    id: string,
    kind: TopologyArrayName,
    collectedAs: readonly SectionKey[],
    from: From,
    consequence: string,
  ): boolean {
    if (this.kinds.get(id) === kind) return true;
    this.report(id, KIND_LABEL[kind], collectedAs, from, consequence);
    return false;
  }

  /** Reports a reference to `id` that names nothing kept (see check). */
  report(id: string, what: string, collectedAs: readonly SectionKey[], from: From, consequence: string): void {
    const r = this.st.r;
    const where = { file: from.file, path: from.path, rid: from.rid };
    const reason = this.st.leftOut.get(id);
    if (reason !== undefined) {
      r.warning(
        'IMPORT_AWS_DEPENDENCY_LEFT_OUT',
        where,
        `${from.file}: ${from.label} names ${what} ${id}, which was left out (${reason}); ${consequence}`,
      );
    } else if (from.foreign !== true && collectedAs.some((key) => this.st.wasCollected(from.scope, key))) {
      r.error(
        'IMPORT_AWS_UNKNOWN_REFERENCE',
        where,
        `${from.file}: ${from.label} names ${what} ${id}, which is not in the import; ${consequence}`,
      );
    } else {
      r.warning(
        'IMPORT_AWS_NOT_COLLECTED',
        where,
        from.foreign === true
          ? `${from.file}: ${from.label} (shared by another account) names ${what} ${id}, which only its owner's output would hold; ${consequence}`
          : `${from.file}: ${from.label} names ${what} ${id}, but no ${collectedAs.join(' / ')} output was given for ${describeScope(from.scope)}; ${consequence}`,
      );
    }
  }

  /** The ids of `ids` that name kept resources of `kind`; the others are reported and removed. */
  filter(
    ids: readonly string[],
    kind: TopologyArrayName,
    collectedAs: readonly SectionKey[],
    from: From,
    consequence: string,
  ): string[] {
    return ids.filter((id) => this.check(id, kind, collectedAs, from, consequence));
  }
}

/** `account 111122223333 in us-east-1` for a scope `111122223333/us-east-1`. */
export function describeScope(scope: string): string {
  const [account = '', region = ''] = scope.split('/');
  if (account === '' && region === '') return 'the input';
  if (account === '') return `Region ${region}`;
  return region === '' ? `account ${account}` : `account ${account} in ${region}`;
}
