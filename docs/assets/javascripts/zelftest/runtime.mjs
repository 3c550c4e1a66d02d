// The page's side of the worker: start it once, then call the engine through it.
//
// This module imports nothing, so that a page can start the engine before anything else: an
// assessment page loads it as an async module from its <head> (hooks/zelftests.py writes the tag
// and <meta name="vertrouwenswijzer-runtime">), and it starts the worker while the rest of the
// page still arrives. main.mjs imports the same module (the same URL, so the same instance) and
// takes the runtime that is already starting.

//: How long one call to the engine may take before the page gives up and says so.
const CALL_TIMEOUT_MS = 60_000;
//: The meta element that names the runtime's folder on a page that needs the engine.
const RUNTIME_META = 'meta[name="vertrouwenswijzer-runtime"]';
//: Said on document once the engine is ready or failed: zoekindex-later.js then lets Material's
//: search index load, which it held back so as not to slow the start.
const ENGINE_EVENT = "vertrouwenswijzer:rekenmodule";

//: Why the engine did not start, as the worker reports it (worker.mjs): the page says it in
//: Dutch (TEKSTEN.startFout in teksten.mjs).
export const START_CAUSES = Object.freeze(["browser", "ontbreekt", "type", "csp", "netwerk", "onbekend"]);

export class StartError extends Error {
  constructor(message, cause = "onbekend", file = "") {
    super(message);
    this.name = "StartError";
    this.cause = START_CAUSES.includes(cause) ? cause : "onbekend";
    this.file = file;
  }
}

export class Runtime {
  constructor(runtimeUrl) {
    this.runtimeUrl = runtimeUrl;
    this.pending = new Map();
    this.counter = 0;
    //: How long one call may take; a test may lower it to see the restart below.
    this.callTimeoutMs = CALL_TIMEOUT_MS;
    //: How often a late call made the worker start again (read by the tests).
    this.restarts = 0;
    this.start();
    if (typeof document === "object") {
      const done = () => document.dispatchEvent(new Event(ENGINE_EVENT));
      this.ready.then(done, done);
    }
  }

  // A worker with the engine in it; this.ready settles when it is ready or failed to start.
  start() {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module", name: "zelftest" });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.addEventListener("message", (event) => {
        const message = event.data;
        if (message.type === "ready") resolve();
        else if (message.type === "error") reject(new StartError(message.message, message.cause, message.file));
        else this.settle(message);
      });
      // The worker's own script did not load or run (a 404, a wrong type, a browser without
      // module workers): the browser says no more than that.
      worker.addEventListener("error", (event) => {
        reject(new StartError(event.message || "the worker script did not run", "onbekend", "worker.mjs"));
      });
    });
    // Whoever uses the runtime handles a failed start; until then it is no unhandled rejection.
    this.ready.catch(() => {});
    worker.postMessage({ type: "start", runtime: this.runtimeUrl });
  }

  // Call a function of assessments.browser with these arguments; resolves with its return value.
  // Rejects when the engine fails, or when it has not answered within callTimeoutMs.
  call(fn, ...args) {
    const id = ++this.counter;
    const limit = this.callTimeoutMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer from the engine within ${limit} ms (${fn})`));
        this.restart();
      }, limit);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ type: "call", id, fn, args });
    });
  }

  // A call that did not answer in time is still running in the worker, and every later call
  // would wait behind it: end that worker and start a fresh one (from the snapshot, quickly).
  // Calls still waiting are refused; the page reads this.ready again before its next call.
  restart() {
    this.worker.terminate();
    this.restarts += 1;
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error("the engine was restarted after a call took too long"));
    }
    this.pending.clear();
    this.start();
  }

  // Score one set of answers; resolves with the engine's result document.
  async score(definitionJson, answers) {
    return JSON.parse(await this.call("score_json", definitionJson, JSON.stringify(answers)));
  }

  settle(message) {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.type === "done") waiting.resolve(message.result);
    else waiting.reject(new Error(message.message));
  }
}

// Whether this browser can run the engine at all: WebAssembly with 64-bit integers (BigInt64Array,
// which Pyodide needs), and workers. Module workers cannot be detected without starting one;
// a browser without them ends in the worker's error event instead.
export function supported() {
  return (
    typeof WebAssembly === "object" &&
    typeof WebAssembly.instantiate === "function" &&
    typeof Worker === "function" &&
    typeof BigInt64Array === "function"
  );
}

let shared = null;

// The one runtime of this page, started on first use.
export function sharedRuntime(runtimeUrl) {
  shared ??= new Runtime(runtimeUrl);
  return shared;
}

// Early start: a page that names its runtime starts it now, before main.mjs and its imports have
// arrived. (Opened from disk nothing starts: startcontrole.js explains; an unsupported browser is
// told so by main.mjs.)
const meta = typeof document === "object" ? document.querySelector(RUNTIME_META) : null;
if (meta && location.protocol !== "file:" && supported()) {
  sharedRuntime(new URL(meta.content, document.baseURI).href);
}
