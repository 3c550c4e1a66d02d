// Entry point: on a page with a self-assessment, start the Python runtime and wire up the form.
// Pages without one load only this small module and start nothing.

import { TEKSTEN } from "./teksten.mjs";
import { sharedRuntime, supported } from "./runtime.mjs";
import { Questionnaire } from "./form.mjs";
import { Draft } from "./concept.mjs";
import { element, paragraph } from "./dom.mjs";
import { renderResult } from "./results.mjs";
import { setupTeamRound } from "./teamronde.mjs";
import { History } from "./geschiedenis.mjs";

//: How long the engine may take to start before the page says so (it loads while the reader
//: answers; on a slow intranet that takes seconds, not minutes).
const READY_TIMEOUT_MS = 120_000;

let runtime = null;

function setup(root) {
  // The start check (startcontrole.js) looks for this mark: without it, it says the script did
  // not start instead of leaving the page loading for ever.
  root.dataset.script = "gestart";
  const status = root.querySelector(".zelftest-status-tekst");
  const setState = (state, text) => {
    root.dataset.state = state;
    status.textContent = text;
  };
  setState("loading", TEKSTEN.laden);
  const questionnaire = new Questionnaire(root);
  const resultSection = addResultSection(root, questionnaire.form);
  let round = null;
  // The draft of this tab (concept.mjs); never during a team round, where each turn is someone else.
  const draft = new Draft(root, questionnaire, () => !round || round.state === "idle");
  if (draft.restore() > 0) showRestored(questionnaire.form);
  if (!supported()) {
    setState("error", TEKSTEN.geenWebAssembly);
    questionnaire.form.addEventListener("submit", (event) => {
      event.preventDefault();
      questionnaire.say(TEKSTEN.geenWebAssembly);
    });
    return;
  }
  // Started already from the page's head (runtime.mjs), so the runtime loads while the page and
  // the reader go on; this takes that one.
  runtime ??= sharedRuntime(new URL(root.dataset.runtime, document.baseURI).href);
  let startMessage = TEKSTEN.startFout("onbekend");
  const slow = setTimeout(() => {
    setState("error", TEKSTEN.startTeLang);
    if (!questionnaire.notice.hidden) questionnaire.say(TEKSTEN.startTeLang); // a submit waits
  }, READY_TIMEOUT_MS);
  runtime.ready.then(
    () => {
      clearTimeout(slow);
      setState("ready", TEKSTEN.klaar);
      performance.mark("zelftest-klaar"); // read by the benchmark (make bench)
    },
    (error) => {
      clearTimeout(slow);
      console.error("zelftest: runtime failed to start", error);
      startMessage = TEKSTEN.startFout(error.cause, error.file);
      setState("error", startMessage);
      status.append(" ", installLink());
      if (!questionnaire.notice.hidden) questionnaire.say(startMessage); // a submit waits
    },
  );
  const definitionJson = root.querySelector("script.zelftest-definitie").textContent;
  const definition = JSON.parse(definitionJson);
  const guidance = JSON.parse(root.querySelector("script.zelftest-leesverder").textContent);
  // A team test can also run as a round on one device; its turns show no result.
  round = setupTeamRound(root, questionnaire, runtime, definitionJson);
  // Results kept on this device (only when the reader asks), with export and import.
  const history = new History(root, runtime, definitionJson);
  // A result belongs to the answers it was computed from: a changed answer makes it out of date,
  // and an emptied form has none.
  questionnaire.form.addEventListener("change", () => {
    if (root.dataset.result === "shown") markStale(resultSection);
  });
  questionnaire.form.addEventListener("reset", () => removeResult(root, resultSection));
  // Back or Forward may show this page from the browser's memory (the back/forward cache) just
  // as it was left, result and answers included: on a shared device, the next person's Back would
  // show them. Show it as a reload does instead: an empty form with only this tab's draft put
  // back, which is gone once a result was shown. A team round in progress is left alone: its
  // results live in this page only, and the facilitator ends or stops it.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted || (round && round.state !== "idle")) return;
    const kept = draft.read(); // before the reset, which clears the draft
    questionnaire.reset(); // its reset event also removes the result
    if (kept !== null && draft.restore(kept) > 0) showRestored(questionnaire.form);
  });

  questionnaire.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const open = questionnaire.unanswered();
    if (open.length > 0) {
      questionnaire.pointAtOpenQuestions(open);
      return;
    }
    if (root.dataset.state === "error") {
      questionnaire.say(startMessage);
      return;
    }
    if (root.dataset.state !== "ready") questionnaire.say(TEKSTEN.nogNietKlaar);
    if (round && round.active) return round.submit();
    performance.mark("zelftest-verzonden");
    try {
      await runtime.ready;
      const asked = JSON.stringify(questionnaire.values());
      const result = await runtime.score(definitionJson, questionnaire.answers());
      renderResult(resultSection.querySelector(".zelftest-uitslag-inhoud"), result, definition, guidance, runtime);
      history.offer(result, resultSection.querySelector(".zelftest-acties"));
      clearStale(resultSection);
      resultSection.hidden = false;
      root.dataset.result = "shown";
      if (JSON.stringify(questionnaire.values()) === asked) draft.clear();
      else markStale(resultSection); // an answer changed while the engine worked
      questionnaire.clearNotice();
      performance.mark("zelftest-uitslag");
      performance.measure("zelftest-berekening", "zelftest-verzonden", "zelftest-uitslag");
      // Focus alone would centre a long result, its heading far above the screen: start at the
      // top, below the fixed header (scroll-margin-top in zelftest.css).
      resultSection.focus({ preventScroll: true });
      resultSection.scrollIntoView({ block: "start" });
    } catch (error) {
      console.error("zelftest: scoring failed", error);
      questionnaire.say(TEKSTEN.rekenfout);
    }
  });
}

