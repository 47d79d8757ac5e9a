// Journeys of exam mode: a predict question answered from the Exam gallery with its step-through, a
// choose-the-fix question with a choice applied as an undoable edit, a break-fix task solved on the
// canvas with a hint, a short session with its summary, and progress that survives a reload.
import { readdirSync, readFileSync } from 'node:fs';
import { ExamMode, expect, test } from './fixtures/editor-page.ts';

interface Exercise {
  id: string;
  kind: 'predict' | 'chooseFix' | 'breakFix';
  answer: string | { verdict: string; blockedAt?: string };
  choices?: { id: string }[];
  goals?: { expect: string }[];
  query?: { from: string; to: string };
}

interface ScenarioFile {
  meta?: { title?: string };
  exam?: { exercises: Exercise[] };
  topology: Record<string, unknown>;
  [field: string]: unknown;
}

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function scenario(name: string): ScenarioFile {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as ScenarioFile;
}

/** An exercise of `kind` among the presets, `preferred` first (other helpers may still be adding them). */
function findExercise(kind: Exercise['kind'], preferred: string): { file: string; exercise: Exercise } {
  for (const file of [preferred, ...files.filter((f) => f !== preferred)]) {
    if (!files.includes(file)) continue;
    const exercise = scenario(file).exam?.exercises.find((x) => x.kind === kind);
    if (exercise) return { file, exercise };
  }
  throw new Error(`no preset has a ${kind} exercise`);
}

const keyOf = (file: string, id: string) => `scenario:${file}#${id}`;

test('a predict question: answer it, see the grade and the step-through, and find it after a reload', async ({
  editor,
}) => {
  const exam = new ExamMode(editor.page);
  const { file, exercise } = findExercise('predict', 'nacl-missing-ephemeral.json');
  const answer = exercise.answer as { verdict: string; blockedAt?: string };
  const key = keyOf(file, exercise.id);
  await editor.open();

  await exam.openGallery();
  await exam.filter('Mode').selectOption('predict');
  await expect(exam.gallery.locator('[data-testid="exam-item"]:not([data-kind="predict"])')).toHaveCount(0);
  await exam.search().fill(exercise.id);
  await expect(exam.item(key)).toBeVisible();
  await expect(exam.item(key).getByTestId('exam-item-status')).toHaveText('not tried');
  await exam.start(key);
  await expect(exam.gallery).toBeHidden();
  await expect(editor.page).toHaveURL(new RegExp(`scenario=${file.replace('.', '\\.')}`));
  await expect(editor.panel.tab('exam')).toHaveAttribute('aria-selected', 'true');

  // Until it is answered, the checks and the trace would give the answer away: they wait.
  await editor.panel.show('checks');
  await expect(editor.page.getByTestId('exam-spoiler')).toBeVisible();
  await editor.panel.show('exam');

  // The component list appears with "blocked"; the right answer scores full marks.
  await exam.answerPredict(answer.verdict, answer.verdict === 'BLOCKED' ? answer.blockedAt : undefined);
  await expect(exam.result).toHaveAttribute('data-state', 'right');
  await expect(exam.score).toHaveText('Score 100%');
  await expect(exam.explanation).not.toBeEmpty();

  // The step-through: the trace tab on the exercise's question, with the engine's verdict.
  await exam.control('exam-step-through').click();
  await expect(editor.panel.tab('trace')).toHaveAttribute('aria-selected', 'true');
  await expect(editor.panel.verdict()).toHaveAttribute('data-verdict', answer.verdict);
  await expect(editor.panel.traceForm.getByLabel('From', { exact: true })).toHaveValue(exercise.query?.from ?? '');

  // Progress is kept in this browser: after a reload the answer and the score are still there.
  expect((await exam.stored())?.records[key]).toMatchObject({ done: true, score: 1 });
  await editor.page.reload();
  await editor.panel.show('exam');
  await expect(exam.panel).toHaveAttribute('data-key', key);
  await expect(exam.score).toHaveText('Score 100%');
  await exam.openGallery();
  await expect(exam.item(key).getByTestId('exam-item-status')).toHaveText('100%');
  await expect(exam.gallery.getByTestId('exam-progress')).toContainText('average 100%');

  // A wrong answer on a second attempt scores nothing, and keeps the best score.
  await exam.start(key);
  await exam.control('exam-retry').click();
  await exam.answerPredict(answer.verdict === 'REACHABLE' ? 'BLOCKED' : 'REACHABLE', undefined);
  await expect(exam.result).toHaveAttribute('data-state', 'wrong');
  expect((await exam.stored())?.records[key]).toMatchObject({ score: 0, best: 1 });
  expect(editor.consoleErrors).toEqual([]);
});

