// Runs inside `unshare -rm` (its own mount namespace, root mapped to the caller): mounts a small
// tmpfs at argv[2], then obeys one JSON command per stdin line and answers one JSON line on stdout.
// The agent it starts lives in the same namespace, so only it and this script see the small disk;
// the test talks to the agent over 127.0.0.1 (the network is shared).
//   {"do":"start","args":[...]}  start `edulens agent` with EDULENS_HOME on the tmpfs; answers its
//                                 banner, or its exit code and output when it did not start
//   {"do":"fill"} / {"do":"free"} write a filler file until the disk is full / delete it
//   {"do":"stop"}                 SIGTERM the agent and answer its exit code
//   {"do":"readOnly","on":true}   remount the tmpfs read-only (or writable again)
//   {"do":"log"}                  the agent's log files, concatenated
import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const [, , mountPoint, sizeMb, edulensBin] = process.argv;
mkdirSync(mountPoint, { recursive: true });
execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'none', mountPoint]);
const home = join(mountPoint, 'home');
const filler = join(mountPoint, 'filler');
const BANNER = /URL:\s+(http:\/\/127\.0\.0\.1:(\d+))[\s\S]*Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})/;

let agent;
const reply = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
const freeBytes = () => {
  const stats = statfsSync(mountPoint);
  return stats.bavail * stats.bsize;
};

function start(args, folder = 'home') {
  const child = spawn(process.execPath, [edulensBin, 'agent', ...args], {
    env: { ...process.env, EDULENS_HOME: join(mountPoint, folder), EDULENS_BACKUP_KEEP_DAYS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  agent = child;
  let output = '';
  let answered = false;
  const collect = (chunk) => {
    output += chunk.toString();
    const banner = BANNER.exec(output);
    if (banner && !answered) {
      answered = true;
      reply({ started: true, pid: child.pid, url: banner[1], port: Number(banner[2]), code: banner[3] });
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.once('exit', (code, signal) => {
    if (!answered) reply({ started: false, pid: child.pid, exitCode: code, signal, output });
    else process.stderr.write(`agent exited (${code ?? signal}):\n${output}\n`);
  });
}

function fill() {
  // Big chunks first, then page-sized ones, until the disk refuses even those.
  const fd = openSync(filler, 'a');
  let written = 0;
  for (const size of [1024 * 1024, 64 * 1024, 4096, 512]) {
    const chunk = Buffer.alloc(size, 0x78);
    try {
      for (;;) written += writeSync(fd, chunk);
    } catch (error) {
      if (error.code !== 'ENOSPC') throw error;
    }
  }
  closeSync(fd);
  reply({ filled: written, free: freeBytes() });
}

const commands = {
  log: () => {
    const folder = join(home, 'logs');
    const names = readdirSync(folder).sort();
    reply({ log: names.map((name) => readFileSync(join(folder, name), 'utf8')).join('') });
  },
  start: ({ args, folder }) => start(args, folder),
  readOnly: ({ on }) => {
    execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, mountPoint]);
    reply({ readOnly: on });
  },
  fill,
  free: () => {
    rmSync(filler, { force: true });
    reply({ freed: true, free: freeBytes() });
  },
  stop: () => {
    if (!agent || agent.exitCode !== null || agent.signalCode !== null)
      return reply({ exitCode: agent?.exitCode });
    agent.once('exit', (code) => reply({ exitCode: code }));
    agent.kill('SIGTERM');
  },
};

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  try {
    commands[command.do](command);
  } catch (error) {
    reply({ error: String(error) });
  }
});
// The test ending (stdin closed) ends the agent too: nothing outlives the namespace's owner.
process.stdin.on('end', () => {
  agent?.kill('SIGKILL');
  process.exit(0);
});
