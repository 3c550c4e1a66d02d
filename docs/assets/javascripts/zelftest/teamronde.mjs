// A team round on one device: members answer in turn on one laptop, their results stay in this
// page's memory only (never in storage), and the engine makes the team report when the
// facilitator ends the round. Faces render, the engine computes: no figure is made here.

import { TEKSTEN } from "./teksten.mjs";
import { offerDownload, resultJson } from "./downloads.mjs";
import { element } from "./dom.mjs";

//: How long the round waits for the engine to start, or for the report's module to load, before
//: it gives up and says so.
const WAIT_TIMEOUT_MS = 120_000;
//: The pause between two files of "Download alle bestanden": browsers drop downloads that come
//: too close together.
const DOWNLOAD_PAUSE_MS = 400;

// Set up the round of a team test's form; null on a page without one (a test about oneself).
// Only a team test's page carries the engine's catalog (hooks/zelftests.py); the round's section
// is made here, above the form, since a round needs this script.
export function setupTeamRound(root, questionnaire, runtime, definitionJson) {
  const catalog = root.querySelector("script.zelftest-catalogus");
  if (!catalog) return null;
  const section = startSection(root, JSON.parse(catalog.textContent));
  questionnaire.form.before(section);
  return new TeamRound(root, section, catalog.textContent, { questionnaire, runtime, definitionJson });
}

// The round before it starts: a heading, what a round is, and its start button.
function startSection(root, catalog) {
  const section = element("section", null, "zelftest-teamronde");
  section.id = `${root.id}-teamronde`;
  section.hidden = true;
  const heading = element("h2", TEKSTEN.rondeTitel);
  heading.id = `${section.id}-kop`;
  heading.tabIndex = -1;
  section.setAttribute("aria-labelledby", heading.id);
  const explanation = element("div", null, "zelftest-teamronde-uitleg");
  explanation.append(
    element("p", TEKSTEN.rondeUitleg(catalog.limits.min_respondents)),
    button(TEKSTEN.rondeStart, "start-round", "md-button"),
  );
  section.append(heading, explanation);
  return section;
}

class TeamRound {
  constructor(root, section, catalogJson, { questionnaire, runtime, definitionJson }) {
    this.root = root;
    this.section = section;
    this.catalogJson = catalogJson;
    this.catalog = JSON.parse(catalogJson);
    this.questionnaire = questionnaire;
    this.runtime = runtime;
    this.definitionJson = definitionJson;
    this.results = []; // the result documents of this round, in memory only
    this.files = []; // [{name, text}] once the round has a report: shuffled, see end()
    this.busy = false;
    this.state = "idle";

    this.heading = section.querySelector("h2");
    this.idleHeading = this.heading.textContent;
    this.explanation = section.querySelector(".zelftest-teamronde-uitleg");
    this.submitButton = questionnaire.form.querySelector("button[type=submit]");
    this.submitLabel = this.submitButton.textContent;
    this.build();
    this.keepWhileOpen = (event) => {
      // The browser asks before the tab closes or reloads, in its own words (ours are ignored).
      if (this.results.length === 0) return;
      event.preventDefault();
      event.returnValue = ""; // browsers before the standard's preventDefault
    };
    this.actions = {
      "start-round": () => this.start(),
      "next-participant": () => this.nextParticipant(),
      "end-round": () => this.end(),
      "stop-round": () => this.askStop(),
      "confirm-stop": () => this.stop(),
      "cancel-stop": () => this.cancelStop(),
      "download-file": (button) => this.download(button.dataset.file),
      "download-round": () => this.downloadAll(),
    };
    section.addEventListener("click", (event) => {
      const target = event.target.closest("button[data-action]");
      if (target && this.actions[target.dataset.action]) this.actions[target.dataset.action](target);
    });
    this.show();
    section.hidden = false;
  }

  get active() {
    return this.state === "running";
  }

