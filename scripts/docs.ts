#!/usr/bin/env node
/** npm run docs: regenerate docs/data-dictionary.md from src/lib/schema.ts. */
import { writeFileSync } from 'node:fs';
import { dataDictionaryMarkdown } from '../src/lib/data-dictionary.ts';

writeFileSync('docs/data-dictionary.md', `${dataDictionaryMarkdown()}\n`);
console.log('wrote docs/data-dictionary.md');
