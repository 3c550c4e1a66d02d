// The installation check ("Controleer de installatie"): asks this site's own server for the files
// and headers the self-assessments need, starts the engine once, and says per part what is right
// and what IT should change, in Dutch. It reads; it sends nothing anywhere but this server.
//
// The root (.vw-controle, written by hooks/zelftests.py) carries the runtime's folder and the
// address of the site's root, both relative to the page.

import { CONTROLE } from "./teksten.mjs";
import { element } from "./dom.mjs";
import { sharedRuntime, supported } from "./runtime.mjs";

//: How long one request may take before it counts as "no answer".
const REQUEST_TIMEOUT_MS = 5_000;
//: How long the engine may take to start here before the check says so.
const START_TIMEOUT_MS = 60_000;
//: Cache lifetimes: a year for the runtime's own files is what the configurations send.
const YEAR_SECONDS = 31_536_000;
//: A tiny valid WebAssembly module (just its header): compiling it shows whether policy allows it.
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const JS = { pattern: /^(text|application)\/javascript$/, name: "text/javascript" };
const JSON_TYPE = { pattern: /^application\/json$/, name: "application/json" };
const ANY = { pattern: /.*/, name: "" };
//: The security headers the configurations send besides the policy, and their values.
const HEADERS = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
];

export async function setupCheck(root) {
  const status = root.querySelector(".vw-controle-status");
  const output = root.querySelector(".vw-controle-uitkomst");
  const again = element("button", CONTROLE.opnieuw, "md-button");
  again.type = "button";
  again.hidden = true;
  again.addEventListener("click", () => run());
  output.before(again);
  await run();

  async function run() {
    root.dataset.state = "bezig";
    status.textContent = CONTROLE.bezig;
    again.disabled = true;
    const rows = await checks(root);
    output.replaceChildren(table(rows));
    const problems = rows.filter((row) => row.outcome === "probleem").length;
    const attention = rows.filter((row) => row.outcome === "aandacht").length;
    status.textContent = CONTROLE.klaar(problems, attention);
    root.dataset.state = "klaar";
    root.dataset.problemen = String(problems);
    root.dataset.aandachtspunten = String(attention);
    again.hidden = false;
    again.disabled = false;
  }
}

// ---- The checks ----

async function checks(root) {
  const runtime = new URL(root.dataset.runtime, document.baseURI);
  const siteRoot = new URL(root.dataset.siteRoot, document.baseURI);
  const rows = [];
  const page = await ask(location.href);
  rows.push(policyRow(page), ...headerRows(page), htmlCacheRow(page));
  rows.push(await fileRow(new URL("assets/javascripts/zelftest/worker.mjs", siteRoot), JS));
  rows.push(await fileRow(new URL("pyodide.mjs", runtime), JS));
  rows.push(await fileRow(new URL("pyodide.asm.js", runtime), JS));
  const wasm = await ask(new URL("pyodide.asm.wasm", runtime));
  rows.push(wasmRow(wasm), runtimeCacheRow(wasm), compressionRow(wasm));
  rows.push(await fileRow(new URL("python_stdlib.zip", runtime), ANY));
  const lock = await ask(new URL("pyodide-lock.json", runtime), "GET");
  rows.push(fileOutcome("pyodide-lock.json", lock, JSON_TYPE));
  const wheel = wheelName(lock);
  if (wheel) rows.push(await fileRow(new URL(wheel, runtime), ANY));
  const snapshot = await ask(new URL("zelftest.snapshot", runtime));
  rows.push(snapshotRow(snapshot));
  // Material writes search/search_index.json, Zensical search.json: the build names the site's.
  rows.push(await fileRow(new URL(root.dataset.zoekindex, siteRoot), JSON_TYPE));
  rows.push(await webAssemblyRow());
  rows.push(await startRow(runtime));
  return rows;
}

