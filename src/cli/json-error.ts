/**
 * Finds where a text stops being JSON, as a line and column. Node's own `JSON.parse` messages give a
 * character offset at best, and sometimes quote the whole input instead, so a file error needs this.
 */

export interface JsonErrorLocation {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** What was wrong there, in a few words. */
  reason: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The first syntax error of `text`, or undefined when `text` is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    const scanner = new Scanner(text);
    scanner.document();
    return undefined;
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ...lineAndColumn(text, e.offset), reason: e.reason };
    // Nesting deep enough to exhaust the stack: say so rather than guess a place.
    if (e instanceof RangeError) return { line: 1, column: 1, reason: 'nesting too deep to read' };
    throw e;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A strict recursive-descent JSON reader that only validates (RFC 8259). */
class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.whitespace();
    if (this.pos >= this.text.length) this.fail('the file is empty');
    this.value();
    this.whitespace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
  }

  private value(): void {
    const ch = this.text[this.pos];
    switch (ch) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true');
      case 'f':
        return this.literal('false');
      case 'n':
        return this.literal('null');
      default:
        if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number();
        this.fail(`expected a value, found ${this.describeHere()}`);
    }
  }

  private object(): void {
    this.pos++;
    this.whitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.text[this.pos] === '}') this.fail('trailing comma before }');
      if (this.text[this.pos] !== '"')
        this.fail(`expected a double-quoted property name, found ${this.describeHere()}`);
      this.string();
      this.whitespace();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name, found ${this.describeHere()}`);
      this.pos++;
      this.whitespace();
      this.value();
      this.whitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or '}', found ${this.describeHere()}`);
    }
  }

  private array(): void {
    this.pos++;
    this.whitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.text[this.pos] === ']') this.fail('trailing comma before ]');
      this.value();
      this.whitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return;
      }
      this.fail(`expected ',' or ']', found ${this.describeHere()}`);
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) this.fail('unterminated string');
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) {
        this.pos++;
        return;
      }
      if (code < 0x20) this.fail('control character (such as a line break) inside a string');
      if (code === 0x5c) {
        const esc = this.text[this.pos + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('bad \\u escape');
          this.pos += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) this.fail('bad escape sequence in a string');
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  private number(): void {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) this.fail(`bad number`);
    this.pos += m[0].length;
  }

  private literal(word: string): void {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return;
    }
    this.fail(`expected a value, found ${this.describeHere()}`);
  }

  private whitespace(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        this.pos++;
        continue;
      }
      if (ch === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
        this.fail('comments are not allowed in JSON');
      }
      return;
    }
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos, this.pos + 40));
    if (word) return `'${word[0]}'`;
    return `'${this.text[this.pos]}'`;
  }

  private fail(reason: string): never {
    throw new JsonSyntaxError(this.pos, reason);
  }
}
