#!/usr/bin/env node
// Runs the bundle in ../dist when it is up to date (fast start), otherwise the TypeScript sources
// through tsx, so an edited source is never shadowed by a stale bundle.
import { readFileSync, statSync } from 'node:fs';

const agentDir = new URL('../', import.meta.url);

function bundleIsFresh() {
  try {
    const builtAt = statSync(new URL('dist/cli.mjs', agentDir)).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('dist/inputs.json', agentDir), 'utf8'));
    return inputs.every((input) => statSync(new URL(input, agentDir)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import('../dist/cli.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
