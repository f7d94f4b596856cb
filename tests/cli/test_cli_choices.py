"""The command line offers what the library has: its timeline methods, file types and limits
come from storyline.api, never from a copy kept in the CLI."""

from typer.main import get_command
from typer.testing import CliRunner

from storyline import api
from storyline.chronology import METHODS
from storyline.cli import app
from storyline.ingest import DEFAULT_MAX_BYTES, TYPES_TEXT
from storyline.pipeline import BATCH_SIZE

COMMANDS = get_command(app).commands


def param(command: str, name: str, group: str = ""):
    commands = get_command(app).commands[group].commands if group else COMMANDS
    return next(p for p in commands[command].params if p.name == name)


def test_the_commands_in_the_order_help_lists_them():
    assert list(COMMANDS) == ["build", "documents", "duplicates", "entities", "timeline", "exclude", "demo", "serve", "clean",
                              "timex", "quotes", "eval"]
    assert list(COMMANDS["eval"].commands) == ["tls", "timex", "quotes"]


def test_method_choices_are_the_timeline_methods():
    named = ", ".join(f"'{m}'" for m in METHODS)
    for args in (["timeline"], ["eval", "tls", "."]):
        result = CliRunner().invoke(app, [*args, "--method", "magic"], env={"COLUMNS": "300"})
        assert result.exit_code == 2 and f"'magic' is not one of {named}." in result.output, args
    assert list(api.timeline_methods()) == list(METHODS)


def test_file_types_and_limits_come_from_the_library():
    assert TYPES_TEXT in param("build", "paths").help
    assert api.CLEAN_TYPES_TEXT in param("clean", "paths").help
    assert param("build", "max_size").default == param("clean", "max_size").default == DEFAULT_MAX_BYTES / 1024 / 1024
    assert param("serve", "max_upload").default == DEFAULT_MAX_BYTES / 1024 / 1024
    assert param("build", "batch_size").default == BATCH_SIZE
    for command in ("build", "documents", "duplicates", "timeline", "serve"):
        assert param(command, "db").default == api.DEFAULT_DB


def test_the_file_types_told_are_the_file_types_read():
    from storyline import ingest

    for suffix in ingest.FILE_TYPES:
        assert suffix in ingest.TYPES_TEXT.replace(",", " ").split()
        assert suffix in api.CLEAN_TYPES_TEXT.replace(",", " ").split()
