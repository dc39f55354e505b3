#!/usr/bin/env node
// `npm start`, `npm run portals`, `npm run demo`: runs scripts/setup.mjs, then the program itself IN
// THIS PROCESS, and ends it when the process that started it is gone. npm runs a script as
// `sh -c "node scripts/start.mjs …"` and forwards SIGTERM/SIGINT to that shell only; Debian's dash
// does not exec the command, so the shell dies of the signal and this process is left to itself
// (before: `node setup.mjs && node agent` left the agent running as an orphan). So this process
// watches its parent: when the parent is gone, it sends itself SIGTERM and the program stops as it
// does on Ctrl+C (database and log closed). Where the shell does exec node (bash as sh), npm's
// forwarded signal arrives here directly.
//
//   node scripts/start.mjs agent [ARGS…]    the local agent (agent/bin/edulens.mjs agent ARGS…)
//   node scripts/start.mjs portals          the simulated portals (tests/portals/serve.ts)
//   node scripts/start.mjs demo             portals + agent + Chromium (scripts/demo.ts)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const programs = {
  agent: { setup: [], file: 'agent/bin/edulens.mjs', args: ['agent'], typescript: false },
  portals: { setup: [], file: 'tests/portals/serve.ts', args: [], typescript: true },
  demo: { setup: ['--for-tests'], file: 'scripts/demo.ts', args: [], typescript: true },
};

const [name, ...rest] = process.argv.slice(2);
const program = programs[name ?? ''];
if (!program) {
  console.error(
    `[edulens] Cách dùng / usage: node scripts/start.mjs <${Object.keys(programs).join('|')}> [tham số / arguments…]`,
  );
  process.exit(2);
}

// Setup may run `npm ci`; it ends before the program starts, so a child process is fine here.
const setup = spawnSync(process.execPath, [join(root, 'scripts', 'setup.mjs'), ...program.setup], {
  stdio: 'inherit',
});
if (setup.status !== 0) process.exit(setup.status ?? 1);

// Ctrl+C in a terminal reaches this process twice: from the terminal (same process group) and
// forwarded by npm. The programs stop cleanly on the first SIGINT/SIGTERM and let a second one end
// the process at once, so the echo arriving within a second is ignored here; a later one (a user
// pressing Ctrl+C again) still ends the process at once, and so does the first one while the
// program has no handler of its own yet (Node's default).
const ECHO_MS = 1_000;
let firstSignalAt = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    const now = Date.now();
    if (firstSignalAt === 0 && process.listenerCount(signal) > 1) {
      firstSignalAt = now;
      return;
    }
    if (firstSignalAt !== 0 && now - firstSignalAt < ECHO_MS) return;
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// process.ppid is read afresh each time: it changes (to 1 or a subreaper) when the parent dies.
const PARENT_CHECK_MS = 250;
const parent = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(parentWatch);
  // Not when a signal came already (Ctrl+C reaches the shell and this process alike).
  if (firstSignalAt === 0) process.kill(process.pid, 'SIGTERM');
}, PARENT_CHECK_MS);
parentWatch.unref();

const target = join(root, program.file);
// The program sees the command line it would have had when run directly (serve.ts checks argv[1]).
process.argv = [process.execPath, target, ...program.args, ...rest];
if (program.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(target).href);