test('choose the fix: a wrong answer shows why, and a choice is applied to the canvas as an undoable edit', async ({
  editor,
}) => {
  const exam = new ExamMode(editor.page);
  const { file, exercise } = findExercise('chooseFix', 'nacl-missing-ephemeral.json');
  const right = exercise.answer as string;
  const wrong = exercise.choices?.find((c) => c.id !== right)?.id ?? '';
  const key = keyOf(file, exercise.id);
  await editor.open(file);
  await expect(editor.panel.tab('exam')).toContainText(String(scenario(file).exam?.exercises.length));

  // The Exam tab lists the open network's exercises.
  await editor.panel.show('exam');
  await exam.start(key);
  await exam.answerChoice(wrong);
  await expect(exam.result).toHaveAttribute('data-state', 'wrong');
  await expect(exam.score).toHaveText('Score 0%');
  const review = exam.panel.getByTestId('exam-choice-review');
  await expect(review).toHaveCount(exercise.choices?.length ?? 0);
  await expect(exam.panel.locator(`[data-testid="exam-choice-review"][data-choice="${right}"]`)).toHaveClass(/right/);
  await expect(exam.panel.locator(`[data-testid="exam-choice-review"][data-choice="${wrong}"]`)).toHaveClass(/wrong/);
  await expect(exam.explanation).not.toBeEmpty();

  // Applying the right choice makes the goal's trace what the goal expects; undo takes it back.
  await expect(editor.toolbar.undo).toBeDisabled();
  await exam.panel
    .locator(`[data-testid="exam-choice-review"][data-choice="${right}"]`)
    .getByTestId('exam-apply-choice')
    .click();
  await expect(editor.toolbar.undo).toBeEnabled();
  await exam.control('exam-step-through').click();
  await expect(editor.panel.verdict()).toHaveAttribute('data-verdict', exercise.goals?.[0]?.expect ?? '');
  await editor.toolbar.undo.click();
  await expect(editor.toolbar.undo).toBeDisabled();
  await expect(editor.panel.verdict()).not.toHaveAttribute('data-verdict', exercise.goals?.[0]?.expect ?? '');
  expect(editor.consoleErrors).toEqual([]);
});

/** The public web server with its route to the internet gateway gone, as a break-fix exercise. */
function brokenWebServer(): string {
  const doc = scenario('public-subnet-web-server.json');
  const topology = doc.topology as { routeTables: { id: string; routes: unknown[] }[] };
  const rtb = topology.routeTables.find((r) => r.id === 'rtb-public');
  if (!rtb) throw new Error('the scenario has no rtb-public');
  rtb.routes = [];
  return JSON.stringify(
    {
      ...doc,
      meta: { title: 'Fixture: the web server nobody can reach' },
      checks: [],
      exam: {
        exams: ['saa-c03'],
        topics: ['route-tables', 'internet-gateway'],
        exercises: [
          {
            id: 'breakfix-fixture-route',
            kind: 'breakFix',
            task: 'Visitors cannot reach the web server over HTTPS. Fix the network.',
            goals: [
              {
                name: 'visitors reach the site over HTTPS',
                from: 'internet',
                to: 'i-web',
                protocol: 'tcp',
                port: 443,
                expect: 'REACHABLE',
              },
            ],
            hints: [
              'Look at how the public subnet routes traffic.',
              'A route table is involved.',
              'rtb-public has no default route to the internet gateway.',
            ],
            solution: [{ kind: 'addRoute', routeTableId: 'rtb-public', destination: '0.0.0.0/0', target: 'igw-main' }],
            explanation: 'A subnet is public only when its route table sends 0.0.0.0/0 to an internet gateway.',
          },
        ],
      },
    },
    null,
    2,
  );
}

