// Entry point: on a page with a self-assessment, start the Python runtime and wire up the form.
// Pages without one load only this small module and start nothing.

import { TEKSTEN } from "./teksten.mjs";
import { Runtime, supported } from "./runtime.mjs";
import { Questionnaire } from "./form.mjs";
import { renderResult } from "./results.mjs";
import { setupTeamRound } from "./teamronde.mjs";
import { History } from "./geschiedenis.mjs";

let runtime = null;

function setup(root) {
  const status = root.querySelector(".zelftest-status-tekst");
  const setState = (state, text) => {
    root.dataset.state = state;
    status.textContent = text;
  };
  const questionnaire = new Questionnaire(root);
  if (!supported()) {
    setState("error", TEKSTEN.geenWebAssembly);
    return;
  }
  // Start at once, so the runtime loads while the reader answers.
  runtime ??= new Runtime(new URL(root.dataset.runtime, document.baseURI).href);
  runtime.ready.then(
    () => {
      setState("ready", TEKSTEN.klaar);
      performance.mark("zelftest-klaar"); // read by the benchmark (make bench)
    },
    (error) => {
      console.error("zelftest: runtime failed to start", error);
      setState("error", TEKSTEN.fout);
    },
  );
  const definitionJson = root.querySelector("script.zelftest-definitie").textContent;
  const definition = JSON.parse(definitionJson);
  const guidance = JSON.parse(root.querySelector("script.zelftest-leesverder").textContent);
  const resultSection = root.querySelector(".zelftest-uitslag");
  // A team test can also run as a round on one device; its turns show no result.
  const round = setupTeamRound(root, questionnaire, runtime, definitionJson);
  // Results kept on this device (only when the reader asks), with export and import.
  const history = new History(root, runtime, definitionJson);

  questionnaire.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const open = questionnaire.unanswered();
    if (open.length > 0) {
      questionnaire.pointAtOpenQuestions(open);
      return;
    }
    if (root.dataset.state === "error") {
      questionnaire.say(TEKSTEN.fout);
      return;
    }
    if (root.dataset.state !== "ready") questionnaire.say(TEKSTEN.nogNietKlaar);
    if (round && round.active) return round.submit();
    performance.mark("zelftest-verzonden");
    try {
      await runtime.ready;
      const result = await runtime.score(definitionJson, questionnaire.answers());
      renderResult(resultSection.querySelector(".zelftest-uitslag-inhoud"), result, definition, guidance);
      history.offer(result, resultSection.querySelector(".zelftest-acties"));
      resultSection.hidden = false;
      root.dataset.result = "shown";
      questionnaire.clearNotice();
      performance.mark("zelftest-uitslag");
      performance.measure("zelftest-berekening", "zelftest-verzonden", "zelftest-uitslag");
      resultSection.focus();
    } catch (error) {
      console.error("zelftest: scoring failed", error);
      questionnaire.say(TEKSTEN.rekenfout);
    }
  });
}

for (const root of document.querySelectorAll(".zelftest[data-assessment]")) setup(root);
// The team pages (Teamrapport, Spiegel) load their own module, and only there.
for (const root of document.querySelectorAll(".teampagina")) {
  import("./teamrapport.mjs").then(
    (team) => team.setupTeamPage(root),
    () => {
      root.dataset.state = "error";
      root.querySelector(".teampagina-status-tekst").textContent = TEKSTEN.teamRekenmoduleFout;
    },
  );
}
