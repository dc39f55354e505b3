#!/usr/bin/env node
// Bundles the edulens CLI into agent/dist so that a command starts in a fraction of the time the
// tsx loader needs. agent/bin/edulens.mjs uses the bundle only while it is newer than every source
// file it was built from, and falls back to running the TypeScript sources through tsx otherwise.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const agent = join(root, 'agent');
const dist = join(agent, 'dist');
const prebuilds = join(agent, 'dist-pack', 'prebuilds');
const manifest = JSON.parse(readFileSync(join(agent, 'package.json'), 'utf8'));
// npm packages stay external (native modules, worker transports); only our own code is bundled.
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@edulens/'));

/** The CLI as one ES module bundle for Node 20+: the repository's fast start and the package alike. */
const cliBundle = {
  entryPoints: [join(agent, 'src', 'cli.ts')],
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
};

async function buildForRepository() {
  rmSync(dist, { recursive: true, force: true });
  const result = await build({ ...cliBundle, outdir: dist, external, metafile: true });

  mkdirSync(dist, { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).map((input) => relative(agent, join(root, input)));
  writeFileSync(join(dist, 'inputs.json'), `${JSON.stringify(inputs, null, 1)}\n`);
}

// --pack [--out DIR]: the installable package (issue 11, item 2), built in agent/dist-pack/ (or
// DIR) instead of the repository's own bundle: `npm install -g agent/dist-pack/edulens-agent-
// VERSION.tgz` gives `edulens` on the PATH. The package carries the
// agent and CLI bundled with every JavaScript dependency (@edulens/shared, hono, zod, exceljs,
// pino…), so installing it fetches nothing; better-sqlite3, a native module, is the one package
// inside it (bundleDependencies) with its binary already built: the machines here reach the npm
// registry but not GitHub, where better-sqlite3's install would download one.
async function pack() {
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? resolve(process.argv[outAt + 1]) : join(agent, 'dist-pack');
  const stage = join(out, 'package');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'bin'), { recursive: true });
  const sqlite = JSON.parse(
    readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
  );
  await build({
    ...cliBundle,
    outdir: join(stage, 'dist'),
    external: ['better-sqlite3'],
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'eof',
    // CommonJS dependencies (exceljs, pino…) call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __edulensRequire } from 'node:module'; const require = __edulensRequire(import.meta.url);",
    },
  });
  writeFileSync(
    join(stage, 'bin', 'edulens.mjs'),
    "#!/usr/bin/env node\n// The EduLens command: the bundle in ../dist.\nimport '../dist/cli.mjs';\n",
    { mode: 0o755 },
  );
  // better-sqlite3 as installed here (built for this platform and Node), with the runtime files only.
  // Its install step first keeps that binary if it loads, and only otherwise does what
  // better-sqlite3 does (prebuild-install, else a build from its sources, which are not shipped).
  const modules = join(stage, 'node_modules');
  const from = join(root, 'node_modules');
  for (const path of ['lib', 'LICENSE']) {
    cpSync(join(from, 'better-sqlite3', path), join(modules, 'better-sqlite3', path), { recursive: true });
  }
  // Each binary under prebuilds/node-vABI-PLATFORM-ARCH/; the install step moves the one for the
  // Node it runs on into build/Release/, where better-sqlite3 looks. This Node's comes from
  // node_modules; those for other Node versions, made by --prebuild (below), go in as well.
  const shipped = [`node-v${process.versions.modules}-${process.platform}-${process.arch}`];
  cpSync(
    join(from, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    join(modules, 'better-sqlite3', 'prebuilds', shipped[0], 'better_sqlite3.node'),
  );
  for (const name of existsSync(prebuilds) ? readdirSync(prebuilds) : []) {
    const binary = join(prebuilds, name, 'better_sqlite3.node');
    if (shipped.includes(name) || !existsSync(binary)) continue;
    cpSync(binary, join(modules, 'better-sqlite3', 'prebuilds', name, 'better_sqlite3.node'));
    shipped.push(name);
  }
  writeFileSync(
    join(modules, 'better-sqlite3', 'package.json'),
    `${JSON.stringify(
      {
        name: sqlite.name,
        version: sqlite.version,
        description: sqlite.description,
        license: sqlite.license,
        repository: sqlite.repository,
        main: sqlite.main,
        engines: sqlite.engines,
        dependencies: { bindings: sqlite.dependencies.bindings },
        scripts: { install: 'node check-binary.cjs' },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(modules, 'better-sqlite3', 'check-binary.cjs'), checkBinary(shipped.join(', ')));
  for (const name of ['bindings', 'file-uri-to-path']) {
    cpSync(join(from, name), join(modules, name), { recursive: true });
  }
  const root_ = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(
    join(stage, 'package.json'),
    `${JSON.stringify(
      {
        name: manifest.name,
        version: manifest.version,
        description: manifest.description,
        type: 'module',
        bin: { edulens: 'bin/edulens.mjs' },
        engines: root_.engines,
        dependencies: { 'better-sqlite3': sqlite.version },
        bundleDependencies: ['better-sqlite3'],
        publishConfig: { access: 'public' },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(stage, 'README.md'), PACKAGE_README);
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: stage,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (packed.status !== 0) {
    process.stderr.write(packed.stderr);
    process.exit(packed.status ?? 1);
  }
  const [info] = JSON.parse(packed.stdout);
  const tarball = join(out, info.filename);
  console.log(
    `${tarball}  SQLite for ${shipped.join(', ')}  ${(statSync(tarball).size / 1024 / 1024).toFixed(1)} MB packed, ` +
      `${(info.unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked, ${info.entryCount} files`,
  );
}

const checkBinary = (
  shippedFor,
) => `// Takes the SQLite binary shipped in this package for this Node version and platform, if there is
// one and it loads; otherwise gets one as better-sqlite3's own install does: a
// prebuilt binary for this Node and platform from GitHub.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, renameSync } = require('node:fs');
const { join } = require('node:path');

const binary = join(__dirname, 'build', 'Release', 'better_sqlite3.node');
const shipped = join(__dirname, 'prebuilds', 'node-v' + process.versions.modules + '-' + process.platform + '-' + process.arch, 'better_sqlite3.node');
if (existsSync(shipped)) {
  mkdirSync(join(__dirname, 'build', 'Release'), { recursive: true });
  renameSync(shipped, binary);
}

// In a child process: a binary built for another Node may crash the process that loads it.
function loads() {
  return spawnSync(process.execPath, ['-e', 'require(process.argv[1])', binary], { stdio: 'ignore' }).status === 0;
}

if (!loads()) {
  const here = process.platform + '-' + process.arch + ', Node ' + process.versions.node;
  console.error('[edulens] Tệp SQLite kèm theo không chạy trên máy này (' + here + '); đang tải bản phù hợp từ GitHub…');
  console.error('[edulens] The bundled SQLite binary does not run here (' + here + '); downloading a matching one from GitHub…');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  // Not as part of the global install this runs in: npx needs its own cache folder.
  const env = { ...process.env };
  delete env.npm_config_global;
  delete env.npm_config_prefix;
  delete env.npm_config_location;
  const got = spawnSync(npx, ['--yes', 'prebuild-install@7'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (got.status !== 0) {
    console.error('[edulens] Không tải được. Hãy cài bằng phiên bản Node có kèm tệp SQLite (${shippedFor}), hoặc thử lại khi máy vào được github.com.');
    console.error('[edulens] Download failed. Install with a Node version the package carries a binary for (${shippedFor}), or retry where github.com is reachable.');
    process.exit(1);
  }
}
`;

const PACKAGE_README = `# EduLens — agent và công cụ dòng lệnh / agent and command-line tool

Cài đặt / Install (Node 20 hoặc / or 22):

    npm install -g edulens-agent-VERSION.tgz      # tệp / the file from npm run pack:agent
    npm install -g @edulens/agent                 # khi đã đăng lên npm / once published

Sau đó, từ bất kỳ thư mục nào / Then, from any folder:

    edulens --version
    edulens check bang-diem.xlsx      # kiểm tra tệp điểm / check a grade file
    edulens agent                     # chạy máy chủ cục bộ / run the local agent

Dữ liệu nằm trong ~/.edulens (đổi bằng biến EDULENS_HOME). / Data lives in ~/.edulens (EDULENS_HOME changes it).
`;

// --prebuild NODE_FOLDER: builds better-sqlite3 for another Node version (an unpacked Node release,
// e.g. node-v22.x-linux-x64, whose bin/node and include/node are used), into
// agent/dist-pack/prebuilds/node-vABI-PLATFORM-ARCH/, from where --pack ships it. Needs a C++
// compiler; the sources come from node_modules/better-sqlite3.
function prebuild(nodeFolder) {
  const node = join(nodeFolder, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  const abi = spawnSync(
    node,
    ['-p', 'process.versions.modules + "-" + process.platform + "-" + process.arch'],
    {
      encoding: 'utf8',
    },
  ).stdout.trim();
  const work = join(agent, 'dist-pack', 'prebuild-src');
  rmSync(work, { recursive: true, force: true });
  for (const path of ['binding.gyp', 'src', 'deps', 'lib', 'package.json']) {
    cpSync(join(root, 'node_modules', 'better-sqlite3', path), join(work, path), { recursive: true });
  }
  // node-gyp from the registry, run by that Node (first on the PATH) against its headers.
  const built = spawnSync(
    'npx',
    ['--yes', 'node-gyp@11', 'rebuild', '--release', `--nodedir=${nodeFolder}`],
    {
      cwd: work,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH}` },
      shell: process.platform === 'win32',
    },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
  cpSync(
    join(work, 'build', 'Release', 'better_sqlite3.node'),
    join(prebuilds, `node-v${abi}`, 'better_sqlite3.node'),
  );
  rmSync(work, { recursive: true, force: true });
  console.log(join(prebuilds, `node-v${abi}`));
}

const prebuildAt = process.argv.indexOf('--prebuild');
if (prebuildAt > 0) prebuild(resolve(process.argv[prebuildAt + 1]));
else if (process.argv.includes('--pack')) await pack();
else await buildForRepository();
