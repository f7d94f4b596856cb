"""Entities in the store: the keys that name each entity, mentions per sentence, quotes and their speakers.

What is one entity is decided by ``storyline.entities`` (it hands each mention its canonical
key); the store maps keys to ids, keeps every mention and quote with its document and sentence,
and answers the questions the CLI, the web app and the timeline ask of them. A document's rows
are written in the transaction that stores it, or later on their own when the entity layer runs
over documents stored without it.
"""

from __future__ import annotations

import json
from typing import Callable, Iterable, Iterator, Optional, Protocol

from ..model import Document, EntityMention, Quote, Speaker, TextSpan
from .connection import Connection


class Named(Protocol):
    """What storing a document's names reads of it: a ``Document``, or the rows made of one for the store."""

    @property
    def id(self) -> str: ...

    @property
    def entities(self) -> Optional[list[EntityMention]]: ...

    @property
    def quotes(self) -> Optional[list[Quote]]: ...

    @property
    def statements(self) -> Optional[list[int]]: ...

SPEAKER_WORDS = 8  # an unresolved speaker of more words than this is a misread span, not shown as who spoke

ENTITY_TABLES = """
    CREATE TABLE IF NOT EXISTS entities (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        UNIQUE (kind, key)
    );
    CREATE TABLE IF NOT EXISTS entity_keys (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (kind, key)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS entity_mentions (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sentence INTEGER,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        entity INTEGER NOT NULL,
        text TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
        PRIMARY KEY (document, start)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS entity_mentions_entity ON entity_mentions(entity, document, sentence);
    CREATE TABLE IF NOT EXISTS quotes (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        num INTEGER NOT NULL,
        sentence INTEGER,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, direct INTEGER NOT NULL,
        cue_start INTEGER, cue_end INTEGER, cue TEXT,
        speaker_start INTEGER, speaker_end INTEGER, speaker TEXT, speaker_kind TEXT, speaker_name TEXT,
        speaker_entity INTEGER,
        PRIMARY KEY (document, num)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_entity);
    CREATE TABLE IF NOT EXISTS entity_layer (
        document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        version TEXT NOT NULL
    ) WITHOUT ROWID;
    """

# The candidate sentences that report a statement rather than a happening (``quotes.statements``),
# written with the quotes; the timeline weighs them down (``Settings.statement_weight``).
STATEMENTS_TABLE = """
    CREATE TABLE IF NOT EXISTS statements (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        PRIMARY KEY (document, idx)
    ) WITHOUT ROWID;
    """


# One entity with what is known of it: (id, kind, name, role, mentions, documents, first, last, quotes).
EntityRow = tuple[int, str, str, Optional[str], int, int, Optional[str], Optional[str], int]


