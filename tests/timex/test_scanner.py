"""The scanner's lower-case twins: the same matches as the ignore-case patterns they stand for."""

import random
import re

from storyline import timex
from storyline.timex import rules, scanner, tense


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


def _random_texts(seed: int, count: int) -> list[str]:
    words = ("In two years ago THE WEEKEND the past Three Months every Monday MONDAYS twice a year nineteen "
             "ninety-six two thousand and one EASTER now currently fiscal year the latest quarter year-ago Year-Earlier "
             "noon four and a half hours 2 1/2 DAYS ½ Half half Weeks later , . the coming decades 1990s '80s the 80s "
             "2013-05-02 05/06/2014 3/4 1/2/3 Q1 Q3 2014 (1200 GMT) ((1300 UTC 3 p.m. 10:30 14:30 EST hours 12:03 May 2, "
             "2013, Friday yesterday tonight last night this morning today tomorrow daily biweekly fortnightly "
             "annually semiannual hourly times once each within current account period 0s 10s 100s recently lately "
             "soon nowadays at present these days in the near future Christmas Eve christmas Good Friday good "
             "Valentine's Day New Year's Eve new years Easter Monday Halloween").split(" ")
    rng = random.Random(seed)
    return ["".join(rng.choice(words) + rng.choice([" ", " ", "  ", "\n", "-", "", "\t", "/", "("])
                    for _ in range(rng.randint(2, 40))) for _ in range(count)]


def test_a_trigger_matched_where_its_literals_stand_finds_what_its_search_finds():
    for text in _random_texts(3, 1500):
        for trigger, literals in scanner.TRIGGER_LITERALS.items():
            assert scanner.literal_hits(text, trigger, literals) == [m.span() for m in trigger.finditer(text)]
    assert scanner.literal_hits("the 1990s and 2000s, 1/2 or half", scanner.TRIG_DECADE,
                                scanner.TRIGGER_LITERALS[scanner.TRIG_DECADE]) == [(6, 9), (16, 19)]


def test_every_match_of_a_rule_holds_one_of_its_needles():
    texts = _random_texts(4, 1500)
    checked = 0
    for rule in rules.RULES:
        for text in texts:
            for m in rule.pattern.finditer(text):
                found = m.group(0).lower()
                assert not rule.needles or any(word in found for word in rule.needles), (rule.handler.__name__, found)
                if isinstance(rule.near, scanner.WholeText) and rule.near.starts:
                    assert found.startswith(rule.near.words), (rule.handler.__name__, found)
                    checked += 100
                checked += bool(rule.needles)
    assert checked > 5000


def test_the_rules_find_the_same_mentions_without_needles_or_literals():
    texts = _random_texts(5, 600)

    def found():
        return [[(m.start, m.end, m.text, m.type, m.value, m.granularity, m.mod) for m in timex.find_mentions(t)]
                for t in texts]

    quick = found()
    saved_rules, saved_literals = rules.RULES, dict(scanner.TRIGGER_LITERALS)
    rules.RULES = tuple(rule._replace(needles=()) for rule in rules.RULES)
    scanner.TRIGGER_LITERALS.clear()
    try:
        assert found() == quick
    finally:
        rules.RULES = saved_rules
        scanner.TRIGGER_LITERALS.update(saved_literals)
    assert sum(map(len, quick)) > 2000


def test_the_tense_cues_found_through_the_lower_case_pattern_are_rx_cues_own():
    words = ("he WILL may May MAY won't they'll It’ll was Were had planned to expected said Told according "
             "agreed to voted TO would 'd walked OPENED the armed forces be held going to next Ahead of "
             "İs ıs ſaid").split()
    rng = random.Random(9)
    lowered = 0
    for _ in range(800):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        cues = tense.SentenceCues(text)
        lowered += cues.low is not None
        assert [m.span() for m in cues.cue_matches(0, len(text))] == [m.span() for m in tense.RX_CUES.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in cues.cue_matches(3, len(text) - 2)] == \
            [(m.span(), m.lastgroup) for m in tense.RX_CUES.finditer(text, 3, len(text) - 2)]
    assert lowered > 200  # most texts are read through the lower-case pattern
    assert not re.search(r"\\[A-Z]", tense.RX_CUES.pattern)  # nothing that lower-casing would change
