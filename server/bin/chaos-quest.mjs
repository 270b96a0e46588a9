#!/usr/bin/env node
// The `chaos-quest` command. The server runs its TypeScript through tsx (there is no build
// step), so the loader is registered before the CLI's entry point is imported.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
