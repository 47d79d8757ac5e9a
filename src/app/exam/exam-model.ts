// Exam mode's pure core: the catalog of exercises read from scenario files, filters and search,
// grading, the progress kept between visits (read defensively) and sessions of random questions.
import {
  primaryInterfaceIdOf,
  readExam,
  type ChooseFixExercise,
  type Document,
  type Exercise,
  type PredictExercise,
  type Topology,
} from '../../model/index.ts';
import type {
  ComponentChoice,
  ExamFilters,
  ExamItem,
  ExerciseAnswer,
  ExerciseKind,
  ExerciseRecord,
  FilterOptions,
  MissedGroup,
  SessionSummaryData,
} from '../../ui/index.ts';

export type {
  ComponentChoice,
  ExamFilters,
  ExerciseAnswer,
  ExerciseKind,
  ExerciseRecord,
  FilterOptions,
  MissedGroup,
  SessionSummaryData,
};

export const EXERCISE_KINDS: readonly ExerciseKind[] = ['predict', 'chooseFix', 'breakFix'];

// Searched as well as shown (src/ui/exam/format.ts has the same labels).
const KIND_WORDS: Readonly<Record<ExerciseKind, string>> = {
  predict: 'predict',
  chooseFix: 'choose the fix',
  breakFix: 'break-fix break fix',
};

/** One exercise of one preset, as the gallery lists it. */
export type CatalogEntry = ExamItem;

/** The key of a document as the editor names it (`scenario:<file>`, `file:<name>` or `new`). */
export function scenarioDocKey(name: string): string {
  return `scenario:${name}`;
}

export function exerciseKey(docKey: string, exerciseId: string): string {
  return `${docKey}#${exerciseId}`;
}

/** Splits an exercise key at its last `#` (document keys may contain `#`, exercise ids do not). */
export function splitExerciseKey(key: string): { docKey: string; exerciseId: string } | undefined {
  const at = key.lastIndexOf('#');
  if (at <= 0 || at === key.length - 1) return undefined;
  return { docKey: key.slice(0, at), exerciseId: key.slice(at + 1) };
}

/** The scenario a document key names, when it names one. */
export function scenarioOfDocKey(docKey: string): string | undefined {
  return docKey.startsWith('scenario:') ? docKey.slice('scenario:'.length) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The catalog of every preset with a well-formed `exam`; files that fail to parse are skipped. */
export function buildCatalog(files: readonly { name: string; text: string }[]): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.text);
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null) continue;
    const doc = parsed as { exam?: unknown; meta?: Record<string, unknown> };
    const { exam } = readExam({ exam: doc.exam });
    if (!exam) continue;
    const meta = typeof doc.meta === 'object' && doc.meta !== null ? doc.meta : {};
    for (const exercise of exam.exercises) {
      out.push({
        key: exerciseKey(scenarioDocKey(file.name), exercise.id),
        scenario: file.name,
        title: text(meta.title) ?? file.name,
        description: text(meta.description),
        difficulty: text(meta.difficulty),
        exams: exam.exams,
        topics: exam.topics,
        exercise,
      });
    }
  }
  return out;
}

/** The exercises of an open document, keyed under its document key. */
export function documentExercises(document: Pick<Document, 'exam' | 'meta'>, docKey: string): CatalogEntry[] {
  const { exam } = readExam(document);
  if (!exam) return [];
  const scenario = scenarioOfDocKey(docKey) ?? docKey;
  return exam.exercises.map((exercise) => ({
    key: exerciseKey(docKey, exercise.id),
    scenario,
    title: document.meta?.title ?? scenario,
    description: document.meta?.description,
    difficulty: document.meta?.difficulty,
    exams: exam.exams,
    topics: exam.topics,
    exercise,
  }));
}

/** What the learner is asked: the question, or the break-fix task. */
export function exercisePrompt(exercise: Exercise): string {
  return exercise.kind === 'breakFix' ? exercise.task : exercise.question;
}

export const NO_FILTERS: ExamFilters = { exam: '', topic: '', difficulty: '', kind: '', search: '' };

