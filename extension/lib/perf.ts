// Timings of hot paths (keystroke re-validation, bulk fill), readable by tests and benchmarks
// from the page's main world: dispatch `edulens:perf-request` on the document and listen for
// `edulens:perf-response`, whose `detail` is a JSON string {name: number[] (ms)}. Only strings
// cross from the content script's isolated world to the page.

const MAX_SAMPLES = 5000;
const samples = new Map<string, number[]>();

export function recordPerf(name: string, ms: number): void {
  let list = samples.get(name);
  if (!list) samples.set(name, (list = []));
  if (list.length >= MAX_SAMPLES) list.shift();
  list.push(ms);
}

/** Runs `fn` and records how long it took under `name`. */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    recordPerf(name, performance.now() - start);
  }
}

/** Answers perf requests from the page (tests); stops on abort. */
export function servePerf(doc: Document, signal: AbortSignal): void {
  doc.addEventListener(
    'edulens:perf-request',
    (event) => {
      const reset = (event as CustomEvent<unknown>).detail === 'reset';
      const detail = JSON.stringify(Object.fromEntries(samples));
      if (reset) samples.clear();
      doc.dispatchEvent(new CustomEvent('edulens:perf-response', { detail }));
    },
    { signal },
  );
}
