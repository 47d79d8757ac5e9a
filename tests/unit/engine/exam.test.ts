// Exam metadata (docs/exam.md): readExam checks the shape, applyExamEdit applies the general edits,
// and checkExam proves exercises tell the truth; every bundled preset's exercises are checked too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkExam, goalsPass } from '../../../src/engine/index.ts';
import { applyExamEdit, loadDocument, readExam, type Document, type Exercise } from '../../../src/model/index.ts';

const dir = join(import.meta.dirname, '../../../scenarios');
function scenario(name: string): Document {
  const loaded = loadDocument(readFileSync(join(dir, name), 'utf8'));
  if (!loaded.document) throw new Error(`${name} does not load`);
  return loaded.document;
}

const APP_TO_INTERNET = { from: 'i-app', to: 'internet', protocol: 'tcp', port: 443 };
const goal = { name: 'app reaches the internet', ...APP_TO_INTERNET, expect: 'REACHABLE' as const };

/** public-private-nat.json with the private table's default route removed: the app tier is cut off. */
function brokenNat(): Document {
  const doc = scenario('public-private-nat.json');
  const rtb = doc.topology.routeTables!.find((r) => r.routes.some((x) => x.target === 'nat-a'))!;
  rtb.routes = rtb.routes.filter((x) => x.target !== 'nat-a');
  return doc;
}
const privateTable = (_doc: Document) => 'rtb-private';

function withExercises(doc: Document, exercises: Exercise[]): Document {
  return { ...doc, exam: { exams: ['saa-c03'], topics: ['nat-gateway'], exercises } };
}

describe('readExam: the shape', () => {
  it('no exam is no diagnostic', () => {
    expect(readExam({})).toEqual({ diagnostics: [] });
  });

  it.each([
    ['not an object', 'nope', 'exam'],
    ['no exercises', { exams: [] }, 'exam.exercises'],
    ['an unknown kind', { exercises: [{ id: 'x', kind: 'quiz', explanation: 'e' }] }, 'exam.exercises[0].kind'],
    [
      'a predict without answer',
      { exercises: [{ id: 'x', kind: 'predict', question: 'q', query: APP_TO_INTERNET, explanation: 'e' }] },
      'exam.exercises[0].answer',
    ],
    [
      'a breakFix without hints',
      {
        exercises: [{ id: 'x', kind: 'breakFix', task: 't', goals: [goal], hints: [], solution: [], explanation: 'e' }],
      },
      'exam.exercises[0].hints',
    ],
  ])('%s is EXAM_SHAPE at its path', (_name, exam, path) => {
    const { exam: read, diagnostics } = readExam({ exam });
    expect(read).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.path])).toContainEqual(['EXAM_SHAPE', path]);
  });

  it('duplicate ids and an answer naming no choice have their own codes', () => {
    const choice = { id: 'a', text: 'A', edits: [] };
    const { diagnostics } = readExam({
      exam: {
        exercises: [
          {
            id: 'x',
            kind: 'chooseFix',
            question: 'q',
            goals: [goal],
            choices: [choice, { ...choice, id: 'b' }],
            answer: 'z',
            explanation: 'e',
          },
          {
            id: 'x',
            kind: 'predict',
            question: 'q',
            query: APP_TO_INTERNET,
            answer: { verdict: 'REACHABLE' },
            explanation: 'e',
          },
        ],
      },
    });
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['EXAM_DUPLICATE_ID', 'EXAM_UNKNOWN_ANSWER']);
  });
});

describe('applyExamEdit: the general edits', () => {
  it('setField sets and removes a field, never the id', () => {
    const doc = scenario('public-private-nat.json');
    expect(applyExamEdit(doc, { kind: 'setField', resourceId: 'i-web', field: 'publicIp', value: null })).toBe(true);
    expect(doc.topology.instances!.find((i) => i.id === 'i-web')!.publicIp).toBeUndefined();
    expect(applyExamEdit(doc, { kind: 'setField', resourceId: 'i-web', field: 'id', value: 'x' })).toBe(false);
    expect(applyExamEdit(doc, { kind: 'setField', resourceId: 'nothing', field: 'name', value: 'x' })).toBe(false);
  });

  it('addResource refuses a taken id; removeResource removes only the resource', () => {
    const doc = scenario('public-private-nat.json');
    expect(
      applyExamEdit(doc, { kind: 'addResource', array: 'externalHosts', resource: { id: 'i-web', ip: '203.0.113.9' } }),
    ).toBe(false);
    expect(
      applyExamEdit(doc, { kind: 'addResource', array: 'externalHosts', resource: { id: 'home', ip: '203.0.113.9' } }),
    ).toBe(true);
    expect(applyExamEdit(doc, { kind: 'removeResource', resourceId: 'nat-a' })).toBe(true);
    expect(doc.topology.natGateways ?? []).toEqual([]);
    // The route to it stays: a blackhole now (format.md 2).
    expect(doc.topology.routeTables!.some((r) => r.routes.some((x) => x.target === 'nat-a'))).toBe(true);
  });
});

