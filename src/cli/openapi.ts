/**
 * npm run lint:api writes the served OpenAPI document with this and lints it with Redocly:
 * `tsx src/cli/openapi.ts > file.json` prints exactly what GET /openapi.json answers with the
 * catalogue of TEMPLATES_DIR (./templates by default).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApi } from '../http/api/openapi.js';
import { documentedTemplates, loadCatalogue } from '../templates/catalogue.js';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
const catalogue = loadCatalogue(path.resolve(process.env.TEMPLATES_DIR ?? './templates'));
process.stdout.write(
  `${JSON.stringify(buildOpenApi(pkg.version ?? '0.0.0', documentedTemplates(catalogue)), null, 2)}\n`,
);
