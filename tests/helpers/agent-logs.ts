import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The agent's log files (rotated: agent.DATE.N.log), oldest first. */
export function agentLogFiles(home: string): string[] {
  const folder = join(home, 'logs');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
}

/** Everything the agent has logged, across its rotated files. */
export function readAgentLog(home: string): string {
  return agentLogFiles(home)
    .map((file) => readFileSync(file, 'utf8'))
    .join('');
}

/** Bytes in a folder's files (not recursive: the log folder holds only files). */
export function folderBytes(folder: string): number {
  try {
    return readdirSync(folder).reduce((total, name) => total + statSync(join(folder, name)).size, 0);
  } catch {
    return 0;
  }
}
