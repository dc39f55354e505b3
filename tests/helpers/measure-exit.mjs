// Preloaded with `node --import` into a child process whose cost a test measures: at exit it
// writes the process's peak resident memory (resourceUsage().maxRSS, in KiB), its age in
// milliseconds (from the process's own start, so start-up counts) and the CPU time it used (user +
// system, ms: what the process itself cost, whatever else the machine runs) to the file named by
// EDULENS_MEASURE_FILE. Works wherever Node runs, unlike GNU time. A process killed by a signal or
// by V8's out-of-memory abort writes nothing; the test treats a missing file as a failure.
import { writeFileSync } from 'node:fs';

const target = process.env.EDULENS_MEASURE_FILE;
if (target) {
  process.on('exit', (code) => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    const cpuMs = (userCPUTime + systemCPUTime) / 1000;
    writeFileSync(target, JSON.stringify({ maxRssKiB: maxRSS, elapsedMs: performance.now(), cpuMs, code }));
  });
}
