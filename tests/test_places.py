"""Another story's lines told by their places (``chronology.places``)."""

from storyline.chronology.places import other_story_lines
from storyline.chronology.settings import DEFAULT, Settings

CAIRO, EGYPT, TUNIS, ALGIERS, LONDON = 1, 2, 3, 4, 5


def test_in_a_story_centred_on_places_a_line_naming_only_others_is_another_story():
    places = {f"egypt{i}": frozenset({CAIRO, EGYPT}) for i in range(8)}
    places.update({"tunisia": frozenset({TUNIS}), "algeria": frozenset({ALGIERS}),
                   "both": frozenset({CAIRO, TUNIS})})
    assert other_story_lines(places, 100, DEFAULT) == {"tunisia", "algeria"}


def test_a_story_about_no_place_in_particular_keeps_every_line():
    # places scattered over the lines, none of them the story's most of the time
    places = {"a": frozenset({CAIRO}), "b": frozenset({TUNIS}), "c": frozenset({ALGIERS}), "d": frozenset({LONDON}),
              "e": frozenset({EGYPT}), "f": frozenset({CAIRO})}
    assert other_story_lines(places, 6, Settings(story_place=0.3)) == set()


def test_no_places_no_verdict():
    assert other_story_lines({}, 10, DEFAULT) == set()
    assert other_story_lines({"a": frozenset()}, 10, DEFAULT) == set()
