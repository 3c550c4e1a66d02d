"""The web server configurations in deploy/ against tools/serve.py, which the browser tests use.

The policy, the types and the headers are written once more in each configuration (nginx,
Apache and IIS have no shared format); these tests keep every copy equal to tools/serve.py.
IIS is not available here, so its web.config is checked as XML only.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitebuild import BuildError
from sitebuild.deploy import (
    DEPLOY_FILES,
    POLICY_FILE,
    WITH_POLICY,
    copy_deploy_files,
    inline_script_hashes,
)
from tools.serve import (
    CACHE_IMMUTABLE,
    IMMUTABLE,
    INLINE_SCRIPT_HASHES,
    PERMISSIONS_POLICY,
    STRICT_CSP,
    TYPES,
)

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SECURITY_HEADERS = {
    "Content-Security-Policy": STRICT_CSP,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
#: Types the site needs beyond tools/serve.py's (which sends application/octet-stream for them).
EXTRA_TYPES = {".snapshot": "application/octet-stream", ".bin": "application/octet-stream"}


def media(content_type: str) -> str:
    return content_type.split(";")[0].strip()


def test_the_build_copies_the_configurations_into_the_site(site: Path) -> None:
    # deploy/ holds the script hashes of the default build (MkDocs with Material): the copies in
    # the site are the files themselves, byte for byte.
    for name, target in DEPLOY_FILES.items():
        assert (site / target).read_bytes() == (DEPLOY / name).read_bytes(), target
    assert (site / POLICY_FILE).read_text("utf-8") == STRICT_CSP + "\n"


def test_a_missing_configuration_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    with pytest.raises(BuildError, match=r"web\.config ontbreekt"):
        (tmp_path / ".htaccess").write_text("")
        copy_deploy_files(tmp_path, tmp_path / "site")


def test_the_copies_get_the_script_hashes_of_the_pages_actually_built(tmp_path: Path) -> None:
    # Another generator (Zensical writes its storage helper differently) or a theme update: the
    # copies and the dev server's policy allow exactly the inline scripts the pages run.
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<script>var eerste = 1;</script><script type="application/json">{"x": 1}</script>'
        '<script src="x.js"></script>',
        "utf-8",
    )
    (site / "a" / "index.html").write_text(
        "<script>var eerste = 1;</script><script>\nvar tweede = 2;\n</script>", "utf-8"
    )
    copy_deploy_files(DEPLOY, site)
    wanted = [
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
        for text in ("var eerste = 1;", "\nvar tweede = 2;\n")
    ]
    assert inline_script_hashes(site) == wanted
    policy = (site / POLICY_FILE).read_text("utf-8").strip()
    assert f"script-src 'self' 'wasm-unsafe-eval' {' '.join(wanted)};" in policy
    for name in WITH_POLICY:
        text = (site / DEPLOY_FILES[name]).read_text("utf-8")
        assert policy in text, name
        # Only the hashes changed: the rest of the file is deploy/'s, byte for byte.
        assert text.replace(" ".join(wanted), "H") == (DEPLOY / name).read_text("utf-8").replace(
            " ".join(f"'{digest}'" for digest in INLINE_SCRIPT_HASHES), "H"
        )


def test_a_configuration_without_script_hashes_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "deploy"
    shutil.copytree(DEPLOY, source)
    text = (source / "web.config").read_text("utf-8")
    for digest in INLINE_SCRIPT_HASHES:
        text = text.replace(f" '{digest}'", "")
    (source / "web.config").write_text(text, "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>", "utf-8")
    with pytest.raises(BuildError, match=r"web\.config: geen 'sha256-\.\.\.' in de"):
        copy_deploy_files(source, site)


# ---- nginx ----


def nginx_blocks() -> list[str]:
    """The snippet's own directives, then the body of each nested location."""
    text = re.sub(r"#.*", "", (DEPLOY / "nginx.conf").read_text("utf-8"))
    nested = re.findall(r"\blocation\b[^{]*\{([^}]*)\}", text)
    outer = re.sub(r"\blocation\b[^{]*\{[^}]*\}", "", text)
    return [outer, *nested]


