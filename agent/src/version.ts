import { createRequire } from 'node:module';

// Read once from the package manifest so the CLI, /health and logs all report the same version.
const manifest = createRequire(import.meta.url)('../package.json') as { version: string };
export const version: string = manifest.version;
