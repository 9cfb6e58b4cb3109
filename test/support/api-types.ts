/**
 * The TypeScript types of the served OpenAPI document, as a client generates them
 * (openapi-typescript). `npm run api:types` writes them to test/generated/openapi.ts, which the
 * typed-client test compiles against; the same test generates them again and fails if the
 * committed file is out of date (the document changed and the types were not regenerated).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApi } from '../../src/http/api/openapi.js';
import { documentedTemplates, loadCatalogue } from '../../src/templates/catalogue.js';

export const GENERATED = fileURLToPath(new URL('../generated/openapi.ts', import.meta.url));

const HEADER =
  '// Generated from the served OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit.\n';

export async function generateApiTypes(): Promise<string> {
  // The document as the service serves it with the repository's catalogue.
  const catalogue = loadCatalogue(fileURLToPath(new URL('../../templates', import.meta.url)));
  const doc = buildOpenApi('0.0.0', documentedTemplates(catalogue));
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  fs.writeFileSync(GENERATED, await generateApiTypes());
  process.stdout.write(`wrote ${GENERATED}\n`);
}