test('break-fix: fix the network on the canvas with a hint, get graded, and find the score after a reload', async ({
  editor,
}) => {
  const { canvas, inspector, toolbar, panel } = editor;
  const exam = new ExamMode(editor.page);
  const name = 'broken-web-server.json';
  const key = `file:${name}#breakfix-fixture-route`;
  await editor.open();
  await toolbar.openFile(name, brokenWebServer());
  await expect(toolbar.title).toHaveText('Fixture: the web server nobody can reach');

  await panel.show('exam');
  await exam.start(key);
  await expect(exam.question).toContainText('Visitors cannot reach');
  await expect(exam.goals).toHaveCount(1);
  await expect(exam.goals.first()).toHaveAttribute('data-passed', 'false');

  // One hint, then the next one is offered.
  await expect(exam.hints).toHaveCount(0);
  await exam.control('exam-hint-button').click();
  await expect(exam.hints).toHaveCount(1);
  await expect(exam.hints.first()).toHaveText('Look at how the public subnet routes traffic.');
  await expect(exam.control('exam-hint-button')).toContainText('2 of 3');

  // A partial edit is not enough: the goal stays failing and nothing is graded.
  await canvas.select('subnet-public-a');
  await inspector.follow('rtb-public');
  await expect(inspector.title).toContainText('rtb-public');
  await inspector.field('New route destination').fill('10.99.0.0/16');
  await inspector.field('New route target').selectOption('igw-main');
  await inspector.button('Add route').click();
  await expect(exam.goals.first()).toHaveAttribute('data-passed', 'false');
  await expect(exam.result).toHaveCount(0);

  // The fix: a default route to the internet gateway. Graded at once, less the hint.
  await inspector.field('New route destination').fill('0.0.0.0/0');
  await inspector.field('New route target').selectOption('igw-main');
  await inspector.button('Add route').click();
  await expect(exam.goals.first()).toHaveAttribute('data-passed', 'true');
  await expect(exam.result).toHaveAttribute('data-state', 'partial');
  await expect(exam.score).toHaveText('Score 83%');
  await expect(exam.explanation).toContainText('route table');
  await expect(exam.control('exam-hint-button')).toHaveCount(0);

  // After a reload: the repaired network, the solved exercise and its score.
  await editor.page.reload();
  await panel.show('exam');
  await expect(exam.panel).toHaveAttribute('data-key', key);
  await expect(exam.score).toHaveText('Score 83%');
  await expect(exam.hints).toHaveCount(1);
  expect((await exam.stored())?.records[key]).toMatchObject({ done: true, score: 0.83, hintsUsed: 1 });

  // Trying again on the repaired network grades nothing until the network is broken again.
  await exam.control('exam-retry').click();
  await expect(exam.goals.first()).toHaveAttribute('data-passed', 'true');
  await expect(exam.page.getByTestId('exam-notice')).toBeVisible();
  await expect(exam.result).toHaveCount(0);
  await expect(exam.hints).toHaveCount(0);
  await exam.control('exam-give-up').click();
  await expect(exam.result).toHaveAttribute('data-state', 'wrong');
  expect((await exam.stored())?.records[key]).toMatchObject({ done: true, score: 0, best: 0.83 });
  await exam.control('exam-step-through').click();
  await expect(panel.verdict()).toHaveAttribute('data-verdict', 'REACHABLE');
  expect(editor.consoleErrors).toEqual([]);
});