// One request, bounded in time: {status, type, headers} or {status: 0} without an answer.
async function ask(url, method = "HEAD") {
  try {
    const response = await fetch(url, {
      method,
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    const body = method === "GET" && response.ok ? await response.text() : "";
    return { status: response.status, ok: response.ok, type, headers: response.headers, body };
  } catch {
    return { status: 0, ok: false, type: "", headers: new Headers(), body: "" };
  }
}

async function fileRow(url, expected) {
  return fileOutcome(fileName(url), await ask(url), expected);
}

function fileOutcome(name, answer, expected) {
  const part = CONTROLE.bestand(name);
  if (answer.status === 0) return row(part, "probleem", CONTROLE.bestandGeenAntwoord);
  if (!answer.ok) return row(part, "probleem", CONTROLE.bestandWeg(answer.status));
  if (!expected.pattern.test(answer.type)) {
    return row(part, "probleem", CONTROLE.bestandType(answer.type, expected.name));
  }
  return row(part, "ok", CONTROLE.bestandOk(answer.type || "?"));
}

function wasmRow(answer) {
  const part = CONTROLE.bestand("pyodide.asm.wasm");
  if (answer.status === 0) return row(part, "probleem", CONTROLE.bestandGeenAntwoord);
  if (!answer.ok) return row(part, "probleem", CONTROLE.bestandWeg(answer.status));
  if (answer.type !== "application/wasm") return row(part, "aandacht", CONTROLE.wasmType(answer.type));
  return row(part, "ok", CONTROLE.bestandOk(answer.type));
}

function snapshotRow(answer) {
  const part = CONTROLE.bestand("zelftest.snapshot");
  if (!answer.ok) return row(part, "aandacht", CONTROLE.snapshotWeg(answer.status || "geen antwoord"));
  return row(part, "ok", CONTROLE.bestandOk(answer.type || "?"));
}

function policyRow(page) {
  const policy = page.headers.get("Content-Security-Policy");
  if (!policy) return row(CONTROLE.koppen, "aandacht", CONTROLE.cspGeen);
  const script = directive(policy, "script-src") ?? directive(policy, "default-src") ?? "";
  if (!/'wasm-unsafe-eval'|'unsafe-eval'/.test(script) && script !== "") {
    return row(CONTROLE.koppen, "probleem", CONTROLE.cspZonderWasm);
  }
  const loose = ["'unsafe-inline'", "'unsafe-eval'", "*"].filter((word) => script.split(/\s+/).includes(word));
  if (loose.length > 0) return row(CONTROLE.koppen, "aandacht", CONTROLE.cspRuim(loose.join(" en ")));
  return row(CONTROLE.koppen, "ok", CONTROLE.cspOk);
}

function headerRows(page) {
  return HEADERS.map(([name, value]) => {
    const sent = page.headers.get(name);
    return sent
      ? row(CONTROLE.kop(name), sent.toLowerCase() === value ? "ok" : "aandacht", CONTROLE.kopOk(sent))
      : row(CONTROLE.kop(name), "aandacht", CONTROLE.kopOntbreekt(name, value));
  });
}

function htmlCacheRow(page) {
  const value = page.headers.get("Cache-Control") || "";
  const fresh = /no-cache|no-store|max-age=0\b/.test(value);
  return fresh
    ? row(CONTROLE.cacheHtml, "ok", CONTROLE.cacheHtmlOk)
    : row(CONTROLE.cacheHtml, "aandacht", CONTROLE.cacheHtmlRuim(value));
}

function runtimeCacheRow(answer) {
  const value = answer.headers.get("Cache-Control") || "";
  const age = Number((/max-age=(\d+)/.exec(value) || [])[1] || 0);
  return age >= YEAR_SECONDS / 2
    ? row(CONTROLE.cacheRuntime, "ok", CONTROLE.cacheRuntimeOk)
    : row(CONTROLE.cacheRuntime, "aandacht", CONTROLE.cacheRuntimeKort(value));
}

function compressionRow(answer) {
  const encoding = answer.headers.get("Content-Encoding");
  return encoding
    ? row(CONTROLE.compressie, "ok", CONTROLE.compressieOk(encoding))
    : row(CONTROLE.compressie, "aandacht", CONTROLE.compressieGeen);
}

async function webAssemblyRow() {
  if (typeof WebAssembly !== "object") return row(CONTROLE.webassembly, "probleem", CONTROLE.webassemblyGeen);
  try {
    await WebAssembly.compile(EMPTY_WASM);
    return row(CONTROLE.webassembly, "ok", CONTROLE.webassemblyOk);
  } catch {
    return row(CONTROLE.webassembly, "probleem", CONTROLE.webassemblyGeblokkeerd);
  }
}

async function startRow(runtime) {
  if (!supported()) return row(CONTROLE.start, "probleem", CONTROLE.webassemblyGeen);
  const started = performance.now();
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve("te laat"), START_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([sharedRuntime(runtime.href).ready, late]);
    if (outcome === "te laat") {
      return row(CONTROLE.start, "probleem", CONTROLE.startTeLang(seconds(START_TIMEOUT_MS)));
    }
    return row(CONTROLE.start, "ok", CONTROLE.startOk(seconds(performance.now() - started)));
  } catch (error) {
    return row(CONTROLE.start, "probleem", CONTROLE.startFout(error.message));
  } finally {
    clearTimeout(timer);
  }
}

// The engine's wheel, as the lock file names it (the only package of ours in it).
function wheelName(lock) {
  try {
    const packages = Object.values(JSON.parse(lock.body).packages || {});
    const ours = packages.find((entry) => entry.name === "vertrouwenswijzer");
    return ours ? ours.file_name : null;
  } catch {
    return null;
  }
}

// ---- Helpers ----

function directive(policy, name) {
  for (const part of policy.split(";")) {
    const [key, ...values] = part.trim().split(/\s+/);
    if (key === name) return values.join(" ");
  }
  return null;
}

function fileName(url) {
  return String(url).split("/").pop();
}

// A time in seconds with one decimal, Dutch style (1,4): a duration measured here, not a score.
function seconds(ms) {
  return new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 }).format(ms / 1000);
}

function row(part, outcome, explanation) {
  return { part, outcome, explanation };
}

function table(rows) {
  const wrapper = element("div", null, "vw-controle-tabel");
  const node = element("table");
  const caption = element("caption", CONTROLE.tabelTitel);
  const head = element("thead");
  const headRow = element("tr");
  for (const name of CONTROLE.kolommen) {
    const cell = element("th", name);
    cell.scope = "col";
    headRow.append(cell);
  }
  head.append(headRow);
  const body = element("tbody");
  for (const entry of rows) {
    const line = element("tr");
    line.dataset.uitkomst = entry.outcome;
    const part = element("th", entry.part);
    part.scope = "row";
    const verdict = element("td", CONTROLE.oordeel[entry.outcome], `vw-controle-${entry.outcome}`);
    line.append(part, verdict, element("td", entry.explanation));
    body.append(line);
  }
  node.append(caption, head, body);
  wrapper.append(node);
  return wrapper;
}

