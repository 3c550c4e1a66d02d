"""Debian's nginx and apache2, started as throwaway servers with the configurations in deploy/.

Each serves the built site under /kennisbank/ on a free 127.0.0.1 port, from a main configuration
written to a temporary folder; deploy/nginx.conf is included verbatim (with deploy/nginx-brotli.conf
and Debian's brotli module, or without both), deploy/.htaccess is read from the site by Apache
itself (AllowOverride All). Each logs the bytes it sends per response, for the tests that count
what a first visit moves.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NGINX = Path("/usr/sbin/nginx")
#: Debian's brotli module for nginx (package libnginx-mod-http-brotli-static).
NGINX_BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
PREFIX = "/kennisbank/"
#: Modules a plain Debian Apache has enabled that matter here; deflate and filter are loaded (as
#: Debian does by default) to show the precompressed copies are not compressed a second time.
APACHE_MODULE_NAMES = (
    "mpm_event", "authz_core", "alias", "dir", "mime", "env", "headers", "rewrite",
    "filter", "deflate",
)  # fmt: skip


@dataclass(frozen=True)
class Hosted:
    """A running server: the site's address, whether it sends brotli, and its log of bytes sent."""

    url: str
    brotli: bool
    access_log: Path

    def bytes_sent(self) -> int:
        """Bytes sent so far, status lines and headers included, as the server counts them."""
        if not self.access_log.is_file():
            return 0
        return sum(int(line) for line in self.access_log.read_text().split())


def require_binary(path: Path) -> None:
    """Skip when a server is not installed; in CI (CI=true) fail, so the check cannot vanish."""
    if path.is_file():
        return
    message = f"{path} is not installed: run tools/ensure-test-tools.sh (Debian package)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def workdir() -> Iterator[Path]:
    """A temporary folder that a server's unprivileged workers can read (pytest's are 0700)."""
    path = Path(tempfile.mkdtemp(prefix="vw-hosting-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def nginx(site: Path, brotli: bool = False) -> Iterator[Hosted]:
    """nginx serving site at /kennisbank/ with nginx.conf (brotli: the module and its snippet too)."""
    require_binary(NGINX)
    if brotli:
        require_binary(NGINX_BROTLI)
    port = free_port()
    with workdir() as work:
        config = nginx_config(site, work, port, module=brotli, snippet=brotli)
        (work / "nginx.conf").write_text(config, encoding="utf-8")
        command = [str(NGINX), "-p", str(work), "-c", str(work / "nginx.conf")]
        with _running(command, port, work / "error.log"):
            yield Hosted(f"http://127.0.0.1:{port}{PREFIX}", brotli, work / "access.log")


def nginx_config(site: Path, work: Path, port: int, module: bool, snippet: bool) -> str:
    """nginx's main configuration: the brotli module loaded or not, its snippet included or not."""
    load = f"load_module {NGINX_BROTLI};" if module else ""
    include_brotli = f"include {ROOT / 'deploy' / 'nginx-brotli.conf'};" if snippet else ""
    # Running as root, nginx hands requests to workers as 'nobody': the site must be readable.
    return f"""
{load}
daemon off;
master_process on;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 256; }}
http {{
    log_format bytes $bytes_sent;
    access_log {work}/access.log bytes;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        location {PREFIX} {{
            alias {site}/;
            include {ROOT / "deploy" / "nginx.conf"};
            {include_brotli}
        }}
    }}
}}
"""


def nginx_check(site: Path, module: bool, snippet: bool) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on the main configuration: what an administrator sees before a reload."""
    require_binary(NGINX)
    if module:
        require_binary(NGINX_BROTLI)
    with workdir() as work:
        config = nginx_config(site, work, free_port(), module=module, snippet=snippet)
        (work / "nginx.conf").write_text(config, encoding="utf-8")
        command = [str(NGINX), "-t", "-p", str(work), "-c", str(work / "nginx.conf")]
        return subprocess.run(command, capture_output=True, text=True, timeout=30)


@contextmanager
def apache(site: Path) -> Iterator[Hosted]:
    """Apache serving site at /kennisbank/ (Alias, AllowOverride All)."""
    require_binary(APACHE)
    port = free_port()
    with workdir() as work:
        modules = "\n".join(
            f"LoadModule {name}_module {APACHE_MODULES}/mod_{name}.so"
            for name in APACHE_MODULE_NAMES
        )
        # Apache refuses to serve as root; it then hands requests to 'nobody'.
        user = ""
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            user = f"User #{nobody.pw_uid}\nGroup #{nobody.pw_gid}"
        config = f"""
ServerRoot {work}
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile {work}/apache.pid
DefaultRuntimeDir {work}
Mutex file:{work} default
ErrorLog {work}/error.log
LogLevel warn
LogFormat "%O" bytes
CustomLog {work}/access.log bytes
{user}
{modules}
TypesConfig /etc/mime.types
AddOutputFilterByType DEFLATE text/html text/plain text/css text/javascript application/json
AddOutputFilterByType DEFLATE application/wasm application/xml image/svg+xml
DocumentRoot {work}
<Directory />
    AllowOverride None
    Require all denied
</Directory>
Alias {PREFIX} {site}/
<Directory {site}>
    AllowOverride All
    Require all granted
</Directory>
"""
        (work / "httpd.conf").write_text(config, encoding="utf-8")
        command = [str(APACHE), "-f", str(work / "httpd.conf"), "-DFOREGROUND"]
        with _running(command, port, work / "error.log"):
            # .htaccess sends the brotli copies through mod_rewrite, which Debian has.
            yield Hosted(f"http://127.0.0.1:{port}{PREFIX}", True, work / "access.log")


# ---- Helper functions ----


@contextmanager
def _running(command: list[str], port: int, error_log: Path) -> Iterator[None]:
    """Run a server until the with-block ends; fail with its error log if it does not listen."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while not _listening(port):
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                log = error_log.read_text() if error_log.is_file() else ""
                pytest.fail(f"{command[0]} did not start:\n{output}\n{log}")
            time.sleep(0.05)
        yield
        # A broken line in .htaccess is an 'alert' ([core:alert]); nginx logs a 404 as an error.
        log = error_log.read_text() if error_log.is_file() else ""
        assert not re.search(r"\[(\w+:)?(emerg|alert|crit)\]", log), log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def _listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:port."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
