#!/usr/bin/env node
// Makes a fresh clone runnable: installs npm dependencies when they are missing or stale, and,
// with --for-tests, Debian's Chromium when it is absent. Uses only Node built-ins, because it
// runs before anything is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.edulens-lock-hash');
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex');

function say(vi, en) {
  console.error(`[edulens] ${vi} / ${en}`);
}

/**
 * Whether node_modules is what package-lock.json describes, by npm's own record: after every
 * `npm install`/`npm ci` npm writes node_modules/.package-lock.json, listing each package it
 * installed with the version, source and integrity it took. The tree is in sync when every entry
 * there matches package-lock.json and every package-lock entry it lacks is optional (another
 * platform's build, e.g. @esbuild/darwin-arm64). So a habitual `npm install` counts as an install,
 * and an edited lockfile (a pull, a new dependency) still makes setup reinstall.
 */
function npmSaysInSync() {
  let wanted;
  let installed;
  try {
    wanted = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages;
    installed = JSON.parse(readFileSync(join(root, 'node_modules', '.package-lock.json'), 'utf8')).packages;
  } catch {
    return false;
  }
  if (!wanted || !installed) return false;
  const same = (a, b) =>
    a.version === b.version &&
    a.resolved === b.resolved &&
    a.integrity === b.integrity &&
    !a.link === !b.link;
  for (const [path, entry] of Object.entries(installed)) {
    if (!wanted[path] || !same(wanted[path], entry)) return false;
  }
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || path in installed) continue;
    if (!entry.optional) return false;
  }
  return true;
}

function ensureDependencies() {
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) return;
  if (npmSaysInSync()) {
    writeFileSync(stamp, lockHash);
    return;
  }
  say('Đang cài đặt các gói phụ thuộc (npm ci)…', 'Installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (result.status !== 0) {
    say('Cài đặt thất bại — xem thông báo của npm ở trên.', 'npm ci failed — see npm output above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, lockHash);
}

export const chromiumPath = process.env.EDULENS_CHROMIUM ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    say(
      `Không tìm thấy Chromium tại ${chromiumPath} và không thể tự cài (cần quyền root và apt-get). Hãy cài gói "chromium".`,
      `Chromium not found at ${chromiumPath} and cannot install it (needs root and apt-get). Install the "chromium" package.`,
    );
    return;
  }
  say('Đang cài Chromium từ gói Debian…', "Installing Chromium from Debian's packages…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}

// Rebuilding the CLI bundle costs a fraction of a second and keeps `edulens` on its fast path.
function buildCli() {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureDependencies();
buildCli();
if (process.argv.includes('--for-tests')) ensureChromium();
