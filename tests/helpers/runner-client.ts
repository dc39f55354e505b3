import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunnerReply, RunnerRequest } from './command-runner';
import { repoRoot } from './run-cli';

const script = fileURLToPath(new URL('./command-runner.ts', import.meta.url));

export type RunnerOutcome =
  | { kind: 'reply'; reply: RunnerReply }
  /** The runner died or was killed during the case: the case crashed or went past the bounds. */
  | { kind: 'died'; why: string; output: string };

function residentMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kib = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * The parent side of tests/helpers/command-runner.ts: one child runs case after case; a case that
 * kills it (or passes `timeoutMs`, or `killAboveMiB` of resident memory) is reported as died and
 * the next case gets a fresh child.
 */
export class CommandRunner {
  private child: ChildProcess | undefined;
  private output = '';
  private nextId = 1;
  starts = 0;

  constructor(private readonly options: { timeoutMs: number; killAboveMiB: number }) {}

  private async start(): Promise<ChildProcess> {
    this.output = '';
    const child = fork(script, [], {
      cwd: repoRoot,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.starts++;
    const keep = (chunk: Buffer) => {
      if (this.output.length < 20_000) this.output += chunk.toString('utf8');
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if ((message as { ready?: boolean }).ready) {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) =>
        reject(new Error(`command runner exited at start (${code}): ${this.output}`)),
      );
    });
    this.child = child;
    return child;
  }

  /** Output the runner printed outside any captured case since it started (should be none). */
  strayOutput(): string {
    return this.output;
  }

  async run(request: Omit<RunnerRequest, 'id'>): Promise<RunnerOutcome> {
    const child = this.child ?? (await this.start());
    const id = this.nextId++;
    return new Promise((resolve) => {
      let why: string | undefined;
      const finish = (outcome: RunnerOutcome) => {
        clearTimeout(timer);
        clearInterval(watchdog);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (message: unknown) => {
        const reply = message as RunnerReply;
        if (reply.id === id) finish({ kind: 'reply', reply });
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = undefined;
        finish({ kind: 'died', why: why ?? `runner exited (${code ?? signal})`, output: this.output });
      };
      const kill = (reason: string) => {
        why ??= reason;
        child.kill('SIGKILL');
      };
      const timer = setTimeout(
        () => kill(`still running after ${this.options.timeoutMs} ms`),
        this.options.timeoutMs,
      );
      const watchdog = setInterval(() => {
        const rss = residentMiB(child.pid);
        if (rss !== undefined && rss > this.options.killAboveMiB)
          kill(`resident memory passed ${this.options.killAboveMiB} MiB`);
      }, 25);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ ...request, id });
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}
