// The Python runtime, in a module Web Worker so the page stays responsive while Pyodide starts.
// Protocol: {type: "start", runtime} -> {type: "ready"} | {type: "error", message};
//           {type: "call", id, fn, args} -> {type: "done", id, result} | {type: "failed", id, message}.
// fn names a function of assessments.browser (the engine's face for the browser); it takes and
// returns JSON strings, plus arrays of Uint8Array for files.

//: The memory snapshot the build makes (tools/snapshot.mjs): Pyodide started, engine imported.
const SNAPSHOT = "zelftest.snapshot";
//: How long a start from the snapshot may take before the worker starts the normal way instead.
const SNAPSHOT_TIMEOUT_MS = 60_000;
//: The first four bytes of the packed file ("VWSP", see pack() in tools/snapshot.mjs) and of the
//: Pyodide snapshot inside it; anything else (an error page) is not one.
const PACKED_MAGIC = 0x50535756;
const PACKED_VERSION = 1;
//: The packed file's own numbers (magic, version, block size, memory size, header length).
const PACKED_FIXED = 20;
const SNAPSHOT_MAGIC = 1886286592;

//: How long each file check may take when the worker looks for why the start failed.
const DIAGNOSIS_TIMEOUT_MS = 4_000;
//: The runtime's files, in the order a start needs them; the diagnosis checks them in this order.
const RUNTIME_FILES = ["pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "pyodide-lock.json", "python_stdlib.zip"];

// A start that cannot succeed, with its likely cause (START_CAUSES in runtime.mjs) and file.
class StartFailure extends Error {
  constructor(message, cause, file = "") {
    super(message);
    this.cause = cause;
    this.file = file;
  }
}

// ---- Failure detection ----
// Pyodide 0.29 instantiates its WebAssembly with instantiateStreaming and, when that fails, only
// logs a warning: its start then waits for ever. That is what a server with a wrong type for
// .wasm, a missing .wasm, or a Content-Security-Policy without 'wasm-unsafe-eval' did to the page.
// So this worker wraps instantiateStreaming: a wrong type is worked around (the same bytes,
// instantiated without streaming), and any other failure ends the start at once, with its cause.

let failStart = () => {};

const streaming = WebAssembly.instantiateStreaming?.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  try {
    const response = await source;
    const file = fileName(response.url);
    if (!response.ok) throw new StartFailure(`${file}: HTTP ${response.status}`, "ontbreekt", file);
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    if (type === "application/wasm" && streaming) return await streaming(response, imports);
    // Streaming needs the type application/wasm; the bytes are the same without it.
    console.warn(`zelftest: ${file} came as '${type || "no type"}', not application/wasm; instantiating from its bytes`);
    return await WebAssembly.instantiate(await response.arrayBuffer(), imports);
  } catch (error) {
    const failure = classify(error);
    failStart(failure);
    throw failure;
  }
};

// Anything thrown and not caught while Python starts (Emscripten's abort, a failed fetch deep in
// Pyodide) ends the start too, instead of leaving it waiting.
self.addEventListener("unhandledrejection", (event) => failStart(classify(event.reason)));
self.addEventListener("error", (event) => failStart(classify(event.error || event.message)));

function classify(error) {
  if (error instanceof StartFailure) return error;
  const text = String(error && error.message ? error.message : error);
  if (/wasm-unsafe-eval|Content Security Policy|Refused to compile/i.test(text)) {
    return new StartFailure(text, "csp", "pyodide.asm.wasm");
  }
  if (/Failed to fetch|NetworkError|network/i.test(text)) return new StartFailure(text, "netwerk");
  return new StartFailure(text, "onbekend");
}

function fileName(url) {
  return String(url || "").split("/").pop() || String(url || "");
}

// After a failed start with no clear cause: ask the server for each runtime file and name the
// first one that is missing or has the wrong type. Bounded: a few seconds per file at most.
async function diagnose(runtime, failure) {
  if (failure.cause !== "onbekend" && failure.cause !== "netwerk") return failure;
  for (const file of RUNTIME_FILES) {
    let response;
    try {
      response = await fetch(new URL(file, runtime), {
        method: "HEAD",
        cache: "no-store",
        signal: AbortSignal.timeout(DIAGNOSIS_TIMEOUT_MS),
      });
    } catch {
      return new StartFailure(`${file}: no answer from the server`, "netwerk", file);
    }
    if (!response.ok) return new StartFailure(`${file}: HTTP ${response.status}`, "ontbreekt", file);
    const type = (response.headers.get("Content-Type") || "").toLowerCase();
    if (/\.m?js$/.test(file) && !/javascript/.test(type)) {
      return new StartFailure(`${file}: Content-Type '${type}'`, "type", file);
    }
  }
  return failure;
}

