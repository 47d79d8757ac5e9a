// ESLint flat config: TypeScript rules everywhere, type-aware rules in src, React hooks rules in the UI,
// and the layer rule of architecture.md (lib <- model <- engine <- store <- ui <- app; cli beside store).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every folder under src/ that is a layer. */
const LAYERS = ['lib', 'model', 'interop', 'engine', 'store', 'ui', 'app', 'cli'];

/**
 * Matches a relative import that climbs out of the current folder into `layer`, e.g. `../engine/index.ts`
 * or `../../ui/Panel.tsx`. All imports inside src/ are relative, so this names the target layer.
 */
const intoLayer = (layer) => `^(\\.\\./)+${layer}(/|$)`;

/** The same, but for any path into `layer` other than its index.ts (a deep import). */
const deepIntoLayer = (layer) => `^(\\.\\./)+${layer}/(?!index\\.tsx?$).+`;

const PACKAGES = {
  react: { regex: '^react(-dom)?(/|$)', message: 'React belongs to src/ui and src/app.' },
  zustand: { regex: '^zustand(/|$)', message: 'zustand belongs to src/store (and React bindings to src/ui).' },
  immer: { regex: '^immer(/|$)', message: 'immer belongs to src/model recipes and src/store.' },
  xyflow: { regex: '^@xyflow/', message: 'React Flow belongs to src/ui.' },
  node: { regex: '^node:', message: 'Node built-ins would break the browser build; only src/cli may use them.' },
};

/**
 * The `no-restricted-imports` options for one layer. A later config object replaces (does not merge)
 * an earlier setting of the same rule, so each layer gets its complete list here.
 */
function layerRule(layer, { forbiddenLayers, forbiddenPackages = [] }) {
  const patterns = [
    ...forbiddenLayers.map((other) => ({
      regex: intoLayer(other),
      message: `src/${layer} may not import src/${other} (architecture.md, layers).`,
    })),
    ...LAYERS.filter((other) => other !== layer && !forbiddenLayers.includes(other)).map((other) => ({
      regex: deepIntoLayer(other),
      message: `Import src/${other} through its index.ts, not a file inside it.`,
    })),
    ...forbiddenPackages.map((name) => ({
      regex: PACKAGES[name].regex,
      message: `${PACKAGES[name].message} (src/${layer} may not import it.)`,
    })),
  ];
  return { 'no-restricted-imports': ['error', { patterns }] };
}

/** What each layer may not import; everything else in src/ must go through the layer's index.ts. */
const LAYER_RULES = {
  lib: {
    forbiddenLayers: ['model', 'interop', 'engine', 'store', 'ui', 'app', 'cli'],
    forbiddenPackages: ['react', 'zustand', 'immer', 'xyflow', 'node'],
  },
  model: {
    forbiddenLayers: ['interop', 'engine', 'store', 'ui', 'app', 'cli'],
    forbiddenPackages: ['react', 'zustand', 'xyflow', 'node'],
  },
  // Importers and exporters: pure functions of text and the document model (src/interop/README.md).
  interop: {
    forbiddenLayers: ['engine', 'store', 'ui', 'app', 'cli'],
    forbiddenPackages: ['react', 'zustand', 'immer', 'xyflow', 'node'],
  },
  engine: {
    forbiddenLayers: ['interop', 'store', 'ui', 'app', 'cli'],
    forbiddenPackages: ['react', 'zustand', 'immer', 'xyflow', 'node'],
  },
  store: { forbiddenLayers: ['ui', 'app', 'cli'], forbiddenPackages: ['react', 'xyflow', 'node'] },
  ui: { forbiddenLayers: ['app', 'cli'], forbiddenPackages: ['node'] },
  app: { forbiddenLayers: ['cli'], forbiddenPackages: ['node'] },
  cli: { forbiddenLayers: ['store', 'ui', 'app'], forbiddenPackages: ['react', 'zustand', 'immer', 'xyflow'] },
};

/** The engine is a pure function of its input: no clock, no randomness, no host environment. */
const engineGlobals = [
  ...['Date', 'performance', 'setTimeout', 'setInterval', 'queueMicrotask', 'crypto', 'process'].map((name) => ({
    name,
    message: 'The engine is deterministic: no clocks, timers, randomness or host state (architecture.md).',
  })),
  ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'globalThis'].map((name) => ({
    name,
    message: 'The engine has no DOM or I/O (architecture.md).',
  })),
];

export default defineConfig(
  {
    ignores: ['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', '.ci-out/', 'coverage/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Type-aware rules where the product code lives: they catch `any` leaking in through JSON or libraries.
  tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: ['src/**/*.{ts,tsx}'] })),
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // Layers.
  Object.entries(LAYER_RULES).map(([layer, rule]) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: layerRule(layer, rule),
  })),
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...engineGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine is deterministic: no randomness.' },
      ],
    },
  },
  // React.
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },
  // Node-side code: CLI, tests, scripts, benchmarks and config files.
  {
    files: [
      'src/cli/**/*.ts',
      'tests/**/*.ts',
      'bench/**/*.ts',
      'bin/**/*.js',
      'scripts/**/*.{ts,js,mjs}',
      '*.{ts,js,mjs}',
    ],
    languageOptions: { globals: globals.node },
  },
);
