// The document's `exam` field (docs/exam.md): its types, a reader that checks its shape into
// diagnostics (never throws), and the recipe that applies an exercise's edits to a document draft.
import type { Diagnostic } from './diagnostic.ts';
import { applyFix, type FixEdit } from './edit/fix.ts';
import type { Check, CheckVerdict, Document, TopologyArrayName } from './types.ts';

/** A question without the name and expectation of a check (format.md 5). */
export type ExamQuery = Omit<Check, 'name' | 'expect' | 'blockedAt' | 'code' | 'direction'>;

/** A change to the network: a fix edit, or one of three general edits. */
export type ExamEdit =
  | FixEdit
  | { kind: 'setField'; resourceId: string; field: string; value: unknown }
  | { kind: 'addResource'; array: TopologyArrayName; resource: { id: string } & Record<string, unknown> }
  | { kind: 'removeResource'; resourceId: string };

export interface PredictExercise {
  id: string;
  kind: 'predict';
  question: string;
  query: ExamQuery;
  answer: { verdict: CheckVerdict; blockedAt?: string };
  explanation: string;
}

export interface ExamChoice {
  id: string;
  text: string;
  edits: ExamEdit[];
  /** Why this choice is right or wrong, shown after the answer. */
  why?: string;
}

export interface ChooseFixExercise {
  id: string;
  kind: 'chooseFix';
  question: string;
  constraints?: string[];
  goals: Check[];
  guards?: Check[];
  choices: ExamChoice[];
  answer: string;
  explanation: string;
}

export interface BreakFixExercise {
  id: string;
  kind: 'breakFix';
  task: string;
  goals: Check[];
  hints: string[];
  solution: ExamEdit[];
  explanation: string;
}

export type Exercise = PredictExercise | ChooseFixExercise | BreakFixExercise;

export interface ExamMeta {
  exams: string[];
  topics: string[];
  exercises: Exercise[];
}

/** The codes of exam diagnostics: the shape here, the truth in src/engine/exam.ts. */
export const EXAM_CODES = {
  EXAM_SHAPE: 'The exam field or an exercise is missing a field or has one of the wrong type.',
  EXAM_DUPLICATE_ID: 'Two exercises share an id.',
  EXAM_UNKNOWN_ANSWER: 'A choose-the-fix answer names no choice.',
  EXAM_PREDICT_WRONG: "A predict exercise's answer is not what the engine says.",
  EXAM_CHOICES_WRONG: 'Not exactly the answer among the choices makes every goal and guard pass.',
  EXAM_NOT_BROKEN: 'A break-fix network already passes every goal.',
  EXAM_SOLUTION_FAILS: 'The reference solution of a break-fix exercise does not make every goal pass.',
  EXAM_EDIT_FAILED: 'An edit names something the document does not have.',
} as const;

export type ExamCode = keyof typeof EXAM_CODES;

const VERDICTS: readonly string[] = ['REACHABLE', 'REACHABLE_PARTIAL', 'BLOCKED', 'UNSUPPORTED', 'INVALID_CONFIG'];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

function isCheck(v: unknown, named: boolean): boolean {
  if (!isRec(v) || !isText(v.from) || !isText(v.to)) return false;
  if (v.protocol !== undefined && !isText(v.protocol)) return false;
  if (v.port !== undefined && (typeof v.port !== 'number' || !Number.isInteger(v.port))) return false;
  if (!named) return true;
  return isText(v.name) && typeof v.expect === 'string' && VERDICTS.includes(v.expect);
}

function isEdit(v: unknown): v is ExamEdit {
  return isRec(v) && isText(v.kind);
}

/**
 * Reads `doc.exam`: undefined with no diagnostic when the document has none; otherwise the exam when
 * its shape is right, and a diagnostic (`error`, with the path) for every problem found.
 */
