"""Names reduced to keys, and when two full names are one person."""

from storyline.entities import names


def test_key_drops_titles_particles_accents_and_possessives():
    assert names.key("PERSON", "President Bashar al-Assad") == "bashar assad"
    assert names.key("PERSON", "Mr. José Sánchez Jr.") == "jose sanchez"
    assert names.key("GPE", "the United States") == "united states"
    assert names.display("the Kremlin's") == "Kremlin"
    assert names.display("U.S.") == "U.S."


def test_transliterations_and_initials_are_one_person():
    same = lambda a, b: names.same_person(names.person_parts(a), names.person_parts(b), 0.8)  # noqa: E731
    assert same("Sergei Lavrov", "Sergey Lavrov")
    assert same("Muammar Gaddafi", "Moammar Gadhafi")
    assert same("Muammar al-Qaddafi", "Muammar Gaddafi")
    assert same("J. Smith", "John Smith")


def test_other_first_names_and_lone_surnames_are_not():
    same = lambda a, b: names.same_person(names.person_parts(a), names.person_parts(b), 0.8)  # noqa: E731
    assert not same("Bill Clinton", "Hillary Clinton")
    assert not same("Kim Jong Un", "Kim Jong Il")
    assert not same("Lavrov", "Sergei Lavrov")  # a surname alone is linked within its document


def test_initials_make_acronyms():
    assert names.initials("United Nations") == "un"
    assert names.initials("International Monetary Fund") == "imf"
    assert names.initials("NATO") == ""
