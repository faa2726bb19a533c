"""dating.py's one speech-verb list: the lede-day convention and the speaker's later day read
the same verbs (sentences in our own words)."""

from datetime import date

from geomap.extract import dating

PUB = date(2025, 3, 10)  # a Monday


def test_speaker_day_ahead_reads_a_confirmation() -> None:
    # "confirmed" was only in the lede-day list before the merge
    text = (
        "Ivan Petrenko has said the brigade left the village. "
        "Petrenko confirmed on Saturday that the unit had moved west."
    )
    end = text.index(".") + 1
    assert dating.speaker_day_ahead(text, end, "Ivan Petrenko", PUB) == date(2025, 3, 8)


def test_speaker_day_ahead_reads_an_addition() -> None:
    text = "Olena Hrytsenko has said the road is cut. Hrytsenko added on Friday that it was mined."
    end = text.index(".") + 1
    assert dating.speaker_day_ahead(text, end, "Olena Hrytsenko", PUB) == date(2025, 3, 7)


def test_no_speech_verb_no_day() -> None:
    text = "Ivan Petrenko has said the brigade left. Petrenko visited the town on Saturday."
    end = text.index(".") + 1
    assert dating.speaker_day_ahead(text, end, "Ivan Petrenko", PUB) is None


def test_both_patterns_share_the_list() -> None:
    for verb in dating.SPEECH_VERBS:
        assert dating._SPEECH_VERB_RE.search(f"the mayor {verb} on Sunday")
        assert dating._VERB_THEN_DAY_RE.search(f"the mayor {verb} on ")
