// pino-roll ships no types; this is the part of its API the agent uses (README of pino-roll 4.0.0).
declare module 'pino-roll' {
  import type { SonicBoom, SonicBoomOpts } from 'sonic-boom';

  interface PinoRollOptions extends Omit<SonicBoomOpts, 'dest'> {
    file: string | (() => string);
    size?: number | string;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    limit?: { count: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
  }

  /** `fd` is SonicBoom's descriptor, -1 until (and unless) the file opened. */
  export default function pinoRoll(options: PinoRollOptions): Promise<SonicBoom & { readonly fd: number }>;
}
