// The preset scenarios: every scenarios/*.json file, bundled as text so a broken file becomes a
// diagnostic on the page instead of a failed build.
const files = import.meta.glob<string>('../../scenarios/*.json', { query: '?raw', import: 'default', eager: true });

/** The scenario opened when neither the URL nor the last visit names one. */
export const DEFAULT_SCENARIO = 'public-private-nat.json';

const byName = new Map(Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]));

/** File names (`public-private-nat.json`), sorted. */
export const scenarioNames: readonly string[] = [...byName.keys()].sort();

/** The file's text, or undefined when no scenario has that name. */
export function scenarioText(name: string): string | undefined {
  return byName.get(name);
}

/** What the gallery shows of a preset: its meta, read defensively (a broken file still gets an entry). */
export interface ScenarioEntry {
  name: string;
  title: string;
  description?: string | undefined;
  tags: string[];
  difficulty?: string | undefined;
  broken: boolean;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** One entry per scenario file, in file-name order. */
export const scenarioEntries: readonly ScenarioEntry[] = scenarioNames.map((name): ScenarioEntry => {
  try {
    const parsed: unknown = JSON.parse(byName.get(name) ?? '');
    const meta =
      typeof parsed === 'object' && parsed !== null ? (parsed as { meta?: Record<string, unknown> }).meta : undefined;
    const tags = Array.isArray(meta?.tags) ? meta.tags.filter((t): t is string => typeof t === 'string') : [];
    return {
      name,
      title: text(meta?.title) ?? name,
      description: text(meta?.description),
      tags,
      difficulty: text(meta?.difficulty),
      broken: false,
    };
  } catch {
    return { name, title: name, tags: [], broken: true };
  }
});
