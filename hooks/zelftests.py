"""Validate the self-assessment definitions and render each one as a static HTML form.

A page shows an assessment with the marker <!-- zelftest: ID --> on a line of its own. The form
is plain HTML, answerable before any script runs; the script adds everything that needs it (the
submit button, the progress line, the team round, the result). The page also embeds the
normalized definition (`python -m assessments export ID`) that the browser scores with.

The hook writes no Dutch sentence of its own: the few texts a page needs where the module does
not run (the noscript sentence, the start check's messages) come from teksten.mjs's ZONDER_SCRIPT.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from assessments import Assessment, DefinitionError, Item, definition_document
from assessments.definitions import problems_text
from assessments.documents import script_json
from assessments.files import definition_files, load_all
from assessments.scoring import MEANINGFUL_DIFFERENCE, required_answers
from assessments.team import catalog_document

MARKER = re.compile(r"<!--\s*zelftest:\s*(?P<id>[^\s>]*)\s*-->")
#: Where the methods page ("Zo werken onze zelftests") gets its generated part.
METHODS_MARKER = "<!-- zelftest-verantwoording -->"
#: The value a "weet ik niet" radio submits; the script turns it into null (missing). Written
#: once: the form carries it as data-weet-niet, and the script reads it there.
DONT_KNOW_VALUE = "weet-ik-niet"
#: The browser's Dutch texts. Read beside this hook, not from docs_dir: the hook and the script
#: ship together, and the test projects reuse these hooks with a docs/ of their own.
TEXTS_FILE = Path(__file__).resolve().parent.parent / "docs/assets/javascripts/zelftest/teksten.mjs"
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
#: The page on installing the site; the start check links to it when it exists.
INSTALL_PAGE = "over/installeren.md"
#: The module that starts the engine early, from an assessment page's head, and the classic
#: script before it that holds back Material's search index until the engine is ready.
EARLY_START_MODULE = "assets/javascripts/zelftest/runtime.mjs"
SEARCH_LATER_SCRIPT = "assets/javascripts/zoekindex-later.js"
#: Where the installation check (page "Controleer de installatie") gets its place in the page.
CHECK_MARKER = "<!-- installatiecontrole -->"
#: The element with the start check's texts (read by assets/javascripts/startcontrole.js).
START_CHECK_ID = "vertrouwenswijzer-startcontrole"

# The catalog of one build: set in on_config, read while pages render.
_assessments: dict[str, Assessment] = {}
_rendered: dict[str, str] = {}
_files: list[Files] = []
_texts: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate every definition; a broken file stops the build with all its problems."""
    # The definitions beside this mkdocs.yml, so that a copy of the project builds its own.
    directory = Path(config.config_file_path).parent / "assessments" / "definitions"
    try:
        assessments = load_all(definition_files(directory))
    except DefinitionError as error:
        raise PluginError(
            f"de definities van de zelftests hebben problemen:\n{problems_text(error.problems)}"
        ) from None
    _assessments.clear()
    _assessments.update((assessment.id, assessment) for assessment in assessments)
    _rendered.clear()
    _texts.clear()
    _texts.update(script_free_texts(TEXTS_FILE))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Every definition names pages that exist: its own page and its guidance pages."""
    for assessment in _assessments.values():
        if files.get_file_from_path(assessment.page) is None:
            raise PluginError(
                f"zelftest '{assessment.id}' noemt pagina '{assessment.page}', maar die staat niet "
                f"in docs/; maak hem aan met de regel <!-- zelftest: {assessment.id} --> of "
                "verbeter 'page'."
            )
        for dimension in assessment.dimensions:
            for path in dimension.guidance:
                if files.get_file_from_path(path) is None:
                    raise PluginError(
                        f"zelftest '{assessment.id}', dimensie '{dimension.id}': leespagina "
                        f"'{path}' staat niet in docs/; verbeter het pad of haal het weg."
                    )
    _files[:] = [files]
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generate the methods page's figures from the definitions, so the page cannot drift."""
    if METHODS_MARKER not in markdown:
        return markdown
    methods = render_methods(list(_assessments.values()), page, files)
    return markdown.replace(METHODS_MARKER, methods)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace each marker with the assessment's form."""

    def render(match: re.Match[str]) -> str:
        assessment_id = match.group("id")
        assessment = _assessments.get(assessment_id)
        if assessment is None:
            known = ", ".join(sorted(_assessments)) or "(geen)"
            raise PluginError(
                f"{page.file.src_uri}: de regel noemt een onbekende zelftest '{assessment_id}'; "
                f"bekend zijn: {known}."
            )
        if assessment_id in _rendered:
            raise PluginError(
                f"{page.file.src_uri}: zelftest '{assessment_id}' staat al op "
                f"{_rendered[assessment_id]}; toon elke zelftest op één pagina."
            )
        _rendered[assessment_id] = page.file.src_uri
        # The site root, relative: the browser keys what it keeps by the site's own path.
        return render_form(
            assessment, runtime_url(page, config), get_relative_url(".", page.url) + "/"
        )

    html = MARKER.sub(render, html)
    if CHECK_MARKER in html:
        site_root = get_relative_url(".", page.url) + "/"
        html = html.replace(CHECK_MARKER, render_check(runtime_url(page, config), site_root))
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Fill in the guidance links of a form, and give every page the start check's texts.

    The links wait until now because page titles are known once every page was read. The start
    check (a classic script on every page) needs its texts in the page: it cannot import a module.
    """
    for assessment_id, source in _rendered.items():
        if source == page.file.src_uri:
            links = _guidance_links(_assessments[assessment_id], page)
            output = output.replace(_links_placeholder(assessment_id), links)
            output = _with_early_start(output, page, config)
    end = output.rfind("</body>")
    if end == -1:
        return output + _start_check_texts(page)
    return output[:end] + _start_check_texts(page) + "\n" + output[end:]


def on_env(env: object, config: MkDocsConfig, files: Files) -> object:
    """Every assessment is shown on the page its definition names (all pages are read by now)."""
    for assessment in _assessments.values():
        if _rendered.get(assessment.id) != assessment.page:
            raise PluginError(
                f"pagina '{assessment.page}' moet zelftest '{assessment.id}' tonen: zet de regel "
                f"<!-- zelftest: {assessment.id} --> op een eigen regel in die pagina."
            )
    return env


# ---- Helper functions ----


def runtime_url(page: Page, config: MkDocsConfig) -> str:
    """The runtime's folder (published by the runtime hook), relative to page, with one '/'."""
    return get_relative_url(config.extra["zelftest_runtime"], page.url).rstrip("/") + "/"