  // The parts the script adds below the static heading and explanation; all text from TEKSTEN.
  build() {
    this.message = element("p", null, "zelftest-teamronde-melding");
    this.message.tabIndex = -1;
    this.message.hidden = true;
    this.nextButton = button("", "next-participant", "md-button md-button--primary");
    this.nextBox = element("p", null, "zelftest-teamronde-volgende");
    this.nextBox.append(this.nextButton);

    this.report = element("div", null, "zelftest-teamronde-rapport");
    this.reportHeading = element("h3", TEKSTEN.rondeRapportKop);
    this.reportHeading.tabIndex = -1;
    this.reportView = element("div", null, "zelftest-teamronde-weergave");
    this.fileList = element("ul", null, "zelftest-teamronde-bestanden");
    const files = element("div", null, "zelftest-teamronde-downloads");
    files.append(
      element("h3", TEKSTEN.rondeBestandenKop),
      element("p", TEKSTEN.rondeBestandenUitleg),
      this.fileList,
      button(TEKSTEN.rondeAlleBestanden, "download-round", "md-button zelftest-knop"),
    );
    this.report.append(this.reportHeading, this.reportView, files);

    this.controls = element("div", null, "zelftest-teamronde-beheer");
    this.count = element("p", null, "zelftest-teamronde-aantal");
    this.endButton = button(TEKSTEN.rondeAfronden, "end-round", "md-button zelftest-knop");
    this.stopButton = button(TEKSTEN.rondeStoppen, "stop-round", "md-button zelftest-knop");
    this.confirm = element("div", null, "zelftest-teamronde-bevestigen");
    this.question = element("p");
    this.question.tabIndex = -1;
    this.confirm.append(
      this.question,
      button(TEKSTEN.rondeStoppenJa, "confirm-stop", "md-button zelftest-knop"),
      button(TEKSTEN.rondeStoppenNee, "cancel-stop", "md-button zelftest-knop"),
    );
    this.controls.append(
      element("p", TEKSTEN.rondeWaarschuwing, "zelftest-teamronde-waarschuwing"),
      this.count,
      this.endButton,
      this.stopButton,
      this.confirm,
    );
    this.section.append(this.message, this.nextBox, this.report, this.controls);
  }

  // Make the page match the state: idle (the static start), running (turns) or ended (report).
  show() {
    const { state } = this;
    this.root.dataset.round = state;
    this.explanation.hidden = state !== "idle";
    this.controls.hidden = state === "idle";
    this.report.hidden = state !== "ended";
    this.nextBox.hidden = state !== "running";
    this.endButton.hidden = state !== "running";
    this.confirm.hidden = true;
    this.questionnaire.form.hidden = state === "ended";
    this.submitButton.textContent = state === "idle" ? this.submitLabel : TEKSTEN.rondeVerzenden;
    const next = this.results.length + 1;
    this.heading.textContent =
      state === "idle" ? this.idleHeading : state === "running" ? TEKSTEN.rondeKop(next) : TEKSTEN.rondeAfgerondKop;
    this.nextButton.textContent = TEKSTEN.rondeBegin(next);
    this.count.textContent = TEKSTEN.rondeAantal(this.results.length, this.catalog.limits.min_respondents);
  }

  start() {
    // Nothing of someone who used this page before the round stays on screen.
    const individual = this.root.querySelector(".zelftest-uitslag");
    individual.hidden = true;
    individual.querySelector(".zelftest-uitslag-inhoud").replaceChildren();
    delete this.root.dataset.result;
    this.questionnaire.reset();
    this.results = [];
    this.files = [];
    this.state = "running";
    this.show();
    window.addEventListener("beforeunload", this.keepWhileOpen);
    this.tell(TEKSTEN.rondeGestart);
  }

  // One member's turn, called by the form's submit once every question has an answer: the
  // engine scores it, the result stays in memory, and the form is empty for the next member.
  async submit() {
    if (this.busy || !this.active) return;
    this.busy = true;
    try {
      await withinTime(this.runtime.ready, WAIT_TIMEOUT_MS);
      const result = await this.runtime.score(this.definitionJson, this.questionnaire.answers());
      if (!this.active) return; // the round was stopped while the engine worked
      this.results.push(result);
      this.questionnaire.reset();
      this.show();
      this.tell(TEKSTEN.rondeBewaard(this.results.length), { scroll: true });
    } catch (error) {
      console.error("zelftest: scoring a turn of the team round failed", error);
      this.questionnaire.say(TEKSTEN.rekenfout);
    } finally {
      this.busy = false;
    }
  }