describe('checkExam: the truth', () => {
  it('accepts true exercises of every kind', () => {
    const doc = brokenNat();
    const table = privateTable(doc);
    const fix = {
      kind: 'addRoute' as const,
      vpcId: 'vpc-main',
      routeTableId: table,
      destination: '0.0.0.0/0',
      target: 'nat-a',
    };
    const exam = withExercises(doc, [
      {
        id: 'p',
        kind: 'predict',
        question: 'q',
        query: APP_TO_INTERNET,
        answer: { verdict: 'BLOCKED', blockedAt: table },
        explanation: 'e',
      },
      {
        id: 'c',
        kind: 'chooseFix',
        question: 'q',
        goals: [goal],
        guards: [
          {
            name: 'internet cannot reach app',
            from: 'internet',
            to: 'i-app',
            protocol: 'tcp',
            port: 443,
            expect: 'BLOCKED',
            // Not exposed at all: the internet gateway has no public address to map for i-app.
            blockedAt: 'igw-main',
          },
        ],
        choices: [
          { id: 'a', text: 'route to the NAT gateway', edits: [fix] },
          {
            id: 'b',
            text: 'route to the internet gateway and a public IP',
            edits: [
              { ...fix, target: 'igw-main' },
              { kind: 'setPublicIp', resourceId: 'i-app', publicIp: '192.0.2.77' },
            ],
          },
          { id: 'c', text: 'nothing', edits: [] },
        ],
        answer: 'a',
        explanation: 'e',
      },
      { id: 'b', kind: 'breakFix', task: 't', goals: [goal], hints: ['h'], solution: [fix], explanation: 'e' },
    ]);
    expect(checkExam(exam)).toEqual([]);
    expect(goalsPass(exam, [goal])).toBe(false);
  });

  it('reports a wrong prediction, a second working choice, a network that is not broken and a failing solution', () => {
    const doc = scenario('public-private-nat.json');
    const exam = withExercises(doc, [
      {
        id: 'p',
        kind: 'predict',
        question: 'q',
        query: APP_TO_INTERNET,
        answer: { verdict: 'BLOCKED' },
        explanation: 'e',
      },
      {
        id: 'c',
        kind: 'chooseFix',
        question: 'q',
        goals: [goal],
        choices: [
          { id: 'a', text: 'nothing', edits: [] },
          { id: 'b', text: 'also nothing', edits: [] },
        ],
        answer: 'a',
        explanation: 'e',
      },
      {
        id: 'b',
        kind: 'breakFix',
        task: 't',
        goals: [goal],
        hints: ['h'],
        solution: [{ kind: 'removeResource', resourceId: 'nat-a' }],
        explanation: 'e',
      },
      {
        id: 'd',
        kind: 'breakFix',
        task: 't',
        goals: [goal],
        hints: ['h'],
        solution: [{ kind: 'removeResource', resourceId: 'ghost' }],
        explanation: 'e',
      },
    ]);
    expect(checkExam(exam).map((d) => [d.code, d.path])).toEqual([
      ['EXAM_PREDICT_WRONG', 'exam.exercises[0].answer'],
      ['EXAM_CHOICES_WRONG', 'exam.exercises[1].choices'],
      ['EXAM_NOT_BROKEN', 'exam.exercises[2].goals'],
      ['EXAM_SOLUTION_FAILS', 'exam.exercises[2].solution'],
      ['EXAM_NOT_BROKEN', 'exam.exercises[3].goals'],
      ['EXAM_EDIT_FAILED', 'exam.exercises[3].solution'],
    ]);
  });
});

describe('bundled presets', () => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it.each(files)('%s: its exercises tell the truth', (file) => {
    expect(checkExam(scenario(file))).toEqual([]);
  });
});

describe('the preset library (issue: exam scenario presets)', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const docs = files.map((f) => [f, scenario(f)] as const);

  it('holds at least 40 presets', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(docs)('%s has meta, checks and exam exercises', (_file, doc) => {
    const meta = doc.meta ?? {};
    for (const field of ['title', 'description', 'difficulty', 'source'] as const) expect(meta[field]).toBeTruthy();
    expect(meta.tags?.length).toBeGreaterThan(0);
    expect(doc.checks?.length).toBeGreaterThan(0);
    const { exam } = readExam(doc);
    expect(exam?.exams.length).toBeGreaterThan(0);
    expect(exam?.exercises.some((x) => x.kind === 'predict')).toBe(true);
  });

  it('covers every exercise kind', () => {
    const kinds = new Set(docs.flatMap(([, doc]) => (readExam(doc).exam?.exercises ?? []).map((x) => x.kind)));
    expect([...kinds].sort()).toEqual(['breakFix', 'chooseFix', 'predict']);
  });
});
