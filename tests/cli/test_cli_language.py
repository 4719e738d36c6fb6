"""The command line speaks Dutch, also in argparse's own usage and error messages."""
import subprocess
import sys

from akkoord.cli import COMMANDS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "akkoord", *args], capture_output=True, text=True, timeout=60)


def test_help_is_dutch_and_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik: akkoord")
    assert "opties:" in result.stdout and "toon deze hulp en stop" in result.stdout
    for command in COMMANDS:
        assert command in result.stdout


def test_usage_errors_are_dutch_one_liners_with_exit_2():
    missing = run("parse")
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines()[-1] == "akkoord parse: fout: deze argumenten ontbreken: PAD"
    wrong = run("parse", "x.txt", "--format", "xml")
    assert wrong.returncode == 2
    assert "ongeldige keuze: 'xml'" in wrong.stderr
    assert "Traceback" not in missing.stderr + wrong.stderr