test('a session of two questions ends with a score and the missed question grouped by topic', async ({ editor }) => {
  const exam = new ExamMode(editor.page);
  await editor.open();
  await exam.openGallery();
  await exam.filter('Mode').selectOption('predict');
  await exam.gallery.getByLabel('Timer', { exact: true }).check();
  await exam.gallery.getByLabel('Questions in a session').fill('2');
  await exam.gallery.getByTestId('exam-start-session').click();
  await expect(exam.gallery).toBeHidden();
  await expect(exam.page.getByTestId('exam-session-position')).toHaveText('Question 1 of 2');
  // The timer: the session's and the question's, ticking.
  await expect(exam.page.getByTestId('exam-session-timer')).toHaveText(/^\d+:\d\d$/);
  await expect(exam.page.getByTestId('exam-timer')).toHaveText(/^0:0[1-9]$/, { timeout: 5000 });

  const answers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const key = (await exam.panel.getAttribute('data-key')) ?? '';
    const [doc, id] = key.replace(/^scenario:/, '').split('#') as [string, string];
    const x = scenario(doc).exam?.exercises.find((e) => e.id === id);
    const answer = x?.answer as { verdict: string; blockedAt?: string };
    // The first right, the second wrong.
    if (i === 0) await exam.answerPredict(answer.verdict, answer.verdict === 'BLOCKED' ? answer.blockedAt : undefined);
    else await exam.answerPredict(answer.verdict === 'REACHABLE' ? 'BLOCKED' : 'REACHABLE', undefined);
    answers.push(key);
    await exam.control('exam-next').click();
  }
  await expect(exam.summary).toBeVisible();
  await expect(exam.page.getByTestId('exam-session-score')).toHaveText('50%');
  await expect(exam.page.getByTestId('exam-missed-topic').first()).toBeVisible();
  await expect(exam.page.getByTestId('exam-review')).not.toHaveCount(0);

  // Reviewing the missed one opens it afresh; the summary is one click away.
  await exam.page.getByTestId('exam-review').first().click();
  await expect(exam.panel).toHaveAttribute('data-key', answers[1] ?? '');
  await exam.control('exam-back-to-summary').click();
  await exam.control('exam-summary-close').click();
  await expect(exam.summary).toHaveCount(0);
  expect(editor.consoleErrors).toEqual([]);
});

test('break-fix on a preset: Start over puts the network back as bundled, hints stay used', async ({ editor }) => {
  const { canvas, inspector } = editor;
  const exam = new ExamMode(editor.page);
  const { file, exercise } = findExercise('breakFix', 'missing-igw-route.json');
  const instance = (scenario(file).topology.instances as { id: string }[] | undefined)?.[0]?.id ?? '';
  const key = keyOf(file, exercise.id);
  await editor.open();
  await exam.openGallery();
  await exam.filter('Mode').selectOption('breakFix');
  await exam.start(key);
  await expect(editor.toolbar.title).toHaveText(scenario(file).meta?.title ?? file);
  await expect(exam.goals.first()).toHaveAttribute('data-passed', 'false');
  await exam.control('exam-hint-button').click();
  await expect(exam.hints).toHaveCount(1);

  await canvas.select(instance);
  await inspector.fill('Name', 'Renamed during the exercise');
  await expect(canvas.node(instance)).toContainText('Renamed during the exercise');
  await exam.control('exam-start-over').click();
  await expect(canvas.node(instance)).not.toContainText('Renamed during the exercise');
  await expect(editor.toolbar.dirty).toHaveCount(0);
  await expect(exam.hints).toHaveCount(1);
  await expect(exam.result).toHaveCount(0);
  expect(editor.consoleErrors).toEqual([]);
});
