from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RAW_DIR = REPO / "data" / "raw"
PROCESSED_DIR = REPO / "data" / "processed"
SEED_NAME = "000_6d6ba2881843c3f6.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (RAW_DIR / SEED_NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def build_cache(tmp_path_factory):
    """Builds in tests share one cache of their own, never the working copy's .cache."""
    folder = tmp_path_factory.mktemp("build-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORPUS_BUILD_CACHE", str(folder))
        yield folder
