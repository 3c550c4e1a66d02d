"""The HTML the markers become: assessment forms, the team pages, the check page, the methods.

Every address in it starts with :data:`ROOT`, a token for "the site's root": a Markdown extension
does not know the page it renders, and a generator may put a page at any depth. The post-build
step (sitebuild/pages.py) replaces the token in each built page with the way up from that page
("../../"), so every URL in the site stays relative and the site works under any path.
Text from definitions is escaped: a content owner's file cannot add markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import NamedTuple

from assessments import Assessment, Item, definition_document
from assessments.documents import script_json
from assessments.scoring import MEANINGFUL_DIFFERENCE, required_answers
from assessments.team import catalog_document

#: Stands for the site's root in every address the markers write; see the module's docstring.
ROOT = "vw-root:"
#: Stands for the search index's address under the site's root (sitebuild/pages.py fills it in).
#: Its attribute is data-zoekindex: Material's search plugin strips every data-search-* attribute.
SEARCH_INDEX = "vw-zoekindex"
#: The value a "weet ik niet" radio submits; the script turns it into null (missing). Written
#: once: the form carries it as data-weet-niet, and the script reads it there.
DONT_KNOW_VALUE = "weet-ik-niet"
#: The block of teksten.mjs that the build reads: one JSON object between two marker comments.
NO_SCRIPT_BLOCK = re.compile(
    r"// ---- ZONDER_SCRIPT: begin ----.*?"
    r"export const ZONDER_SCRIPT = Object\.freeze\((?P<json>\{.*?\})\);\s*"
    r"// ---- ZONDER_SCRIPT: end ----",
    re.DOTALL,
)
NO_SCRIPT_KEYS = (
    "zonderJavaScript",
    "vanSchijfKop",
    "vanSchijf",
    "startNiet",
    "installeren",
    "controleZonderJavaScript",
)
#: The texts the form and the check page use themselves; the start check needs the others.
PAGE_ONLY_KEYS = ("zonderJavaScript", "controleZonderJavaScript")
#: The browser's Dutch texts, beside this package in the project: the markers and the script
#: ship together, and test projects reuse them with a docs/ of their own.
TEXTS_FILE = Path(__file__).resolve().parent.parent / "docs/assets/javascripts/zelftest/teksten.mjs"


class MarkerError(Exception):
    """A marker or a file the markers need is wrong; the message (Dutch) says what to do."""


def page_url(path: str) -> str:
    """A page's address under the site root, as directory URLs give it: a/b.md -> a/b/.

    >>> page_url("onderling-vertrouwen/index.md"), page_url("zelftests/klant.md")
    ('onderling-vertrouwen/', 'zelftests/klant/')
    """
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def page_title(docs: Path, path: str) -> str:
    """A page's title as the generators take it: front matter 'title:', else the first '# '."""
    try:
        text = (docs / path).read_text("utf-8")
    except OSError as error:
        raise MarkerError(f"{docs / path} is niet te lezen ({error.strerror}).") from None
    if text.startswith("---\n"):
        front, _, body = text[4:].partition("\n---\n")
        for line in front.splitlines():
            if line.startswith("title:"):
                return line.removeprefix("title:").strip().strip("\"'")
        text = body
    for line in text.splitlines():
        if line.startswith("# "):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    return path


def guidance_links(assessment: Assessment, docs: Path) -> str:
    """JSON: dimension id -> [{title, href}] of its guidance pages, the href ROOT-relative."""
    links: dict[str, list[dict[str, str]]] = {}
    for dimension in assessment.dimensions:
        links[dimension.id] = [
            {"title": page_title(docs, path), "href": ROOT + page_url(path)}
            for path in dimension.guidance
        ]
    return script_json(links)


