/**
 * npm run lint:api writes the served OpenAPI document with this and lints it with Redocly:
 * `tsx src/cli/openapi.ts > file.json` prints exactly what GET /openapi.json answers.
 */
import fs from 'node:fs';
import { buildOpenApi } from '../http/api/openapi.js';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
process.stdout.write(`${JSON.stringify(buildOpenApi(pkg.version ?? '0.0.0'), null, 2)}\n`);
