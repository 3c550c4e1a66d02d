// Make the memory snapshot the browser starts the engine from (run by hooks/pyodide_runtime.py).
// Usage: node tools/snapshot.mjs RUNTIME_DIR ENGINE_DIR OUTPUT
//   RUNTIME_DIR  the Pyodide files exactly as the site serves them (site/assets/pyodide/<version>/)
//   ENGINE_DIR   the build's own compiled wheel, unpacked
//   OUTPUT       the snapshot file to write, packed (see pack() below; worker.mjs unpacks it)
//
// A snapshot is Pyodide's whole WebAssembly memory after start-up and after importing the engine,
// so a reader's browser skips both. `_makeSnapshot` and `makeMemorySnapshot` are private in
// Pyodide 0.29: package.json pins the runtime to one exact version, and the build checks the
// snapshot's build id against the runtime it ships.
//
// Rules that keep a snapshot loadable (Pyodide issues 5195 and 6418): no loadPackage before it
// and no JavaScript object held by Python. So the engine's files are written into site-packages
// with plain FS calls and imported with plain Python. Files are not part of the snapshot (only
// memory is): everything the engine needs must be imported here.

import nodeCrypto from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [runtimeDir, engineDir, output] = process.argv.slice(2);
if (!runtimeDir || !engineDir || !output) {
  console.error("usage: node tools/snapshot.mjs RUNTIME_DIR ENGINE_DIR OUTPUT");
  process.exit(2);
}

makeDeterministic();
const runtime = path.resolve(runtimeDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(runtime + "pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL: runtime,
  _makeSnapshot: true,
  stdout: () => {},
  stderr: (line) => console.error(line),
});

const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const entry of await readdir(engineDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const relative = path.relative(engineDir, path.join(entry.parentPath ?? entry.path, entry.name));
  const target = path.posix.join(sitePackages, ...relative.split(path.sep));
  pyodide.FS.mkdirTree(path.posix.dirname(target));
  pyodide.FS.writeFile(target, await readFile(path.join(engineDir, relative)));
}

// assessments.browser is the engine's only face in the browser and imports all it uses (the
// engine imports nothing inside functions on that path). `random` is seeded with a constant
// here, as every reader shares this memory; the worker reseeds it from the browser's entropy.
pyodide.runPython(`
import gc, importlib, random
importlib.invalidate_caches()
import assessments.browser
random.seed(0)
del gc, importlib, random
`);
pyodide.runPython("import gc; gc.collect(); del gc");
zeroFreeMemory(pyodide._module);
await writeFile(output, pack(pyodide.makeMemorySnapshot()));

// The same inputs must give the same snapshot (and so the same compressed files): fix the clock
// and the entropy that Python's start-up reads (hash seed, seeds of allocators and `random`,
// file times). Nothing is lost: whatever a snapshot holds is public in the site, and the
// worker reseeds `random`; os.urandom asks the browser's crypto afresh after loading.
function makeDeterministic() {
  Date.now = () => 1_700_000_000_000;
  performance.now = () => 0;
  let counter = 0;
  nodeCrypto.randomFillSync = (view) => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (Math.imul(counter++, 2654435761) >>> 24) & 255;
    return view;
  };
  // Pyodide imports node:crypto as a module; this hands it the replaced function.
  syncBuiltinESMExports();
}

// Overwrite freed memory with zeros: start-up leaves a few MB of stale bytes (read files, freed
// objects) that would otherwise travel to every reader. Pyodide's Python allocates with malloc
// only (no pymalloc), so filling every free malloc chunk below the break and freeing it again
// reaches all of them; an allocation that would grow the heap is returned at once.
function zeroFreeMemory(module) {
  const top = module._sbrk(0) >>> 0;
  const held = [];
  for (let size = 1 << 16; size >= 8; size >>= 1) {
    for (;;) {
      const address = module._PyMem_RawMalloc(size) >>> 0;
      if (address === 0) break;
      if (address + size > top) {
        module._PyMem_RawFree(address);
        break;
      }
      module.HEAPU8.fill(0, address, address + size);
      held.push(address);
    }
  }
  for (const address of held) module._PyMem_RawFree(address);
}

// Pack a snapshot: Pyodide's own is its header and then the whole memory, two thirds of it zeros
// (20 MB, of which 11.6 MB in 1 KiB blocks with any other byte). Packed, only those blocks are
// stored, so a browser decodes and copies 45% less; worker.mjs (unpackSnapshot) puts them back.
// Layout, all numbers 32-bit little-endian:
//   0  "VWSP" (PACKED_MAGIC)     4  format version (1)     8  block size in bytes
//   12 memory size in bytes      16 length H of Pyodide's header
//   20 Pyodide's header (H bytes: its own magic, its length, the runtime's build id, ...)
//   then one bit per block of memory, lowest bit first: 1 = stored, 0 = all zeros
//   then the stored blocks, in order.
// The build (sitebuild/runtime.py, check_snapshot) reads the header and checks the layout.
function pack(snapshot) {
  const PACKED_MAGIC = 0x50535756; // "VWSP" read as a little-endian number
  const VERSION = 1;
  const BLOCK = 1024;
  const words = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 2);
  const headerLength = words[1];
  const memory = snapshot.subarray(headerLength);
  if (memory.length % 65536 !== 0) throw new Error(`snapshot memory of ${memory.length} bytes is not whole pages`);
  const blocks = memory.length / BLOCK;
  const map = new Uint8Array(Math.ceil(blocks / 8));
  const stored = [];
  for (let block = 0; block < blocks; block++) {
    const bytes = memory.subarray(block * BLOCK, (block + 1) * BLOCK);
    if (bytes.some((byte) => byte !== 0)) {
      map[block >> 3] |= 1 << (block & 7);
      stored.push(bytes);
    }
  }
  const fixed = new Uint32Array([PACKED_MAGIC, VERSION, BLOCK, memory.length, headerLength]);
  return Buffer.concat([new Uint8Array(fixed.buffer), snapshot.subarray(0, headerLength), map, ...stored]);
}
