// The exercises of the bundled presets (every scenarios/*.json with an `exam`), read once at start.
import { scenarioNames, scenarioText } from '../scenarios.ts';
import { buildCatalog, type CatalogEntry } from './exam-model.ts';

export const examCatalog: readonly CatalogEntry[] = buildCatalog(
  scenarioNames.map((name) => ({ name, text: scenarioText(name) ?? '' })),
);

export const examCatalogByKey: ReadonlyMap<string, CatalogEntry> = new Map(examCatalog.map((e) => [e.key, e]));