def nginx_headers(block: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;', block, re.M))


def test_nginx_repeats_every_header_where_it_adds_one() -> None:
    # nginx drops every add_header of the outer block in a location that has one of its own.
    blocks = [nginx_headers(block) for block in nginx_blocks()]
    for headers in (block for block in blocks if block):
        assert {name: headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS
    assert [block.get("Cache-Control") for block in blocks if block] == [
        "no-cache",
        CACHE_IMMUTABLE,
    ]


def test_nginx_types_equal_the_dev_servers() -> None:
    (body,) = re.findall(r"^types\s*\{([^}]*)\}", (DEPLOY / "nginx.conf").read_text("utf-8"), re.M)
    statements = [statement.split() for statement in body.split(";") if statement.strip()]
    types = {"." + extension: words[0] for words in statements for extension in words[1:]}
    expected = {suffix: media(value) for suffix, value in (TYPES | EXTRA_TYPES).items()}
    assert {suffix: types.get(suffix) for suffix in expected} == expected


# ---- Apache ----


def test_apache_headers_equal_the_dev_servers() -> None:
    text = (DEPLOY / ".htaccess").read_text("utf-8")
    headers = dict(re.findall(r'^Header always set (\S+) "([^"]*)"$', text, re.M))
    assert headers == SECURITY_HEADERS


def test_apache_types_equal_the_dev_servers() -> None:
    text = (DEPLOY / ".htaccess").read_text("utf-8")
    for media_type, extensions in re.findall(r"^AddType (\S+) (.+)$", text, re.M):
        for suffix in extensions.split():
            assert media((TYPES | EXTRA_TYPES)[suffix]) == media_type, suffix


# ---- IIS ----


@pytest.fixture(scope="module")
def web_config() -> ET.Element:
    return ET.parse(DEPLOY / "web.config").getroot()


def test_iis_removes_each_type_before_it_maps_it(web_config: ET.Element) -> None:
    # A type the server already maps, set again without <remove>, stops the site (error 500.19).
    static = web_config.find("system.webServer/staticContent")
    assert static is not None
    removed: set[str] = set()
    for element in static:
        if element.tag == "remove":
            removed.add(element.attrib["fileExtension"])
        elif element.tag == "mimeMap":
            assert element.attrib["fileExtension"] in removed, element.attrib


def test_iis_maps_every_type_the_site_has(web_config: ET.Element, site: Path) -> None:
    types = {
        element.attrib["fileExtension"]: element.attrib["mimeType"]
        for element in web_config.iterfind("system.webServer/staticContent/mimeMap")
    }
    assert {suffix: types.get(suffix) for suffix in TYPES} == TYPES
    assert {suffix: types.get(suffix) for suffix in EXTRA_TYPES} == EXTRA_TYPES
    # IIS refuses to send a file whose extension it does not know (404.3); the configurations
    # themselves are not for browsers.
    configurations = {site / target for target in DEPLOY_FILES.values()}
    files = [path for path in site.rglob("*") if path.is_file() and path not in configurations]
    assert {path.suffix for path in files} <= types.keys()


def test_iis_sends_the_security_headers_and_revalidates(web_config: ET.Element) -> None:
    headers = {
        element.attrib["name"]: element.attrib["value"]
        for element in web_config.iterfind("system.webServer/httpProtocol/customHeaders/add")
    }
    assert headers == SECURITY_HEADERS
    cache = web_config.find("system.webServer/staticContent/clientCache")
    assert cache is not None and cache.attrib["cacheControlMode"] == "DisableCache"
    listing = web_config.find("system.webServer/directoryBrowse")
    assert listing is not None and listing.attrib["enabled"] == "false"


def test_iis_caches_the_runtimes_own_files_for_a_year(web_config: ET.Element, site: Path) -> None:
    # The files the dev server marks immutable, and only those, get a year in IIS: one
    # <location> per file, under the runtime's current version (a new version must update them).
    runtime = site / "assets" / "pyodide"
    immutable = {
        path.relative_to(site).as_posix()
        for path in runtime.rglob("*")
        if path.is_file()
        and IMMUTABLE.search(path.relative_to(site).as_posix())
        and path.suffix not in (".br", ".gz")
    }
    assert len(immutable) == 4, immutable
    cached = {}
    for location in web_config.iterfind("location"):
        cache = location.find("system.webServer/staticContent/clientCache")
        assert cache is not None, location.attrib
        cached[location.attrib["path"]] = cache.attrib
    assert set(cached) == immutable
    for attributes in cached.values():
        assert attributes["cacheControlMode"] == "UseMaxAge"
        assert attributes["cacheControlMaxAge"] == "365.00:00:00"
        assert "immutable" in attributes["cacheControlCustom"]
