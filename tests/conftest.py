from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "pravda_putin_syria_csto.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text):
    from kit.article import Article

    return Article(seed_text)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")
