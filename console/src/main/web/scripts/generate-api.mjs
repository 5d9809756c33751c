// Generates src/api/generated/<service>.ts from every openapi/<service>.json with openapi-typescript.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const inDir = join(root, 'openapi');
const outDir = join(root, 'src', 'api', 'generated');
mkdirSync(outDir, { recursive: true });
const files = readdirSync(inDir).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error('no openapi/*.json documents found');
  process.exit(1);
}
for (const file of files) {
  const service = basename(file, '.json');
  const ast = await openapiTS(pathToFileURL(join(inDir, file)));
  const out = join(outDir, `${service}.ts`);
  writeFileSync(out, `// Generated from openapi/${file} by scripts/generate-api.mjs. Do not edit.\n` + astToString(ast));
  console.log(`openapi/${file} -> src/api/generated/${service}.ts`);
}
