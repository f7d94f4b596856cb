"""Documents in the store: saving a batch in one transaction, and loading documents back.

Documents are saved in batches, one transaction each, so a build killed at any moment leaves
either a whole batch or nothing of it; each batch's signatures are indexed in the same
transaction (``DedupRows._index``). Raw content is kept (compressed) so derived rows can be
recomputed when the pipeline version changes, without the original files. A document's rows are
made apart from the store (``document_rows``): a build makes them where the document was
processed, so that its one writer only inserts them. Loading given documents asks for their
groups, paths and sentences in one query each, not one per document.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import zlib
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Union

from ..dedup import Signature
from ..model import Document, EntityMention, Quote, RawDocument, Removed, Sentence, SentenceFeatures, TimeMention
from .connection import StoreError, now
from .dedup_rows import DedupRows
from .entities import EntityRows
from .exclusions import Exclusions


@dataclass
class DocumentRows:
    """One document as the store writes it: every row but the store's own columns (the pipeline
    version, the time it is stored, row numbers), as tuples of plain values, which cross between
    processes at a fraction of the cost of the model's objects. ``paths`` may still gain the
    other places the document was seen; ``entities`` and ``quotes`` (None: not looked for) are
    linked to the store's entities by the writer."""

    id: str
    path: str
    paths: list[str]
    document: tuple  # the documents row: id, path, kind, ... as in ``_DOCUMENT_COLUMNS``
    raw: tuple  # kind, given (JSON), content (zlib)
    sentences: list[tuple]
    mentions: list[tuple]
    features: list[tuple]
    support: list[tuple]
    sig: Signature
    entities: Optional[list[EntityMention]] = None
    quotes: Optional[list[Quote]] = None
    statements: Optional[list[int]] = None


_DOCUMENT_COLUMNS = ("id, path, kind, url, title, published, published_time, byline, dateline, source, contributors,"
                     " text, removed, encoding, language")


def feature_rows(doc: Document) -> tuple[list[tuple], list[tuple]]:
    """The rows of a document's sentence features and of the dates it supports."""
    from ..chronology.features import candidate_rank, support_rows

    return ([(doc.id, f.sentence, f.date, f.granularity, int(f.named), f.kind, f.reason, f.refused, f.prior,
              candidate_rank(f), f.words, int(f.chronology)) for f in doc.features],
            [(r.date, doc.id, r.granularity, r.named, r.delta, r.fallback, r.next_day, r.chronology)
             for r in support_rows(doc, doc.features)])


def document_rows(raw: RawDocument, doc: Document, sig: Signature) -> DocumentRows:
    """The rows ``Store.save`` writes for a processed document and the raw one it came from."""
    features, support = feature_rows(doc)
    return DocumentRows(
        doc.id, doc.path, list(doc.paths),
        (doc.id, doc.path, doc.kind, doc.url, doc.title, doc.published.isoformat() if doc.published else None,
         doc.published_time, doc.byline, doc.dateline, doc.source, json.dumps(doc.contributors), doc.text,
         json.dumps([{"text": r.text, "reason": r.reason} for r in doc.removed], ensure_ascii=False),
         doc.encoding, doc.language),
        (raw.kind, json.dumps(raw.given, ensure_ascii=False), zlib.compress(raw.content.encode("utf-8"))),
        [(doc.id, s.index, s.start, s.end, s.paragraph, s.text) for s in doc.sentences],
        [(doc.id, m.sentence, m.start, m.end, m.text, m.type, m.value, m.granularity, m.mod, m.anchor)
         for m in doc.mentions],
        features, support, sig, doc.entities, doc.quotes, doc.statements)


