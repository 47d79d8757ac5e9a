// Exam mode's pure core: the catalog of the presets' exercises, filters, grading, stored progress
// (read defensively), hints, sessions (seeded) and their summary.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  acceptedBlockers,
  advanceSession,
  buildCatalog,
  componentChoices,
  createSession,
  documentExercises,
  emptyProgress,
  exerciseKey,
  filterCatalog,
  filterOptions,
  finishSession,
  gradeBreakFix,
  gradeChoice,
  gradePredict,
  NO_FILTERS,
  OTHER_TOPIC,
  predictVerdicts,
  progressSummary,
  readProgress,
  recordAnswer,
  retryExercise,
  revealHint,
  seededShuffle,
  sessionCurrent,
  sessionTimeLeft,
  splitExerciseKey,
  startExercise,
  startSession,
  summarizeSession,
  type CatalogEntry,
} from '../../../../src/app/exam/exam-model.ts';
import type { Document, Exercise } from '../../../../src/model/index.ts';

const dir = new URL('../../../../scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));
const docs = new Map(files.map((f) => [f.name, JSON.parse(f.text) as Document]));
const catalog = buildCatalog(files);

const predict: Exercise = {
  id: 'p1',
  kind: 'predict',
  question: 'Can a reach b?',
  query: { from: 'i-a', to: 'i-b', protocol: 'tcp', port: 22 },
  answer: { verdict: 'BLOCKED', blockedAt: 'acl-1' },
  explanation: 'Because.',
};
const choose: Exercise = {
  id: 'c1',
  kind: 'chooseFix',
  question: 'Fix it?',
  goals: [{ name: 'g', from: 'i-a', to: 'i-b', expect: 'REACHABLE' }],
  choices: [
    { id: 'a', text: 'A', edits: [] },
    { id: 'b', text: 'B', edits: [] },
  ],
  answer: 'b',
  explanation: 'Because.',
};
const breakFix: Exercise = {
  id: 'b1',
  kind: 'breakFix',
  task: 'Fix it.',
  goals: [{ name: 'g', from: 'i-a', to: 'i-b', expect: 'REACHABLE' }],
  hints: ['one', 'two', 'three', 'four'],
  solution: [],
  explanation: 'Because.',
};

function entry(exercise: Exercise, topics: string[], scenario = 'x.json'): CatalogEntry {
  return {
    key: exerciseKey(`scenario:${scenario}`, exercise.id),
    scenario,
    title: scenario,
    exams: ['saa-c03'],
    topics,
    exercise,
  };
}

describe('the catalog', () => {
  it('has one entry per exercise of every preset with an exam, under unique keys', () => {
    const expected = [...docs.values()].reduce((n, d) => {
      const exam = d.exam as { exercises?: unknown[] } | undefined;
      return n + (exam?.exercises?.length ?? 0);
    }, 0);
    expect(catalog).toHaveLength(expected);
    expect(new Set(catalog.map((e) => e.key)).size).toBe(catalog.length);
    for (const e of catalog) {
      expect(splitExerciseKey(e.key)).toEqual({ docKey: `scenario:${e.scenario}`, exerciseId: e.exercise.id });
    }
  });

  it('skips files that do not parse or have no well-formed exam', () => {
    expect(
      buildCatalog([
        { name: 'broken.json', text: '{ "format": ' },
        { name: 'plain.json', text: '{ "format": "vpcsim/1", "topology": {} }' },
        { name: 'bad.json', text: '{ "format": "vpcsim/1", "topology": {}, "exam": { "exercises": [] } }' },
      ]),
    ).toEqual([]);
  });

  it('reads the exercises of an open document under its own key', () => {
    const doc: Document = { format: 'vpcsim/1', topology: {}, exam: { exams: [], topics: [], exercises: [predict] } };
    const [only] = documentExercises(doc, 'file:mine.json');
    expect(only?.key).toBe('file:mine.json#p1');
    expect(documentExercises({ exam: undefined }, 'new')).toEqual([]);
  });

  it('filters by exam, topic, difficulty, kind and searched words', () => {
    const entries = [entry(predict, ['nacl']), entry(choose, ['nat-gateway']), entry(breakFix, ['nacl'], 'y.json')];
    entries[2] = { ...entries[2]!, difficulty: 'advanced', exams: ['ans-c01'] };
    expect(filterCatalog(entries, NO_FILTERS)).toHaveLength(3);
    expect(filterCatalog(entries, { ...NO_FILTERS, topic: 'nacl' }).map((e) => e.exercise.id)).toEqual(['p1', 'b1']);
    expect(filterCatalog(entries, { ...NO_FILTERS, exam: 'ans-c01' }).map((e) => e.exercise.id)).toEqual(['b1']);
    expect(filterCatalog(entries, { ...NO_FILTERS, difficulty: 'advanced' })).toHaveLength(1);
    expect(filterCatalog(entries, { ...NO_FILTERS, kind: 'chooseFix' }).map((e) => e.exercise.id)).toEqual(['c1']);
    expect(filterCatalog(entries, { ...NO_FILTERS, search: 'FIX  nat' }).map((e) => e.exercise.id)).toEqual(['c1']);
    expect(filterCatalog(entries, { ...NO_FILTERS, search: 'nothing-like-this' })).toEqual([]);
    const options = filterOptions(entries);
    expect(options.exams).toEqual(['ans-c01', 'saa-c03']);
    expect(options.topics).toEqual(['nacl', 'nat-gateway']);
    expect(options.kinds).toEqual(['predict', 'chooseFix', 'breakFix']);
  });

  it('offers the filters of the real presets', () => {
    const options = filterOptions(catalog);
    for (const e of catalog) {
      expect(options.kinds).toContain(e.exercise.kind);
      for (const t of e.topics) expect(options.topics).toContain(t);
      expect(filterCatalog(catalog, { ...NO_FILTERS, kind: e.exercise.kind })).toContain(e);
    }
  });
});

describe('grading', () => {
  it('gives full marks to the right predict answer, half for the wrong component, none for the wrong verdict', () => {
    if (predict.kind !== 'predict') throw new Error('unreachable');
    expect(gradePredict(predict, { verdict: 'BLOCKED', blockedAt: 'acl-1' })).toEqual({ score: 1, correct: true });
    expect(gradePredict(predict, { verdict: 'BLOCKED', blockedAt: 'sg-1' })).toEqual({ score: 0.5, correct: false });
    expect(gradePredict(predict, { verdict: 'REACHABLE' })).toEqual({ score: 0, correct: false });
    const accepted = acceptedBlockers('acl-1', ['sg-1']);
    expect(accepted).toEqual(['acl-1', 'sg-1']);
    expect(gradePredict(predict, { verdict: 'BLOCKED', blockedAt: 'sg-1' }, accepted).score).toBe(1);
    expect(gradePredict(predict, { verdict: 'BLOCKED' }, accepted).score).toBe(0.5);
    expect(acceptedBlockers(undefined, ['sg-1'])).toEqual([]);
    const open = { ...predict, answer: { verdict: 'REACHABLE' as const } };
    expect(gradePredict(open, { verdict: 'REACHABLE' }).score).toBe(1);
    expect(predictVerdicts(open)).toEqual(['REACHABLE', 'BLOCKED']);
    expect(predictVerdicts({ ...predict, answer: { verdict: 'REACHABLE_PARTIAL' } })).toContain('REACHABLE_PARTIAL');
  });

  it('can express the answer of every predict question of the presets', () => {
    for (const e of catalog) {
      if (e.exercise.kind !== 'predict') continue;
      const { verdict, blockedAt } = e.exercise.answer;
      expect(predictVerdicts(e.exercise)).toContain(verdict);
      const doc = docs.get(e.scenario);
      if (blockedAt !== undefined && doc) {
        expect(
          componentChoices(doc.topology).map((c) => c.id),
          `${e.key}`,
        ).toContain(blockedAt);
      }
      expect(gradePredict(e.exercise, e.exercise.answer).score).toBe(1);
    }
  });

  it('grades a choice and a break-fix with hints', () => {
    if (choose.kind !== 'chooseFix') throw new Error('unreachable');
    expect(gradeChoice(choose, 'b')).toEqual({ score: 1, correct: true });
    expect(gradeChoice(choose, 'a')).toEqual({ score: 0, correct: false });
    const scores = [0, 1, 2, 3, 4, 9].map((n) => gradeBreakFix(n, 4).score);
    expect(scores[0]).toBe(1);
    for (let i = 1; i < 5; i++) expect(scores[i]).toBeLessThan(scores[i - 1]!);
    expect(scores[4]).toBe(0.5);
    expect(scores[5]).toBe(0.5);
  });
});

describe('progress', () => {
  const key = 'scenario:x.json#p1';

  it('records an answer once, keeps the best score, and starts afresh on retry', () => {
    let p = startExercise(emptyProgress(), key, 1000);
    expect(p.active).toBe(key);
    expect(p.records[key]?.startedAt).toBe(1000);
    p = recordAnswer(p, key, { kind: 'predict', verdict: 'BLOCKED' }, { score: 0.5, correct: false }, 31_000);
    expect(p.records[key]).toMatchObject({ done: true, score: 0.5, best: 0.5, attempts: 1, seconds: 30 });
    expect(recordAnswer(p, key, { kind: 'predict', verdict: 'X' }, { score: 1, correct: true }, 0)).toBe(p);
    p = retryExercise(p, key, 40_000);
    expect(p.records[key]).toMatchObject({ done: false, best: 0.5, attempts: 1, hintsUsed: 0, startedAt: 40_000 });
    expect(p.records[key]?.answer).toBeUndefined();
    p = recordAnswer(p, key, { kind: 'predict', verdict: 'BLOCKED' }, { score: 0, correct: false }, 41_000);
    expect(p.records[key]).toMatchObject({ score: 0, best: 0.5, attempts: 2 });
    expect(progressSummary(p, [key, 'other#x'])).toEqual({ total: 2, done: 1, average: 0 });
  });

  it('reveals hints up to the number there are, and not after the attempt ended', () => {
    let p = emptyProgress();
    for (let i = 0; i < 6; i++) p = revealHint(p, key, 3);
    expect(p.records[key]?.hintsUsed).toBe(3);
    p = recordAnswer(p, key, { kind: 'breakFix', solved: true }, gradeBreakFix(3, 3), 0);
    expect(revealHint(p, key, 5)).toBe(p);
  });

  it('survives JSON and reads garbage as empty progress', () => {
    let p = startExercise(emptyProgress(), key, 5);
    p = recordAnswer(p, key, { kind: 'chooseFix', choice: 'a' }, { score: 1, correct: true }, 10);
    p = { ...p, timer: true, session: createSession([key, 'k2#a'], 2, 7, 3, 10)! };
    expect(readProgress(JSON.parse(JSON.stringify(p)))).toEqual(p);
    for (const junk of [null, 3, 'x', [], { version: 2 }, { version: 1, records: 'no' }]) {
      expect(readProgress(junk)).toEqual(emptyProgress());
    }
    const odd = readProgress({
      version: 1,
      records: { a: { done: 'yes', score: 7, attempts: -2, answer: { kind: 'nope' } }, b: 4 },
      session: { keys: [] },
    });
    expect(odd.records).toEqual({ a: { done: false, score: 1, best: 0, attempts: 0, hintsUsed: 0 } });
    expect(odd.session).toBeUndefined();
  });
});

describe('sessions', () => {
  const keys = Array.from({ length: 20 }, (_, i) => `scenario:s${i}.json#x`);

  it('shuffles the same way for the same seed, and differently for another', () => {
    const a = seededShuffle(keys, 42);
    expect(seededShuffle(keys, 42)).toEqual(a);
    expect([...a].sort()).toEqual([...keys].sort());
    expect(seededShuffle(keys, 43)).not.toEqual(a);
    expect(keys[0]).toBe('scenario:s0.json#x');
  });

  it('draws N distinct questions, at most as many as there are', () => {
    expect(createSession(keys, 5, 1, 0)?.keys).toHaveLength(5);
    expect(new Set(createSession(keys, 5, 1, 0)?.keys).size).toBe(5);
    expect(createSession(keys.slice(0, 3), 10, 1, 0)?.keys).toHaveLength(3);
    expect(createSession([], 3, 1, 0)).toBeUndefined();
  });

  it('scores the questions answered in it, moves on, ends, and counts the time left', () => {
    const session = createSession(keys, 3, 9, 0, 2)!;
    let p = startSession(emptyProgress(), session, 0);
    const [k1, k2, k3] = session.keys as [string, string, string];
    expect(p.active).toBe(k1);
    expect(sessionCurrent(p.session!)).toBe(k1);
    p = recordAnswer(p, k1, { kind: 'chooseFix', choice: 'a' }, { score: 1, correct: true }, 10);
    p = advanceSession(p, 20);
    expect(p.active).toBe(k2);
    p = recordAnswer(p, k2, { kind: 'chooseFix', choice: 'b' }, { score: 0.5, correct: false }, 30);
    p = advanceSession(p, 40);
    expect(sessionCurrent(p.session!)).toBe(k3);
    p = advanceSession(p, 50);
    expect(p.session?.finishedAt).toBe(50);
    expect(sessionCurrent(p.session!)).toBeUndefined();
    expect(p.session?.scores).toEqual({ [k1]: 1, [k2]: 0.5 });
    expect(advanceSession(p, 60)).toBe(p);
    expect(finishSession(p, 60)).toBe(p);
    expect(sessionTimeLeft(session, 60_000)).toBe(60);
    expect(sessionTimeLeft(session, 999_999)).toBe(0);
    expect(sessionTimeLeft({ ...session, limitMinutes: undefined } as never, 0)).toBeUndefined();
  });

  it('sums up a session with the missed questions grouped by topic', () => {
    const a = entry(predict, ['nacl', 'stateless'], 'a.json');
    const b = entry(choose, ['nat-gateway'], 'b.json');
    const c = entry(breakFix, [], 'c.json');
    const d = entry({ ...predict, id: 'p2' }, ['nacl'], 'd.json');
    const catalogMap = new Map([a, b, c, d].map((e) => [e.key, e]));
    const session = {
      keys: [a.key, b.key, c.key, d.key],
      index: 4,
      scores: { [a.key]: 0.5, [b.key]: 1, [d.key]: 0 },
      seed: 1,
      startedAt: 0,
      finishedAt: 90_000,
    };
    const summary = summarizeSession(session, catalogMap);
    expect(summary).toMatchObject({ total: 4, answered: 3, points: 1.5, score: 0.375, seconds: 90 });
    expect(summary.missed.map((g) => [g.topic, g.entries.map((x) => x.entry.key)])).toEqual([
      ['nacl', [a.key, d.key]],
      [OTHER_TOPIC, [c.key]],
      ['stateless', [a.key]],
    ]);
  });
});
