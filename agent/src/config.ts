import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { agentError, EXIT_USAGE } from './errors';

export const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_PORT = 8787;

/** The agent listens on the IPv4 loopback only: nothing on the network, not even the LAN, can connect. */
export const LOOPBACK = '127.0.0.1';

export const agentUrl = (port: number) => `http://${LOOPBACK}:${port}`;

/** Where an agent keeps its files; every command that touches the data dir derives paths from here. */
export interface DataPaths {
  home: string;
  database: string;
  /** Holds the pid (and port) of the process using the data dir, so two never write it at once. */
  lock: string;
  /** The log folder (rotated files agent.DATE.N.log, capped in total size: see logger.ts). */
  logs: string;
  /** Copies of the database taken just before a restore replaced it. */
  safetyCopies: string;
  /** Automatic daily backups (EDULENS_BACKUP_DIR: put them on another disk to survive this one). */
  backups: string;
}

export interface AgentConfig {
  paths: DataPaths;
  /** 0 asks the OS for a free port; the agent prints the one it got. */
  port: number;
  draftRetentionMs: number;
  /** Automatic backups younger than this are all kept; 0 turns automatic backups off. */
  backupKeepDays: number;
  tokenTtlMs: number;
  pairingCodeTtlMs: number;
  maxBodyBytes: number;
  logLevel: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv): DataPaths {
  const home = resolve(env.EDULENS_HOME || join(homedir(), '.edulens'));
  return {
    home,
    database: join(home, 'edulens.db'),
    lock: join(home, 'agent.lock'),
    logs: join(home, 'logs'),
    safetyCopies: join(home, 'safety-copies'),
    backups: resolve(env.EDULENS_BACKUP_DIR || join(home, 'backups')),
  };
}

const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Each variable's valid values, in the words of the message that refuses a wrong one. */
const ranges = {
  EDULENS_PORT: [0, 65_535],
  EDULENS_DRAFT_RETENTION_DAYS: [1, 36_500],
  EDULENS_BACKUP_KEEP_DAYS: [0, 3_650],
  EDULENS_TOKEN_TTL_DAYS: [1, 3_650],
} as const;

const EnvSchema = z.object({
  EDULENS_PORT: wholeNumber(...ranges.EDULENS_PORT).optional(),
  EDULENS_DRAFT_RETENTION_DAYS: wholeNumber(...ranges.EDULENS_DRAFT_RETENTION_DAYS).default(365),
  EDULENS_BACKUP_KEEP_DAYS: wholeNumber(...ranges.EDULENS_BACKUP_KEEP_DAYS).default(14),
  EDULENS_TOKEN_TTL_DAYS: wholeNumber(...ranges.EDULENS_TOKEN_TTL_DAYS).default(180),
  EDULENS_LOG_LEVEL: z.enum(logLevels).default('info'),
});

/** `EDULENS_PORT="abc"` and what it should have been: one clause per language. */
function refusedVariable(name: string, value: unknown): { vi: string; en: string } {
  const shown = `${name}="${String(value)}"`;
  if (name === 'EDULENS_LOG_LEVEL') {
    const levels = logLevels.join(', ');
    return { vi: `${shown} phải là một trong: ${levels}`, en: `${shown} must be one of: ${levels}` };
  }
  const [min, max] = ranges[name as keyof typeof ranges] ?? [0, 0];
  return {
    vi: `${shown} phải là số nguyên từ ${min} đến ${max}`,
    en: `${shown} must be a whole number from ${min} to ${max}`,
  };
}

/** Reads the environment (and the `--port` option, which wins over `EDULENS_PORT`); refuses nonsense clearly. */
export function resolveConfig(env: NodeJS.ProcessEnv, portOption?: string): AgentConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    const refused = names.map((name) => refusedVariable(name, env[name]));
    throw agentError(
      'config.invalid',
      `Biến môi trường không hợp lệ: ${refused.map((one) => one.vi).join('; ')}.`,
      `Invalid environment variable: ${refused.map((one) => one.en).join('; ')}.`,
      EXIT_USAGE,
    );
  }
  const port = portOption === undefined ? parsed.data.EDULENS_PORT : parsePort(portOption);
  return {
    paths: resolvePaths(env),
    port: port ?? DEFAULT_PORT,
    draftRetentionMs: parsed.data.EDULENS_DRAFT_RETENTION_DAYS * DAY_MS,
    backupKeepDays: parsed.data.EDULENS_BACKUP_KEEP_DAYS,
    tokenTtlMs: parsed.data.EDULENS_TOKEN_TTL_DAYS * DAY_MS,
    // An hour: long enough to install the extension and find its settings on a first run.
    pairingCodeTtlMs: 60 * 60 * 1000,
    maxBodyBytes: 64 * 1024,
    logLevel: parsed.data.EDULENS_LOG_LEVEL,
  };
}

function parsePort(text: string): number {
  const parsed = wholeNumber(...ranges.EDULENS_PORT).safeParse(text);
  if (!parsed.success) {
    throw agentError(
      'config.port',
      `Cổng --port "${text}" không hợp lệ: phải là số nguyên từ 0 đến 65535.`,
      `Invalid port --port "${text}": must be a whole number from 0 to 65535.`,
      EXIT_USAGE,
    );
  }
  return parsed.data;
}
