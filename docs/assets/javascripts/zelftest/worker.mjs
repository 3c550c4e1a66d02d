// The Python runtime, in a module Web Worker so the page stays responsive while Pyodide starts.
// Protocol: {type: "start", runtime} -> {type: "ready"} | {type: "error", message};
//           {type: "call", id, fn, args} -> {type: "done", id, result} | {type: "failed", id, message}.
// fn names a function of assessments.browser (the engine's face for the browser); it takes and
// returns JSON strings, plus arrays of Uint8Array for files.

let engine = null;

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "start") {
    engine = start(message.runtime);
    try {
      await engine;
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "error", message: String(error && error.message ? error.message : error) });
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

// Load Pyodide from the site itself and import the engine from our compiled wheel.
async function start(runtime) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
  const pyodide = await loadPyodide({ indexURL: runtime, fullStdLib: false, stdout: () => {}, stderr: () => {} });
  // The lock file pins the wheel's sha256; the browser refuses a wheel that does not match.
  await pyodide.loadPackage("vertrouwenswijzer", { messageCallback: () => {}, errorCallback: () => {} });
  return pyodide.pyimport("assessments.browser");
}
