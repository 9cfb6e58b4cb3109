// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

/**
 * The parts of src/ and what each may import (STYLE.md's dependency direction). A zone's
 * `target` may not import from its `from`.
 */
const boundaries = [
  // The vocabulary and the pure policy import no part that does I/O.
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message: 'src/domain imports nothing of the other parts',
  },
  {
    target: './src/policy',
    from: './src',
    except: ['./policy', './domain'],
    message: 'src/policy is pure: it imports only src/domain',
  },
  // Generic helpers (line splitting, batching, worker threads) know nothing of the product.
  { target: './src/lib', from: './src', except: ['./lib'], message: 'src/lib imports nothing of the product' },
  // The request schemas the faces and the use cases share: only the vocabulary and the pure rules.
  {
    target: './src/schemas',
    from: './src',
    except: ['./schemas', './domain', './policy'],
    message: 'src/schemas (the request schemas) imports only src/domain and src/policy',
  },
  // A use case decides; the faces call it and present its answer (docs/architecture.md, "Use cases").
  {
    target: './src/usecases',
    from: ['./src/http', './src/cli', './src/compose'],
    message: 'a use case imports no face (HTTP, CLI) and no wiring: it takes its ports',
  },
  // The store and the queues: storage and Redis, below the services, workers and faces.
  {
    target: ['./src/store', './src/jobs'],
    from: ['./src/http', './src/cli', './src/compose', './src/services', './src/workers', './src/providers'],
    message: 'the store and the queues import no face, wiring, service, worker or provider',
  },
  // A migration is history: written against the schema as it was then (raw SQL or the untyped
  // schema builder), so it imports nothing that moves with today's schema, src/store/schema.ts first.
  {
    target: './src/store/migrations',
    from: './src',
    except: ['./store/migrations', './store/db.ts'],
    message:
      'a migration imports only kysely, the Dialect type and its list: never src/store/schema.ts or other store code, which describe today, not the schema it was written against',
  },
  // The services (intake, opt-outs, strategy) combine the store and the queues; they never send.
  {
    target: './src/services',
    from: ['./src/http', './src/cli', './src/compose', './src/workers', './src/providers'],
    message: 'a service imports no face, wiring, worker or provider: it stores and enqueues, and never sends',
  },
  // The workers send through the providers' interface; they serve no HTTP.
  {
    target: './src/workers',
    from: ['./src/http', './src/cli', './src/compose'],
    message: 'a worker imports no face and no wiring',
  },
  // The API and the console store and enqueue; they never send (the webhooks name the voice provider's type).
  { target: ['./src/http/api', './src/http/ui'], from: './src/providers', message: 'the API never imports providers' },
  { target: './src/http', from: './src/workers', message: 'the HTTP faces never import workers' },
  { target: './src/http', from: './src/cli', message: 'the HTTP faces never import the CLI' },
  // Nothing but the wiring and the entry points imports the wiring.
  {
    target: ['./src/http', './src/templates', './src/config', './src/observability'],
    from: './src/compose',
    message: 'only src/main.ts, src/service.ts and the CLI entry points import the wiring',
  },
  // Providers import only their SDK and the shared errors.
  {
    target: './src/providers',
    from: './src',
    except: ['./providers', './domain'],
    message: 'providers import only their SDK, src/domain and their own errors',
  },
  // The queue contract imports only zod.
  { target: './queues', from: './src', message: 'queues/ is the contract: it imports only zod' },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'coverage/',
      'bench/results/',
      'test/e2e/screenshots/',
      'test/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        Buffer: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        Headers: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    // Type-aware rules for the TypeScript: a promise is awaited, returned or handled on purpose.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    // import-x reads a file it resolves only with a parser for its extension: without these two, every
    // .ts import was skipped and no-cycle and no-restricted-paths saw nothing (a planted cycle passed).
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
    },
  },
  {
    // The vocabulary and the pure policy reach no network, disk, database or queue.
    files: ['src/domain/**/*.ts', 'src/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'ioredis',
            'bullmq',
            'kysely',
            'pg',
            'better-sqlite3',
            'express',
            'nodemailer',
            'twilio',
            'pino',
            'node:fs',
            'node:net',
            'node:http',
            'node:https',
            'node:child_process',
            'node:worker_threads',
            'fs',
            'net',
            'http',
            'https',
            'child_process',
          ].map((name) => ({
            name,
            message: 'src/domain and src/policy do no I/O: take what you need as an argument',
          })),
        },
      ],
    },
  },
  {
    // Only the composition root holds the whole store: every other consumer takes its role-named port
    // (src/store/ports.ts), which says everything it may do to the store.
    files: [
      'src/http/api/**/*.ts',
      'src/http/ui/**/*.ts',
      'src/jobs/**/*.ts',
      'src/services/**/*.ts',
      'src/workers/**/*.ts',
      'src/http/webhooks/**/*.ts',
      'src/usecases/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/audit-store.js'],
              importNames: ['AuditStore'],
              message: 'take your role-named port from src/store/ports.ts, not the whole AuditStore',
            },
          ],
        },
      ],
    },
  },
  {
    // A use case reaches the store only through the ports it is given: it may name the store's types, never call its
    // code (RFC 8785 canonical JSON, a pure function, is the exception); it knows nothing of HTTP or the provider SDK
    // (the face parses the request into a command and presents the answer).
    files: ['src/usecases/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['express', 'twilio'].map((name) => ({
            name,
            message: 'a use case takes a parsed command and its ports: HTTP and the provider SDK stay in the face',
          })),
          patterns: [
            {
              group: ['**/store/*', '!**/store/canonical-json.js'],
              allowTypeImports: true,
              message: 'a use case takes the store operations it needs as ports: import only types from src/store',
            },
            {
              group: ['**/services/*', '**/jobs/**', '**/workers/**', '**/providers/*'],
              allowTypeImports: true,
              message:
                'a use case takes the service, queue and provider operations it needs as ports: import only their types',
            },
          ],
        },
      ],
    },
  },
  {
    // Small functions: a function that needs more than this is several ideas. (It was 80 lines at a print width of
    // 200; at 120 the same code takes about half as many lines again. The API's route registrars shrank when their
    // handlers' rules moved into use cases, issue 26 item 3, the longest now 105 lines; the console's review page
    // (src/http/ui/public/pages/review.js, 123) is the longest function left: split it, then lower this again.)
    files: ['src/**/*.ts', 'src/**/*.js'],
    rules: { 'max-lines-per-function': ['error', { max: 123, skipBlankLines: true, skipComments: true, IIFEs: true }] },
  },
  {
    // The console's pages: plain ES modules that run in the browser.
    files: ['src/http/ui/public/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'navigator',
          'location',
          'history',
          'sessionStorage',
          'localStorage',
          'URLSearchParams',
          'Node',
          'Element',
          'queueMicrotask',
          'Event',
          'fetch',
          'URL',
          'setTimeout',
          'clearTimeout',
          'requestAnimationFrame',
        ].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
);
