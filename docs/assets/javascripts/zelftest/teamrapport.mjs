// The team pages: Teamrapport (result files of a team -> the team report) and Spiegel (a
// manager's own result beside the team's). Wiring only: files are picked or dropped, read here,
// and handed to the engine in the worker, which checks them and computes every figure.
// The root's data-state: idle (nothing to compute yet), loading, ready or error.

import { TEKSTEN } from "./teksten.mjs";
import { sharedRuntime, supported } from "./runtime.mjs";
import { renderLeftOut, renderMirror, renderTeamReport } from "./teamweergave.mjs";
import { element } from "./dom.mjs";

//: How long the engine may take to start once files are chosen (Pyodide on a slow machine).
const READY_TIMEOUT_MS = 120_000;
//: How long reading the chosen files may take; they are local and at most 1 MB each.
const READ_TIMEOUT_MS = 30_000;

let guarded = false;

// Set up one team page's root element (.teampagina from hooks/teams.py).
export function setupTeamPage(root) {
  if (!guarded) {
    // A file dropped beside the drop zone would make the browser open it and leave the page.
    guarded = true;
    for (const type of ["dragover", "drop"]) {
      window.addEventListener(type, (event) => {
        if (carriesFiles(event)) event.preventDefault();
      });
    }
  }
  return new TeamPage(root);
}

class TeamPage {
  constructor(root) {
    this.root = root;
    this.mirror = root.dataset.team === "spiegel";
    this.catalogJson = root.querySelector("script.team-catalogus").textContent;
    this.catalog = JSON.parse(this.catalogJson);
    this.status = root.querySelector(".teampagina-status-tekst");
    this.result = root.querySelector(".teampagina-uitslag");
    this.chosen = { eigen: [], team: [] };
    this.run = 0; // the latest choice; an answer to an older one is dropped
    this.broken = null; // the message once the engine cannot run in this browser
    for (const box of root.querySelectorAll(".teampagina-vak")) this.wire(box);
    if (!supported()) {
      this.broken = TEKSTEN.geenWebAssembly;
      this.fail(this.broken);
      return;
    }
    // Start at once, so the runtime loads while the facilitator gathers the files.
    this.runtime = sharedRuntime(new URL(root.dataset.runtime, document.baseURI).href);
    // Read by the benchmark (make bench); a failed start is handled just below.
    this.runtime.ready.then(() => performance.mark("zelftest-klaar"), () => {});
    this.runtime.ready.catch((error) => {
      console.error("teampagina: runtime failed to start", error);
      this.broken = TEKSTEN.startFout(error.cause, error.file); // a StartError (runtime.mjs)
      this.fail(this.broken);
    });
    // Files chosen before this script ran (on a slow connection) count as well.
    for (const box of root.querySelectorAll(".teampagina-vak")) {
      const files = [...box.querySelector("input[type=file]").files];
      if (files.length > 0) this.choose(box.dataset.bestanden, files);
    }
  }

  // A box with a file input; files dropped on the box count as chosen with its input.
  wire(box) {
    const role = box.dataset.bestanden;
    const input = box.querySelector("input[type=file]");
    input.addEventListener("change", () => this.choose(role, [...input.files]));
    box.addEventListener("dragover", (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      box.classList.add("teampagina-slepen");
    });
    box.addEventListener("dragleave", (event) => {
      if (!box.contains(event.relatedTarget)) box.classList.remove("teampagina-slepen");
    });
    box.addEventListener("drop", (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      box.classList.remove("teampagina-slepen");
      this.choose(role, [...event.dataTransfer.files]);
    });
  }

  choose(role, files) {
    if (this.broken) return this.fail(this.broken);
    this.chosen[role] = files;
    if (!this.mirror) return files.length === 0 ? this.wait(TEKSTEN.teamGeenBestand) : this.make(files);
    const { eigen, team } = this.chosen;
    if (eigen.length > 1) return this.wait(TEKSTEN.spiegelEenEigen);
    if (eigen.length === 0 && team.length === 0) return this.wait(TEKSTEN.teamGeenBestand);
    if (eigen.length === 0) return this.wait(TEKSTEN.spiegelNogEigen);
    if (team.length === 0) return this.wait(TEKSTEN.spiegelNogTeam);
    return this.make([...eigen, ...team]);
  }

