// The team pages: Teamrapport (result files of a team -> the team report), Spiegel (a manager's
// own result beside the team's) and Afdelingsoverzicht (team reports -> the department overview).
// Wiring only: files are picked or dropped, read here, and handed to the engine in the worker,
// which checks them and computes every figure.
//
// The root's data-state: idle (nothing to compute yet), loading, confirm (a team report that
// replaces an earlier one of nearly the same people waits for the facilitator's click), ready or
// error. Every wait has a time limit and ends in error with a Dutch message.
//
// Reports that overlap: the team report page remembers, in this browser's local storage, the
// engine's `remembered` text (the respondent keys of the reports shown here, never answers) and
// hands it back to the engine with each new choice of files, with any earlier reports the
// facilitator drops in. What is remembered changes only once a report is shown.

import { TEKSTEN } from "./teksten.mjs";
import { sharedRuntime, supported } from "./runtime.mjs";
import { renderLeftOut, renderMirror, renderOverview, renderTeamReport } from "./teamweergave.mjs";
import { element, paragraph, siteKey } from "./dom.mjs";

//: How long the engine may take to start once files are chosen (Pyodide on a slow machine).
const READY_TIMEOUT_MS = 120_000;
//: How long reading the chosen files may take; they are local, and read up to the catalog's limits.
const READ_TIMEOUT_MS = 30_000;
//: What each kind of page (data-team, from hooks/teams.py) asks of the engine, and its words.
const KINDS = {
  rapport: { engine: "team_report_json", files: "team", none: TEKSTEN.teamGeenBestand, done: TEKSTEN.teamKlaar },
  spiegel: { engine: "mirror_json", files: "team", none: TEKSTEN.teamGeenBestand, done: TEKSTEN.spiegelKlaar },
  overzicht: { engine: "overview_json", files: "rapporten", none: TEKSTEN.overzichtGeenBestand, done: TEKSTEN.overzichtKlaar },
};

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
    this.kind = KINDS[root.dataset.team] ? root.dataset.team : "rapport";
    this.catalogJson = root.querySelector("script.team-catalogus").textContent;
    this.catalog = JSON.parse(this.catalogJson);
    this.status = root.querySelector(".teampagina-status-tekst");
    this.result = root.querySelector(".teampagina-uitslag");
    this.chosen = {};
    this.run = 0; // the latest choice; an answer to an older one is dropped
    this.broken = null; // the message once the engine cannot run in this browser
    this.storedBroken = false; // whether the engine could not read what this device remembers
    const boxes = root.querySelectorAll(".teampagina-vak");
    for (const box of boxes) {
      this.chosen[box.dataset.bestanden] = [];
      this.wire(box);
    }
    if (this.kind === "rapport") {
      // After forgetting a remembered text the engine could not read, make the report again.
      this.memory = new Memory(root, boxes[boxes.length - 1], () => {
        if (this.storedBroken) this.choose();
      });
    }
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
    let early = false;
    for (const box of boxes) {
      const files = [...box.querySelector("input[type=file]").files];
      if (files.length > 0) {
        this.chosen[box.dataset.bestanden] = files;
        early = true;
      }
    }
    if (early) this.choose();
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

  // New files in one box (or none: look at what is chosen); make what the page makes once
  // everything it needs is there, or say what is still missing.
  choose(role, files) {
    if (this.broken) return this.fail(this.broken);
    if (role) this.chosen[role] = files;
    const kind = KINDS[this.kind];
    if (this.kind === "spiegel") {
      const { eigen, team } = this.chosen;
      if (eigen.length > 1) return this.wait(TEKSTEN.spiegelEenEigen);
      if (eigen.length === 0 && team.length === 0) return this.wait(TEKSTEN.teamGeenBestand);
      if (eigen.length === 0) return this.wait(TEKSTEN.spiegelNogEigen);
      if (team.length === 0) return this.wait(TEKSTEN.spiegelNogTeam);
      return this.make([...eigen, ...team]);
    }
    const wanted = this.chosen[kind.files];
    if (wanted.length > 0) return this.make(wanted);
    return this.wait(this.kind === "rapport" && this.chosen.eerder.length > 0 ? TEKSTEN.teamAlleenEerder : kind.none);
  }

  // Read the files, let the engine make the report (or the mirror, or the overview) and show it.
  async make(files) {
    const run = ++this.run;
    const limits = this.catalog.limits;
    const teamFiles = this.kind === "spiegel" ? files.length - 1 : files.length;
    if (this.kind !== "overzicht" && teamFiles > limits.max_files) {
      return this.fail(TEKSTEN.teamTeVeel(teamFiles, limits.max_files));
    }
    const earlier = this.kind === "rapport" ? this.chosen.eerder : [];
    this.clear();
    this.setState("loading", TEKSTEN.teamLezen(files.length + earlier.length));
    try {
      // Result files and team reports have limits of their own (a report holds many results).
      const readAll = (list, most) => Promise.all(list.map((file) => read(file, most)));
      const most = this.kind === "overzicht" ? limits.max_report_bytes : limits.max_file_bytes;
      const [contents, earlierContents] = await withinTime(
        Promise.all([readAll(files, most), readAll(earlier, limits.max_report_bytes)]),
        READ_TIMEOUT_MS,
        TEKSTEN.teamTeLang,
      );
      await withinTime(this.runtime.ready, READY_TIMEOUT_MS, TEKSTEN.teamRekenmoduleFout);
      const names = (list) => list.map((file) => file.name);
      const args = [this.catalogJson, names(files), contents];
      // The team report also gets what this device remembers and the earlier reports dropped in.
      if (this.kind === "rapport") args.push(this.memory.read(), names(earlier), earlierContents);
      // The runtime limits the call itself (60 s) and rejects after it.
      const answer = JSON.parse(await this.runtime.call(KINDS[this.kind].engine, ...args));
      if (run !== this.run) return;
      this.storedBroken = Boolean(answer.stored_unreadable);
      if (answer.error) {
        // What this device remembers could not be read: it stays as it was, and the page says so.
        const text = answer.stored_unreadable
          ? `${answer.error} ${TEKSTEN.onthoudenBlijft}`
          : TEKSTEN.teamFout(answer.error);
        return this.fail(text, answer.left_out ?? []);
      }
      if (this.kind === "rapport" && answer.report.replaces.length > 0) return this.askToReplace(answer, run);
      this.show(answer);
    } catch (error) {
      if (run !== this.run) return;
      if (error instanceof PageError) return this.fail(error.message);
      console.error("teampagina: the engine failed", error);
      // The runtime has ended a call that took too long and started afresh: the next choice works.
      this.fail(TEKSTEN.teamRekenfout([...files, ...earlier].map((file) => file.name)));
    }
  }

  // A report of nearly the same people as an earlier one: say what could be learnt by setting
  // the two side by side, and show the report only after the facilitator confirms that it
  // replaces the earlier one.
  askToReplace(answer, run) {
    const title = element("h2", TEKSTEN.vervangtKop, "teampagina-kop");
    title.tabIndex = -1;
    const sources = element("ul", null, "team-vervangt-bronnen");
    for (const earlier of answer.report.replaces) {
      sources.append(element("li", TEKSTEN.vervangtBron(earlier.source, earlier.added, earlier.removed)));
    }
    const confirm = element("button", TEKSTEN.vervangtKnop, "md-button md-button--primary zelftest-knop");
    confirm.type = "button";
    confirm.dataset.actie = "vervangen";
    confirm.addEventListener("click", () => {
      if (run === this.run) this.show(answer);
    });
    const box = element("div", null, "team-waarschuwing");
    box.append(title, paragraph(TEKSTEN.vervangtUitleg), sources, paragraph(TEKSTEN.vervangtAdvies), confirm);
    this.result.replaceChildren(box);
    this.result.hidden = false;
    this.setState("confirm", TEKSTEN.vervangtWachten);
    title.focus();
  }

  show(answer) {
    const title = element("h2", null, "teampagina-kop");
    title.tabIndex = -1;
    const body = element("div", null, "teampagina-inhoud");
    if (this.kind === "spiegel") {
      const own = this.catalog.assessments.find((definition) => definition.id === answer.mirror.self.assessment);
      title.textContent = TEKSTEN.spiegelKop(own ? own.title : answer.mirror.self.assessment);
      renderMirror(body, answer.mirror, answer.report, this.catalog, { level: 2, csv: answer.csv, json: answer.json });
    } else if (this.kind === "overzicht") {
      title.textContent = TEKSTEN.overzichtKop(answer.overview.title);
      renderOverview(body, answer.overview, this.catalog, { level: 3, csv: answer.csv, json: answer.json });
    } else {
      title.textContent = TEKSTEN.teamRapportKop(answer.report.title);
      renderTeamReport(body, answer.report, this.catalog, { level: 3, csv: answer.csv, json: answer.json });
    }
    this.result.replaceChildren(title, body);
    this.result.hidden = false;
    this.setState("ready", KINDS[this.kind].done);
    // Only a report that is shown is remembered: the next one is compared with it.
    if (this.kind === "rapport") this.memory.keep(answer.remembered);
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

// What the team report page remembers on this device (the engine's `remembered` text), with the
// button that forgets it. Reading never writes; a browser that refuses storage (a private
// window, a policy) throws, and the page then works without it.
class Memory {
  constructor(root, after, forgotten) {
    this.key = siteKey(root, "teamrapporten");
    const box = element("div", null, "teampagina-geheugen");
    const forget = element("button", TEKSTEN.vergeetKnop, "md-button zelftest-knop");
    forget.type = "button";
    forget.dataset.actie = "vergeten";
    this.said = paragraph("", "teampagina-geheugen-melding");
    this.said.setAttribute("role", "status");
    forget.addEventListener("click", () => {
      if (this.forget()) forgotten();
    });
    box.append(paragraph(TEKSTEN.onthoudenUitleg), forget, this.said);
    after.after(box);
  }

  read() {
    try {
      return window.localStorage.getItem(this.key);
    } catch {
      this.said.textContent = TEKSTEN.onthoudenNiet;
      return null;
    }
  }

  keep(text) {
    if (typeof text !== "string") return;
    try {
      window.localStorage.setItem(this.key, text);
      this.said.textContent = "";
    } catch {
      this.said.textContent = TEKSTEN.onthoudenMislukt;
    }
  }

  // Whether it is forgotten now.
  forget() {
    try {
      window.localStorage.removeItem(this.key);
      this.said.textContent = TEKSTEN.vergeten;
      return true;
    } catch {
      this.said.textContent = TEKSTEN.onthoudenNiet;
      return false;
    }
  }
}

// ---- Helper functions ----

// An error whose message is the Dutch text to show.
class PageError extends Error {}

// A file's first bytes: one more than a file may have, so the engine can say it is too large
// without the page holding a huge file in memory.
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
