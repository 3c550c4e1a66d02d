// The page's side of the worker: start it once, then call the engine through it.

//: How long one call to the engine may take before the page gives up and says so.
const CALL_TIMEOUT_MS = 60_000;

export class Runtime {
  constructor(runtimeUrl) {
    this.pending = new Map();
    this.counter = 0;
    this.worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module", name: "zelftest" });
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener("message", (event) => {
        const message = event.data;
        if (message.type === "ready") resolve();
        else if (message.type === "error") reject(new Error(message.message));
        else this.settle(message);
      });
      this.worker.addEventListener("error", (event) => reject(new Error(event.message || "worker error")));
    });
    this.worker.postMessage({ type: "start", runtime: runtimeUrl });
  }

  // Call a function of assessments.browser with these arguments; resolves with its return value.
  // Rejects when the engine fails, or when it has not answered within CALL_TIMEOUT_MS.
  call(fn, ...args) {
    const id = ++this.counter;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer from the engine within ${CALL_TIMEOUT_MS} ms (${fn})`));
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ type: "call", id, fn, args });
    });
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

// Whether this browser can run the engine at all.
export function supported() {
  return typeof WebAssembly === "object" && typeof Worker === "function";
}
