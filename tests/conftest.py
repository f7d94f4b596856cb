"""Shared test fixtures: paths to the bundled sample corpus and the external seed pages."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "src" / "storyline" / "sample" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    """The five raw seed pages kept beside the repository; skipped where absent."""
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present")
    return path


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """The sample corpus built once into a store. Tests that change a store use ``store_copy``."""
    import storyline

    db = tmp_path_factory.mktemp("sample-store") / "sample.db"
    storyline.build([SAMPLE], db=db)
    return db


@pytest.fixture
def store_copy(sample_store, tmp_path) -> Path:
    from helpers import copy_store

    return copy_store(sample_store, tmp_path / "story.db")