// The link to the page on installing the site, for whoever runs it; its address and text are the
// start check's (the build writes them into every page, relative to that page).
function installLink() {
  const texts = JSON.parse(document.getElementById("vertrouwenswijzer-startcontrole")?.textContent || "{}");
  if (!texts.installerenAdres) return "";
  const link = element("a", texts.installeren, "vw-installeren");
  link.href = texts.installerenAdres;
  return link;
}

// ---- The result's place, and a result that no longer fits the answers ----

// The (empty, hidden) section below the form where the result appears; results.mjs fills its
// .zelftest-uitslag-inhoud.
function addResultSection(root, form) {
  const section = element("section", null, "zelftest-uitslag");
  section.id = `${root.id}-uitslag`;
  section.tabIndex = -1;
  section.hidden = true;
  const heading = element("h2", TEKSTEN.uitslagKop);
  heading.id = `${section.id}-kop`;
  section.setAttribute("aria-labelledby", heading.id);
  const note = paragraph("", "zelftest-verouderd");
  note.setAttribute("role", "status");
  section.append(heading, note, element("div", null, "zelftest-uitslag-inhoud"));
  form.after(section);
  return section;
}

// Say that the result belongs to earlier answers, and offer no file or printout of it: the
// buttons that save, download or print it wait for a new result (print CSS hides it as well).
function markStale(section) {
  section.dataset.stale = "true";
  section.querySelector(".zelftest-verouderd").textContent = TEKSTEN.verouderd;
  for (const button of section.querySelectorAll("[data-actie], [data-action='save-history']")) {
    button.disabled = true;
  }
}

function clearStale(section) {
  delete section.dataset.stale;
  section.querySelector(".zelftest-verouderd").textContent = "";
}

function removeResult(root, section) {
  section.hidden = true;
  section.querySelector(".zelftest-uitslag-inhoud").replaceChildren();
  clearStale(section);
  delete root.dataset.result;
}

// After a reload: say that the answers of before are back, and how to start again.
function showRestored(form) {
  const note = paragraph(TEKSTEN.conceptTerug, "zelftest-concept");
  form.before(note);
  form.addEventListener("reset", () => note.remove(), { once: true });
}

// ---- Start ----

// Opened from disk, module scripts do not run in most browsers; where one does, the start check
// (startcontrole.js) has already said how to open the site, and nothing starts here.
if (location.protocol !== "file:") {
  for (const root of document.querySelectorAll(".zelftest[data-assessment]")) setup(root);
}
// The installation check (page "Controleer de installatie") loads its own module, and only there.
for (const root of document.querySelectorAll(".vw-controle")) {
  root.dataset.script = "gestart";
  import("./controle.mjs").then(
    (check) => check.setupCheck(root),
    () => {
      root.dataset.state = "error";
      root.querySelector(".vw-controle-status").textContent = TEKSTEN.startFout("onbekend");
    },
  );
}
// The team pages (Teamrapport, Spiegel) load their own module, and only there.
for (const root of document.querySelectorAll(".teampagina")) {
  root.dataset.script = "gestart";
  import("./teamrapport.mjs").then(
    (team) => team.setupTeamPage(root),
    () => {
      root.dataset.state = "error";
      root.querySelector(".teampagina-status-tekst").textContent = TEKSTEN.teamRekenmoduleFout;
    },
  );
}
