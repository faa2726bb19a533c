"""Days an undated sentence borrows from the one before it (texts written for these tests, real
gazetteer): the event it names again ("The strikes also hit ..."), the speaker quoted again
after a dated statement, and what a dated comparison does not date."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import extract
from geomap.extract.dates import find_dates
from geomap.extract.dating import _is_baseline, event_anaphor_day, same_speaker

PUB = date(2025, 2, 9)  # a Sunday


@pytest.fixture(scope="module")
def gz(gaz):
    return gaz


def _dates(gaz, body: str) -> dict[str, date]:
    claims = extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims
    return {c.place.name: c.claim_date for c in claims}


# --- the event just told, named again -------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # wire copy: the barrage dated in one sentence, its other targets in the next
        "Rescuers searched the rubble after a Russian missile barrage on Friday.\n\n"
        "The strikes also hit Kharkiv and Zaporizhzhia, officials said.",
        # a regional briefing: the attack, then what else it damaged
        "Drones attacked the port of Izmail on Thursday night, the governor said. "
        "The attack also damaged a warehouse in Reni.",
    ],
)
def test_a_sentence_naming_the_event_again_keeps_its_day(gz, body):
    got = _dates(gz, body)
    named_again = "Kharkiv" if "Kharkiv" in body else "Reni"
    assert got[named_again] == (date(2025, 2, 7) if "Friday" in body else date(2025, 2, 6))


def test_an_event_noun_alone_or_an_undated_sentence_before_borrows_nothing(gz):
    text = "Officials met in Kyiv. The strikes also hit Kharkiv."
    s0 = text.index("The strikes")
    assert event_anaphor_day(text, s0, text[s0:], PUB) is None  # nothing dated before
    text = "Shelling went on along the river on Friday. Strikes on Kharkiv were reported."
    s0 = text.index("Strikes")
    assert event_anaphor_day(text, s0, text[s0:], PUB) is None  # no "the/this" anaphor
    got = _dates(gz, "Officials said on Friday they feared more raids.\n\nShelling hit Kharkiv.")
    assert got["Kharkiv"] == PUB


# --- the same speaker, quoted again -------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "place", "day"),
    [
        # a commander's post dated in the attribution, then his words quoted
        (
            "Army chief Oleksandr Syrskyi, posting on Facebook on Saturday, said "
            "heavy fighting was under way near Pokrovsk.\n\n"
            '"The enemy is storming Kostiantynivka but has achieved nothing," Syrskyi said.',
            "Kostiantynivka",
            date(2025, 2, 8),
        ),
        # a governor's statement dated between speaker and content, then "X went on to say"
        (
            "Sumy governor Oleh Hryhorov wrote in a statement late Friday that two villages had "
            "been evacuated.\n\n"
            "Hryhorov also said that Ukrainian troops were holding their positions near Sumy.",
            "Sumy",
            date(2025, 2, 7),
        ),
    ],
)
def test_the_same_speaker_quoted_again_keeps_the_statements_day(gz, body, place, day):
    got = _dates(gz, body)
    assert got[place] == day, got


def test_a_date_in_what_was_said_or_another_speaker_does_not_carry(gz):
    # the day in the content dates the event, not the statement: the next words are today's
    got = _dates(
        gz,
        "Russian drones hit Kostiantynivka on Thursday, governor Vadym Filashkin said.\n\n"
        "Russian troops, Filashkin added, were now attacking Chasiv Yar.",
    )
    assert got["Chasiv Yar"] == PUB
    # another side speaks in the next sentence: publication day (the lede's day is two days back,
    # so no story filed the day after its news: see tests/test_lede8b_lede_day.py)
    got = _dates(
        gz,
        "Russia's Defence Ministry claimed on Friday that its troops had entered Toretsk.\n\n"
        "Ukraine's General Staff said fighting continued in Pokrovsk.",
    )
    assert got["Pokrovsk"] == PUB


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Top Ukrainian commander Oleksandr Syrskyi", "Syrskyi", True),
        ("Ukraine's General Staff", "the General Staff", True),
        ("Sumy governor Oleh Hryhorov", "Hryhorov went on to", True),
        ("Ukrainian spokesman Viktor Trehubov", "Ukrainian commander Oleksandr Syrskyi", False),
        ("Russia's Defence Ministry", "Russian milbloggers", False),
        (None, "Syrskyi", False),
    ],
)
def test_same_speaker_needs_a_name_beyond_the_country(a, b, same):
    assert same_speaker(a, b) is same


# --- a comparison's period --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "baseline"),
    [
        ("Vovchansk was shelled just as hard as the previous week, an aide said.", True),
        ("Shelling was heavier than on Monday, the mayor said.", True),
        ("Attacks doubled compared with last week.", True),
        ("Troops were seen in the town as early as Monday.", False),
        ("Troops entered the town no later than 3 February.", False),
        ("The bridge was hit on Monday.", False),
    ],
)
def test_a_compared_period_is_no_date_of_the_claim(sentence, baseline):
    hits = find_dates(sentence, PUB)
    assert hits
    assert _is_baseline(sentence, hits[-1]) is baseline


def test_a_claim_compared_with_last_week_is_dated_today(gz):
    got = _dates(
        gz,
        "The governor said the front along the river has been secured in Vovchansk as firmly "
        "as the previous week.",
    )
    assert got["Vovchansk"] == PUB


# --- the same source going on, and an event going on ---------------------------------------


def test_a_source_that_also_said_keeps_its_statements_day(gz):
    got = _dates(
        gz,
        "Russia's Defence Ministry said on Saturday that its troops had repelled an attack "
        "near Krynky.\n\n"
        "Moscow also said its troops had sunk two boats near Kozachi Laheri.",
    )
    assert got["Kozachi Laheri"] == date(2025, 2, 8), got


def test_an_assault_that_continues_is_dated_when_said_not_when_it_began(gz):
    got = _dates(
        gz,
        "On February 5, Russian troops launched a large assault near Avdiivka.\n\n"
        "The mayor said the Russians were still storming positions near Avdiivka.",
    )
    assert got["Avdiivka"] == PUB, got


def test_an_event_dated_again_by_the_same_side_takes_the_later_day(gz):
    claims = extract(
        "# Test\n\n"
        "On Thursday Russian artillery shelled Kupiansk, the regional governor said.\n\n"
        "This morning, shells hit Kupiansk again, the governor said.\n\n"
        "Houses were damaged. Shells hit the market in Kupiansk, the governor added.\n",
        published=PUB,
        gazetteer=gz,
    ).claims
    days = [c.claim_date for c in claims if c.place.name == "Kupiansk"]
    assert days[0] == date(2025, 2, 6) and days[-1] == PUB, days


# --- a quotation whose speaker is named after it -----------------------------------------------


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (
            '"Heavy fighting is going on in Pokrovsk ... Supplies are hard to bring in. But we '
            'hold on," President Volodymyr Zelensky said on Saturday.',
            "Pokrovsk",
        ),
        (
            '"Russian troops are storming Kupiansk from the north. The enemy loses men every '
            'day," the commander told reporters on Saturday.',
            "Kupiansk",
        ),
    ],
)
def test_a_quotes_first_sentence_takes_the_day_its_speaker_is_named_with(gz, body, place):
    assert _dates(gz, body)[place] == date(2025, 2, 8)


def test_a_quote_closing_before_a_new_dated_sentence_keeps_the_publication_day():
    from geomap.extract.dating import quote_attribution_day

    text = '"We hold Kupiansk. The enemy is tired." On Saturday the army said more.'
    assert quote_attribution_day(text, 0, text.index(" The enemy"), PUB) is None
    text = '"We hold Kupiansk. The enemy is tired," the colonel said on Saturday.'
    assert quote_attribution_day(text, 0, text.index(" The enemy"), PUB) == date(2025, 2, 8)


def test_a_sentence_opening_on_the_day_takes_the_day_just_named(gz):
    got = _dates(
        gz,
        "Russian aircraft struck Ukrainian positions 12 times on 6 February.\n\n"
        "The day also saw the army chief declare that Russia lacked the strength to break "
        "through in Kharkiv Oblast.",
    )
    assert got["Kharkiv Oblast"] == date(2025, 2, 6), got


def test_a_place_described_as_held_is_held_as_of_writing(gz):
    claims = extract(
        "# Test\n\nOn Thursday, glide bombs hit the Russian-held town of Horlivka, the mayor "
        "said.\n",
        published=PUB,
        gazetteer=gz,
    ).claims
    held = [c for c in claims if c.type == "holding"]
    assert held and held[0].place.name == "Horlivka" and held[0].claim_date == PUB


# --- a lede's speaker dated further on ---------------------------------------------------------


def test_a_ledes_speaker_takes_the_day_named_for_him_further_on(gz):
    got = _dates(
        gz,
        "Ukrainian gunners are shelling Russian positions in Kreminna, army spokesman Serhiy "
        "Cherevaty has said.\n\n"
        "He said the roads around the town were heavily mined and progress was slow. "
        "Cherevaty said this on national television on Saturday.",
    )
    assert got["Kreminna"] == date(2025, 2, 8), got


def test_speaker_day_ahead_wants_the_name_speaking_on_a_recent_day():
    from geomap.extract.dating import speaker_day_ahead

    ahead = "Later, Cherevaty said on the radio on Friday that the roads were mined."
    assert speaker_day_ahead(ahead, 0, "spokesman Serhiy Cherevaty", PUB) == date(2025, 2, 7)
    # the name is no speaker here, or the day is no statement's, or it is long ago
    ahead = "Cherevaty, a town near the river, was shelled on Friday, officials said."
    assert speaker_day_ahead(ahead, 0, "spokesman Serhiy Cherevaty", PUB) is None
    ahead = "Cherevaty said the town fell on 3 January."
    assert speaker_day_ahead(ahead, 0, "spokesman Serhiy Cherevaty", PUB) is None
    assert speaker_day_ahead("Ukraine said on Friday ...", 0, "Ukraine's army", PUB) is None


# --- one event, dated in the sentence after -----------------------------------------------------


def test_an_event_named_in_a_lede_takes_the_day_the_next_sentence_gives_it(gz):
    got = _dates(
        gz,
        "Moscow vowed to answer the deadly strike on Belgorod, saying Ukraine had used "
        "cluster munitions.\n\n"
        "Firefighters worked through the night after the strike on Belgorod on Saturday, "
        "officials said.",
    )
    assert got["Belgorod"] == date(2025, 2, 8), got


@pytest.mark.parametrize(
    "body",
    [
        # a state, not one event: the lede keeps the publication day
        "Russian shelling of Kherson has been relentless, the governor said.\n\n"
        "On Saturday, artillery hit Kherson twice.",
        # the next sentence tells another kind of event at the place
        "A drone strike on Kherson damaged a school, the governor said.\n\n"
        "On Saturday, Ukrainian troops repelled an assault near Kherson.",
    ],
)
def test_no_day_is_borrowed_from_the_next_sentence_for_a_state_or_another_event(gz, body):
    claims = extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gz).claims
    first = [c for c in claims if c.place.name == "Kherson" and c.type == "strike"]
    assert first and first[0].claim_date == PUB, [(c.type, c.claim_date) for c in claims]


def test_the_day_before_yesterday_is_two_days_back_even_after_a_dated_sentence(gz):
    got = _dates(
        gz,
        "On Friday the governor toured the front.\n\n"
        "Russian drones struck Kupiansk the day before yesterday, he said.",
    )
    assert got["Kupiansk"] == date(2025, 2, 7), got


@pytest.mark.parametrize(
    "body",
    [
        "The governor said on Friday that Russian troops had entered Kupiansk yesterday.",
        "Russian troops entered Kupiansk yesterday, the governor said on Friday.",
    ],
)
def test_yesterday_counts_from_the_statements_day(gz, body):
    assert _dates(gz, body)["Kupiansk"] == date(2025, 2, 6)


def test_yesterday_in_narration_counts_from_publication(gz):
    got = _dates(gz, "Russian troops entered Kupiansk yesterday, after failing on Thursday.")
    assert got["Kupiansk"] == date(2025, 2, 8)


# --- dates that belong to something else in the sentence ---------------------------------------


def test_a_which_clause_closing_the_sentence_dates_neither_place_nor_verb(gz):
    got = _dates(
        gz,
        "UN monitors posted at the Zaporizhzhia nuclear power plant reported hearing blasts "
        "close to the site, which Russian forces have controlled since March 2022.",
    )
    assert got["Enerhodar"] == PUB, got  # the plant stands in Enerhodar


def test_an_earlier_loss_in_a_past_perfect_clause_does_not_date_the_recapture(gz):
    claims = extract(
        "# Test\n\nUkrainian troops recently counterattacked near Shevchenko and regained "
        "positions they had lost in mid-January.\n",
        published=PUB,
        gazetteer=gz,
    ).claims
    got = [(c.claim_date, c.date_precision) for c in claims if c.place.name == "Shevchenko"]
    assert got and got[0] == (PUB, "day"), got


def test_an_assessment_is_not_dated_by_the_start_of_a_period(gz):
    claims = extract(
        "# Test\n\nRussian forces have pressed on Siversk since June, and the fall of the town "
        "would likely open the road to Sloviansk, the intelligence update said.\n",
        published=PUB,
        gazetteer=gz,
    ).claims
    got = [c.claim_date for c in claims if c.place.name == "Sloviansk"]
    assert got and got[0] == PUB, [(c.place.name, c.type, c.claim_date) for c in claims]
