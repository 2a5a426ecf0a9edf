#!/usr/bin/env node
// The command is TypeScript, run through tsx so there is no compile step to forget.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
