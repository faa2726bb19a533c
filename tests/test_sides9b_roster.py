"""Who's who (rules/sides.toml): officials the reporting we tuned on never named speak for
their side when an article names them by surname alone, also about the other side's forces or
a place across the border; sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.claimants import side_of

PUB = date(2025, 2, 7)


def _claims(gaz, body: str) -> list:
    return extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims


@pytest.mark.parametrize(
    ("claimant", "side"),
    [
        ("Pletenchuk", "ukraine"),
        ("the navy's Dmytro Pletenchuk", "ukraine"),
        ("Kirilenko on Telegram", "ukraine"),
        ("Mykolaiv governor Vitaliy Kim", "ukraine"),
        ("Surovikin", "russia"),
        ("Stremousov, the Moscow-installed deputy", "russia"),
        ("acting governor Alexei Smirnov", "russia"),
    ],
)
def test_a_known_official_speaks_for_his_side(claimant: str, side: str) -> None:
    assert side_of(claimant) == side


@pytest.mark.parametrize(
    "claimant", ["Kim Jong Un", "Fedorov", "Smirnov", "Ukrainian analyst Klymenko"]
)
def test_a_common_surname_or_an_analyst_is_not_taken_for_an_official(claimant: str) -> None:
    # a bare common surname decides nothing; a named analyst speaks for himself
    assert side_of(claimant) in (None, "third-party")


def test_a_ukrainian_spokesman_on_the_enemys_retreat_speaks_for_ukraine(gaz) -> None:
    got = _claims(gaz, "Russian troops have pulled back from Kreminna, Pletenchuk said on Monday.")
    assert got and {c.side for c in got} == {"ukraine"}


def test_a_russian_commander_on_the_enemys_retreat_speaks_for_russia(gaz) -> None:
    got = _claims(
        gaz, "Ukrainian units were driven out of Kreminna, Surovikin told state television."
    )
    assert got and {c.side for c in got} == {"russia"}


@pytest.mark.parametrize(
    ("claimant", "side"),
    [
        ("the SBU", "ukraine"),
        ("a statement from the State Emergency Service", "ukraine"),
        ("the Centre for Countering Disinformation", "ukraine"),
        ("an FSB officer", "russia"),
        ("Battlegroup Centre", "russia"),
        ("a press officer of the Group of Forces Zapad", "russia"),
    ],
)
def test_an_agency_named_without_its_country_speaks_for_it(claimant: str, side: str) -> None:
    assert side_of(claimant) == side


def test_a_sea_or_a_generic_group_is_no_agency() -> None:
    # "the Sea of Azov" is no brigade; an "eastern group" may be either army's
    assert side_of("fishermen on the Sea of Azov") is None
    assert side_of("the eastern group of forces") is None


@pytest.mark.parametrize(
    ("claimant", "side"),
    [
        ("Umierov", "ukraine"),
        ("Podolyak", "ukraine"),
        ("the blogger Podolyaka", "russia"),
        ("the paper Izvestia", "russia"),
        ("Rossiya-24 television", "russia"),
        ("Shoygu", "russia"),
    ],
)
def test_other_spellings_and_the_states_own_papers(claimant: str, side: str) -> None:
    # Podolyak (Kyiv's adviser) and Podolyaka (a pro-war blogger) stay apart
    assert side_of(claimant) == side


def test_a_russian_state_paper_reporting_a_capture_speaks_for_russia(gaz) -> None:
    got = _claims(gaz, "Izvestia reported on Sunday that the army had taken Kreminna.")
    assert got and {c.side for c in got} == {"russia"}
