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
