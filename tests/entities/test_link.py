"""Names linked across documents into one entity per referent, incrementally."""

from storyline.entities import Linker


def test_spellings_of_one_person_link_to_the_first_known():
    linker = Linker()
    assert linker.resolve("PERSON", "sergei lavrov") == "sergei lavrov"
    assert linker.resolve("PERSON", "sergey lavrov") == "sergei lavrov"
    assert linker.resolve("PERSON", "hillary clinton") == "hillary clinton"
    assert linker.resolve("PERSON", "bill clinton") == "bill clinton"


def test_known_keys_come_from_the_store_and_stay_linked():
    linker = Linker([("PERSON", "muammar gaddafi", "muammar gaddafi"), ("PERSON", "moammar gadhafi", "muammar gaddafi")])
    assert linker.resolve("PERSON", "moammar gadhafi") == "muammar gaddafi"
    assert linker.resolve("PERSON", "muammar qaddafi") == "muammar gaddafi"


def test_an_acronym_links_to_the_one_name_it_spells_out():
    linker = Linker()
    linker.resolve("ORG", "united nations")
    assert linker.resolve("ORG", "un") == "united nations"
    assert linker.resolve("GPE", "un") == "un"  # kinds stay apart
    linker.resolve("ORG", "united networks")
    assert linker.resolve("ORG", "un") == "united nations"  # remembered once linked
    assert Linker([("ORG", "united nations", "united nations"),
                   ("ORG", "united networks", "united networks")]).resolve("ORG", "un") == "un"  # ambiguous


def test_a_lone_surname_links_to_the_one_full_name_of_that_surname_whichever_came_first():
    linker = Linker()
    assert linker.resolve("PERSON", "obama") == "obama"
    assert linker.resolve("PERSON", "barack obama") == "obama"        # the surname came first
    assert linker.resolve("PERSON", "michelle obama") == "michelle obama"
    later = Linker()
    later.resolve("PERSON", "barack obama")
    assert later.resolve("PERSON", "obama") == "barack obama"
    later.resolve("PERSON", "michelle obama")
    assert later.resolve("PERSON", "clinton") == "clinton"


def test_an_acronym_seen_first_takes_the_name_it_abbreviates():
    linker = Linker()
    assert linker.resolve("GPE", "us") == "us"
    assert linker.resolve("GPE", "united states") == "us"


def test_a_lone_surname_goes_to_the_person_named_far_more_often_and_stays_apart_between_equals():
    linker = Linker()
    linker.resolve("PERSON", "umm obama")
    for _ in range(6):
        linker.resolve("PERSON", "barack obama")
    assert linker.resolve("PERSON", "obama") == "barack obama"
    for _ in range(3):
        linker.resolve("PERSON", "bill clinton")
        linker.resolve("PERSON", "hillary clinton")
    assert linker.resolve("PERSON", "clinton") == "clinton"
