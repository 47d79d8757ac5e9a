// Checks that a document's exercises tell the truth about its network (docs/exam.md): a predict answer
// is the engine's verdict, exactly the right choice of a choose-the-fix question works, a break-fix
// network starts broken and its reference solution repairs it. Pure: works on copies of the input.
import {
  applyExamEdits,
  readExam,
  type Check,
  type Diagnostic,
  type Document,
  type ExamCode,
  type ExamEdit,
  type Exercise,
} from '../model/index.ts';
import { checkQuery, runCheck } from './checks.ts';
import { compile } from './compile.ts';
import { trace } from './trace.ts';

/** Every check passes on `doc` changed by `edits`; undefined when an edit does not apply. */
function passesAll(doc: Document, edits: readonly ExamEdit[], checks: readonly Check[]): boolean | undefined {
  const copy = structuredClone(doc);
  if (!applyExamEdits(copy, edits)) return undefined;
  const network = compile(copy.topology);
  return checks.every((c) => runCheck(network, c).passed);
}

/**
 * The exercises' problems as diagnostics (`error`, path `exam.exercises[i]...`): the shape first
 * (readExam); when the shape is right, the truth of each exercise.
 */
export function checkExam(doc: Document): Diagnostic[] {
  const { exam, diagnostics } = readExam(doc);
  if (!exam) return diagnostics;
  const out: Diagnostic[] = [];
  const problem = (code: ExamCode, path: string, message: string) =>
    out.push({ code, severity: 'error', path, message });
  const network = compile(structuredClone(doc.topology));
  exam.exercises.forEach((x: Exercise, i) => {
    const at = `exam.exercises[${i}]`;
    switch (x.kind) {
      case 'predict': {
        const r = trace(network, checkQuery({ name: x.id, expect: x.answer.verdict, ...x.query }));
        if (!r.ok) {
          problem('EXAM_PREDICT_WRONG', `${at}.query`, `${x.id}: the question cannot be traced: ${r.error.message}`);
          return;
        }
        const primary = r.value.explanations.find((e) => e.blocking !== false);
        if (r.value.verdict !== x.answer.verdict) {
          problem(
            'EXAM_PREDICT_WRONG',
            `${at}.answer`,
            `${x.id}: the engine says ${r.value.verdict}, not ${x.answer.verdict}`,
          );
        } else if (x.answer.blockedAt !== undefined && primary?.componentId !== x.answer.blockedAt) {
          problem(
            'EXAM_PREDICT_WRONG',
            `${at}.answer.blockedAt`,
            `${x.id}: blocked at ${primary?.componentId ?? 'nothing'}, not ${x.answer.blockedAt}`,
          );
        }
        return;
      }
      case 'chooseFix': {
        const checks = [...x.goals, ...(x.guards ?? [])];
        const working: string[] = [];
        x.choices.forEach((choice, k) => {
          const ok = passesAll(doc, choice.edits, checks);
          if (ok === undefined)
            problem('EXAM_EDIT_FAILED', `${at}.choices[${k}].edits`, `${x.id}: choice ${choice.id} does not apply`);
          else if (ok) working.push(choice.id);
        });
        if (working.length !== 1 || working[0] !== x.answer) {
          problem(
            'EXAM_CHOICES_WRONG',
            `${at}.choices`,
            `${x.id}: the choices that pass every goal and guard are [${working.join(', ')}], expected only ${x.answer}`,
          );
        }
        return;
      }
      case 'breakFix': {
        if (x.goals.every((c) => runCheck(network, c).passed)) {
          problem('EXAM_NOT_BROKEN', `${at}.goals`, `${x.id}: the network already passes every goal`);
        }
        const solved = passesAll(doc, x.solution, x.goals);
        if (solved === undefined) problem('EXAM_EDIT_FAILED', `${at}.solution`, `${x.id}: the solution does not apply`);
        else if (!solved)
          problem('EXAM_SOLUTION_FAILS', `${at}.solution`, `${x.id}: the solution leaves a goal failing`);
        return;
      }
    }
  });
  return out;
}

/** Whether every goal passes on the document as it is now (a break-fix attempt is graded this way). */
export function goalsPass(doc: Document, goals: readonly Check[]): boolean {
  const network = compile(doc.topology);
  return goals.every((c) => runCheck(network, c).passed);
}
