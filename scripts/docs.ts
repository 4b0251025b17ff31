#!/usr/bin/env node
/** npm run docs: regenerate docs/data-dictionary.md (src/lib/schema.ts) and docs/errors.md (src/pipeline/issues.ts). */
import { writeFileSync } from 'node:fs';
import { dataDictionaryMarkdown } from '../src/lib/data-dictionary.ts';
import { issueCatalogueMarkdown } from '../src/pipeline/issues.ts';

writeFileSync('docs/data-dictionary.md', `${dataDictionaryMarkdown()}\n`);
console.log('wrote docs/data-dictionary.md');
writeFileSync('docs/errors.md', `${issueCatalogueMarkdown()}\n`);
console.log('wrote docs/errors.md');