class EntityRows(Connection):
    """Writing and reading entities, their mentions and quotes."""

    def entity_keys(self) -> Iterator[tuple[str, str, str]]:
        """Every key known: (kind, key, the canonical key of its entity)."""
        yield from self.db.execute("SELECT k.kind, k.key, e.key FROM entity_keys k JOIN entities e ON e.id = k.entity")

    def _entity_id(self, kind: str, key: str, canonical: str) -> int:
        self.db.execute("INSERT OR IGNORE INTO entities(kind, key) VALUES (?, ?)", (kind, canonical))
        entity = self.db.execute("SELECT id FROM entities WHERE kind = ? AND key = ?", (kind, canonical)).fetchone()[0]
        self.db.execute("INSERT OR IGNORE INTO entity_keys(kind, key, entity) VALUES (?, ?, ?)", (kind, canonical, entity))
        self.db.execute("INSERT OR IGNORE INTO entity_keys(kind, key, entity) VALUES (?, ?, ?)", (kind, key, entity))
        return entity

    def _save_entities(self, doc: Named, version: str) -> None:
        """A document's mentions, quotes and statements (replacing earlier ones), inside the caller's transaction."""
        self._delete_entities(doc.id)
        ids: dict[tuple[str, str], int] = {}
        by_name: dict[str, int] = {}
        rows = []
        for m in doc.entities or []:
            k = (m.kind, m.key)
            if k not in ids:
                ids[k] = self._entity_id(m.kind, m.key, m.canonical or m.key)
            m.entity = ids[k]
            if m.kind == "PERSON" or m.name not in by_name:  # a speaker is a person before a body of that name
                by_name[m.name] = m.entity
            rows.append((doc.id, m.sentence, m.start, m.end, m.entity, m.text, m.name, m.role))
        self.db.executemany('INSERT OR REPLACE INTO entity_mentions(document, sentence, start, "end", entity, text,'
                            " name, role) VALUES (?,?,?,?,?,?,?,?)", rows)
        quotes = []
        for num, q in enumerate(doc.quotes or []):
            cue, who = q.cue, q.speaker
            quotes.append((doc.id, num, q.sentence, q.start, q.end, q.text, int(q.direct),
                           cue.start if cue else None, cue.end if cue else None, cue.text if cue else None,
                           who.start if who else None, who.end if who else None, who.text if who else None,
                           who.kind if who else None, who.entity if who else None,
                           by_name.get(who.entity) if who and who.entity else None))
        self.db.executemany("INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", quotes)
        self.db.executemany("INSERT OR IGNORE INTO statements(document, idx) VALUES (?, ?)",
                            [(doc.id, i) for i in doc.statements or []])
        self.db.execute("INSERT OR REPLACE INTO entity_layer(document, version) VALUES (?,?)", (doc.id, version))

    def save_entities(self, docs: Iterable[Document], version: str) -> None:
        """The entity rows of documents already stored, in one transaction."""
        with self.transaction():
            for doc in docs:
                self._save_entities(doc, version)

    def _delete_entities(self, document_id: str) -> None:
        self.db.execute("DELETE FROM entity_mentions WHERE document = ?", (document_id,))
        self.db.execute("DELETE FROM quotes WHERE document = ?", (document_id,))
        self.db.execute("DELETE FROM statements WHERE document = ?", (document_id,))
        self.db.execute("DELETE FROM entity_layer WHERE document = ?", (document_id,))

    def without_entities(self, version: str) -> list[str]:
        """Stored documents the entity layer of ``version`` has not run over."""
        return [r[0] for r in self.db.execute(
            "SELECT d.id FROM documents d LEFT JOIN entity_layer e ON e.document = d.id"
            " WHERE e.version IS NOT ? ORDER BY d.id", (version,))]

    # -- reading --------------------------------------------------------------------------
    def entity_annotations(self, document_id: str) -> tuple[list[EntityMention], list[Quote]]:
        """A document's mentions and quotes, in text order."""
        mentions = [EntityMention(s, e, t, k, name=n, role=r, sentence=i, entity=ent)
                    for i, s, e, ent, t, n, r, k in self.db.execute(
                        'SELECT m.sentence, m.start, m."end", m.entity, m.text, m.name, m.role, x.kind'
                        " FROM entity_mentions m JOIN entities x ON x.id = m.entity WHERE m.document = ?"
                        " ORDER BY m.start", (document_id,))]
        quotes = [self._quote(row) for row in self.db.execute(
            "SELECT sentence, start, \"end\", text, direct, cue_start, cue_end, cue, speaker_start, speaker_end,"
            " speaker, speaker_kind, speaker_name FROM quotes WHERE document = ? ORDER BY start", (document_id,))]
        return mentions, quotes

    @staticmethod
    def _quote(row: tuple) -> Quote:
        sentence, start, end, text, direct, cs, ce, cue, ss, se, speaker, kind, name = row
        return Quote(start, end, text, bool(direct), TextSpan(cs, ce, cue) if cue is not None else None,
                     Speaker(ss, se, speaker, kind=kind, entity=name) if speaker is not None else None, sentence)

    def entity_rows(self, ids: Optional[Iterable[int]] = None) -> list[EntityRow]:
        """Entities (all, or the given ids) with their most written name, most given role, mention and
        document counts, first and last publication date and quotes, most mentioned first. The list
        of all is kept in the store until it changes: it aggregates every mention."""
        if ids is None:
            kept = self.cached("entities")
            if kept is not None:
                return [tuple(r) for r in json.loads(kept)]  # type: ignore[misc]
            generation = self.generation()
            rows = self._entity_rows(None)
            self.cache("entities", generation, json.dumps(rows))
            return rows
        return self._entity_rows(ids)

    def _entity_rows(self, ids: Optional[Iterable[int]]) -> list[EntityRow]:
        scope = ""
        if ids is not None:
            self._temp("_entities", "id INTEGER PRIMARY KEY", [(i,) for i in dict.fromkeys(ids)])
            scope = " WHERE m.entity IN (SELECT id FROM temp._entities)"
        rows = self.db.execute(f"""
            WITH counted AS (
                SELECT m.entity, m.name, m.role, count(*) AS n, count(DISTINCT m.document) AS docs,
                       min(d.published) AS first, max(d.published) AS last
                FROM entity_mentions m JOIN documents d ON d.id = m.document{scope}
                GROUP BY m.entity, m.name, m.role),
            named AS (
                SELECT entity, name, ROW_NUMBER() OVER (PARTITION BY entity ORDER BY instr(name, ' ') > 0 DESC,
                       sum(n) DESC, length(name) DESC, name) AS k
                FROM counted GROUP BY entity, name),
            roled AS (
                SELECT entity, role, ROW_NUMBER() OVER (PARTITION BY entity ORDER BY sum(n) DESC, role) AS k
                FROM counted WHERE role IS NOT NULL GROUP BY entity, role),
            totals AS (
                SELECT entity, sum(n) AS n, min(first) AS first, max(last) AS last FROM counted GROUP BY entity)
            SELECT t.entity, e.kind, nm.name, r.role, t.n,
                   (SELECT count(DISTINCT document) FROM entity_mentions WHERE entity = t.entity),
                   t.first, t.last, (SELECT count(*) FROM quotes WHERE speaker_entity = t.entity)
            FROM totals t JOIN entities e ON e.id = t.entity
            JOIN named nm ON nm.entity = t.entity AND nm.k = 1
            LEFT JOIN roled r ON r.entity = t.entity AND r.k = 1
            ORDER BY t.n DESC, nm.name""").fetchall()
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def entity_names(self, entity: int) -> list[tuple[str, int]]:
        """The names an entity is written with, most written first."""
        return list(self.db.execute(
            "SELECT text, count(*) FROM entity_mentions WHERE entity = ? GROUP BY text ORDER BY count(*) DESC, text",
            (entity,)))

    def entities_named(self, kind: Optional[str], key: str) -> list[int]:
        """The entities a key names (of one kind, or of any)."""
        if kind:
            return [r[0] for r in self.db.execute("SELECT entity FROM entity_keys WHERE kind = ? AND key = ?",
                                                  (kind, key))]
        return [r[0] for r in self.db.execute("SELECT entity FROM entity_keys WHERE key = ?", (key,))]

    def entities_written(self, text: str, limit: int = 20) -> list[int]:
        """Entities with a mention written like ``text`` (case aside), or else whose name ends in it as a
        word ("Antonov" for "Sergei Antonov"), most mentioned first."""
        for pattern in (_like(text), "% " + _like(text)):
            found = [r[0] for r in self.db.execute(
                "SELECT entity FROM entity_mentions WHERE name LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'"
                " GROUP BY entity ORDER BY count(*) DESC LIMIT ?", (pattern, pattern, limit))]
            if found:
                return found
        return []

    def entity_quotes(self, entity: int) -> list[tuple[str, Optional[str], Quote]]:
        """The quotes attributed to an entity: (document, its publication date, quote), in time order."""
        rows = self.db.execute(
            "SELECT q.document, d.published, q.sentence, q.start, q.\"end\", q.text, q.direct, q.cue_start, q.cue_end,"
            " q.cue, q.speaker_start, q.speaker_end, q.speaker, q.speaker_kind, q.speaker_name"
            " FROM quotes q JOIN documents d ON d.id = q.document WHERE q.speaker_entity = ?"
            " ORDER BY d.published IS NULL, d.published, q.document, q.start", (entity,)).fetchall()
        return [(r[0], r[1], self._quote(r[2:])) for r in rows]

    def entity_sentences(self, entities: Iterable[int]) -> list[tuple[str, int]]:
        """The (document, sentence) pairs that mention one of ``entities`` or quote one of them."""
        wanted = list(dict.fromkeys(entities))
        marks = ",".join("?" * len(wanted))
        if not wanted:
            return []
        return list(self.db.execute(
            f"SELECT document, sentence FROM entity_mentions WHERE entity IN ({marks}) AND sentence IS NOT NULL"
            f" UNION SELECT document, sentence FROM quotes WHERE speaker_entity IN ({marks}) AND sentence IS NOT NULL",
            (*wanted, *wanted)))

    def entity_facets(self, documents: Iterable[str], limit: int) -> list[tuple[int, str, str, int]]:
        """The entities most named in ``documents``: (id, kind, most written name there, documents naming it)."""
        self._temp("_facet_docs", "id TEXT", [(d,) for d in dict.fromkeys(documents)])
        return list(self.db.execute(
            "SELECT m.entity, e.kind, (SELECT name FROM entity_mentions WHERE entity = m.entity GROUP BY name"
            "  ORDER BY count(*) DESC, name LIMIT 1), count(DISTINCT m.document) AS n"
            " FROM temp._facet_docs f JOIN entity_mentions m ON m.document = f.id JOIN entities e ON e.id = m.entity"
            " GROUP BY m.entity ORDER BY n DESC, m.entity LIMIT ?", (limit,)))

    def speakers(self, sentences: Iterable[tuple[str, int]], shown: Optional[dict[tuple[str, int], str]] = None,
                 says: Optional[Callable[[str, str], bool]] = None) -> dict[tuple[str, int], list[tuple[str, Optional[int]]]]:
        """Who is quoted in each of these sentences: (speaker's entity name or words, entity id).
        With ``shown`` (a sentence's text as shown, the end of its stored text: a headline or a
        dateline glued before it cut), only the quotes reaching into what is shown; with ``says``
        (a test of a quote's cue and the word before it), only the quotes whose cue passes it, or
        that have none. A speaker that names no one is left out: a pronoun resolved to no name
        ("it", "they"), and words longer than ``SPEAKER_WORDS`` that no entity stands for (a
        misread span, "Haitians flock under US helicopter as it delivers aid ...")."""
        shown = shown or {}
        self._temp("_said", "document TEXT, sentence INTEGER", list(dict.fromkeys(sentences)))
        out: dict[tuple[str, int], list[tuple[str, Optional[int]]]] = {}
        for doc, sentence, name, entity, resolved, kind, end, cue, cue_start, first, text in self.db.execute(
                "SELECT q.document, q.sentence, COALESCE(q.speaker_name, q.speaker), q.speaker_entity,"
                " q.speaker_name IS NOT NULL, q.speaker_kind, q.\"end\", q.cue, q.cue_start, t.start, t.text"
                " FROM temp._said s JOIN quotes q ON q.document = s.document AND q.sentence = s.sentence"
                " LEFT JOIN sentences t ON t.document = s.document AND t.idx = s.sentence"
                " WHERE q.speaker IS NOT NULL ORDER BY q.document, q.start"):
            words = shown.get((doc, sentence))
            if words and text and text.endswith(words) and end <= first + len(text) - len(words):
                continue  # in what is glued before the shown text ("* Turkey confirms first case ...")
            if not resolved and (kind == "pronoun" or len(name.split()) > SPEAKER_WORDS):
                continue
            if says is not None and cue is not None:
                before = text[:max(cue_start - first, 0)].split()[-1:] if text and first is not None else []
                if not says(cue, before[0] if before else ""):
                    continue
            if (name, entity) not in out.setdefault((doc, sentence), []):
                out[(doc, sentence)].append((name, entity))
        return out


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