def render_form(
    assessment: Assessment,
    runtime: str,
    texts: Mapping[str, str],
    links: str,
    site_root: str = ROOT,
) -> str:
    """The assessment as static HTML: one fieldset and legend per item, native radios.

    Only what works without script is here: the intro, the questions, an empty status line and
    the noscript sentence. The script adds the rest, with its text from teksten.mjs. ``links`` is
    the JSON of the guidance pages per dimension (:func:`guidance_links`).
    """
    definition = script_json(definition_document(assessment))
    fieldsets = "\n".join(
        _fieldset(assessment, number, item) for number, item in enumerate(assessment.items, start=1)
    )
    prefix = f"zelftest-{assessment.id}"
    # A team test's round needs the engine's catalog (its limits are not written again in JS).
    catalog = (
        f'<script type="application/json" class="zelftest-catalogus">'
        f"{script_json(catalog_document([assessment]))}</script>\n"
        if assessment.team_report
        else ""
    )
    return f"""
<div class="zelftest" id="{prefix}" data-assessment="{assessment.id}" data-version="{assessment.version}" data-state="loading" data-runtime="{escape(runtime)}" data-site-root="{escape(site_root)}">
<script type="application/json" class="zelftest-definitie">{definition}</script>
<script type="application/json" class="zelftest-leesverder">{links}</script>
{catalog}<p class="zelftest-intro">{escape(assessment.intro)}</p>
<div class="zelftest-status" role="status" aria-live="polite">
<noscript>{escape(texts["zonderJavaScript"])}</noscript>
<span class="zelftest-status-tekst"></span>
</div>
<!-- method="dialog": without the script, submitting sends the answers nowhere. autocomplete="off"
     (on the form: HTML allows it on no radio): the browser restores no answers of its own after a
     reload or Back; the script's draft does, and main.mjs empties a page Back shows from memory. -->
<form class="zelftest-formulier" method="dialog" autocomplete="off" aria-label="{escape(assessment.title)}" data-weet-niet="{DONT_KNOW_VALUE}">
{fieldsets}
</form>
</div>
"""


def render_check(runtime: str, texts: Mapping[str, str], site_root: str = ROOT) -> str:
    """The installation check's place: a status line, the noscript sentence and room for its table.

    The script (controle.mjs) asks the server for what the self-assessments need and fills in the
    table; its texts live in teksten.mjs. Where the generator put its search index is known only
    once the site is built: the post-build step fills in :data:`SEARCH_INDEX`.
    """
    return (
        f'<div class="vw-controle" data-state="idle" data-runtime="{escape(runtime)}" '
        f'data-site-root="{escape(site_root)}" data-zoekindex="{SEARCH_INDEX}">\n'
        f'<p class="vw-controle-status" role="status" aria-live="polite">'
        f"<noscript>{escape(texts['controleZonderJavaScript'])}</noscript></p>\n"
        '<div class="vw-controle-uitkomst"></div>\n</div>\n'
    )


def _fieldset(assessment: Assessment, number: int, item: Item) -> str:
    """One question: a fieldset whose legend is the item text, one radio per answer option."""
    options = [(str(option.value), option.label) for option in assessment.scale.options]
    options.append((DONT_KNOW_VALUE, assessment.scale.dont_know))
    radios = "\n".join(
        f'<label class="zelftest-optie{" zelftest-weet-niet" if value == DONT_KNOW_VALUE else ""}">'
        f'<input type="radio" name="{item.id}" value="{value}"> {escape(label)}</label>'
        for value, label in options
    )
    return (
        f'<fieldset class="zelftest-vraag" id="vraag-{item.id}" data-item="{item.id}">\n'
        f'<legend><span class="zelftest-nummer">{number}.</span> {escape(item.text)}</legend>\n'
        f'<div class="zelftest-opties">\n{radios}\n</div>\n</fieldset>'
    )


def script_free_texts(path: Path) -> dict[str, str]:
    """The texts for where the module does not run: the JSON of teksten.mjs's ZONDER_SCRIPT."""
    try:
        source = path.read_text("utf-8")
    except OSError as error:
        raise MarkerError(
            f"{path}: kan de teksten van de zelftests niet lezen ({error})."
        ) from None
    found = NO_SCRIPT_BLOCK.search(source)
    if found is None:
        raise MarkerError(
            f"{path}: het blok ZONDER_SCRIPT ontbreekt. Zet 'export const ZONDER_SCRIPT = "
            "Object.freeze({...});' tussen de regels '// ---- ZONDER_SCRIPT: begin ----' en "
            "'// ---- ZONDER_SCRIPT: end ----'."
        )
    try:
        texts = json.loads(found.group("json"))
    except json.JSONDecodeError as error:
        raise MarkerError(
            f"{path}: ZONDER_SCRIPT is geen geldige JSON ({error}); gebruik dubbele "
            "aanhalingstekens en geen komma na de laatste tekst."
        ) from None
    missing = [key for key in NO_SCRIPT_KEYS if not str(texts.get(key) or "").strip()]
    if missing:
        raise MarkerError(f"{path}: ZONDER_SCRIPT mist de tekst(en) {', '.join(missing)}.")
    return {key: str(texts[key]) for key in NO_SCRIPT_KEYS}


