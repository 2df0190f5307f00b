// Writes schemas/*.json from the compiled definitions (run `npm run build` first; `npm run schemas`).
import { writeFileSync, mkdirSync } from 'node:fs';
import { emitSchemas, serialiseSchema } from '../dist/schema/emit.js';

const dir = new URL('../schemas/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(emitSchemas())) {
  writeFileSync(new URL(name, dir), serialiseSchema(schema));
  console.log(`schemas/${name}`);
}
