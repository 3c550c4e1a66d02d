// The draft ("concept"): the answers of a form not yet scored, kept in this tab only, so that a
// reload or an accidental Back loses nothing. It lives in sessionStorage, which the browser
// empties when the tab closes; it is cleared once a result is shown, and by "Wis mijn
// antwoorden". Nothing is sent anywhere. A draft that cannot be read is ignored, and a browser
// that refuses storage (a private window, a full disk) simply keeps no draft.

import { siteKey } from "./dom.mjs";

export class Draft {
  // allowed() says whether answers may be kept now: not during a team round, where each turn is
  // someone else's answers.
  constructor(root, questionnaire, allowed) {
    this.questionnaire = questionnaire;
    this.allowed = allowed;
    // Per copy of the site, test and version: a draft of other questions is never put back.
    this.key = siteKey(root, "concept", root.dataset.assessment, root.dataset.version);
    const form = questionnaire.form;
    form.addEventListener("change", () => {
      if (this.allowed()) this.save();
    });
    form.addEventListener("reset", () => this.clear());
  }

  // Put the kept answers back (or these, read earlier); returns how many were restored (0 when
  // there was no draft).
  restore(values = this.read()) {
    const restored = values === null ? 0 : this.questionnaire.restore(values);
    if (this.allowed()) this.save(); // answers given before this script ran count too
    return restored;
  }

  save() {
    const values = this.questionnaire.values();
    try {
      if (Object.keys(values).length === 0) window.sessionStorage.removeItem(this.key);
      else window.sessionStorage.setItem(this.key, JSON.stringify({ answers: values }));
    } catch (error) {
      // No storage in this browser, or it is full: the form works on without a draft.
    }
  }

  clear() {
    try {
      window.sessionStorage.removeItem(this.key);
    } catch (error) {
      // Nothing could be kept either.
    }
  }

  // The kept answers as {item id: radio value}, or null when there are none that can be read.
  read() {
    let text;
    try {
      text = window.sessionStorage.getItem(this.key);
    } catch (error) {
      return null;
    }
    if (text === null) return null;
    try {
      const draft = JSON.parse(text);
      const answers = draft && typeof draft === "object" ? draft.answers : null;
      if (!answers || typeof answers !== "object" || Array.isArray(answers)) return null;
      const values = Object.create(null);
      for (const [item, value] of Object.entries(answers)) {
        if (typeof value === "string") values[item] = value;
      }
      return values;
    } catch (error) {
      return null; // edited or damaged: ignored, and replaced by the next answer
    }
  }
}