def render_methods(assessments: list[Assessment]) -> str:
    """The methods page's generated part: the missing-answer rule and each assessment's make-up.

    Text from the definitions is written as escaped HTML, never as Markdown: a title, label or
    band text from a content owner's file cannot add markup, a link or a table cell.
    """
    counts = sorted({len(a.items_of(d.id)) for a in assessments for d in a.dimensions})
    parts = [
        "## Hoeveel antwoorden nodig zijn",
        "",
        "Een onderwerp (dimensie) krijgt alleen een score als genoeg vragen zijn beantwoord. "
        "Bij vier vragen of minder mag je er één overslaan. Bij vijf of meer vragen moet je "
        "minstens drie kwart beantwoorden, naar boven afgerond. \u2018Weet ik niet\u2019 telt "
        "als niet beantwoord, nooit als het midden van de schaal.",
        "",
        _table(
            ["Vragen in de dimensie", "Minimaal beantwoord"],
            [[str(k), str(required_answers(k))] for k in counts],
        ),
        "",
        f"Als vuistregel geldt: voor één persoon is een verschil van minder dan "
        f"{_number(MEANINGFUL_DIFFERENCE)} schaalpunt tussen twee dimensies geen echt verschil. "
        "De uitslag zegt dat er dan bij. Die grens is niet gemeten: de zelftests zijn nog niet "
        "in een proefonderzoek getest.",
    ]
    for assessment in assessments:
        parts += ["", *_methods_section(assessment)]
    return "\n".join(parts) + "\n"


def _methods_section(assessment: Assessment) -> list[str]:
    """One assessment on the methods page: scale, dimensions, reverse-keyed items and bands."""
    scale = assessment.scale
    link = ROOT + page_url(assessment.page)
    options = "; ".join(f"{option.value} = {option.label.lower()}" for option in scale.options)
    dimensions = [
        [
            dimension.title,
            str(len(items := assessment.items_of(dimension.id))),
            str(sum(item.reverse for item in items)),
            str(required_answers(len(items))),
        ]
        for dimension in assessment.dimensions
    ]
    reversed_items = [item for item in assessment.items if item.reverse]
    bands = [
        [band.label, _number(band.lower), _number(band.upper), band.text]
        for band in assessment.bands
    ]
    section = [
        f"## {_markdown_text(assessment.title)} {{#{assessment.id}}}",
        "",
        f'<p><a href="{escape(link)}">Naar de zelftest</a>. Wie vult in: '
        f"{escape(assessment.respondent.lower())}. Versie {assessment.version}; "
        f"{len(assessment.items)} vragen in {len(assessment.dimensions)} dimensies.</p>",
        "",
        f"<p>Antwoordschaal: {escape(options)}. Daarnaast is er "
        f"\u2018{escape(scale.dont_know)}\u2019.</p>",
        "",
        _table(["Dimensie", "Vragen", "Omgekeerd gescoord", "Minimaal beantwoord"], dimensions),
        "",
    ]
    if reversed_items:
        section += [
            "<p>Omgekeerd gescoorde vragen (een hoog antwoord telt laag):</p>",
            "",
            "<ul>" + "".join(f"<li>{escape(item.text)}</li>" for item in reversed_items) + "</ul>",
            "",
        ]
    section += [
        _table(["Band", "Vanaf", "Tot", "Betekenis"], bands),
        "",
        "Een band loopt vanaf de ondergrens tot de bovengrens; de bovenste band telt 100 mee.",
    ]
    return section


def _table(head: list[str], rows: list[list[str]]) -> str:
    """An HTML table on one line (a raw HTML block for Markdown), every cell escaped."""
    header = "".join(f"<th>{escape(cell)}</th>" for cell in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def _markdown_text(text: str) -> str:
    """Text for a Markdown heading that stays text: HTML escaped, Markdown's signs backslashed.

    Braces matter most: an attribute list ({onclick=...}) would otherwise reach the element.
    """
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|])", r"\\\1", escape(text, quote=False))


def _number(value: float) -> str:
    """A number as Dutch text: 0,7 and 25 rather than 0.7 and 25.0."""
    return f"{value:g}".replace(".", ",")


