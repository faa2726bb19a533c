"""End-to-end extraction on short texts written for these tests (real gazetteer)."""

from __future__ import annotations

from datetime import date

import pytest

from geomap.extract import EXTRACTOR, VERSION, extract

PUB = date(2025, 2, 7)  # Friday


def _claims(gaz, body: str):
    return extract(f"# Test\n\n{body}\n", published=PUB, gazetteer=gaz).claims


def _one(claims, place_id):
    got = [c for c in claims if c.place.id == place_id]
    assert got, [(c.place.id, c.type) for c in claims]
    return got[0]


@pytest.fixture(scope="module")
def gz(gaz):
    return gaz


def test_alias_resolves_to_current_name(gz):
    claims = _claims(
        gz, "Moscow said on Thursday its units had captured Dzerzhinsk in the Donetsk region."
    )
    c = _one(claims, "709354")  # Toretsk
    assert (c.side, c.type, c.claim_date, c.place_as_written) == (
        "russia",
        "captured",
        date(2025, 2, 6),
        "Dzerzhinsk",
    )
    assert not [x for x in claims if x.place.id == "UA.05"]  # the locator region is no claim


def test_region_phrases(gz):
    claims = _claims(
        gz,
        "Drones struck the southern border region of Sumy overnight, "
        "Ukrainian officials said.\n\nUkraine's army said it was advancing "
        "deeper into Russia's Belgorod region.",
    )
    assert _one(claims, "UA.21").type == "strike"
    b = _one(claims, "RU.09")
    assert (b.side, b.type, b.place.precision) == ("ukraine", "advancing", "region")


def test_back_reference_and_denial(gz):
    claims = _claims(
        gz,
        "Russia said its forces had seized the coal town of Pokrovsk.\n\n"
        "Kyiv denied that the logistics hub had been lost.",
    )
    denial = [c for c in claims if c.type == "denied"]
    assert denial and denial[0].place.id == "704422" and denial[0].side == "ukraine"
    assert denial[0].place_as_written == "the logistics hub"


def test_people_and_common_words_are_not_places(gz):
    text = (
        "Russian President Vladimir Putin met Donald Trump's envoy.\n\nMost of the residents "
        "have left, Deputy Mayor Alexander Kovalenko said.\n\nSmoke rose over the X "
        "platform's headquarters."
    )
    ex = extract(f"# T\n\n{text}\n", published=PUB, gazetteer=gz)
    names = {h.mention.text for h in ex.places if h.place is not None}
    assert not names & {"Vladimir", "Most", "Alexander", "Smoke", "X"}, names
    assert ex.claims == []


def test_quotes_and_offsets_point_into_the_text(gz):
    body = (
        "Shelling killed two people in Kherson on Monday, the regional governor said.\n\n"
        "Russian forces pushed towards Kupiansk last week, according to the Institute "
        "for the Study of War."
    )
    text = f"# T\n\n{body}\n"
    ex = extract(text, published=PUB, gazetteer=gz)
    assert ex.text == text
    assert len(ex.claims) == 2
    for c in ex.claims:
        assert text[c.start : c.end] == c.quote
        assert (c.extractor, c.extractor_version) == (EXTRACTOR, VERSION)
        assert 0 < c.confidence <= 1
    kh = _one(ex.claims, "706448")
    assert (kh.side, kh.type, kh.claim_date) == ("ukraine", "strike", date(2025, 2, 3))
    ku = _one(ex.claims, "703656")
    assert (ku.side, ku.type) == ("third-party", "advancing")


def test_goals_and_questions_are_not_claims(gz):
    claims = _claims(
        gz,
        "Moscow aims to capture Kramatorsk next year, officials said.\n\n"
        "It is unclear whether Siversk has fallen.",
    )
    assert [c for c in claims if c.type == "captured"] == []


def test_sentence_broken_across_blank_line_is_one_quote(gz):
    text = "# T\n\nRussia said its troops had captured Vuhledar in early\n\nOctober 2024.\n"
    ex = extract(text, published=PUB, gazetteer=gz)
    c = _one(ex.claims, "690823")
    assert "\n\nOctober 2024" in c.quote
    assert (c.claim_date, c.date_precision) == (date(2024, 10, 1), "month")


def test_headline_caption_and_related_links_are_not_evidence(gz):
    text = (
        "# Russia Says It Captured Lyman\n\nBy Staff\n\nFebruary 7, 2025\n\n"
        "A damaged church in Lyman on May 1, 2024. **Photo / Agency**\n\n"
        "**Related article:** [Russia Says It Captured Siversk](#)\n\n"
        "The weather was cold.\n"
    )
    assert extract(text, gazetteer=gz).claims == []


