// Results over time, on this device. Nothing is kept until the reader chooses "Bewaar deze
// uitslag op dit apparaat"; then this browser's local storage keeps the engine's history file
// under a key with the site's own path. The engine (assessments/history.py) checks, orders and
// compares what is kept or imported; this module only stores its text and renders its overview.

import { TEKSTEN } from "./teksten.mjs";
import { offerDownload } from "./downloads.mjs";
import { element, paragraph, scrollable, siteKey, SVG, svgElement } from "./dom.mjs";

// How long to wait for the engine to start (it loads while the reader answers), and for the
// browser to read a chosen file. Every wait ends in a Dutch message.
const READY_TIMEOUT_MS = 120_000;
const FILE_TIMEOUT_MS = 15_000;

export class History {
  // root is the assessment's .zelftest element; the history section is added at its end.
  constructor(root, runtime, definitionJson) {
    this.runtime = runtime;
    this.definitionJson = definitionJson;
    this.assessmentId = JSON.parse(definitionJson).id;
    this.key = siteKey(root, "geschiedenis", this.assessmentId); // where this test's results stay
    this.limits = null;
    this.queue = Promise.resolve();
    root.append(this.build(root.id));
    this.enqueue(() => this.load());
  }

  // Offer to keep a result that was just shown: a button below the result's other actions.
  offer(result, box) {
    const block = element("div", null, "zelftest-bewaar-hier");
    const help = paragraph(TEKSTEN.bewaarHierUitleg);
    help.id = `${this.section.id}-bewaar-uitleg`;
    const button = element("button", TEKSTEN.bewaarHier, "md-button md-button--primary zelftest-knop");
    button.type = "button";
    button.dataset.action = "save-history";
    button.setAttribute("aria-describedby", help.id);
    const status = paragraph("", "zelftest-bewaar-melding");
    status.setAttribute("role", "status");
    button.addEventListener("click", () => this.enqueue(() => this.save(result, status)));
    block.append(help, button, status);
    box.append(block);
  }

  // ---- What the reader can do ----

  async load() {
    const stored = this.read();
    if (!stored.ok) return this.unavailable();
    if (stored.value !== null) {
      this.section.hidden = false;
      this.say(TEKSTEN.geschiedenisLaden);
    }
    let answer;
    try {
      answer = await this.engine("history_json", stored.value);
    } catch (error) {
      // Without the engine there is nothing to show; the page's status already says why.
      if (stored.value === null) return;
      throw error;
    }
    if (answer.error) return this.broken(`${answer.error} ${TEKSTEN.opslagBlijft}`);
    this.render(answer.history, stored.value !== null);
    this.say("");
  }

  async save(result, status) {
    const stored = this.read();
    if (!stored.ok) {
      status.textContent = TEKSTEN.opslagNiet;
      return;
    }
    let answer;
    try {
      answer = await this.engine("save_history_json", stored.value, JSON.stringify(result));
    } catch (error) {
      status.textContent = TEKSTEN.geschiedenisFout;
      return;
    }
    if (answer.error) {
      status.textContent = `${answer.error} ${TEKSTEN.nietsVeranderd}` +
        (this.section.dataset.history === "fout" ? ` ${TEKSTEN.opslagLeegmaken}` : "");
      return;
    }
    const problem = this.write(answer.stored);
    if (problem) {
      status.textContent = problem;
      return;
    }
    this.render(answer.history, true);
    this.say("");
    status.textContent = TEKSTEN.bewaard(result.created_shown);
  }

  async remove(id, date) {
    const stored = this.read();
    if (!stored.ok) return this.say(TEKSTEN.opslagNiet, "fout");
    const answer = await this.engine("remove_history_json", stored.value, id);
    if (answer.error) return this.say(`${answer.error} ${TEKSTEN.nietsVeranderd}`, "fout");
    const problem = this.write(answer.stored);
    if (problem) return this.say(problem, "fout");
    this.render(answer.history, answer.stored !== null);
    this.say(TEKSTEN.verwijderd(date));
    this.heading.focus();
  }

  async clear() {
    const problem = this.write(null);
    if (problem) return this.say(problem, "fout");
    const answer = await this.engine("history_json", null);
    this.render(answer.history, false);
    this.say(TEKSTEN.gewist);
    this.heading.focus();
  }

  // The kept file as it is: the same file another device imports.
  exportFile() {
    const stored = this.read();
    if (!stored.ok) return this.say(TEKSTEN.opslagNiet, "fout");
    if (stored.value === null) return;
    const day = new Date().toISOString().slice(0, 10);
    offerDownload(`vertrouwenswijzer-${this.assessmentId}-geschiedenis-${day}.json`, stored.value, "application/json");
  }

