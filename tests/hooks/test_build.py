"""The build as a content owner meets it: broken input stops it with a clear message, no traceback."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import sitebuild.runtime

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "engine" / "bad"
GOOD = (BAD / "unknown-key.yaml").read_text("utf-8").replace("titel:", "title:")

CONFIG = f"""site_name: Proef
theme:
  name: material
  language: nl
  font: false
hooks:
  - {ROOT / "hooks" / "pyodide_runtime.py"}
  - {ROOT / "hooks" / "zelftests.py"}
  - {ROOT / "hooks" / "postbuild.py"}
markdown_extensions:
  - vwmarkdown
strict: true
"""


def project(tmp_path: Path, definition: str, page: str) -> Path:
    """A minimal project: one definition, one page that shows it, the real hooks and runtime."""
    (tmp_path / "assessments" / "definitions").mkdir(parents=True)
    (tmp_path / "assessments" / "definitions" / "proef.yaml").write_text(definition, "utf-8")
    (tmp_path / "docs" / "zelftests").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Proef\n", "utf-8")
    (tmp_path / "docs" / "zelftests" / "proef.md").write_text(page, "utf-8")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    (tmp_path / "deploy").symlink_to(ROOT / "deploy")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    return tmp_path


def build(directory: Path) -> subprocess.CompletedProcess[str]:
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    return subprocess.run(
        [mkdocs, "build", "--quiet"], cwd=directory, capture_output=True, text=True, check=False
    )


def test_valid_project_builds_with_form_and_compiled_engine(tmp_path: Path) -> None:
    done = build(project(tmp_path, GOOD, "# Proef\n\n<!-- zelftest: proef -->\n"))
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "zelftests" / "proef" / "index.html").read_text("utf-8")
    assert 'data-assessment="proef"' in html and html.count("<fieldset") == 6
    wheels = list((tmp_path / "site" / "assets" / "pyodide").glob("*/*-cp313-none-any.whl"))
    assert len(wheels) == 1


def finish_site(site: Path, project: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m sitebuild SITE`, as make runs it after a generator without hooks."""
    return subprocess.run(
        [sys.executable, "-m", "sitebuild", str(site), "--project", str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_post_build_step_finishes_a_site_the_generator_built_without_it(
    tmp_path: Path,
) -> None:
    # As after Zensical, which runs no hooks: the pages first, then `python -m sitebuild site`.
    directory = project(tmp_path, GOOD, "# Proef\n\n<!-- zelftest: proef -->\n")
    config = (directory / "mkdocs.yml").read_text("utf-8")
    (directory / "mkdocs.yml").write_text(
        config.replace(f"  - {ROOT / 'hooks' / 'postbuild.py'}\n", ""), "utf-8"
    )
    assert build(directory).returncode == 0
    site = directory / "site"
    assert not (site / "assets" / "pyodide").exists() and not (site / ".htaccess").exists()
    done = finish_site(site, directory)
    assert done.returncode == 0, done.stderr
    runtime = next((site / "assets" / "pyodide").iterdir())
    assert len(list(runtime.glob("*-cp313-none-any.whl"))) == 1
    assert (runtime / "zelftest.snapshot").is_file() and (runtime / "pyodide-lock.json").is_file()
    assert (site / ".htaccess").is_file() and (site / "deploy" / "nginx.conf").is_file()
    assert (site / "deploy" / "content-security-policy.txt").is_file()
    assert (runtime / "pyodide.asm.wasm.br").is_file() and (site / "index.html.gz").is_file()


def test_the_post_build_step_refuses_a_folder_that_is_no_built_site(tmp_path: Path) -> None:
    done = finish_site(tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        f"fout: {tmp_path} is geen gebouwde site (index.html ontbreekt); bouw eerst de pagina's "
        "('make build').\n"
    )


def test_broken_definition_stops_the_build_naming_file_line_and_field(tmp_path: Path) -> None:
    broken = (BAD / "bands-gap.yaml").read_text("utf-8")
    done = build(project(tmp_path, broken, "<!-- zelftest: proef -->\n"))
    assert done.returncode != 0
    assert "proef.yaml:18: bands[1].from: tussen 50 en 60 valt geen band" in done.stderr
    assert "Traceback" not in done.stderr


def test_marker_naming_an_unknown_assessment_stops_the_build(tmp_path: Path) -> None:
    page = "<!-- zelftest: proef -->\n\n<!-- zelftest: bestaat-niet -->\n"
    done = build(project(tmp_path, GOOD, page))
    assert done.returncode != 0
    assert "zelftests/proef.md: de regel noemt een onbekende zelftest 'bestaat-niet'" in done.stderr
    assert "Traceback" not in done.stderr


def test_page_without_its_marker_stops_the_build(tmp_path: Path) -> None:
    done = build(project(tmp_path, GOOD, "# Geen formulier\n"))
    assert done.returncode != 0
    assert "moet zelftest 'proef' tonen" in done.stderr and "Traceback" not in done.stderr


def test_missing_page_stops_the_build(tmp_path: Path) -> None:
    done = build(project(tmp_path, GOOD.replace("zelftests/proef.md", "zelftests/elders.md"), ""))
    assert done.returncode != 0
    assert "noemt pagina 'zelftests/elders.md', maar die staat niet in docs/" in done.stderr


def load_hook(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_refuses_a_python_minor_other_than_the_runtimes(monkeypatch) -> None:
    runtime = load_hook("pyodide_runtime")
    monkeypatch.setattr(sitebuild.runtime, "sys", SimpleNamespace(version_info=(3, 12, 4)))
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"), extra={})
    with pytest.raises(PluginError, match=r"Python 3\.12, maar Pyodide .* bevat Python 3\.13"):
        runtime.on_config(config)


def test_wheel_build_is_reproducible(tmp_path: Path, monkeypatch) -> None:
    runtime = sitebuild.runtime
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = runtime._build_wheel(ROOT, tmp_path / "a")
    second = runtime._build_wheel(ROOT, tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    assert first.name.endswith("-none-any.whl")


def test_node_modules_missing_gives_a_clear_error(tmp_path: Path) -> None:
    runtime = load_hook("pyodide_runtime")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), extra={})
    with pytest.raises(PluginError, match=r"voer 'make install' uit \(of 'npm ci'\)"):
        runtime.on_config(config)


def test_wheel_build_changes_no_working_directory_and_no_environment(tmp_path: Path) -> None:
    runtime = sitebuild.runtime
    before_dir, before_env = Path.cwd(), dict(os.environ)
    runtime._build_wheel(ROOT, tmp_path)
    assert Path.cwd() == before_dir and dict(os.environ) == before_env


def makefile_build_command() -> list[str]:
    """The arguments `make build` gives mkdocs, read from the Makefile itself."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    line = next(line for line in makefile.splitlines() if "/mkdocs build" in line)
    return line.split("/bin/mkdocs", 1)[1].split()


def test_strict_build_of_make_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    # --quiet would hide the warning before strict mode counts it: a broken link would build.
    args = makefile_build_command()
    assert args[:2] == ["build", "--strict"] and "--quiet" not in args and "-q" not in args
    page = "<!-- zelftest: proef -->\n\n[Kapot](bestaat-niet.md)\n"
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    directory = project(tmp_path, GOOD, page)
    done = subprocess.run([mkdocs, *args], cwd=directory, capture_output=True, text=True)
    assert done.returncode != 0
    assert "bestaat-niet.md" in done.stderr and "Traceback" not in done.stderr
