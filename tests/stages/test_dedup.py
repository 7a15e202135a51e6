from __future__ import annotations

from wirewatch.stages.dedup import NearDuplicateIndex, fingerprint

WIRE = (
    "Ukrainian officials said on Tuesday that a drone attack on the city of Sumy damaged a power plant "
    "and wounded three people overnight. The mayor said repair crews were working to restore electricity "
    "to several districts and that schools would stay closed on Wednesday. It was the third attack on the "
    "city's energy supply within a week, according to the regional administration."
)


def test_dedup_reprint_with_other_chrome_links_to_the_original():
    index = NearDuplicateIndex()
    assert index.original_of("wire", fingerprint(WIRE)) is None
    reprint = "By our correspondent. " + WIRE + " Follow us for more news."
    assert index.original_of("reprint", fingerprint(reprint)) == "wire"


def test_dedup_same_story_retold_is_not_a_copy():
    index = NearDuplicateIndex()
    index.original_of("wire", fingerprint(WIRE))
    retold = (
        "A power plant in Sumy was hit by a drone during the night, leaving three people injured, according "
        "to the city's mayor. Electricity is being restored district by district while schools remain shut. "
        "Regional authorities counted three strikes on the city's power grid in seven days."
    )
    assert index.original_of("retold", fingerprint(retold)) is None


def test_dedup_short_texts_are_not_compared():
    assert fingerprint("Too short to tell.") is None


def test_dedup_original_is_the_first_seen_whatever_the_ids():
    index = NearDuplicateIndex()
    index.original_of("zzz", fingerprint(WIRE))
    assert index.original_of("aaa", fingerprint(WIRE + " More.")) == "zzz"
