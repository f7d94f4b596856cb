"""Header styles of news pages in several languages: title, date and byline read from each.

Every header is invented in the manner real sites print theirs (a title, a byline, a date line
with reading time, share links, "Updated 2 hours ago", breadcrumbs...) above a short invented
body in the same language; the page goes through ``clean_text`` and the title, publication date
and byline it yields are compared with what a reader would take from the header. A relative
stamp ("2 hours ago") gives no date: no crawl time is known.
"""

import datetime as dt

import pytest
from clean_pages import BODY, page

from storyline.clean import clean_text

D = dt.date(2019, 3, 5)

BODIES = {
    "en": BODY,
    "de": [
        "Die Regierungen von Veldra und Ostmark haben sich am Dienstag darauf geeinigt, das Wasser "
        "der Amsel für dreißig Jahre zu teilen, und damit einen langen Streit beendet.",
        "Das Abkommen wurde in der Grenzstadt Kessel unterzeichnet, nachdem die Gespräche zweimal "
        "wegen der Größe eines geplanten Staudamms ins Stocken geraten waren.",
        "Die Bauern an beiden Ufern klagen seit Jahren, dass der Fluss im Spätsommer austrocknet, "
        "und das Abkommen legt fest, wie viel Wasser jede Seite in einem trockenen Jahr entnehmen darf.",
    ],
    "fr": [
        "Les gouvernements de Veldra et d'Ostmark se sont mis d'accord mardi pour partager les eaux "
        "de l'Amsel pendant trente ans, mettant fin à une querelle qui durait depuis une génération.",
        "L'accord a été signé dans la ville frontalière de Kessel après quatre années de pourparlers "
        "qui avaient buté deux fois sur la taille d'un barrage prévu.",
        "Les agriculteurs des deux rives se plaignent depuis des années que la rivière s'assèche à "
        "la fin de l'été, et l'accord fixe la quantité d'eau que chaque partie peut prélever.",
    ],
    "es": [
        "Los gobiernos de Veldra y Ostmark acordaron el martes compartir las aguas del río Amsel "
        "durante treinta años, poniendo fin a una disputa que había durado una generación.",
        "El acuerdo se firmó en la ciudad fronteriza de Kessel tras cuatro años de negociaciones que "
        "se estancaron dos veces por el tamaño de una presa prevista.",
        "Los agricultores de ambas orillas se quejan desde hace años de que el río se seca a finales "
        "del verano, y el acuerdo fija cuánta agua puede tomar cada parte en un año seco.",
    ],
    "it": [
        "I governi di Veldra e Ostmark hanno concordato martedì di condividere le acque del fiume "
        "Amsel per trent'anni, ponendo fine a una disputa che durava da una generazione.",
        "L'accordo è stato firmato nella città di confine di Kessel dopo quattro anni di trattative "
        "che si erano arenate due volte sulle dimensioni di una diga prevista.",
        "Gli agricoltori di entrambe le sponde si lamentano da anni che il fiume si prosciuga alla "
        "fine dell'estate, e l'accordo stabilisce quanta acqua può prelevare ciascuna parte.",
    ],
    "pt": [
        "Os governos de Veldra e Ostmark concordaram na terça-feira em partilhar as águas do rio "
        "Amsel durante trinta anos, pondo fim a uma disputa que durava uma geração.",
        "O acordo foi assinado na cidade fronteiriça de Kessel depois de quatro anos de negociações "
        "que emperraram duas vezes por causa do tamanho de uma barragem planejada.",
        "Os agricultores das duas margens queixam-se há anos de que o rio seca no fim do verão, e o "
        "acordo fixa quanta água cada lado pode retirar num ano seco.",
    ],
    "ja": [
        "ヴェルドラとオストマルクの両政府は火曜日、アムゼル川の水を三十年間分け合うことで合意し、"
        "一世代続いた争いに終止符を打った。",
        "協定は国境の町ケッセルで署名された。計画中のダムの規模をめぐり、交渉は二度行き詰まっていた。",
        "両岸の農家は長年、夏の終わりに川が干上がると訴えており、協定は乾燥した年に各側が取水できる量を定めている。",
    ],
    "zh": [
        "韦尔德拉和奥斯特马克两国政府周二同意在三十年内共享阿姆泽尔河的河水，结束了持续一代人的争端。",
        "协议在边境城镇凯塞尔签署，此前谈判曾因一座计划中水坝的规模两度陷入僵局。",
        "两岸的农民多年来一直抱怨河流在夏末干涸，协议规定了干旱年份每一方可以取用的水量。",
    ],
    "ko": [
        "벨드라와 오스트마르크 정부는 화요일 암젤강의 물을 삼십 년 동안 나누어 쓰기로 합의하며 한 세대 동안 이어진 분쟁을 끝냈다.",
        "협정은 국경 도시 케셀에서 서명되었으며, 계획된 댐의 규모를 둘러싸고 협상이 두 차례 교착 상태에 빠졌었다.",
        "양쪽 강변의 농민들은 여름이 끝날 무렵 강이 마른다고 수년간 호소해 왔으며, 협정은 가뭄이 든 해에 각 측이 취수할 수 있는 양을 정한다.",
    ],
}