class Documents(DedupRows, EntityRows, Exclusions):
    """Writing and reading documents with everything derived from them."""

    # -- writing --------------------------------------------------------------------------
    def known(self, document_id: str) -> Optional[str]:
        """The pipeline version a stored document was derived with, or None if not stored."""
        row = self.db.execute("SELECT pipeline FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else None

    def add_path(self, document_id: str, path: str) -> bool:
        """Record another place a stored document was seen; True if it was new."""
        with self.transaction():
            cur = self.db.execute("INSERT OR IGNORE INTO paths(document, path) VALUES (?, ?)", (document_id, path))
        return cur.rowcount > 0

    def save(self, batch: Iterable[Union[DocumentRows, tuple[RawDocument, Document, Signature]]],
             pipeline: str, entities: Optional[str] = None) -> int:
        """Store a batch of documents in one transaction (replacing older derivations); their names
        and quotes too, where found, as derived by the entity layer of version ``entities``. Each
        document comes as its rows made already in the document's place (``document_rows``, as a
        build's workers make them: they hold the raw document and the signature), or as the raw
        document, the document and its signature."""
        made = [item if isinstance(item, DocumentRows) else document_rows(*item) for item in batch]
        seen: set[str] = set()
        for rows in made:
            if rows.id in seen:  # as the dedup index would refuse it, but before rows of it are written
                raise StoreError(f"{rows.id!r} appears twice in one batch")
            seen.add(rows.id)
        with self.transaction():
            if made:
                self._insert_rows(made, pipeline, entities)
            self._index([rows.sig for rows in made])
        return len(made)

    def _insert_rows(self, made: list[DocumentRows], pipeline: str, entities: Optional[str]) -> None:
        """Documents of distinct ids, each replacing its older derivation: their rows of each table
        in one statement (SQLite's cost per statement was a good part of a document's), in the
        order a document at a time gives them (the documents' rowids too; a batch's sentences take
        theirs after all its deletions)."""
        db = self.db
        added = now()
        rowids, raws, paths, sentences, mentions, features, support = [], [], [], [], [], [], []
        for rows in made:
            self._delete(rows.id)
            rowids.append(db.execute(f"INSERT INTO documents({_DOCUMENT_COLUMNS}, pipeline, added)"
                                     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                     (*rows.document, pipeline, added)).lastrowid)
            raws.append((rows.id, *rows.raw))
            paths += [(rows.id, path) for path in dict.fromkeys([rows.path, *rows.paths])]
            sentences += rows.sentences
            mentions += rows.mentions
            features += rows.features
            support += rows.support
        # the search index reads the documents just inserted from their rows, in one statement (a
        # re-derived document may take the rowid its older derivation left: not all come after every other)
        db.execute("INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text FROM documents"
                   " WHERE rowid IN (SELECT value FROM json_each(?))", (json.dumps(rowids),))
        db.executemany("INSERT INTO raw(document, kind, given, content) VALUES (?,?,?,?)", raws)
        db.executemany("INSERT OR IGNORE INTO paths(document, path) VALUES (?,?)", paths)
        db.executemany('INSERT INTO sentences(document, idx, start, "end", paragraph, text) VALUES (?,?,?,?,?,?)',
                       sentences)
        db.executemany('INSERT INTO mentions(document, sentence, start, "end", text, type, value, granularity,'
                       " mod, anchor) VALUES (?,?,?,?,?,?,?,?,?,?)", mentions)
        self._insert_features(features, support)  # ``_delete`` took the older rows
        if entities is not None:
            for rows in made:
                if rows.entities is not None:
                    self._save_entities(rows, entities)
        db.executemany("DELETE FROM errors WHERE path = ?", [(path,) for _, path in paths])

    def _delete(self, document_id: str) -> None:
        row = self.db.execute("SELECT rowid FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row:
            # the search index is told what it indexed (read from the row, before the row goes)
            self.db.execute("INSERT INTO documents_fts(documents_fts, rowid, title, text)"
                            " SELECT 'delete', rowid, title, text FROM documents WHERE rowid = ?", (row[0],))
            self.db.execute("DELETE FROM mentions WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM features WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM date_support WHERE document = ?", (document_id,))
            self._delete_entities(document_id)
            self.db.execute("DELETE FROM sentences WHERE document = ?", (document_id,))
            self._unindex(document_id)
            self.db.execute("DELETE FROM raw WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM groups WHERE document = ?", (document_id,))
            self.db.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def recorded_error(self, path: str) -> Optional[str]:
        """The reason recorded for a path that could not be stored, or None."""
        row = self.db.execute("SELECT reason FROM errors WHERE path = ?", (path,)).fetchone()
        return row[0] if row else None

    def record_error(self, path: str, reason: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO errors(path, reason, at) VALUES (?,?,?)", (path, reason, now()))

    def _save_features(self, doc: Document, replace: bool = True) -> None:
        """The document's feature and date support rows, replacing its older ones unless told none are left."""
        if replace:
            self.db.execute("DELETE FROM features WHERE document = ?", (doc.id,))
            self.db.execute("DELETE FROM date_support WHERE document = ?", (doc.id,))
        self._insert_features(*feature_rows(doc))

    def _insert_features(self, features: list[tuple], support: list[tuple]) -> None:
        self.db.executemany(
            "INSERT INTO features(document, idx, date, granularity, named, kind, reason, refused, prior, rank, words,"
            " chronology) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", features)
        self.db.executemany(
            "INSERT INTO date_support(date, document, granularity, named, delta, fallback, next_day, chronology)"
            " VALUES (?,?,?,?,?,?,?,?)", support)
        self._apply_exclusions(row[0] for row in features)  # an editor's, kept by the sentence's text

    # -- reading --------------------------------------------------------------------------
    def _language_column(self) -> str:
        """``language``, or NULL while a store's migration (which reads documents) has yet to add it."""
        if not getattr(self, "_has_language", False):
            self._has_language = any(r[1] == "language" for r in self.db.execute("PRAGMA table_info(documents)"))
        return "language" if self._has_language else "NULL"

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def stale(self, pipeline: str, page: int = 256) -> Iterator[tuple[RawDocument, list[str]]]:
        """Documents derived by another pipeline version, as raw documents to redo, read ``page``
        at a time in id order (a store of millions re-derived after an upgrade is not loaded
        at once; documents stored meanwhile do not disturb the order)."""
        after = ""
        while rows := self.db.execute(
                "SELECT d.id, d.path, r.kind, r.given, r.content, d.encoding FROM documents d"
                " JOIN raw r ON r.document = d.id WHERE d.pipeline != ? AND d.id > ? ORDER BY d.id LIMIT ?",
                (pipeline, after, page)).fetchall():
            for doc_id, path, kind, given, content, encoding in rows:
                raw = RawDocument(id=doc_id, path=path, kind=kind, content=zlib.decompress(content).decode("utf-8"),
                                  encoding=encoding or "utf-8", given=json.loads(given))
                yield raw, self.paths(doc_id)
            after = rows[-1][0]

    def paths(self, document_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT path FROM paths WHERE document = ? ORDER BY rowid", (document_id,))]

    def errors(self) -> list[tuple[str, str]]:
        return list(self.db.execute("SELECT path, reason FROM errors ORDER BY path"))
    def documents(self, ids: Optional[Iterable[str]] = None, with_sentences: bool = True, *,
                  limit: Optional[int] = None, offset: int = 0, with_annotations: bool = True) -> list[Document]:
        """Load documents (all, or the given ids) as model objects, in a stable order;
        ``limit``/``offset`` give one page of that order (default: all)."""
        sql = ("SELECT id, path, kind, url, title, published, published_time, byline, dateline, source,"
               f" contributors, text, removed, encoding, {self._language_column()} FROM documents")
        params: tuple = ()
        if ids is not None:
            ids = list(ids)
            if not ids:
                return []
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted(id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM wanted")
            self.db.executemany("INSERT OR IGNORE INTO wanted(id) VALUES (?)", [(i,) for i in ids])
            sql += " WHERE id IN (SELECT id FROM wanted)"
        sql += " ORDER BY published IS NULL, published, path, id"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params = (-1 if limit is None else max(0, int(limit)), max(0, int(offset)))
        docs = []
        if ids is not None:  # only the wanted documents' groups
            groups = {doc: (grp, rel) for doc, grp, rel in self.db.execute(
                "SELECT g.document, g.grp, g.relation FROM temp.wanted w JOIN groups g ON g.document = w.id")}
        else:
            groups = {doc: (grp, rel) for doc, grp, rel in self.db.execute("SELECT document, grp, relation FROM groups")}
        paths: Optional[dict[str, list[str]]] = None
        sentences: Optional[dict[str, list[Sentence]]] = None
        if ids is not None:  # the wanted documents' paths and sentences in one query each
            paths, sentences = {}, {}
            for doc_id, path in self.db.execute("SELECT p.document, p.path FROM temp.wanted w"
                                                " JOIN paths p ON p.document = w.id ORDER BY p.rowid"):
                paths.setdefault(doc_id, []).append(path)
            if with_sentences:
                rows = self.db.execute(
                    'SELECT s.document, s.idx, s.start, s."end", s.text, s.paragraph FROM temp.wanted w'
                    " CROSS JOIN sentences s ON s.document = w.id ORDER BY w.id, s.idx").fetchall()
                for doc_id, group in itertools.groupby(rows, key=lambda r: r[0]):
                    sentences[doc_id] = [Sentence(*r) for r in group]
        for row in self.db.execute(sql, params).fetchall():
            (doc_id, path, kind, url, title, published, published_time, byline, dateline, source,
             contributors, text, removed, encoding, language) = row
            grp, rel = groups.get(doc_id, (None, None))
            doc = Document(
                id=doc_id, path=path, kind=kind, text=text,
                paths=paths.get(doc_id, []) if paths is not None else self.paths(doc_id), url=url, title=title,
                published=dt.date.fromisoformat(published) if published else None,
                published_time=published_time, byline=byline, dateline=dateline, source=source,
                contributors=json.loads(contributors),
                removed=[Removed(r["text"], r["reason"]) for r in json.loads(removed)],
                encoding=encoding or "utf-8", group=grp, relation=rel, language=language)
            if with_sentences:
                doc.sentences = sentences.get(doc_id, []) if sentences is not None else [
                    Sentence(doc_id, i, s, e, t, p) for i, s, e, p, t in self.db.execute(
                        'SELECT idx, start, "end", paragraph, text FROM sentences WHERE document = ? ORDER BY idx',
                        (doc_id,))]
                if not with_annotations:  # sentences only: what citing a document needs
                    docs.append(doc)
                    continue
                doc.mentions = [TimeMention(s, e, t, ty, v, g, m, a, doc_id, sent) for sent, s, e, t, ty, v, g, m, a in
                                self.db.execute('SELECT sentence, start, "end", text, type, value, granularity, mod, anchor'
                                                ' FROM mentions WHERE document = ? ORDER BY start', (doc_id,))]
                doc.features = [SentenceFeatures(i, d, g, bool(n), k, r, x, p, w, bool(c))
                                for i, d, g, n, k, r, x, p, w, c in self.db.execute(
                                    "SELECT idx, date, granularity, named, kind, reason, refused, prior, words, chronology"
                                    " FROM features WHERE document = ? ORDER BY idx", (doc_id,))]
            docs.append(doc)
        if docs:
            copied, repeats = self._paragraph_origins([d.id for d in docs])
            for doc in docs:
                doc.paragraph_origins = copied.get(doc.id, {})
                doc.repeated_paragraphs = repeats.get(doc.id, set())
        return docs
