// pnpm docs:procedures: rewrites docs/procedures.md from the router.
import { writeFileSync } from 'node:fs';
import { procedureReference, referencePath } from './reference.js';

writeFileSync(referencePath, procedureReference());
console.log(`wrote ${referencePath}`);
