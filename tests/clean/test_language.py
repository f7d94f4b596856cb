"""The language of a page: ``detect`` on short invented texts, and the language carried from
``clean_text``/``clean_html`` into the result, its JSON and the rules that read numbers and
stop words."""

import datetime as dt
from dataclasses import replace

import pytest
from clean_pages import BODY, page

from storyline.clean import clean_html, clean_text
from storyline.clean.language import detect, for_page, reads_english
from storyline.config import DEFAULT_CLEAN
from storyline.contract import clean_result_to_dict

SNIPPETS = {
    "en": "The council voted on Tuesday to build a new bridge over the river before winter.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, vor dem Winter eine neue Brücke über den Fluss zu bauen.",
    "fr": "Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière avant l'hiver.",
    "es": "El ayuntamiento votó el martes a favor de construir un nuevo puente sobre el río antes del invierno.",
    "it": "Il consiglio comunale ha votato martedì per costruire un nuovo ponte sul fiume prima dell'inverno.",
    "pt": "A câmara municipal votou na terça-feira a construção de uma nova ponte sobre o rio antes do inverno.",
    "nl": "De gemeenteraad heeft dinsdag besloten om voor de winter een nieuwe brug over de rivier te bouwen.",
    "pl": "Rada miasta zagłosowała we wtorek za budową nowego mostu na rzece przed zimą.",
    "ru": "Городской совет во вторник проголосовал за строительство нового моста через реку до зимы.",
    "tr": "Belediye meclisi salı günü kıştan önce nehrin üzerine yeni bir köprü yapılması için oy kullandı.",
    "sv": "Kommunfullmäktige röstade i tisdags för att bygga en ny bro över floden före vintern.",
    "ja": "市議会は火曜日、冬が来る前に川に新しい橋を架けることを可決した。",
    "zh": "市议会周二投票决定在冬季来临之前在河上建造一座新桥。",
    "ko": "시의회는 화요일 겨울이 오기 전에 강 위에 새 다리를 건설하기로 의결했다.",
    "ar": "صوّت مجلس المدينة يوم الثلاثاء على بناء جسر جديد فوق النهر قبل الشتاء.",
}


@pytest.mark.parametrize("language,text", sorted(SNIPPETS.items()))
def test_detect_names_the_language_of_a_sentence(language, text):
    assert detect(text) == language


def test_too_little_text_names_no_language():
    assert detect("") is None
    assert detect("12:30 – 14:45 | 3/4") is None
    assert detect("Kessel") is None


def test_an_unsure_verdict_names_no_language():
    mixed = "Bridge Brücke pont puente ponte brug most мост köprü bro"
    strict = replace(DEFAULT_CLEAN, language_min_percent=99)
    assert detect(mixed, strict) is None


def test_reads_english_follows_the_detected_language_and_falls_back_to_stop_words():
    german = SNIPPETS["de"] * 3
    assert not reads_english(german, for_page(german))
    assert reads_english(" ".join(BODY), for_page(" ".join(BODY)))
    # with no language named, the stop-word test decides
    assert reads_english(" ".join(BODY), replace(DEFAULT_CLEAN, language=None))


def test_clean_text_and_its_json_carry_the_language():
    result = clean_text(page("Veldra and Ostmark agree to share the Amsel", *BODY))
    assert result.language == "en"
    assert clean_result_to_dict("story.txt", result)["language"] == "en"
    french = [SNIPPETS["fr"] + " " + SNIPPETS["fr"]] * 3
    assert clean_text(page("Un pont pour Kessel", *french)).language == "fr"


def test_clean_html_carries_the_language():
    paragraphs = "".join(f"<p>{SNIPPETS['de']} {SNIPPETS['de']}</p>" for _ in range(4))
    html = f"<html><head><title>Brücke</title></head><body><article><h1>Brücke</h1>{paragraphs}</article></body></html>"
    assert clean_html(html).language == "de"


def test_an_ambiguous_slashed_date_reads_by_the_page_language():
    english = clean_text(page("Veldra and Ostmark agree to share the Amsel", "03/05/2019", *BODY))
    assert english.published == dt.date(2019, 3, 5)
    body = [SNIPPETS["fr"] + " " + SNIPPETS["fr"]] * 3
    french = clean_text(page("Un pont pour Kessel", "03/05/2019", *body))
    assert french.published == dt.date(2019, 5, 3)


def test_the_document_carries_the_language():
    from storyline.model import RawDocument
    from storyline.pipeline import process

    raw = RawDocument(id="ab12", path="story.txt", kind="text",
                      content=page("Veldra and Ostmark agree to share the Amsel", *BODY))
    document, _, _ = process(raw)
    assert document.language == "en"
