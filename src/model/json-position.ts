/**
 * Locates the first JSON syntax error in a text, as line and column, because `JSON.parse`'s messages
 * differ between engines and often give no position. Iterative, so deep nesting cannot overflow.
 */

export interface JsonSyntaxError {
  /** 0-based offset of the offending character (the text length for an early end). */
  readonly offset: number;
  /** 1-based line and column of `offset`. */
  readonly line: number;
  readonly column: number;
  /** What was wrong, in words. */
  readonly reason: string;
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'afterValue';

const WS = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Returns the first syntax error of `text`, or undefined when `text` is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  const fail = (offset: number, reason: string): JsonSyntaxError => ({ offset, ...lineColumn(text, offset), reason });
  const n = text.length;
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < n && WS.has(text[i]!)) i++;
    if (i >= n) {
      if (state === 'afterValue' && stack.length === 0) return undefined;
      return fail(n, 'the text ends before the JSON value is complete');
    }
    const ch = text[i]!;
    switch (state) {
      case 'afterValue': {
        const top = stack[stack.length - 1];
        if (top === undefined) return fail(i, `unexpected ${describe(ch)} after the end of the JSON value`);
        if (ch === ',') {
          state = top === '{' ? 'key' : 'value';
          i++;
        } else if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
          stack.pop();
          i++;
        } else {
          return fail(i, `expected ',' or '${top === '{' ? '}' : ']'}' but found ${describe(ch)}`);
        }
        continue;
      }
      case 'colon':
        if (ch !== ':') return fail(i, `expected ':' after a property name but found ${describe(ch)}`);
        state = 'value';
        i++;
        continue;
      case 'key':
      case 'keyOrClose': {
        if (ch === '}' && state === 'keyOrClose') {
          stack.pop();
          state = 'afterValue';
          i++;
          continue;
        }
        if (ch !== '"') return fail(i, `expected a property name in double quotes but found ${describe(ch)}`);
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.reason);
        i = end;
        state = 'colon';
        continue;
      }
      case 'value':
      case 'valueOrClose': {
        if (ch === ']' && state === 'valueOrClose') {
          stack.pop();
          state = 'afterValue';
          i++;
          continue;
        }
        if (ch === '{') {
          stack.push('{');
          state = 'keyOrClose';
          i++;
          continue;
        }
        if (ch === '[') {
          stack.push('[');
          state = 'valueOrClose';
          i++;
          continue;
        }
        const end =
          ch === '"' ? scanString(text, i) : ch === '-' || isDigit(ch) ? scanNumber(text, i) : scanLiteral(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.reason);
        i = end;
        state = 'afterValue';
        continue;
      }
    }
  }
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

interface ScanError {
  readonly offset: number;
  readonly reason: string;
}

function scanString(text: string, start: number): number | ScanError {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 0x20) return { offset: i, reason: 'a control character (such as a raw line break) inside a string' };
    if (c === 92) {
      const e = text[i + 1];
      if (e === undefined) break;
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, reason: 'a malformed \\u escape' };
        i += 6;
        continue;
      }
      if (!ESCAPES.has(e)) return { offset: i, reason: `an invalid escape \\${e} in a string` };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: text.length, reason: 'the text ends inside a string' };
}

function scanNumber(text: string, start: number): number | ScanError {
  let i = start;
  if (text[i] === '-') i++;
  if (text[i] === '0') i++;
  else if (isDigit(text[i])) while (isDigit(text[i])) i++;
  else return { offset: i, reason: `expected a digit but found ${describe(text[i])}` };
  if (text[i] === '.') {
    i++;
    if (!isDigit(text[i])) return { offset: i, reason: `expected a digit after '.' but found ${describe(text[i])}` };
    while (isDigit(text[i])) i++;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text[i]))
      return { offset: i, reason: `expected a digit in the exponent but found ${describe(text[i])}` };
    while (isDigit(text[i])) i++;
  }
  return i;
}

function scanLiteral(text: string, start: number): number | ScanError {
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, start)) return start + word.length;
  }
  return { offset: start, reason: `unexpected ${describe(text[start])}; expected a JSON value` };
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the text';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${ch}'`;
}