def test_source_record_from_text(gz):
    text = (
        "# Title Here\n\nBy Ann Example for AFP\n\nFebruary 06, 2025\n\nBody.\n\n"
        "Original url:\n\n<https://example.org/a>\n"
    )
    src = extract(text, gazetteer=gz).source
    assert (src.title, src.outlet, src.published, src.url) == (
        "Title Here",
        "AFP",
        date(2025, 2, 6),
        "https://example.org/a",
    )
    assert src.content_hash


def test_coordinated_places_share_the_verb(gz):
    claims = _claims(
        gz,
        "Russian forces stepped up assaults near Orikhiv and Huliaipole, "
        "a Ukrainian spokesman said.",
    )
    assert {c.place.id for c in claims if c.type == "fighting"} == {"698428", "707898"}


def test_negated_capture_is_a_denial(gz):
    c = _one(_claims(gz, "Kyiv said that Siversk had not fallen."), "694403")
    assert (c.side, c.type) == ("ukraine", "denied")


def test_relative_clause_object_and_month_date(gz):
    claims = _claims(
        gz, "The road runs west of Bakhmut, which Russian forces captured in May 2023."
    )
    c = _one(claims, "713174")
    assert (c.side, c.type, c.claim_date, c.date_precision) == (
        "third-party",
        "captured",
        date(2023, 5, 1),
        "month",
    )


def test_officials_take_the_side_of_their_region(gz):
    claims = _claims(
        gz,
        "Ukrainian shelling damaged homes in Shebekino on Thursday, the "
        "regional governor said.\n\nRussian drones hit Kharkiv overnight, the "
        "mayor said.",
    )
    assert _one(claims, "495112").side == "russia"
    assert _one(claims, "706483").side == "ukraine"


def test_appositive_claimant_and_assessment(gz):
    claims = _claims(
        gz,
        "Ukraine's top commander, Oleksandr Syrskyi, said his troops were "
        "withdrawing from Kurakhove.\n\nWestern analysts said Russian troops "
        "could soon reach Kostiantynivka.",
    )
    w = _one(claims, "695357")
    assert (w.claimant, w.side, w.type) == (
        "Ukraine's top commander, Oleksandr Syrskyi",
        "ukraine",
        "withdrawn",
    )
    a = _one(claims, "705104")
    assert (a.side, a.type) == ("third-party", "assessment")


def test_shared_names_are_settled_by_nearby_places():
    from geomap.extract.resolution import _nearest
    from geomap.records import PlaceRef

    far = PlaceRef("1", "Andriivka", "settlement", 49.5, 36.6)
    near = PlaceRef("2", "Andriivka", "settlement", 48.0, 37.1)
    anchor = PlaceRef("3", "Kurakhove", "settlement", 47.98, 37.28)
    assert _nearest([far, near], [anchor]) is near
    assert _nearest([far, near], []) is None
    assert _nearest([far], [anchor]) is None  # nothing within 60 km: keep the gazetteer's pick


def test_denial_of_a_claim_answers_its_places(gz):
    claims = _claims(
        gz,
        "Moscow accused Kyiv of shelling a market in Horlivka.\n\n"
        "Ukraine's army denied the accusation.",
    )
    assert [(c.place.id, c.side, c.type) for c in claims] == [
        ("707753", "russia", "strike"),
        ("707753", "ukraine", "denied"),
    ]


def test_sideless_chatter_is_no_claim(gz):
    assert _claims(gz, "A poet told a festival in Lviv that books matter.") == []


def test_reference_prefers_the_place_introduced_with_the_same_noun(gz):
    claims = _claims(
        gz,
        "Russia said it had captured the village of Kruhliakivka south of "
        "Kupiansk, but Kyiv said the village remained under its control.",
    )
    refs = [c for c in claims if c.place_as_written == "the village"]
    assert refs and refs[0].place.id == "812661"


@pytest.mark.parametrize(
    "body, place_id",
    [
        # "Russian"/"Russia" name the actor; alone they must not send Pokrovsk to Yakutia
        (
            "Russian forces advanced on Pokrovsk, Russia's Defence Ministry said on Tuesday.",
            "704422",
        ),
        ("Russia said on Tuesday its forces had taken Pokrovsk.", "704422"),
        # the prior ranks the theatre's places; a Russian city still resolves to itself
        ("Ukrainian drones struck Voronezh overnight, the regional governor said.", "472045"),
    ],
)
def test_short_texts_resolve_in_the_theatre_of_war(gz, body, place_id):
    claims = _claims(gz, body)
    assert [c.place.id for c in claims] == [place_id]
