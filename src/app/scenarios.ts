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