/** The entries every set filter admits; the search matches every word anywhere in the entry's text. */
export function filterCatalog(entries: readonly CatalogEntry[], filters: ExamFilters): CatalogEntry[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (filters.exam && !e.exams.includes(filters.exam)) return false;
    if (filters.topic && !e.topics.includes(filters.topic)) return false;
    if (filters.difficulty && e.difficulty !== filters.difficulty) return false;
    if (filters.kind && e.exercise.kind !== filters.kind) return false;
    if (words.length === 0) return true;
    const haystack = [
      e.title,
      e.description ?? '',
      e.scenario,
      e.exercise.id,
      exercisePrompt(e.exercise),
      KIND_WORDS[e.exercise.kind],
      ...e.exams,
      ...e.topics,
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

const DIFFICULTY_ORDER = ['beginner', 'easy', 'intermediate', 'medium', 'advanced', 'hard', 'expert'];

/** The values the filters offer: those the catalog has, sorted (difficulties from easy to hard). */
export function filterOptions(entries: readonly CatalogEntry[]): FilterOptions {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  const rank = (d: string) => {
    const i = DIFFICULTY_ORDER.indexOf(d.toLowerCase());
    return i < 0 ? DIFFICULTY_ORDER.length : i;
  };
  return {
    exams: sorted(entries.flatMap((e) => e.exams)),
    topics: sorted(entries.flatMap((e) => e.topics)),
    difficulties: sorted(entries.flatMap((e) => (e.difficulty ? [e.difficulty] : []))).sort(
      (a, b) => rank(a) - rank(b) || a.localeCompare(b),
    ),
    kinds: EXERCISE_KINDS.filter((k) => entries.some((e) => e.exercise.kind === k)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Grading

export interface Grade {
  /** 0 to 1. */
  score: number;
  correct: boolean;
}

export interface PredictAnswer {
  verdict: string;
  blockedAt?: string | undefined;
}

/** The verdicts a predict question offers: reachable and blocked, and the answer's when it is neither. */
export function predictVerdicts(exercise: PredictExercise): string[] {
  const base = ['REACHABLE', 'BLOCKED'];
  return base.includes(exercise.answer.verdict) ? base : [...base, exercise.answer.verdict];
}

/** Whether the question asks for the blocking component too. */
export function asksForComponent(exercise: PredictExercise): boolean {
  return exercise.answer.verdict === 'BLOCKED' && exercise.answer.blockedAt !== undefined;
}

/**
 * A predict answer (`accepted`: the components that count as the blocker, see acceptedBlockers): the right verdict scores 1, or half when the question also asks which component
 * blocks and the learner named the wrong one; a wrong verdict scores 0.
 */
export function gradePredict(
  exercise: PredictExercise,
  answer: PredictAnswer,
  accepted: readonly string[] = exercise.answer.blockedAt === undefined ? [] : [exercise.answer.blockedAt],
): Grade {
  if (answer.verdict !== exercise.answer.verdict) return { score: 0, correct: false };
  if (asksForComponent(exercise) && (answer.blockedAt === undefined || !accepted.includes(answer.blockedAt))) {
    return { score: 0.5, correct: false };
  }
  return { score: 1, correct: true };
}

export function gradeChoice(exercise: ChooseFixExercise, choiceId: string): Grade {
  const correct = choiceId === exercise.answer;
  return { score: correct ? 1 : 0, correct };
}

/** What every hint costs: solving after all of them still earns half. */
export function hintPenalty(hintCount: number): number {
  return hintCount > 0 ? 0.5 / hintCount : 0;
}

/** A solved break-fix: full marks without hints, less for every hint revealed. */
export function gradeBreakFix(hintsUsed: number, hintCount: number): Grade {
  const used = Math.min(Math.max(hintsUsed, 0), hintCount);
  const score = Math.round((1 - used * hintPenalty(hintCount)) * 100) / 100;
  return { score, correct: true };
}

const GROUP_LABELS: Partial<Record<keyof Topology, string>> = {
  vpcs: 'VPCs',
  subnets: 'Subnets',
  routeTables: 'Route tables',
  networkAcls: 'Network ACLs',
  securityGroups: 'Security groups',
  instances: 'Instances',
  networkInterfaces: 'Network interfaces',
  internetGateways: 'Internet gateways',
  egressOnlyInternetGateways: 'Egress-only internet gateways',
  natGateways: 'NAT gateways',
  vpcPeeringConnections: 'Peering connections',
  transitGateways: 'Transit gateways',
  transitGatewayAttachments: 'Transit gateway attachments',
  transitGatewayRouteTables: 'Transit gateway route tables',
  vpcEndpoints: 'VPC endpoints',
  externalHosts: 'External hosts',
};

/** The components of the network, grouped in the order a packet tends to meet them. */
export function componentChoices(topology: Topology): ComponentChoice[] {
  const out: ComponentChoice[] = [];
  const named = (r: { id: string; name?: string | undefined }) =>
    r.name && r.name !== r.id ? `${r.id} (${r.name})` : r.id;
  for (const [array, group] of Object.entries(GROUP_LABELS) as [keyof Topology, string][]) {
    const list = (topology[array] ?? []) as { id: string; name?: string }[];
    for (const r of list) out.push({ id: r.id, label: named(r), group });
    if (array === 'networkInterfaces') {
      // The engine names an instance's own interface `<instance>/eth0` (where its security groups apply).
      const listed = new Set(list.map((r) => r.id));
      for (const i of topology.instances ?? []) {
        const id = primaryInterfaceIdOf(i);
        if (!listed.has(id)) out.push({ id, label: `${id} (the interface of ${named(i)})`, group });
      }
      for (const e of topology.vpcEndpoints ?? []) {
        if (e.type !== 'interface') continue;
        for (const subnet of e.subnetIds ?? []) {
          out.push({ id: `${e.id}/${subnet}`, label: `${e.id}/${subnet} (the endpoint's interface)`, group });
        }
      }
    }
  }
  return out;
}

/**
 * The components that count as the blocker `blockedAt`: itself and, when the engine says security
 * groups decided there (`securityGroups` of the blocking explanation), those groups: the engine names
 * the interface where its groups apply, a learner may well name the group.
 */
export function acceptedBlockers(blockedAt: string | undefined, securityGroups: readonly string[] = []): string[] {
  return blockedAt === undefined ? [] : [...new Set([blockedAt, ...securityGroups])];
}

// ---------------------------------------------------------------------------------------------------
// Progress

export interface ExamSession {
  keys: string[];
  index: number;
  /** Each question's score, once answered in this session. */
  scores: Record<string, number>;
  seed: number;
  startedAt: number;
  /** A time limit; when it runs out the session ends and what is left counts as missed. */
  limitMinutes?: number;
  finishedAt?: number;
}

export interface ExamProgress {
  version: 1;
  records: Record<string, ExerciseRecord>;
  /** The exercise open in the Exam tab. */
  active?: string;
  session?: ExamSession;
  /** Show how long an exercise or a session has been going. */
  timer: boolean;
}

export function emptyProgress(): ExamProgress {
  return { version: 1, records: {}, timer: false };
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const unit = (v: unknown): number => Math.min(Math.max(num(v) ?? 0, 0), 1);
const count = (v: unknown): number => Math.max(Math.floor(num(v) ?? 0), 0);

function readAnswer(v: unknown): ExerciseAnswer | undefined {
  if (!isRec(v)) return undefined;
  if (v.kind === 'predict' && typeof v.verdict === 'string') {
    return typeof v.blockedAt === 'string'
      ? { kind: 'predict', verdict: v.verdict, blockedAt: v.blockedAt }
      : { kind: 'predict', verdict: v.verdict };
  }
  if (v.kind === 'chooseFix' && typeof v.choice === 'string') return { kind: 'chooseFix', choice: v.choice };
  if (v.kind === 'breakFix' && typeof v.solved === 'boolean') return { kind: 'breakFix', solved: v.solved };
  return undefined;
}

function readRecord(v: unknown): ExerciseRecord | undefined {
  if (!isRec(v)) return undefined;
  const record: ExerciseRecord = {
    done: v.done === true,
    score: unit(v.score),
    best: unit(v.best),
    attempts: count(v.attempts),
    hintsUsed: count(v.hintsUsed),
  };
  const answer = readAnswer(v.answer);
  if (answer) record.answer = answer;
  const startedAt = num(v.startedAt);
  if (startedAt !== undefined) record.startedAt = startedAt;
  const seconds = num(v.seconds);
  if (seconds !== undefined) record.seconds = Math.max(seconds, 0);
  return record;
}

function readSession(v: unknown): ExamSession | undefined {
  const keys = isRec(v) && Array.isArray(v.keys) ? v.keys.filter((k): k is string => typeof k === 'string') : [];
  if (!isRec(v) || keys.length === 0) return undefined;
  const scores: Record<string, number> = {};
  if (isRec(v.scores)) {
    for (const [k, s] of Object.entries(v.scores)) if (keys.includes(k) && num(s) !== undefined) scores[k] = unit(s);
  }
  const session: ExamSession = {
    keys,
    index: Math.min(count(v.index), keys.length),
    scores,
    seed: count(v.seed),
    startedAt: num(v.startedAt) ?? 0,
  };
  const limit = num(v.limitMinutes);
  if (limit !== undefined && limit > 0) session.limitMinutes = limit;
  const finishedAt = num(v.finishedAt);
  if (finishedAt !== undefined) session.finishedAt = finishedAt;
  return session;
}

/** Reads stored progress; anything unreadable is dropped, never thrown. */
export function readProgress(value: unknown): ExamProgress {
  const progress = emptyProgress();
  if (!isRec(value) || value.version !== 1) return progress;
  if (isRec(value.records)) {
    for (const [key, v] of Object.entries(value.records)) {
      const record = readRecord(v);
      if (record) progress.records[key] = record;
    }
  }
  if (typeof value.active === 'string') progress.active = value.active;
  const session = readSession(value.session);
  if (session) progress.session = session;
  progress.timer = value.timer === true;
  return progress;
}

function blankRecord(): ExerciseRecord {
  return { done: false, score: 0, best: 0, attempts: 0, hintsUsed: 0 };
}

/** Opens an exercise in the Exam tab; an attempt that has not started starts now. */
export function startExercise(progress: ExamProgress, key: string, now: number): ExamProgress {
  const record = progress.records[key] ?? blankRecord();
  const started = record.done || record.startedAt !== undefined ? record : { ...record, startedAt: now };
  return { ...progress, active: key, records: { ...progress.records, [key]: started } };
}

/** Ends the current attempt with an answer and its grade (a finished attempt is not graded twice). */
export function recordAnswer(
  progress: ExamProgress,
  key: string,
  answer: ExerciseAnswer,
  grade: Grade,
  now: number,
): ExamProgress {
  const record = progress.records[key] ?? blankRecord();
  if (record.done) return progress;
  const next: ExerciseRecord = {
    ...record,
    done: true,
    score: grade.score,
    best: Math.max(record.best, grade.score),
    attempts: record.attempts + 1,
    answer,
  };
  if (record.startedAt !== undefined) next.seconds = Math.max(Math.round((now - record.startedAt) / 1000), 0);
  const session = progress.session;
  const inSession =
    session && session.finishedAt === undefined && session.keys.includes(key) && !(key in session.scores);
  return {
    ...progress,
    records: { ...progress.records, [key]: next },
    ...(inSession ? { session: { ...session, scores: { ...session.scores, [key]: grade.score } } } : {}),
  };
}

/** Reveals the next hint of the current attempt (at most `hintCount`). */
export function revealHint(progress: ExamProgress, key: string, hintCount: number): ExamProgress {
  const record = progress.records[key] ?? blankRecord();
  if (record.done || record.hintsUsed >= hintCount) return progress;
  return { ...progress, records: { ...progress.records, [key]: { ...record, hintsUsed: record.hintsUsed + 1 } } };
}

/** Starts a new attempt: the answer and hints go, the best score and attempt count stay. */
export function retryExercise(progress: ExamProgress, key: string, now: number): ExamProgress {
  const record = progress.records[key] ?? blankRecord();
  const { answer: _answer, seconds: _seconds, ...rest } = record;
  return {
    ...progress,
    active: key,
    records: { ...progress.records, [key]: { ...rest, done: false, hintsUsed: 0, startedAt: now } },
  };
}

export interface ProgressSummary {
  total: number;
  done: number;
  /** Mean of the finished exercises' last scores; 0 when none is finished. */
  average: number;
}

export function progressSummary(progress: ExamProgress, keys: readonly string[]): ProgressSummary {
  const scores = keys.flatMap((k) => {
    const r = progress.records[k];
    return r && r.attempts > 0 ? [r.score] : [];
  });
  const average = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
  return { total: keys.length, done: scores.length, average };
}

// ---------------------------------------------------------------------------------------------------
// Sessions

/** A small, fast seeded generator (mulberry32): the same seed gives the same session. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with a seeded generator; the input is not changed. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** A session of `size` questions drawn from `keys` (all of them when there are fewer). */
export function createSession(
  keys: readonly string[],
  size: number,
  seed: number,
  now: number,
  limitMinutes?: number,
): ExamSession | undefined {
  const unique = [...new Set(keys)];
  const n = Math.min(Math.max(Math.floor(size), 1), unique.length);
  if (n === 0) return undefined;
  const session: ExamSession = {
    keys: seededShuffle(unique, seed).slice(0, n),
    index: 0,
    scores: {},
    seed,
    startedAt: now,
  };
  if (limitMinutes !== undefined && limitMinutes > 0) session.limitMinutes = limitMinutes;
  return session;
}

/** Starts a session: its first question opens, each question as a fresh attempt. */
export function startSession(progress: ExamProgress, session: ExamSession, now: number): ExamProgress {
  const first = session.keys[0];
  const next: ExamProgress = { ...progress, session };
  return first === undefined ? next : retryExercise(next, first, now);
}

/** The question the session is on, or undefined once it is over. */
export function sessionCurrent(session: ExamSession): string | undefined {
  return session.finishedAt === undefined ? session.keys[session.index] : undefined;
}

/** Moves to the next question (a fresh attempt), or ends the session after the last. */
export function advanceSession(progress: ExamProgress, now: number): ExamProgress {
  const session = progress.session;
  if (!session || session.finishedAt !== undefined) return progress;
  const index = session.index + 1;
  const key = session.keys[index];
  if (key === undefined) return { ...progress, session: { ...session, index: session.keys.length, finishedAt: now } };
  return retryExercise({ ...progress, session: { ...session, index } }, key, now);
}

export function finishSession(progress: ExamProgress, now: number): ExamProgress {
  const session = progress.session;
  if (!session || session.finishedAt !== undefined) return progress;
  return { ...progress, session: { ...session, finishedAt: now } };
}

/** Seconds left before the session's time limit; undefined without a limit. */
export function sessionTimeLeft(session: ExamSession, now: number): number | undefined {
  if (session.limitMinutes === undefined) return undefined;
  return Math.max(Math.round((session.startedAt + session.limitMinutes * 60_000 - now) / 1000), 0);
}

export const OTHER_TOPIC = 'other';

export function summarizeSession(session: ExamSession, catalog: ReadonlyMap<string, CatalogEntry>): SessionSummaryData {
  const scores = session.keys.map((k) => session.scores[k]);
  const points = scores.reduce<number>((a, s) => a + (s ?? 0), 0);
  const groups = new Map<string, MissedGroup>();
  session.keys.forEach((key, i) => {
    const score = scores[i];
    const entry = catalog.get(key);
    if ((score !== undefined && score >= 1) || !entry) return;
    const topics = entry.topics.length > 0 ? entry.topics : [OTHER_TOPIC];
    for (const topic of topics) {
      const group = groups.get(topic) ?? { topic, entries: [] };
      group.entries.push({ entry, score });
      groups.set(topic, group);
    }
  });
  const summary: SessionSummaryData = {
    total: session.keys.length,
    answered: scores.filter((s) => s !== undefined).length,
    points,
    score: session.keys.length > 0 ? points / session.keys.length : 0,
    missed: [...groups.values()].sort((a, b) => a.topic.localeCompare(b.topic)),
  };
  if (session.finishedAt !== undefined) {
    summary.seconds = Math.max(Math.round((session.finishedAt - session.startedAt) / 1000), 0);
  }
  return summary;
}
