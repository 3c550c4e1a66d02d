// The questionnaire: read answers from the native radios, show progress, point at open questions.
// The static form (hooks/zelftests.py) holds only the questions; the parts that need this script
// (progress, submit, "Wis mijn antwoorden") are added here, with their text from teksten.mjs.

import { TEKSTEN } from "./teksten.mjs";
import { element } from "./dom.mjs";

export class Questionnaire {
  constructor(root) {
    this.form = root.querySelector("form.zelftest-formulier");
    // The value of a "weet ik niet" radio, as the form says (data-weet-niet, from the hook);
    // it is sent as null: a missing answer.
    this.dontKnow = this.form.dataset.weetNiet;
    this.questions = [...this.form.querySelectorAll("fieldset.zelftest-vraag")];
    this.form.append(this.build(root.id));
    this.form.addEventListener("change", () => this.showProgress());
    this.form.addEventListener("click", (event) => {
      const target = event.target.closest("button[data-action]");
      const action = target && this.actions[target.dataset.action];
      if (action) action();
    });
    this.actions = {
      "clear-form": () => this.askClear(),
      "confirm-clear": () => this.clear(),
      "cancel-clear": () => this.cancelClear(),
    };
    // After Back or Forward the browser may show this page from its cache: count again.
    window.addEventListener("pageshow", () => this.showProgress());
    this.showProgress();
  }

  // The controls below the questions: progress, the notice about open questions, submit, and
  // clearing the form (asked first: it cannot be undone).
  build(prefix) {
    const box = element("div", null, "zelftest-verzenden");
    this.progress = element("p", null, "zelftest-voortgang");
    this.progress.id = `${prefix}-voortgang`;
    this.notice = element("p", null, "zelftest-melding");
    this.notice.id = `${prefix}-melding`;
    this.notice.setAttribute("role", "alert");
    this.notice.hidden = true;
    this.submitButton = element("button", TEKSTEN.bereken, "md-button md-button--primary");
    this.submitButton.type = "submit";
    this.submitButton.setAttribute("aria-describedby", this.progress.id);
    this.clearButton = button(TEKSTEN.formulierWissen, "clear-form");
    this.confirm = element("div", null, "zelftest-wissen-bevestigen");
    this.confirm.hidden = true;
    this.question = element("p", TEKSTEN.formulierWissenVraag);
    this.question.tabIndex = -1;
    this.confirm.append(
      this.question,
      button(TEKSTEN.formulierWissenJa, "confirm-clear"),
      button(TEKSTEN.formulierWissenNee, "cancel-clear"),
    );
    this.cleared = element("p", null, "zelftest-gewist");
    this.cleared.setAttribute("role", "status");
    box.append(this.progress, this.notice, this.submitButton, this.clearButton, this.confirm, this.cleared);
    return box;
  }

  // Item id -> answer value (null for "weet ik niet"); unanswered items are left out.
  answers() {
    const answers = {};
    for (const [item, value] of Object.entries(this.values())) {
      answers[item] = value === this.dontKnow ? null : Number(value);
    }
    return answers;
  }

  // Item id -> the chosen radio's value as the form has it ("3", "weet-ik-niet").
  values() {
    const values = {};
    for (const question of this.questions) {
      const chosen = question.querySelector("input[type=radio]:checked");
      if (chosen) values[question.dataset.item] = chosen.value;
    }
    return values;
  }

  // Choose these values again (a draft); only where the question is still open and the value is
  // one of its radios, so that the reader's newer answers and unknown items are left alone.
  restore(values) {
    let restored = 0;
    for (const question of this.unanswered()) {
      const value = values[question.dataset.item];
      const radio = [...question.querySelectorAll("input[type=radio]")].find((input) => input.value === value);
      if (radio) {
        radio.checked = true;
        restored += 1;
      }
    }
    this.showProgress();
    return restored;
  }

  // The fieldsets without a chosen answer.
  unanswered() {
    return this.questions.filter((question) => !question.querySelector("input[type=radio]:checked"));
  }

  showProgress() {
    const answered = this.questions.length - this.unanswered().length;
    this.progress.textContent = TEKSTEN.voortgang(answered, this.questions.length);
    for (const question of this.questions) {
      const open = !question.querySelector("input[type=radio]:checked");
      if (!open) question.removeAttribute("aria-invalid");
      question.classList.toggle("zelftest-open", open && question.hasAttribute("aria-invalid"));
    }
    if (answered === this.questions.length) this.clearNotice();
    if (answered > 0) this.cleared.textContent = "";
  }

  // Say which questions are open, mark them, and move focus to the first one. Nothing is cleared.
  pointAtOpenQuestions(open) {
    const numbers = open.map((question) => this.questions.indexOf(question) + 1);
    for (const question of open) {
      question.setAttribute("aria-invalid", "true");
      question.setAttribute("aria-describedby", this.notice.id);
      question.classList.add("zelftest-open");
    }
    this.say(TEKSTEN.onbeantwoord(numbers));
    open[0].querySelector("input[type=radio]").focus();
  }

  // Clear every answer and mark, as for a new respondent (the next member of a team round).
  // The form's "reset" event tells the others: the draft (concept.mjs) and the result (main.mjs).
  reset() {
    this.form.reset();
    for (const question of this.questions) question.removeAttribute("aria-invalid");
    this.confirm.hidden = true;
    this.clearNotice();
    this.showProgress();
  }

  // "Wis mijn antwoorden": ask first, with the focus on the question.
  askClear() {
    this.confirm.hidden = false;
    this.question.focus();
  }

  cancelClear() {
    this.confirm.hidden = true;
    this.clearButton.focus();
  }

  clear() {
    this.reset();
    this.cleared.textContent = TEKSTEN.formulierGewist;
    this.clearButton.focus();
  }

  say(text) {
    this.notice.textContent = text;
    this.notice.hidden = false;
  }

  clearNotice() {
    this.notice.hidden = true;
    this.notice.textContent = "";
    for (const question of this.questions) question.removeAttribute("aria-describedby");
  }
}

function button(text, action) {
  const node = element("button", text, "md-button zelftest-knop");
  node.type = "button";
  node.dataset.action = action;
  return node;
}
