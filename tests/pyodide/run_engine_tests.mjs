// Run engine test modules inside real Pyodide (Node), against the built, compiled wheel in site/.
// Usage: node tests/pyodide/run_engine_tests.mjs RUNTIME_DIR TEST_FILE...
// Prints one line per test and closes with "N passed, N failed"; exits 1 on any failure.

import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir, ...testFiles] = process.argv.slice(2);
if (!runtimeDir || testFiles.length === 0) {
  console.error("usage: run_engine_tests.mjs RUNTIME_DIR TEST_FILE...");
  process.exit(2);
}
const runtime = resolve(runtimeDir) + "/";
const { loadPyodide } = await import(pathToFileURL(runtime + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL: runtime });
// The same lock file and wheel the browser loads: package "vertrouwenswijzer", compiled to .pyc.
await pyodide.loadPackage("vertrouwenswijzer", { messageCallback: () => {} });

// The test modules and their helpers go into a package "tests" on the Pyodide file system.
pyodide.FS.mkdirTree("/home/pyodide/tests/engine");
pyodide.FS.writeFile("/home/pyodide/tests/__init__.py", "");
pyodide.FS.writeFile("/home/pyodide/tests/engine/__init__.py", "");
const engineDir = dirname(resolve(testFiles[0]));
pyodide.FS.writeFile("/home/pyodide/tests/engine/builders.py", readFileSync(`${engineDir}/builders.py`));
const modules = testFiles.map((file) => {
  pyodide.FS.writeFile(`/home/pyodide/tests/engine/${basename(file)}`, readFileSync(file));
  return `tests.engine.${basename(file, ".py")}`;
});

pyodide.globals.set("MODULES", pyodide.toPy(modules));
const failed = await pyodide.runPythonAsync(`
import importlib, inspect, sys, traceback
sys.path.insert(0, "/home/pyodide")
import assessments, assessments.scoring

# The engine must come from the compiled wheel, not from source files.
assert assessments.scoring.__file__.endswith(".pyc"), assessments.scoring.__file__
print(f"engine: {assessments.__file__} on Python {sys.version.split()[0]} ({sys.platform})")

passed = failed = 0
for name in MODULES:
    module = importlib.import_module(name)
    for test_name, test in inspect.getmembers(module, inspect.isfunction):
        if not test_name.startswith("test_") or test.__module__ != name:
            continue
        try:
            test()
        except Exception:
            failed += 1
            print(f"FAILED {name}::{test_name}")
            traceback.print_exc()
        else:
            passed += 1
            print(f"PASSED {name}::{test_name}")
print(f"{passed} passed, {failed} failed")
failed + (passed == 0)
`);
process.exit(failed ? 1 : 0);