  // Read the files, let the engine make the report (or the mirror) and show it.
  async make(files) {
    const run = ++this.run;
    const limits = this.catalog.limits;
    const teamFiles = this.mirror ? files.length - 1 : files.length;
    if (teamFiles > limits.max_files) return this.fail(TEKSTEN.teamTeVeel(teamFiles, limits.max_files));
    this.clear();
    this.setState("loading", TEKSTEN.teamLezen(files.length));
    try {
      const contents = await withinTime(
        Promise.all(files.map((file) => read(file, limits.max_file_bytes))),
        READ_TIMEOUT_MS,
        TEKSTEN.teamTeLang,
      );
      await withinTime(this.runtime.ready, READY_TIMEOUT_MS, TEKSTEN.teamRekenmoduleFout);
      const answer = JSON.parse(
        await this.runtime.call(
          this.mirror ? "mirror_json" : "team_report_json",
          this.catalogJson,
          files.map((file) => file.name),
          contents,
        ),
      );
      if (run !== this.run) return;
      if (answer.error) return this.fail(TEKSTEN.teamFout(answer.error), answer.left_out);
      this.show(answer);
    } catch (error) {
      if (run !== this.run) return;
      if (error instanceof PageError) return this.fail(error.message);
      console.error("teampagina: the engine failed", error);
      this.fail(TEKSTEN.teamRekenfout);
    }
  }

  show(answer) {
    const title = element("h2", null, "teampagina-kop");
    title.tabIndex = -1;
    const body = element("div", null, "teampagina-inhoud");
    if (this.mirror) {
      const own = this.catalog.assessments.find((definition) => definition.id === answer.mirror.self.assessment);
      title.textContent = TEKSTEN.spiegelKop(own ? own.title : answer.mirror.self.assessment);
      renderMirror(body, answer.mirror, answer.report, this.catalog, { level: 2 });
    } else {
      title.textContent = TEKSTEN.teamRapportKop(answer.report.title);
      renderTeamReport(body, answer.report, this.catalog, { level: 3 });
    }
    this.result.replaceChildren(title, body);
    this.result.hidden = false;
    this.setState("ready", this.mirror ? TEKSTEN.spiegelKlaar : TEKSTEN.teamKlaar);
    title.focus();
  }

  // Nothing to compute yet: say what is still needed.
  wait(text) {
    this.run++;
    this.clear();
    this.setState("idle", text);
  }

  // Say what went wrong; leftOut lists the files that did not count, when the engine named them.
  fail(text, leftOut = []) {
    this.run++;
    this.clear();
    this.setState("error", text);
    if (leftOut.length > 0) {
      renderLeftOut(this.result, leftOut, { level: 2 });
      this.result.hidden = false;
    }
  }

  clear() {
    this.result.hidden = true;
    this.result.replaceChildren();
  }

  setState(state, text) {
    this.root.dataset.state = state;
    this.status.textContent = text;
  }
}

// ---- Helper functions ----

// An error whose message is the Dutch text to show.
class PageError extends Error {}

// A file's first bytes: one more than a result file may have, so the engine can say it is too
// large without the page holding a huge file in memory.
async function read(file, maxBytes) {
  try {
    return new Uint8Array(await file.slice(0, maxBytes + 1).arrayBuffer());
  } catch {
    throw new PageError(TEKSTEN.teamOnleesbaar(file.name));
  }
}

// The promise, or a PageError with this message once it has not settled within ms.
function withinTime(promise, ms, message) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new PageError(message)), ms);
  });
  const settled = promise.catch((error) => {
    throw error instanceof PageError ? error : new PageError(message);
  });
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}

function carriesFiles(event) {
  return Boolean(event.dataTransfer) && [...event.dataTransfer.types].includes("Files");
}
