// The page's side of the worker: start it once, then score answers through it.

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

  // Score one set of answers; resolves with the engine's result document.
  score(definitionJson, answers) {
    const id = ++this.counter;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "score", id, definition: definitionJson, answers: JSON.stringify(answers) });
    });
  }

  settle(message) {
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.type === "scored") waiting.resolve(JSON.parse(message.result));
    else waiting.reject(new Error(message.message));
  }
}

// Whether this browser can run the engine at all.
export function supported() {
  return typeof WebAssembly === "object" && typeof Worker === "function";
}