  // Hand the form to the next member: focus on the first question.
  nextParticipant() {
    this.message.hidden = true;
    this.questionnaire.questions[0].querySelector("input[type=radio]").focus();
  }

  // Ask the engine for the team report of the round. With too few members it says why not, and
  // the round goes on.
  async end() {
    if (this.busy) return;
    this.busy = true;
    this.tell(TEKSTEN.rondeBezig);
    try {
      const files = shuffled(this.results).map((result, index) => ({
        name: `teamronde-${result.assessment}-${index + 1}.json`,
        text: resultJson(result),
      }));
      const encoder = new TextEncoder();
      const answer = JSON.parse(
        await this.runtime.call(
          "team_report_json",
          this.catalogJson,
          files.map((file) => file.name),
          files.map((file) => encoder.encode(file.text)),
        ),
      );
      if (!this.active) return;
      if (answer.error) {
        this.tell(TEKSTEN.rondeTeWeinig(answer.error));
        return;
      }
      // Loaded only now: most visitors never end a round.
      const { renderTeamReport } = await withinTime(import("./teamweergave.mjs"), WAIT_TIMEOUT_MS);
      if (!this.active) return; // the round was stopped while the engine worked
      this.files = files;
      this.showReport(answer, renderTeamReport);
    } catch (error) {
      console.error("zelftest: the team report of the round failed", error);
      this.tell(TEKSTEN.rondeRapportFout);
    } finally {
      this.busy = false;
    }
  }

  showReport(answer, renderTeamReport) {
    this.questionnaire.reset();
    this.state = "ended";
    this.show();
    this.message.hidden = true;
    // Under our h3; the CSV is the engine's, made beside the report.
    renderTeamReport(this.reportView, answer.report, this.catalog, { level: 4, csv: answer.csv, json: answer.json });
    this.fileList.replaceChildren(
      ...this.files.map((file) => {
        const item = element("li");
        const link = button(TEKSTEN.rondeBestand(file.name), "download-file", "md-button zelftest-knop");
        link.dataset.file = file.name;
        item.append(link);
        return item;
      }),
    );
    this.section.scrollIntoView({ block: "start" });
    this.reportHeading.focus({ preventScroll: true });
  }

  download(name) {
    const file = this.files.find((candidate) => candidate.name === name);
    if (file) offerDownload(file.name, file.text, "application/json");
  }

  async downloadAll() {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const [index, file] of this.files.entries()) {
        if (index > 0) await pause(DOWNLOAD_PAUSE_MS);
        if (this.state !== "ended") break; // stopped meanwhile: the round's files are gone
        offerDownload(file.name, file.text, "application/json");
      }
    } finally {
      this.busy = false;
    }
  }

  // Stopping wipes the round: ask first, with the focus on the question.
  askStop() {
    this.question.textContent = TEKSTEN.rondeStoppenVraag(this.results.length);
    this.confirm.hidden = false;
    this.question.focus();
  }

  cancelStop() {
    this.confirm.hidden = true;
    this.stopButton.focus();
  }

  stop() {
    this.results = [];
    this.files = [];
    this.state = "idle";
    window.removeEventListener("beforeunload", this.keepWhileOpen);
    this.reportView.replaceChildren();
    this.fileList.replaceChildren();
    this.questionnaire.reset();
    this.show();
    this.tell(TEKSTEN.rondeGestopt);
  }

  // Show a message in the round's section and move the focus to it, so that a screen reader
  // reads it; after a turn, first bring the top of the section (just above the form) into view.
  tell(text, { scroll = false } = {}) {
    this.message.textContent = text;
    this.message.hidden = false;
    if (scroll) this.section.scrollIntoView({ block: "start" });
    this.message.focus({ preventScroll: scroll });
  }
}

// ---- Helper functions ----

// A copy in random order, so that a file's number does not tell whose turn it was.
function shuffled(items) {
  const copy = [...items];
  const random = new Uint32Array(copy.length);
  crypto.getRandomValues(random);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random[i] % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// The promise, or a rejection once it has not settled within ms.
function withinTime(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function button(text, action, className) {
  const node = element("button", text, className);
  node.type = "button";
  node.dataset.action = action;
  return node;
}
