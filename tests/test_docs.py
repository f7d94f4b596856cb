"""The README keeps up with the command line: every command has help and is shown in use."""

import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from storyline.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands(group: typer.Typer, prefix: str = "") -> list[tuple[str, typer.models.CommandInfo]]:
    out = [(f"{prefix}{c.name or c.callback.__name__.replace('_', '-')}", c) for c in group.registered_commands]
    for sub in group.registered_groups:
        out += _commands(sub.typer_instance, f"{prefix}{sub.name} ")
    return out


def test_every_command_has_help_and_appears_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    commands = _commands(app)
    assert len(commands) >= 9
    runner = CliRunner()
    for name, _ in commands:
        result = runner.invoke(app, name.split() + ["--help"])
        assert result.exit_code == 0, name
        usage = re.sub(r"\s+", " ", result.output)
        assert "Usage:" in usage and len(usage) > 80, f"{name} has no help of its own"
        assert re.search(rf"storyline {re.escape(name)}\b", readme), f"`storyline {name}` is not in the README"
