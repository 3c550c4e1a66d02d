"""Precompressed copies (.br, .gz): beside the files worth it, the same bytes, every build."""

from __future__ import annotations

import gzip
import random
import shutil
from pathlib import Path

import brotli

import sitebuild.precompress

precompress_hook = sitebuild.precompress


def small_site(root: Path) -> Path:
    """A site with one file of each kind that matters, large and small."""
    rng = random.Random(7)
    words = [f"woord{number}" for number in range(300)]
    text = " ".join(rng.choice(words) for _ in range(20_000)).encode()
    files = {
        "index.html": b"<!doctype html><title>x</title>" + b"<p>vertrouwen</p>" * 200,
        "assets/app.js": b"export const a = 1;\n" * 100,
        "assets/tiny.css": b"body{margin:0}",
        "assets/pyodide/0.29.5/pyodide.asm.wasm": b"\0asm" + text + bytes(1_000_000),  # large
        "assets/pyodide/0.29.5/zelftest.snapshot": bytes(70_000) + text,
        "assets/image.png": b"\x89PNG" + bytes(5000),
        "assets/engine.whl": b"PK" + bytes(5000),
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_large_text_and_binary_files_get_copies_that_decompress_to_the_original(
    tmp_path: Path,
) -> None:
    site = small_site(tmp_path / "site")
    done = precompress_hook.precompress(site, cache=None)
    names = {path.relative_to(site).as_posix() for path in done}
    assert names == {
        "index.html",
        "assets/app.js",
        "assets/pyodide/0.29.5/pyodide.asm.wasm",
        "assets/pyodide/0.29.5/zelftest.snapshot",
    }
    for name in names:
        original = (site / name).read_bytes()
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == original
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == original
    # Too small to gain, or compressed already: no copies.
    for name in ("assets/tiny.css", "assets/image.png", "assets/engine.whl"):
        assert not (site / f"{name}.br").exists() and not (site / f"{name}.gz").exists()


def test_two_runs_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = small_site(tmp_path / "a"), small_site(tmp_path / "b")
    precompress_hook.precompress(first, cache=None)
    precompress_hook.precompress(second, cache=tmp_path / "cache")
    copies = sorted(path.relative_to(first) for path in first.rglob("*.[bg][rz]"))
    assert len(copies) == 8
    for copy in copies:
        assert (first / copy).read_bytes() == (second / copy).read_bytes()
    # gzip stores no file name and time 0 (bytes 4-8 of its header).
    assert (first / "index.html.gz").read_bytes()[4:8] == bytes(4)


def test_cache_keeps_only_the_large_files_of_the_last_build(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    site = small_site(tmp_path / "site")
    precompress_hook.precompress(site, cache)
    assert len(list(cache.iterdir())) == 2  # the "wasm" (> 1 MB): .br and .gz
    (site / "assets/pyodide/0.29.5/pyodide.asm.wasm").write_bytes(b"\0asm" + bytes(1_200_000))
    again = tmp_path / "again"
    shutil.copytree(site, again)
    precompress_hook.precompress(again, cache)
    assert len(list(cache.iterdir())) == 2
    wasm = again / "assets/pyodide/0.29.5/pyodide.asm.wasm"
    assert brotli.decompress(wasm.with_name(wasm.name + ".br").read_bytes()) == wasm.read_bytes()


def test_built_site_has_copies_of_the_runtime_and_the_search_index(site: Path) -> None:
    runtime = next((site / "assets" / "pyodide").iterdir())
    for name in ("pyodide.asm.wasm", "pyodide.asm.js", "python_stdlib.zip", "zelftest.snapshot"):
        original = (runtime / name).read_bytes()
        assert brotli.decompress((runtime / f"{name}.br").read_bytes()) == original
    index = site / "search" / "search_index.json"
    assert gzip.decompress(index.with_name(index.name + ".gz").read_bytes()) == index.read_bytes()
