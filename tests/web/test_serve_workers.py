"""`akkoord serve --workers N`: several worker processes behind one port (gunicorn), and what a
crash left of uploads is gone before they start (item 12)."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="gunicorn runs on POSIX only")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_serve_runs_worker_processes_and_clears_left_uploads(tmp_path):
    data = tmp_path / "var"
    left = data / "uploads" / "3f2a" / "dossier.pdf"
    left.parent.mkdir(parents=True)
    left.write_bytes(b"%PDF-1.7 half")
    port = _free_port()
    env = dict(os.environ, AKKOORD_DATA_DIR=str(data), AKKOORD_SECRET_KEY="test-" + os.urandom(8).hex(),
               AKKOORD_SECURE_COOKIES="0", DJANGO_SETTINGS_MODULE="akkoord.web.settings.production")
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "akkoord", "serve", "--migrate", "--port", str(port),
                               "--workers", "2", "--threads", "2"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and status is None:
            try:
                status = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).status
            except OSError:
                if server.poll() is not None:
                    pytest.fail(server.stdout.read())
                time.sleep(0.3)
        assert status == 200
        assert len(_children(server.pid)) == 2  # the gunicorn arbiter and its two workers
        assert not left.exists() and not left.parent.exists()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            output, _ = server.communicate()
    assert "2 werkprocessen" in output and "Traceback" not in output
    assert Path(data / "akkoord.sqlite3").exists()


def test_bad_worker_count_is_a_dutch_error(tmp_path):
    env = dict(os.environ, AKKOORD_DATA_DIR=str(tmp_path / "var"), AKKOORD_SECRET_KEY="x",
               DJANGO_SETTINGS_MODULE="akkoord.web.settings.production")
    env.pop("DATABASE_URL", None)
    run = subprocess.run([sys.executable, "-m", "akkoord", "serve", "--migrate", "--workers", "0"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "--workers" in run.stderr and "Traceback" not in run.stderr
