#!/usr/bin/env node
// The command is TypeScript: bin/start.js loads it from a bundle it keeps fresh, or through tsx.
import { loadMain } from './start.js';

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
