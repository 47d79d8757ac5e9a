// Terraform resource names for exported resources: readable slugs of a resource's name or id,
// unique per resource type, assigned in document order so the same document always gets the same names.

/** The longest slug kept; longer names are cut at a word boundary where possible. */
const MAX_SLUG = 48;

/**
 * `text` as a Terraform name: lower case, runs of anything outside [a-z0-9] become one `_`, no `_` at
 * either end, a leading digit gets an `r_` prefix (names must start with a letter or `_`). Accented
 * letters lose their accents. Empty when nothing usable remains.
 */
export function slug(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s.length > MAX_SLUG) {
    const cut = s.slice(0, MAX_SLUG);
    const at = cut.lastIndexOf('_');
    s = at >= MAX_SLUG / 2 ? cut.slice(0, at) : cut;
  }
  if (/^[0-9]/.test(s)) s = `r_${s}`;
  return s;
}

/** Hands out names unique within each Terraform resource type (an address is `type.name`). */
export class Namer {
  private readonly taken = new Map<string, Set<string>>();

  /**
   * A free name for `type` built from the first candidate with a usable slug (`fallback` when none
   * has one); a taken name gets `_2`, `_3`, ... appended.
   */
  claim(type: string, candidates: (string | undefined)[], fallback: string): string {
    let used = this.taken.get(type);
    if (!used) {
      used = new Set();
      this.taken.set(type, used);
    }
    let base = fallback;
    for (const c of candidates) {
      const s = c === undefined ? '' : slug(c);
      if (s !== '') {
        base = s;
        break;
      }
    }
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  }
}