def render_form(assessment: Assessment, runtime: str, site_root: str = "./") -> str:
    """The assessment as static HTML: one fieldset and legend per item, native radios.

    Only what works without script is here: the intro, the questions, an empty status line and
    the noscript sentence. The script adds the rest, with its text from teksten.mjs.
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
<script type="application/json" class="zelftest-leesverder">{_links_placeholder(assessment.id)}</script>
{catalog}<p class="zelftest-intro">{escape(assessment.intro)}</p>
<div class="zelftest-status" role="status" aria-live="polite">
<noscript>{escape(_texts["zonderJavaScript"])}</noscript>
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


def render_check(runtime: str, site_root: str) -> str:
    """The installation check's place: a status line, the noscript sentence and room for its table.

    The script (controle.mjs) asks the server for what the self-assessments need and fills in the
    table; its texts live in teksten.mjs.
    """
    return (
        f'<div class="vw-controle" data-state="idle" data-runtime="{escape(runtime)}" '
        f'data-site-root="{escape(site_root)}">\n'
        f'<p class="vw-controle-status" role="status" aria-live="polite">'
        f"<noscript>{escape(_texts['controleZonderJavaScript'])}</noscript></p>\n"
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
        raise PluginError(
            f"{path}: kan de teksten van de zelftests niet lezen ({error})."
        ) from None
    found = NO_SCRIPT_BLOCK.search(source)
    if found is None:
        raise PluginError(
            f"{path}: het blok ZONDER_SCRIPT ontbreekt. Zet 'export const ZONDER_SCRIPT = "
            "Object.freeze({...});' tussen de regels '// ---- ZONDER_SCRIPT: begin ----' en "
            "'// ---- ZONDER_SCRIPT: end ----'."
        )
    try:
        texts = json.loads(found.group("json"))
    except json.JSONDecodeError as error:
        raise PluginError(
            f"{path}: ZONDER_SCRIPT is geen geldige JSON ({error}); gebruik dubbele "
            "aanhalingstekens en geen komma na de laatste tekst."
        ) from None
    missing = [key for key in NO_SCRIPT_KEYS if not str(texts.get(key) or "").strip()]
    if missing:
        raise PluginError(f"{path}: ZONDER_SCRIPT mist de tekst(en) {', '.join(missing)}.")
    return {key: str(texts[key]) for key in NO_SCRIPT_KEYS}


def _with_early_start(output: str, page: Page, config: MkDocsConfig) -> str:
    """Start the engine from the page's head: runtime.mjs, async, with the runtime's folder.

    Without this the worker starts only once the whole page is parsed and main.mjs's imports have
    arrived, about half a second later on a warm load. runtime.mjs imports nothing and is the same
    module main.mjs imports, so the page keeps one runtime. Before it goes zoekindex-later.js, a
    classic script (it must run before Material's bundle), so the search index waits its turn.
    """
    head_end = output.find("</head>")
    if head_end == -1:
        return output
    runtime = runtime_url(page, config)
    module = get_relative_url(EARLY_START_MODULE, page.url)
    search_later = get_relative_url(SEARCH_LATER_SCRIPT, page.url)
    tags = (
        f'<meta name="vertrouwenswijzer-runtime" content="{escape(runtime)}">'
        f'<script src="{escape(search_later)}"></script>'
        f'<script type="module" async src="{escape(module)}"></script>'
    )
    return output[:head_end] + tags + output[head_end:]


def _start_check_texts(page: Page) -> str:
    """The start check's texts as JSON in the page, with the address of the install page."""
    install = _files[0].get_file_from_path(INSTALL_PAGE) if _files else None
    data = {key: value for key, value in _texts.items() if key not in PAGE_ONLY_KEYS}
    data["installerenAdres"] = get_relative_url(install.url, page.url) if install else None
    return f'<script type="application/json" id="{START_CHECK_ID}">{script_json(data)}</script>'


def render_methods(assessments: list[Assessment], page: Page, files: Files) -> str:
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
        parts += ["", *_methods_section(assessment, page, files)]
    return "\n".join(parts) + "\n"


def _methods_section(assessment: Assessment, page: Page, files: Files) -> list[str]:
    """One assessment on the methods page: scale, dimensions, reverse-keyed items and bands."""
    scale = assessment.scale
    target = files.get_file_from_path(assessment.page)
    assert target is not None  # checked in on_files
    link = get_relative_url(target.url, page.url)
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


def _links_placeholder(assessment_id: str) -> str:
    """Stands in for the guidance links until every page title is known (on_post_page)."""
    return f"__zelftest_leesverder_{assessment_id}__"


def _guidance_links(assessment: Assessment, page: Page) -> str:
    """JSON: dimension id -> [{title, href}] of its guidance pages, relative to this page."""
    files = _files[0]
    links: dict[str, list[dict[str, str]]] = {}
    for dimension in assessment.dimensions:
        links[dimension.id] = []
        for path in dimension.guidance:
            target = files.get_file_from_path(path)
            assert target is not None and target.page is not None  # checked in on_files
            links[dimension.id].append(
                {
                    "title": target.page.title or path,
                    "href": get_relative_url(target.url, page.url),
                }
            )
    return script_json(links)
