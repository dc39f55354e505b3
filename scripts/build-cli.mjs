#!/usr/bin/env node
// Bundles the edulens CLI into agent/dist so that a command starts in a fraction of the time the
// tsx loader needs. agent/bin/edulens.mjs uses the bundle only while it is newer than every source
// file it was built from, and falls back to running the TypeScript sources through tsx otherwise.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const agent = join(root, 'agent');
const dist = join(agent, 'dist');
const manifest = JSON.parse(readFileSync(join(agent, 'package.json'), 'utf8'));
// npm packages stay external (native modules, worker transports); only our own code is bundled.
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@edulens/'));

rmSync(dist, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(agent, 'src', 'cli.ts')],
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  metafile: true,
  logLevel: 'warning',
});

mkdirSync(dist, { recursive: true });
const inputs = Object.keys(result.metafile.inputs).map((input) => relative(agent, join(root, input)));
writeFileSync(join(dist, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
