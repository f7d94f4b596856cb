"""Schemathesis against the OpenAPI schema: generated requests, valid and not, never make the server fail."""

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
pytest.importorskip("fastapi")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

import storyline  # noqa: E402
from storyline.web import create_app  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "storyline" / "sample" / "corpus"


def _app():
    """The app over a small store (a few sample documents, a wire story and its versions)."""
    folder = Path(tempfile.mkdtemp(prefix="storyline-schema-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    files = [SAMPLE / "nordwire", SAMPLE / "feeds", SAMPLE / "blog" / "riverwatch-flood-notes.txt"]
    storyline.build(files, db=folder / "story.db")
    return create_app(folder / "story.db", max_upload_bytes=100_000)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_is_a_server_error(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