  async importFile(input) {
    const file = input.files && input.files[0];
    if (!file || !this.limits) return;
    const stored = this.read();
    if (!stored.ok) return this.say(TEKSTEN.opslagNiet, "fout");
    this.say(TEKSTEN.importBezig);
    let data;
    try {
      // One byte more than the engine accepts is enough for it to say "too large".
      const bytes = file.slice(0, this.limits.max_file_bytes + 1).arrayBuffer();
      data = new Uint8Array(await inTime(bytes, FILE_TIMEOUT_MS));
    } catch (error) {
      return this.say(TEKSTEN.leesFout, "fout");
    } finally {
      input.value = "";
    }
    const answer = await this.engine("import_history_json", stored.value, file.name, data);
    if (answer.error) return this.say(`${answer.error} ${TEKSTEN.nietsVeranderd}`, "fout");
    const problem = this.write(answer.stored);
    if (problem) return this.say(problem, "fout");
    this.render(answer.history, true);
    const { added, already, left_out: leftOut } = answer.imported;
    this.say(
      TEKSTEN.ingelezen(added, already),
      "ok",
      leftOut.length ? [TEKSTEN.nietIngelezen, leftOut.map((entry) => `${entry.entry} ${entry.reason}`)] : null,
    );
  }

  // ---- Storage and engine ----

  // Reading never writes; a browser that refuses storage (a private window, a policy) throws.
  read() {
    try {
      return { ok: true, value: window.localStorage.getItem(this.key) };
    } catch (error) {
      return { ok: false, value: null };
    }
  }

  // Keep the engine's text, or nothing for null. Returns null, or why it could not be kept.
  write(value) {
    try {
      if (value === null || value === undefined) window.localStorage.removeItem(this.key);
      else window.localStorage.setItem(this.key, value);
      return null;
    } catch (error) {
      return error && error.name === "QuotaExceededError" ? TEKSTEN.opslagVol : TEKSTEN.opslagNiet;
    }
  }

  // Call a history function of the engine; the runtime limits the call itself to 60 s.
  async engine(fn, ...args) {
    await inTime(this.runtime.ready, READY_TIMEOUT_MS);
    return JSON.parse(await this.runtime.call(fn, this.definitionJson, ...args));
  }

  // One thing at a time, in order: each step reads what is kept right before it changes it.
  enqueue(task) {
    this.queue = this.queue.then(task).catch((error) => {
      console.warn("zelftest: history step failed", error);
      this.section.hidden = false;
      this.say(TEKSTEN.geschiedenisFout, "fout");
    });
  }

  // ---- Rendering ----

