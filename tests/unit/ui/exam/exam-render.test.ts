// Server-renders the exam components for every exercise of every preset (no DOM needed): the question,
// the form before an answer, the grade, the explanation and the step-through link after it.
import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  buildCatalog,
  componentChoices,
  filterOptions,
  NO_FILTERS,
  predictVerdicts,
  summarizeSession,
} from '../../../../src/app/exam/exam-model.ts';
import type { Document } from '../../../../src/model/index.ts';
import {
  ExamGallery,
  ExercisePanel,
  SessionSummary,
  type ExercisePanelProps,
  type ExerciseRecord,
} from '../../../../src/ui/exam/index.ts';

const dir = new URL('../../../../scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));
const docs = new Map(files.map((f) => [f.name, JSON.parse(f.text) as Document]));
const catalog = buildCatalog(files);
const noop = () => {};

function panel(index: number, record: ExerciseRecord | undefined): string {
  const item = catalog[index]!;
  const x = item.exercise;
  const props: ExercisePanelProps = {
    item,
    record,
    components: componentChoices(docs.get(item.scenario)?.topology ?? {}),
    verdicts: x.kind === 'predict' ? predictVerdicts(x) : [],
    goals: x.kind === 'breakFix' ? x.goals.map((g) => ({ name: g.name, passed: false })) : undefined,
    elapsed: 75,
    onAnswerPredict: noop,
    onAnswerChoice: noop,
    onApplyChoice: noop,
    onHint: noop,
    onGiveUp: noop,
    onRetry: noop,
    onStepThrough: noop,
  };
  return renderToStaticMarkup(createElement(ExercisePanel, props));
}

describe('ExercisePanel', () => {
  it('has exercises to render', () => {
    expect(catalog.length).toBeGreaterThan(0);
  });

  it.each(catalog.map((e, i) => [e.key, i] as const))('%s: asks, then grades and explains', (_key, i) => {
    const x = catalog[i]!.exercise;
    const before = panel(i, undefined);
    expect(before).toContain('data-testid="exam-question"');
    expect(before).toContain('1:15');
    expect(before).not.toContain('data-testid="exam-result"');
    if (x.kind === 'breakFix') expect(before).toContain('data-testid="exam-hint-button"');
    else expect(before).toContain('data-testid="exam-submit"');

    const answer =
      x.kind === 'predict'
        ? { kind: 'predict' as const, ...x.answer }
        : x.kind === 'chooseFix'
          ? { kind: 'chooseFix' as const, choice: x.answer }
          : { kind: 'breakFix' as const, solved: true };
    const after = panel(i, { done: true, score: 1, best: 1, attempts: 1, hintsUsed: 1, answer });
    expect(after).toContain('data-state="right"');
    expect(after).toContain('data-testid="exam-explanation"');
    expect(after).toContain('data-testid="exam-step-through"');
    if (x.kind === 'chooseFix') {
      expect(after.match(/data-testid="exam-choice-review"/g)).toHaveLength(x.choices.length);
      expect(after).toContain('data-testid="exam-apply-choice"');
    }
    if (x.kind === 'breakFix') expect(after.match(/data-testid="exam-hint"/g)).toHaveLength(1);
  });
});

describe('ExamGallery and SessionSummary', () => {
  it('lists every exercise with its status, and sums up a session', () => {
    const html = renderToStaticMarkup(
      createElement(ExamGallery, {
        items: catalog,
        total: catalog.length,
        filters: NO_FILTERS,
        options: filterOptions(catalog),
        onFilters: noop,
        records: {},
        progress: { done: 0, total: catalog.length, average: 0 },
        timer: false,
        onTimer: noop,
        onStart: noop,
        onStartSession: noop,
        onResetProgress: noop,
        onClose: noop,
      }),
    );
    expect(html.match(/data-testid="exam-item"/g)).toHaveLength(catalog.length);
    expect(html.match(/>not tried</g)).toHaveLength(catalog.length);

    const keys = catalog.slice(0, 3).map((e) => e.key);
    const summary = summarizeSession(
      { keys, index: 3, scores: { [keys[0]!]: 1 }, seed: 1, startedAt: 0, finishedAt: 60_000 },
      new Map(catalog.map((e) => [e.key, e])),
    );
    const end = renderToStaticMarkup(createElement(SessionSummary, { summary, onReview: noop, onClose: noop }));
    expect(end).toContain('data-testid="exam-session-score"');
    expect((end.match(/data-testid="exam-review"/g) ?? []).length).toBeGreaterThanOrEqual(keys.length - 1);
  });
});
