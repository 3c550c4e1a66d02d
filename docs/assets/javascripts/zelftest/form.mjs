// The questionnaire: read answers from the native radios, show progress, point at open questions.

import { TEKSTEN } from "./teksten.mjs";

export class Questionnaire {
  constructor(root) {
    this.form = root.querySelector("form.zelftest-formulier");
    // The value of a "weet ik niet" radio, as the form says (data-weet-niet, from the hook);
    // it is sent as null: a missing answer.
    this.dontKnow = this.form.dataset.weetNiet;
    this.questions = [...this.form.querySelectorAll("fieldset.zelftest-vraag")];
    this.progress = this.form.querySelector(".zelftest-voortgang");
    this.notice = this.form.querySelector(".zelftest-melding");
    this.form.addEventListener("change", () => this.showProgress());
    this.showProgress();
  }

  // Item id -> answer value (null for "weet ik niet"); unanswered items are left out.
  answers() {
    const answers = {};
    for (const question of this.questions) {
      const chosen = question.querySelector("input[type=radio]:checked");
      if (chosen) answers[question.dataset.item] = chosen.value === this.dontKnow ? null : Number(chosen.value);
    }
    return answers;
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
  reset() {
    this.form.reset();
    for (const question of this.questions) question.removeAttribute("aria-invalid");
    this.clearNotice();
    this.showProgress();
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