  build(prefix) {
    const section = element("section", null, "zelftest-geschiedenis");
    section.id = `${prefix}-geschiedenis`;
    section.hidden = true;
    section.dataset.history = "laden";
    section.setAttribute("aria-labelledby", `${section.id}-kop`);
    this.section = section;

    this.heading = element("h2", TEKSTEN.geschiedenisKop);
    this.heading.id = `${section.id}-kop`;
    this.heading.tabIndex = -1;
    this.notice = element("div", null, "zelftest-geschiedenis-melding");
    this.notice.setAttribute("role", "status");
    this.content = element("div", null, "zelftest-geschiedenis-inhoud");

    this.controls = element("div", null, "zelftest-geschiedenis-acties");
    this.exportButton = button(TEKSTEN.exporteer, "export-history");
    this.exportButton.addEventListener("click", () => this.exportFile());

    const importBox = element("div", null, "zelftest-inlezen");
    const input = element("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.id = `${section.id}-inlezen`;
    input.dataset.action = "import-history";
    const label = element("label", TEKSTEN.importLabel);
    label.htmlFor = input.id;
    const importHelp = paragraph(TEKSTEN.importUitleg, "zelftest-inlezen-uitleg");
    importHelp.id = `${input.id}-uitleg`;
    input.setAttribute("aria-describedby", importHelp.id);
    input.addEventListener("change", () => this.enqueue(() => this.importFile(input)));
    importBox.append(label, importHelp, input);

    // Wiping everything asks once more, with native buttons; Escape steps back.
    this.clearBox = element("div", null, "zelftest-wissen");
    const clearButton = button(TEKSTEN.wisAlles, "clear-history");
    const confirmBox = element("div", null, "zelftest-wissen-vraag");
    confirmBox.hidden = true;
    const question = paragraph(TEKSTEN.wisVraag);
    question.id = `${section.id}-wisvraag`;
    const yes = button(TEKSTEN.wisJa, "confirm-clear-history");
    yes.setAttribute("aria-describedby", question.id);
    const no = button(TEKSTEN.wisNee, "cancel-clear-history");
    confirmBox.append(question, yes, no);
    const cancel = () => {
      confirmBox.hidden = true;
      clearButton.focus();
    };
    clearButton.addEventListener("click", () => {
      confirmBox.hidden = false;
      yes.focus();
    });
    no.addEventListener("click", cancel);
    confirmBox.addEventListener("keydown", (event) => {
      if (event.key === "Escape") cancel();
    });
    yes.addEventListener("click", () => {
      confirmBox.hidden = true;
      this.enqueue(() => this.clear());
    });
    this.clearBox.append(clearButton, confirmBox);

    this.controls.append(this.exportButton, importBox, this.clearBox);
    section.append(this.heading, paragraph(TEKSTEN.geschiedenisUitleg), this.notice, this.content, this.controls);
    return section;
  }

  // Show the engine's overview; kept says whether anything is kept (so that it can be wiped).
  render(history, kept) {
    this.limits = history.limits;
    this.section.hidden = false;
    this.section.dataset.history = history.entries.length > 0 ? "getoond" : "leeg";
    this.controls.hidden = false;
    // Whatever is kept can be saved as a file, also results the site does not show.
    this.exportButton.hidden = !kept;
    this.clearBox.hidden = !kept;
    const parts = [];
    if (history.entries.length === 0) parts.push(paragraph(TEKSTEN.geschiedenisLeeg));
    if (history.left_out.length > 0) {
      parts.push(
        element("h3", TEKSTEN.nietGetoondKop),
        paragraph(TEKSTEN.nietGetoondUitleg),
        list(history.left_out.map((entry) => `${entry.entry} ${entry.reason}`), "zelftest-niet-getoond"),
      );
    }
    if (history.entries.length > 0) {
      parts.push(...this.changes(history), this.table(history), ...this.charts(history));
    }
    this.content.replaceChildren(...parts);
  }

  // What is kept cannot be read: say so and change nothing. The kept text can still be saved
  // as a file, as it is, before the reader wipes it: nothing valid in it is lost.
  broken(message) {
    this.section.hidden = false;
    this.section.dataset.history = "fout";
    this.content.replaceChildren();
    this.controls.hidden = false;
    this.exportButton.hidden = false;
    this.clearBox.hidden = false;
    this.say(`${message} ${TEKSTEN.opslagLeegmaken}`, "fout");
  }

  unavailable() {
    this.section.hidden = false;
    this.section.dataset.history = "fout";
    this.controls.hidden = true;
    this.say(TEKSTEN.opslagNiet, "fout");
  }

  // A message in the section's live region, optionally with a heading line and a list.
  say(text, kind = "info", details = null) {
    const parts = text ? [paragraph(text)] : [];
    if (details) parts.push(paragraph(details[0]), list(details[1]));
    this.notice.replaceChildren(...parts);
    this.notice.dataset.soort = kind;
  }

  // The engine's change text between the last two results, one line per dimension.
  changes(history) {
    const entries = history.entries;
    if (entries.length < 2) return [paragraph(TEKSTEN.eenUitslag)];
    const limit = history.meaningful_difference_shown;
    const [before, after] = history.compared.map((id) => entries.find((entry) => entry.id === id));
    const items = element("ul", null, "zelftest-veranderingen");
    for (const change of history.changes) {
      const item = element("li");
      item.dataset.dimensie = change.dimension;
      item.dataset.meaningful = String(change.meaningful);
      if (change.difference === null) {
        item.textContent = TEKSTEN.veranderingOnbekend(change.title);
      } else {
        const text = change.meaningful ? TEKSTEN.veranderingTelt : TEKSTEN.veranderingKlein;
        item.textContent = text(change.title, change.from_shown, change.to_shown, signed(change.difference_shown), limit);
      }
      items.append(item);
    }
    return [
      element("h3", TEKSTEN.veranderingKop),
      paragraph(TEKSTEN.vergeleken(before.created_shown, after.created_shown)),
      items,
      paragraph(TEKSTEN.veranderingUitleg(limit), "zelftest-vuistregel"),
    ];
  }

  // Dates down, dimensions across: the same figures as the charts, as text.
  table(history) {
    const tableElement = element("table", null, "zelftest-tabel zelftest-geschiedenis-tabel");
    tableElement.append(element("caption", TEKSTEN.geschiedenisTabel));
    const headRow = element("tr");
    const headers = [TEKSTEN.kolomDatum, ...history.dimensions.map(TEKSTEN.dimensieTitel), TEKSTEN.totaalRij];
    for (const label of headers) headRow.append(header(label, "col"));
    headRow.append(header(TEKSTEN.kolomVerwijderen, "col", "zelftest-verwijder-kolom"));
    const body = element("tbody");
    history.entries.forEach((entry, index) => {
      const date = entry.created_shown;
      const row = element("tr");
      row.dataset.id = entry.id;
      row.append(header(entry.created_short, "row"));
      for (const scored of [...entry.dimensions, entry.overall]) {
        row.append(
          scored && scored.position !== null
            ? element("td", String(scored.position), "zelftest-score")
            : element("td", TEKSTEN.teWeinig, "zelftest-ontbreekt"),
        );
      }
      const remove = button(TEKSTEN.verwijder, "remove-history");
      remove.dataset.id = entry.id;
      remove.setAttribute("aria-label", TEKSTEN.verwijderLabel(index + 1, date));
      remove.addEventListener("click", () => this.enqueue(() => this.remove(entry.id, date)));
      const cell = element("td", null, "zelftest-verwijder-kolom");
      cell.append(remove);
      row.append(cell);
      body.append(row);
    });
    const head = element("thead");
    head.append(headRow);
    tableElement.append(head, body);
    return scrollable(tableElement, TEKSTEN.geschiedenisTabel);
  }

  // One small chart per dimension: the position (0-100) of each result, in date order.
  charts(history) {
    const box = element("div", null, "zelftest-verloop");
    history.dimensions.forEach((dimension, index) => {
      const scores = history.entries.map((entry) => entry.dimensions[index].score);
      const figure = element("figure", null, "zelftest-verloop-figuur");
      figure.append(element("figcaption", dimension.title), lineChart(dimension.title, scores, history.entries));
      box.append(figure);
    });
    return [element("h3", TEKSTEN.verloopKop), box];
  }
}

// ---- Helper functions ----

function lineChart(title, scores, entries) {
  const [width, height, left, right, top, bottom] = [320, 140, 34, 306, 10, 106];
  const first = entries[0].created_short;
  const last = entries[entries.length - 1].created_short;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "zelftest-verloop-grafiek");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  const [from, to] = [entries[0].created_shown, entries[entries.length - 1].created_shown];
  svg.setAttribute("aria-label", TEKSTEN.verloopLabel(title, entries.length, from, to));
  const x = (index) => (scores.length === 1 ? (left + right) / 2 : left + ((right - left) * index) / (scores.length - 1));
  const y = (score) => bottom - ((bottom - top) * score) / 100;
  for (const tick of [0, 50, 100]) {
    svg.append(svgElement("line", { x1: left, x2: right, y1: y(tick), y2: y(tick), class: "zelftest-verloop-lijn" }));
    svg.append(svgElement("text", { x: left - 6, y: y(tick) + 4, "text-anchor": "end", class: "zelftest-verloop-as" }, String(tick)));
  }
  // A line joins two results next to each other that both have a score; a gap stays a gap.
  scores.forEach((score, index) => {
    const next = scores[index + 1];
    if (score !== null && next !== null && next !== undefined) {
      svg.append(svgElement("line", { x1: x(index), y1: y(score), x2: x(index + 1), y2: y(next), class: "zelftest-verloop-verbinding" }));
    }
  });
  scores.forEach((score, index) => {
    if (score !== null) svg.append(svgElement("circle", { cx: x(index), cy: y(score), r: 4.5, class: "zelftest-verloop-punt" }));
  });
  if (scores.length === 1) {
    svg.append(svgElement("text", { x: x(0), y: height - 8, "text-anchor": "middle", class: "zelftest-verloop-as" }, first));
  } else {
    svg.append(svgElement("text", { x: left, y: height - 8, "text-anchor": "start", class: "zelftest-verloop-as" }, first));
    svg.append(svgElement("text", { x: right, y: height - 8, "text-anchor": "end", class: "zelftest-verloop-as" }, last));
  }
  return svg;
}

// A difference of shown positions with its sign: +15, −5 (a real minus sign), 0.
function signed(difference) {
  if (difference > 0) return `+${difference}`;
  if (difference < 0) return `\u2212${-difference}`;
  return "0";
}

// Resolve as the promise does, or reject after ms: no wait without an end.
function inTime(promise, ms) {
  let timer;
  const late = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function button(label, action) {
  const node = element("button", label, "md-button zelftest-knop");
  node.type = "button";
  node.dataset.action = action;
  return node;
}

function header(text, scope, className) {
  const cell = element("th", text, className);
  cell.scope = scope;
  return cell;
}

function list(texts, className) {
  const node = element("ul", null, className);
  for (const text of texts) node.append(element("li", text));
  return node;
}
