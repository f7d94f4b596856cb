"""The scanner's lower-case twins: the same matches as the ignore-case patterns they stand for."""

import random
import re

from storyline import timex
from storyline.timex import rules, scanner


def test_only_the_unfolded_characters_lower_case_to_another_class_or_letter():
    # what lets an ignore-case pattern of ASCII words run minding case over the lower-cased
    # text: every other character lower-cases to one character of the same classes, and to an
    # ASCII letter exactly when it matches that letter ignoring case
    classes = [re.compile(r"\w"), re.compile(r"\s"), re.compile(r"\d")]
    chars = [chr(i) for i in range(0x110000)]
    letters = set(re.findall("[a-z]", "".join(chars), re.I))
    odd = set()
    for c, low in zip(chars, map(str.lower, chars)):
        if c == low and c not in letters:
            continue
        if (len(low) != 1 or any(bool(k.match(c)) != bool(k.match(low)) for k in classes)
                or (c in letters) != (low.isascii() and low.isalpha()) or (c in letters and not re.fullmatch(low, c, re.I))):
            odd.add(c)
    assert odd == set(scanner.UNFOLDED)


def test_a_twin_is_made_only_of_a_pattern_whose_lower_case_means_the_same():
    assert scanner.twin(re.compile(r"\bnoon\b", re.I)) is not None
    assert scanner.twin(re.compile(r"\bnoon\b")) is None             # minds case itself
    assert scanner.twin(re.compile(r"\bnoon\S", re.I)) is None       # \S would become \s
    assert scanner.twin(re.compile(r"\x4eoon", re.I)) is None        # a capital named by its code
    assert scanner.twin(re.compile(r"(?-i:May) day", re.I)) is None  # a part minding case
    assert scanner.twin(re.compile(r"\bİstanbul\b", re.I)) is None   # a cased letter outside ASCII
    assert sum(scanner.twin(rule.pattern) is not None for rule in rules.RULES) >= 10


def test_the_rules_find_the_same_mentions_through_the_twins():
    words = ("In two years ago THE WEEKEND the past Three Months every Monday twice a year nineteen ninety-six two "
             "thousand and one Christmas Day EASTER ſet İs ıs now currently fiscal year the latest quarter year-ago "
             "noon MIDNIGHT four and a half hours 2 1/2 DAYS Weeks later, , . in the coming decades ſeconds ago "
             "thıs weekend paſt").split()
    rng = random.Random(5)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 30))) for _ in range(400)]

    def found(text):
        return [(m.start, m.end, m.text, m.type, m.value, m.granularity, m.mod) for m in timex.find_mentions(text)]

    with_twins = [found(text) for text in texts]
    saved = scanner.twin
    scanner.twin = lambda rx: None
    try:
        assert [found(text) for text in texts] == with_twins
    finally:
        scanner.twin = saved
    assert sum(map(len, with_twins)) > 800


def test_the_trigger_words_found_by_substring_search_are_the_pattern_s():
    words = scanner.TRIG_WORDS.split("|") + ["today", "knows", "yearly", "dayly", "centuries", "pastime", "monthly"]
    rng = random.Random(11)
    for _ in range(500):
        low = "".join(rng.choice(words + [" ", "-", "x", "ly"]) for _ in range(rng.randint(0, 40)))
        assert scanner.word_hits(low) == [m.span() for m in scanner.TRIG_WORDS_LOW.finditer(low)]
