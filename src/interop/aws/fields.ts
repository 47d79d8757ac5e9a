/**
 * Reads fields of untrusted `describe-*` JSON one at a time: every read checks the JSON type, and a
 * missing or wrong field becomes a diagnostic naming the file, the resource and the field.
 */
import type { Reporter, Where } from './report.ts';

/** A plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** One JSON object of the input, its place, and the resource it belongs to. */
export class Rec {
  constructor(
    readonly data: Record<string, unknown>,
    readonly file: string,
    readonly path: string,
    readonly r: Reporter,
    /** Id of the resource the object belongs to, once known. */
    public rid: string | undefined = undefined,
    /** How messages name the object, e.g. `route table rtb-0abc`. */
    public label: string = path,
  ) {}

  /** Where a field of this object sits, for diagnostics. */
  at(key?: string): Where {
    return { file: this.file, path: key === undefined ? this.path : `${this.path}.${key}`, rid: this.rid };
  }

  has(key: string): boolean {
    const v = own(this.data, key);
    return v !== undefined && v !== null;
  }

  private missing(key: string, consequence: string): void {
    this.r.error('IMPORT_AWS_FIELD_MISSING', this.at(key), `${this.file}: ${this.label} has no ${key}; ${consequence}`);
  }

  private wrongType(key: string, value: unknown, expected: string, consequence: string | undefined): void {
    const message = `${this.file}: ${this.label} field ${key} is ${typeName(value)}, expected ${expected}; ${consequence ?? 'the field is ignored'}`;
    if (consequence === undefined) this.r.warning('IMPORT_AWS_FIELD_TYPE', this.at(key), message);
    else this.r.error('IMPORT_AWS_FIELD_TYPE', this.at(key), message);
  }

  /**
   * Reads the object's id field and makes it the resource id of later diagnostics. A missing id is
   * an error: the object is left out.
   */
  id(key: string, kind: string): string | undefined {
    const id = this.str(key, `the ${kind} is left out`);
    if (id !== undefined) {
      this.rid = id;
      this.label = `${kind} ${id}`;
    }
    return id;
  }

  /**
   * A non-empty string. With `required` (the consequence, e.g. `the route is left out`), absence
   * and a wrong type are errors; otherwise a wrong type is a warning and the field is ignored.
   */
  str(key: string, required?: string): string | undefined {
    const v = own(this.data, key);
    if (v === undefined || v === null || v === '') {
      if (required !== undefined) this.missing(key, required);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.wrongType(key, v, 'a string', required);
      return undefined;
    }
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = own(this.data, key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.wrongType(key, v, 'true or false', undefined);
      return undefined;
    }
    return v;
  }

  /** An integer (AWS prints port numbers, rule numbers and device indexes as JSON numbers). */
  int(key: string, required?: string): number | undefined {
    const v = own(this.data, key);
    if (v === undefined || v === null) {
      if (required !== undefined) this.missing(key, required);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.wrongType(key, v, 'an integer', required);
      return undefined;
    }
    return v;
  }

  /** A nested object, or undefined (a wrong type is a warning). */
  obj(key: string): Rec | undefined {
    const v = own(this.data, key);
    if (v === undefined || v === null) return undefined;
    if (!isRecord(v)) {
      this.wrongType(key, v, 'an object', undefined);
      return undefined;
    }
    return new Rec(v, this.file, `${this.path}.${key}`, this.r, this.rid, this.label);
  }

  /** A nested object the mapping needs: absence or a wrong type is an error with `consequence`. */
  objReq(key: string, consequence: string): Rec | undefined {
    const v = own(this.data, key);
    if (v === undefined || v === null) {
      this.missing(key, consequence);
      return undefined;
    }
    if (!isRecord(v)) {
      this.wrongType(key, v, 'an object', consequence);
      return undefined;
    }
    return new Rec(v, this.file, `${this.path}.${key}`, this.r, this.rid, this.label);
  }

  /** The elements of an array field; absent = empty, a wrong type is a warning. */
  list(key: string): unknown[] {
    const v = own(this.data, key);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      this.wrongType(key, v, 'an array', undefined);
      return [];
    }
    return v;
  }

  /** The object elements of an array field; other elements are reported and skipped. */
  records(key: string): Rec[] {
    const out: Rec[] = [];
    const items = this.list(key);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const path = `${this.path}.${key}[${i}]`;
      if (isRecord(item)) {
        out.push(new Rec(item, this.file, path, this.r, this.rid, this.label));
      } else {
        this.r.warning(
          'IMPORT_AWS_FIELD_TYPE',
          { file: this.file, path, rid: this.rid },
          `${this.file}: ${this.label} ${key}[${i}] is ${typeName(item)}, expected an object; it is ignored`,
        );
      }
    }
    return out;
  }

  /** The string elements of an array field; other elements are reported and skipped. */
  strings(key: string): string[] {
    const out: string[] = [];
    const items = this.list(key);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'string' && item !== '') out.push(item);
      else {
        this.r.warning(
          'IMPORT_AWS_FIELD_TYPE',
          { file: this.file, path: `${this.path}.${key}[${i}]`, rid: this.rid },
          `${this.file}: ${this.label} ${key}[${i}] is ${typeName(item)}, expected a string; it is ignored`,
        );
      }
    }
    return out;
  }

  /** The value of the `Name` tag (`Tags`, or `TagSet` on network interfaces). */
  name(): string | undefined {
    const key = this.has('Tags') ? 'Tags' : 'TagSet';
    const tags = own(this.data, key);
    if (!Array.isArray(tags)) return undefined;
    for (const tag of tags) {
      if (isRecord(tag) && tag['Key'] === 'Name' && typeof tag['Value'] === 'string' && tag['Value'] !== '') {
        return tag['Value'];
      }
    }
    return undefined;
  }

  /** A child object with its own path, e.g. one route of a route table. */
  child(obj: Record<string, unknown>, path: string, label: string): Rec {
    return new Rec(obj, this.file, path, this.r, this.rid, label);
  }
}