# ---- The team pages ----


class TeamRoot(NamedTuple):
    """What every team page's root element carries: where the runtime and the site's root are
    (ROOT-relative) and the catalog."""

    runtime: str
    site_root: str
    catalog_json: str


def render_report_page(root: TeamRoot) -> str:
    """The Teamrapport page: a picker for many result files and one for earlier reports (to warn
    about reports of nearly the same people), a status line, an empty result."""
    pickers = "\n".join(
        [
            _picker(
                "teampagina-rapport-bestanden",
                "team",
                "Uitslagbestanden van het team (JSON)",
                "Kies alle bestanden tegelijk, of sleep ze in dit vak. Ze blijven in je browser.",
                multiple=True,
            ),
            _picker(
                "teampagina-rapport-eerder",
                "eerder",
                "Eerdere rapporten (optioneel)",
                "Maakte je eerder een teamrapport van (bijna) dezelfde mensen, op een ander "
                "apparaat? Voeg het JSON-bestand van dat rapport hier toe. Dan waarschuwt de "
                "pagina als de twee rapporten samen iets over één persoon verraden.",
                multiple=True,
            ),
        ]
    )
    return _root("teampagina-rapport", "rapport", root, pickers)


def render_overview_page(root: TeamRoot) -> str:
    """The Afdelingsoverzicht page: one picker for the team reports of several teams."""
    picker = _picker(
        "teampagina-overzicht-rapporten",
        "rapporten",
        "Teamrapporten (JSON)",
        "Kies de JSON-bestanden van de teamrapporten, allemaal tegelijk, of sleep ze in dit vak. "
        "Ze blijven in je browser.",
        multiple=True,
    )
    return _root("teampagina-overzicht", "overzicht", root, picker)


def render_mirror_page(root: TeamRoot, mirrors: list[tuple[str, str]]) -> str:
    """The Spiegel page: a picker for the manager's own file and one for the team's files."""
    own_titles = " of ".join(f"\u2018{own}\u2019" for own, _ in mirrors)
    team_titles = " of ".join(f"\u2018{team}\u2019" for _, team in mirrors)
    pickers = "\n".join(
        [
            _picker(
                "teampagina-spiegel-eigen",
                "eigen",
                "Je eigen uitslag (JSON)",
                f"Het bestand dat je opsloeg na {own_titles or 'de test over jezelf'}.",
                multiple=False,
            ),
            _picker(
                "teampagina-spiegel-team",
                "team",
                "Uitslagbestanden van het team (JSON)",
                f"De bestanden van {team_titles or 'de teamversie'}. Kies ze allemaal tegelijk, "
                "of sleep ze in dit vak.",
                multiple=True,
            ),
        ]
    )
    return _root("teampagina-spiegel", "spiegel", root, pickers)


def _root(prefix: str, kind: str, root: TeamRoot, pickers: str) -> str:
    """The page's root element: catalog, pickers, status line and the (hidden) result."""
    return f"""
<div class="teampagina" id="{prefix}" data-team="{kind}" data-state="idle" data-runtime="{escape(root.runtime)}" data-site-root="{escape(root.site_root)}">
<script type="application/json" class="team-catalogus">{root.catalog_json}</script>
<div class="teampagina-invoer">
{pickers}
</div>
<div class="teampagina-status" role="status" aria-live="polite">
<noscript>Voor deze pagina is JavaScript nodig: de bestanden worden in je eigen browser doorgerekend, niet op een server.</noscript>
<span class="teampagina-status-tekst">Er zijn nog geen bestanden gekozen.</span>
</div>
<div class="teampagina-uitslag" id="{prefix}-uitslag" hidden></div>
</div>
"""


def _picker(input_id: str, role: str, label: str, hint: str, *, multiple: bool) -> str:
    """A labelled native file input inside a box that takes dropped files too."""
    many = " multiple" if multiple else ""
    return (
        f'<div class="teampagina-vak" data-bestanden="{role}">\n'
        f'<label for="{input_id}">{escape(label)}</label>\n'
        f'<p class="teampagina-hint" id="{input_id}-hint">{escape(hint)}</p>\n'
        f'<input type="file" id="{input_id}" name="{role}"{many} accept=".json,application/json" '
        f'aria-describedby="{input_id}-hint">\n'
        "</div>"
    )