let engine = null;

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "start") {
    const failed = new Promise((_, reject) => {
      failStart = reject;
    });
    engine = Promise.race([start(message.runtime), failed]);
    try {
      await engine;
      self.postMessage({ type: "ready" });
    } catch (error) {
      const failure = await diagnose(message.runtime, classify(error));
      self.postMessage({ type: "error", message: failure.message, cause: failure.cause, file: failure.file });
    } finally {
      failStart = () => {};
    }
  } else if (message.type === "call") {
    try {
      const browser = await engine;
      const result = browser[message.fn](...message.args);
      self.postMessage({ type: "done", id: message.id, result });
    } catch (error) {
      self.postMessage({ type: "failed", id: message.id, message: String(error && error.message ? error.message : error) });
    }
  }
});

// Load Pyodide from the site itself: from the build's memory snapshot when that works, else the
// normal way (start Python, load our compiled wheel). The reader sees no difference, only time.
async function start(runtime) {
  const snapshot = fetchSnapshot(new URL(SNAPSHOT, runtime));
  snapshot.catch(() => {}); // handled in fromSnapshot; this keeps an early failure from counting as unhandled
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const options = { indexURL: runtime, fullStdLib: false, stdout: () => {}, stderr: () => {} };
  try {
    return await withinTime(fromSnapshot(loadPyodide, options, snapshot), SNAPSHOT_TIMEOUT_MS);
  } catch (error) {
    // A server or browser that stops the runtime itself stops a normal start as well.
    if (error instanceof StartFailure) throw error;
    console.warn("zelftest: starting without the snapshot:", error && error.message ? error.message : error);
  }
  const pyodide = await loadPyodide(options);
  // The lock file pins the wheel's sha256; the browser refuses a wheel that does not match.
  await pyodide.loadPackage("vertrouwenswijzer", { messageCallback: () => {}, errorCallback: () => {} });
  return pyodide.pyimport("assessments.browser");
}

// The snapshot's bytes, unpacked. Pyodide itself refuses a snapshot of another build (its build
// id); a file that is no snapshot at all (an error page) is refused here, before it could reach
// WebAssembly as a memory size.
async function fetchSnapshot(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${SNAPSHOT}: HTTP ${response.status}`);
  return unpackSnapshot(new Uint8Array(await response.arrayBuffer()));
}

// Pyodide's snapshot from the packed file: its header, then every block of memory in its place
// (a new buffer is all zeros, so the blocks the file leaves out need no work).
function unpackSnapshot(packed) {
  const notOne = new Error(`${SNAPSHOT}: not a packed Pyodide snapshot`);
  if (packed.byteLength < PACKED_FIXED + 8) throw notOne;
  const [magic, version, block, memory, headerLength] = new Uint32Array(packed.buffer, 0, PACKED_FIXED / 4);
  const blocks = memory / block;
  const mapStart = PACKED_FIXED + headerLength;
  const dataStart = mapStart + Math.ceil(blocks / 8);
  if (
    magic !== PACKED_MAGIC || version !== PACKED_VERSION || headerLength % 16 !== 0 ||
    block === 0 || memory === 0 || memory % 65536 !== 0 || memory % block !== 0 || dataStart > packed.byteLength ||
    new Uint32Array(packed.buffer, PACKED_FIXED, 1)[0] !== SNAPSHOT_MAGIC
  ) {
    throw notOne;
  }
  const snapshot = new Uint8Array(headerLength + memory);
  snapshot.set(packed.subarray(PACKED_FIXED, mapStart));
  const map = packed.subarray(mapStart, dataStart);
  const isStored = (number) => (map[number >> 3] & (1 << (number & 7))) !== 0;
  let from = dataStart;
  // Runs of stored blocks go in with one copy each.
  for (let first = 0; first < blocks; ) {
    if (!isStored(first)) {
      first++;
      continue;
    }
    let end = first + 1;
    while (end < blocks && isStored(end)) end++;
    const length = (end - first) * block;
    if (from + length > packed.byteLength) throw notOne;
    snapshot.set(packed.subarray(from, from + length), headerLength + first * block);
    from += length;
    first = end;
  }
  if (from !== packed.byteLength) throw notOne;
  return snapshot;
}

// Start from the snapshot. `_loadSnapshot` is private in Pyodide 0.29: package.json pins the
// runtime, and the build checks that the snapshot was made by this runtime (its build id).
async function fromSnapshot(loadPyodide, options, snapshot) {
  const pyodide = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  // Every reader starts from the same memory, so `random` (imported by statistics) would give
  // every reader the same numbers: reseed it from the browser's entropy. uuid4, for the ids of
  // results, reads os.urandom, which asks the browser each time.
  pyodide.runPython("import random; random.seed(); del random");
  return pyodide.pyimport("assessments.browser");
}

// A promise that rejects when another has not settled within ms milliseconds.
function withinTime(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no start from the snapshot within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