TITLES = {
    "en": "Veldra and Ostmark agree to share the Amsel",
    "de": "Veldra und Ostmark teilen sich die Amsel",
    "fr": "Veldra et Ostmark partagent les eaux de l'Amsel",
    "es": "Veldra y Ostmark compartirán las aguas del Amsel",
    "it": "Veldra e Ostmark si divideranno le acque dell'Amsel",
    "pt": "Veldra e Ostmark vão partilhar as águas do Amsel",
    "ja": "ヴェルドラとオストマルク、アムゼル川の水を分け合うことで合意",
    "zh": "韦尔德拉与奥斯特马克同意共享阿姆泽尔河水",
    "ko": "벨드라·오스트마르크, 암젤강 물 나눠 쓰기로 합의",
}

LH = "Lena Hartmann"

# (name, language, header lines after the title, expected date, expected byline).
# A line "TITLE" stands for the language's title; lines before it are above the title.
STYLES = [
    # -- English ------------------------------------------------------------------------------
    ("by_then_date", "en", ["TITLE", "By Lena Hartmann", "March 5, 2019"], D, LH),
    ("pipes_read_time", "en", ["TITLE", "By Lena Hartmann | March 5, 2019 | 4 min read"], D, LH),
    ("dots_read_time", "en", ["TITLE", "Lena Hartmann · 5 March 2019 · 4 min read"], D, LH),
    ("published_gmt_and_relative", "en", ["TITLE", "Published: 05 Mar 2019, 14:20 GMT", "Updated 2 hours ago"], D, None),
    ("relative_only", "en", ["TITLE", "By Jonas Pell", "Updated 2 hours ago"], None, "Jonas Pell"),
    ("caps_role_weekday_time", "en", ["TITLE", "By LENA HARTMANN, Staff Writer", "Tuesday, March 5, 2019 10:30 AM EST"], D, LH),
    ("republished_slash", "en", ["TITLE", "Republished from The Aran Courier", "Lena Hartmann / March 5, 2019"], D, LH),
    ("posted_on_by", "en", ["TITLE", "Posted on March 5, 2019 by Lena Hartmann"], D, LH),
    ("date_dash_name", "en", ["TITLE", "March 5, 2019 — Lena Hartmann"], D, LH),
    ("name_outlet_dash_date", "en", ["TITLE", "Lena Hartmann, Nordwire — Mar. 5, 2019 at 10:30 a.m."], D, LH),
    ("iso_written_by", "en", ["TITLE", "2019-03-05", "Written by Lena Hartmann"], D, LH),
    ("bullets_share", "en", ["TITLE", "5 March 2019 • 6 min read • Share"], D, None),
    ("lowercase_pipe", "en", ["TITLE", "lena hartmann | mar 5, 2019"], D, LH),
    ("us_slashes", "en", ["TITLE", "By Lena Hartmann", "03/05/2019"], D, LH),
    # A name alone on its line is a byline only by its place (below the title, above a date line):
    # a line read by itself cannot tell it from a two-word heading.
    ("et_time", "en", ["TITLE", "Lena Hartmann", "March 5, 2019 12:14 pm ET"], D, LH),
    ("name_then_date_lines", "en", ["TITLE", "Lena Hartmann", "5 March 2019"], D, LH),
    ("de_name_then_date", "de", ["TITLE", "Lena Hartmann", "05.03.2019, 14:20 Uhr"], D, LH),
    ("updated_then_first_published", "en",
     ["TITLE", "Last modified on Wed 6 Mar 2019 09.12 GMT", "First published on Tue 5 Mar 2019 18.00 GMT"], D, None),
    ("by_agency", "en", ["TITLE", "By Lena Hartmann, Reuters", "March 5, 2019"], D, LH),
    ("slash_time_relative", "en", ["TITLE", "Mar 5, 2019 / 10:30 AM / Updated 2 hours ago"], D, None),
    ("ordinal_en_dash", "en", ["TITLE", "Lena Hartmann – 5th March 2019"], D, LH),
    ("lowercase_by", "en", ["TITLE", "by lena hartmann", "March 5, 2019"], D, LH),
    ("comma_country", "en", ["TITLE", "Tuesday 5 March 2019 14:20, UK"], D, None),
    ("date_name_section", "en", ["TITLE", "5 March 2019 | Lena Hartmann | Environment"], D, LH),
    ("breadcrumb_above", "en", ["Home / World / Europe", "TITLE", "By Lena Hartmann", "March 5, 2019"], D, LH),
    ("share_links_below", "en", ["TITLE", "By Lena Hartmann", "March 5, 2019", "Share on Facebook Share on Twitter"],
     D, LH),
    ("semicolon_parts", "en", ["TITLE", "Lena Hartmann; March 5, 2019; 5 min read"], D, LH),
    ("long_date_line", "en",
     ["TITLE", "By Lena Hartmann, Senior Correspondent | Published Tuesday, March 5, 2019 at 10:30 a.m. EST | Updated 2 hours ago"],
     D, LH),
    ("abbrev_sept_style", "en", ["TITLE", "By Lena Hartmann", "Mar. 5, 2019, 10:30 a.m."], D, LH),
    # -- German -------------------------------------------------------------------------------
    ("de_von_dotted", "de", ["TITLE", "Von Lena Hartmann", "05.03.2019, 14:20 Uhr"], D, LH),
    ("de_month_lesezeit", "de", ["TITLE", "5. März 2019, 14:20 Uhr | Lesezeit: 4 Min."], D, None),
    ("de_veroeffentlicht", "de", ["TITLE", "Veröffentlicht am 05.03.2019", "Aktualisiert vor 2 Stunden"], D, None),
    ("de_weekday", "de", ["TITLE", "Dienstag, 05. März 2019"], D, None),
    ("de_von_pipe", "de", ["TITLE", "Von Lena Hartmann | 5. März 2019"], D, LH),
    ("de_stand", "de", ["TITLE", "Stand: 05.03.2019 14:20 Uhr"], D, None),
    ("de_abbrev_month", "de", ["TITLE", "Lena Hartmann · 5. Mär. 2019"], D, LH),
    # -- French -------------------------------------------------------------------------------
    ("fr_par_publie", "fr", ["TITLE", "Par Lena Hartmann", "Publié le 5 mars 2019 à 14h20"], D, LH),
    ("fr_slashes_mis_a_jour", "fr", ["TITLE", "Publié le 05/03/2019 à 14:20, mis à jour le 06/03/2019 à 09:10"], D, None),
    ("fr_weekday", "fr", ["TITLE", "mardi 5 mars 2019"], D, None),
    ("fr_dashes_lecture", "fr", ["TITLE", "Lena Hartmann - 5 mars 2019 - Lecture 4 min"], D, LH),
    ("fr_le_a", "fr", ["TITLE", "Le 5 mars 2019 à 14h20"], D, None),
    ("fr_first_of_month", "fr", ["TITLE", "Par Lena Hartmann", "1er mars 2019"], dt.date(2019, 3, 1), LH),
    # -- Spanish ------------------------------------------------------------------------------
    ("es_por_de", "es", ["TITLE", "Por Lena Hartmann", "5 de marzo de 2019"], D, LH),
    ("es_city_pipe_time", "es", ["TITLE", "Madrid, 5 de marzo de 2019 | 14:20 h"], D, None),
    ("es_actualizado_slashes", "es", ["TITLE", "Actualizado: 05/03/2019 14:20"], D, None),
    ("es_weekday", "es", ["TITLE", "martes, 5 de marzo de 2019"], D, None),
    ("es_dot_abbrev", "es", ["TITLE", "Lena Hartmann · 5 mar. 2019"], D, LH),
    # -- Italian ------------------------------------------------------------------------------
    ("it_di_month", "it", ["TITLE", "di Lena Hartmann", "5 marzo 2019"], D, LH),
    ("it_pubblicato_slashes", "it", ["TITLE", "Pubblicato il: 05/03/2019 14:20"], D, None),
    ("it_weekday_dash_time", "it", ["TITLE", "martedì 5 marzo 2019 - 14:20"], D, None),
    ("it_aggiornato_alle", "it", ["TITLE", "Aggiornato il 5 marzo 2019 alle 14:20"], D, None),
    # -- Portuguese ---------------------------------------------------------------------------
    ("pt_por_de", "pt", ["TITLE", "Por Lena Hartmann", "5 de março de 2019"], D, LH),
    ("pt_slashes_atualizado_ha", "pt", ["TITLE", "05/03/2019 14h20 - Atualizado há 2 horas"], D, None),
    ("pt_publicado_em_as", "pt", ["TITLE", "Publicado em 5 de março de 2019 às 14:20"], D, None),
    ("pt_weekday", "pt", ["TITLE", "terça-feira, 5 de março de 2019"], D, None),
    # -- Chinese, Japanese, Korean ------------------------------------------------------------
    ("ja_kanji_time", "ja", ["TITLE", "2019年3月5日 14時20分"], D, None),
    ("ja_weekday_haishin", "ja", ["TITLE", "2019年3月5日(火) 14:20 配信"], D, None),
    ("zh_padded_source", "zh", ["TITLE", "2019年03月05日 14:20 来源：新华网"], D, None),
    ("zh_label_iso", "zh", ["TITLE", "发布时间：2019-03-05 14:20"], D, None),
    ("ko_hangul", "ko", ["TITLE", "2019년 3월 5일 14:20"], D, None),
    ("ko_dotted_ymd", "ko", ["TITLE", "입력 2019.03.05 14:20"], D, None),
    ("ko_dotted_updated", "ko", ["TITLE", "입력 2019.03.05 14:20 | 수정 2019.03.06 09:10"], D, None),
]


def header_page(language: str, header: list[str]) -> str:
    lines = [TITLES[language] if line == "TITLE" else line for line in header]
    return page(*lines, *BODIES[language])


def _name(style) -> str:
    return style.values[0] if hasattr(style, "values") else style[0]


def test_the_table_is_large_and_names_are_unique():
    assert len(STYLES) >= 60
    assert len({_name(style) for style in STYLES}) == len(STYLES)


@pytest.mark.parametrize("name,language,header,date,byline", STYLES, ids=[_name(s) for s in STYLES])
def test_header_style(name, language, header, date, byline):
    result = clean_text(header_page(language, header))
    assert (result.title, result.published, result.byline) == (TITLES[language], date, byline)
    assert result.text.split("\n\n") == BODIES[language]