export function readExam(doc: Pick<Document, 'exam'>): { exam?: ExamMeta; diagnostics: Diagnostic[] } {
  const value = doc.exam;
  if (value === undefined) return { diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const problem = (code: ExamCode, path: string, message: string) =>
    diagnostics.push({ code, severity: 'error', path, message });
  if (!isRec(value)) {
    problem('EXAM_SHAPE', 'exam', 'exam is not an object');
    return { diagnostics };
  }
  const exams = value.exams ?? [];
  const topics = value.topics ?? [];
  if (!isTextList(exams)) problem('EXAM_SHAPE', 'exam.exams', 'exam.exams is not a list of names');
  if (!isTextList(topics)) problem('EXAM_SHAPE', 'exam.topics', 'exam.topics is not a list of names');
  if (!Array.isArray(value.exercises) || value.exercises.length === 0) {
    problem('EXAM_SHAPE', 'exam.exercises', 'exam.exercises is not a non-empty list');
    return { diagnostics };
  }
  const ids = new Set<string>();
  value.exercises.forEach((x: unknown, i) => {
    const at = `exam.exercises[${i}]`;
    const bad = (field: string, what: string) => problem('EXAM_SHAPE', `${at}.${field}`, `${at}.${field} ${what}`);
    if (!isRec(x)) {
      problem('EXAM_SHAPE', at, `${at} is not an object`);
      return;
    }
    if (!isText(x.id)) bad('id', 'is missing');
    else if (ids.has(x.id)) problem('EXAM_DUPLICATE_ID', `${at}.id`, `exercise id ${x.id} is used twice`);
    else ids.add(x.id);
    if (!isText(x.explanation)) bad('explanation', 'is missing');
    const checks = (field: 'goals' | 'guards', required: boolean) => {
      const list = x[field];
      if (list === undefined && !required) return;
      if (!Array.isArray(list) || (required && list.length === 0) || !list.every((c) => isCheck(c, true)))
        bad(field, 'is not a list of checks (name, from, to, expect, ...)');
    };
    const edits = (list: unknown, field: string) => {
      if (!Array.isArray(list) || !list.every(isEdit)) bad(field, 'is not a list of edits');
    };
    switch (x.kind) {
      case 'predict': {
        if (!isText(x.question)) bad('question', 'is missing');
        if (!isCheck(x.query, false)) bad('query', 'is not a question (from, to, protocol, port)');
        const answer = x.answer;
        if (!isRec(answer) || typeof answer.verdict !== 'string' || !VERDICTS.includes(answer.verdict))
          bad('answer', 'has no verdict');
        else if (answer.blockedAt !== undefined && !isText(answer.blockedAt)) bad('answer.blockedAt', 'is not an id');
        break;
      }
      case 'chooseFix': {
        if (!isText(x.question)) bad('question', 'is missing');
        if (x.constraints !== undefined && !isTextList(x.constraints)) bad('constraints', 'is not a list of sentences');
        checks('goals', true);
        checks('guards', false);
        const choices = x.choices;
        if (!Array.isArray(choices) || choices.length < 2) {
          bad('choices', 'needs at least two choices');
          break;
        }
        choices.forEach((c: unknown, k) => {
          if (!isRec(c) || !isText(c.id) || !isText(c.text)) bad(`choices[${k}]`, 'needs an id and a text');
          else edits(c.edits, `choices[${k}].edits`);
        });
        if (!choices.some((c: unknown) => isRec(c) && c.id === x.answer)) {
          problem('EXAM_UNKNOWN_ANSWER', `${at}.answer`, `${at}.answer names no choice`);
        }
        break;
      }
      case 'breakFix':
        if (!isText(x.task)) bad('task', 'is missing');
        checks('goals', true);
        if (!isTextList(x.hints) || x.hints.length === 0) bad('hints', 'is not a non-empty list of hints');
        edits(x.solution, 'solution');
        break;
      default:
        bad('kind', 'is not predict, chooseFix or breakFix');
    }
  });
  if (diagnostics.length > 0) return { diagnostics };
  return {
    exam: { exams: exams as string[], topics: topics as string[], exercises: value.exercises as Exercise[] },
    diagnostics,
  };
}

/** Applies one edit; false when it names something the document does not have. */
export function applyExamEdit(draft: Document, edit: ExamEdit): boolean {
  const t = draft.topology as Record<string, ({ id: string } & Record<string, unknown>)[] | undefined>;
  switch (edit.kind) {
    case 'setField': {
      if (edit.field === 'id') return false;
      for (const list of Object.values(t)) {
        const found = list?.find((r) => r.id === edit.resourceId);
        if (!found) continue;
        if (edit.value === null || edit.value === undefined) delete found[edit.field];
        else found[edit.field] = structuredClone(edit.value);
        return true;
      }
      return false;
    }
    case 'addResource': {
      // Ids are unique across the whole document (format.md 1).
      if (Object.values(t).some((l) => l?.some((r) => r.id === edit.resource.id))) return false;
      const list = (t[edit.array] ??= []);
      list.push(structuredClone(edit.resource));
      return true;
    }
    case 'removeResource': {
      for (const [key, list] of Object.entries(t)) {
        const index = list?.findIndex((r) => r.id === edit.resourceId) ?? -1;
        if (index < 0 || !list) continue;
        t[key] = list.filter((_, i) => i !== index);
        return true;
      }
      return false;
    }
    default:
      return applyFix(draft, edit);
  }
}

/** Applies every edit in order; false (the document possibly half changed) when one fails. */
export function applyExamEdits(draft: Document, edits: readonly ExamEdit[]): boolean {
  for (const edit of edits) if (!applyExamEdit(draft, edit)) return false;
  return true;
}
