from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RAW_DIR = REPO / "data" / "raw"
PROCESSED_DIR = REPO / "data" / "processed"
SEED_NAME = "000_6d6ba2881843c3f6.txt"
# Real pages of other publishers, for development and tests only: never copied into this repository.
SHARED_DIR = REPO.parent / "shared"
SHARED_SAMPLES = SHARED_DIR / "samples"
SHARED_GOLD = SHARED_DIR / "gold"


@pytest.fixture(scope="session")
def shared_samples() -> Path:
    """The folder of real sample pages beside the repository; skips the test when it is absent."""
    if not (SHARED_SAMPLES / "expected.jsonl").is_file():
        pytest.skip("../shared/samples not present")
    return SHARED_SAMPLES


@pytest.fixture(scope="session")
def shared_gold() -> Path:
    """The reference annotations beside the repository; skips the test when they are absent."""
    if not (SHARED_GOLD / "score.py").is_file():
        pytest.skip("../shared/gold not present")
    return SHARED_GOLD


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
