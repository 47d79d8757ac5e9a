/** ANSI styling of narration tones and check/lint labels; a no-op when colour is off. */
import type { NarrationLine, NarrationTone } from './narrate.ts';

const CODES: Record<NarrationTone, string> = {
  heading: '\u001b[1m',
  plain: '',
  detail: '\u001b[2m',
  blocked: '\u001b[31m',
  partial: '\u001b[33m',
  note: '\u001b[36m',
  warning: '\u001b[33m',
  ok: '\u001b[32m',
};
const RESET = '\u001b[0m';

export function paint(text: string, tone: NarrationTone, color: boolean): string {
  const code = CODES[tone];
  if (!color || code === '' || text === '') return text;
  return `${code}${text}${RESET}`;
}

export function paintLines(lines: readonly NarrationLine[], color: boolean): string[] {
  return lines.map((line) => paint(line.text, line.tone, color));
}
