"""Lines an editor excluded from the timeline: kept by document and sentence text, applied as a
refusal of the sentence's candidate row (``features.refused = 'excluded'``).

An exclusion names the sentence by its text, not its index, so that it still holds when the
document is derived again (a new pipeline version may split its sentences otherwise): each time
a document's features are written, its exclusions are applied again (``_apply_exclusions``).
A whole article is excluded by a row with no text: none of its sentences is a line (its dates
still count: the article still reports them).
"""

from __future__ import annotations

from typing import Iterable, Optional

from ..model import Exclusion
from .connection import Connection, StoreError, now

EXCLUDED = "excluded"  # the refusal an exclusion sets on a sentence's candidate row


class LineNotFound(StoreError, LookupError):
    """A line (document and sentence), or a document, the store does not hold."""


_WHOLE = ""  # the text of an exclusion of a whole article


class Exclusions(Connection):
    """An editor's exclusions of timeline lines."""

    def _sentence_texts(self, lines: Iterable[tuple[str, int]]) -> list[tuple[str, int, str]]:
        out = []
        for document, idx in dict.fromkeys(lines):
            row = self.db.execute("SELECT text FROM sentences WHERE document = ? AND idx = ?", (document, idx)).fetchone()
            if row is None:
                raise LineNotFound(f"no sentence {document}#{idx} in {self.path}")
            out.append((document, idx, row[0]))
        return out

    def _record(self, document: str, text: str, reason: str, note: str) -> bool:
        """Keep an exclusion (one kept already gets this reason and note): whether it is new."""
        if self.db.execute("INSERT OR IGNORE INTO exclusions(document, text, reason, note, at) VALUES (?,?,?,?,?)",
                           (document, text, reason, note, now())).rowcount:
            return True
        self.db.execute("UPDATE exclusions SET reason = ?, note = ? WHERE document = ? AND text = ?",
                        (reason, note, document, text))
        return False

    def exclude(self, lines: Iterable[tuple[str, int]], reason: str, note: str = "") -> int:
        """Exclude these (document, sentence) lines from every timeline: how many were not excluded
        before (the others get this reason and note). Raises :class:`LineNotFound` (nothing
        changed) when one is not in the store."""
        found = self._sentence_texts(lines)
        with self.transaction():
            added = sum(self._record(document, text, reason, note) for document, _, text in found)
            self._apply_exclusions(document for document, _, _ in found)  # by text, as a rebuild applies them
        return added

    def exclude_documents(self, documents: Iterable[str], reason: str, note: str = "") -> int:
        """Exclude every line of these articles: how many were not excluded before. Raises
        :class:`LineNotFound` (nothing changed) for a document the store does not hold."""
        ids = list(dict.fromkeys(documents))
        for document in ids:
            if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document,)).fetchone() is None:
                raise LineNotFound(f"no document {document} in {self.path}")
        with self.transaction():
            added = sum(self._record(document, _WHOLE, reason, note) for document in ids)
            self._apply_exclusions(ids)
        return added

    def restore_documents(self, documents: Iterable[str]) -> int:
        """Take back the exclusion of these whole articles (their lines excluded one by one stay so):
        how many were excluded."""
        with self.transaction():
            removed = 0
            for document in dict.fromkeys(documents):
                removed += self.db.execute("DELETE FROM exclusions WHERE document = ? AND text = ?",
                                           (document, _WHOLE)).rowcount
                self.db.execute(
                    "UPDATE features SET refused = NULL WHERE document = ? AND refused = ? AND idx NOT IN"
                    " (SELECT s.idx FROM exclusions e JOIN sentences s ON s.document = e.document AND s.text = e.text"
                    " WHERE e.document = ?)", (document, EXCLUDED, document))
        return removed

    def restore(self, lines: Iterable[tuple[str, int]]) -> int:
        """Take back the exclusion of these lines: how many were excluded."""
        found = self._sentence_texts(lines)
        with self.transaction():
            removed = 0
            for document, _, text in found:
                removed += self.db.execute("DELETE FROM exclusions WHERE document = ? AND text = ?",
                                           (document, text)).rowcount
                self.db.execute("UPDATE features SET refused = NULL WHERE document = ? AND refused = ?"
                                " AND idx IN (SELECT idx FROM sentences WHERE document = ? AND text = ?)"
                                " AND NOT EXISTS (SELECT 1 FROM exclusions WHERE document = ? AND text = ?)",
                                (document, EXCLUDED, document, text, document, _WHOLE))  # its article stays out
        return removed

    def exclusions(self, document: Optional[str] = None) -> list[Exclusion]:
        """The excluded lines (of one document), latest first, with the sentence each now is (None
        when the document no longer holds that text)."""
        where, params = ("WHERE e.document = ?", (document,)) if document else ("", ())
        rows = self.db.execute(
            "SELECT e.document, (SELECT min(s.idx) FROM sentences s WHERE s.document = e.document AND s.text = e.text"
            " AND e.text != ''),"
            f" e.text, e.reason, e.note, e.at FROM exclusions e {where} ORDER BY e.at DESC, e.document, e.text", params)
        return [Exclusion(document=d, sentence=i, text=t, reason=r, note=n, at=a) for d, i, t, r, n, a in rows]

    def _apply_exclusions(self, documents: Iterable[str]) -> None:
        """Inside a transaction: refuse the candidate rows of these documents' excluded sentences
        (after their features were written again)."""
        if not getattr(self, "_has_exclusions", False):
            self._has_exclusions = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exclusions'").fetchone() is not None
            if not self._has_exclusions:
                return
        if self.db.execute("SELECT 1 FROM exclusions LIMIT 1").fetchone() is None:
            return
        ids = list(dict.fromkeys(documents))
        self.db.executemany(
            "UPDATE features SET refused = ? WHERE document = ? AND refused IS NULL"
            " AND idx IN (SELECT s.idx FROM exclusions e JOIN sentences s ON s.document = e.document AND s.text = e.text"
            " WHERE e.document = ?)", [(EXCLUDED, d, d) for d in ids])
        self.db.executemany(
            "UPDATE features SET refused = ? WHERE document = ? AND refused IS NULL"
            " AND EXISTS (SELECT 1 FROM exclusions WHERE document = ? AND text = ?)", [(EXCLUDED, d, d, _WHOLE) for d in ids])


__all__ = ["EXCLUDED", "Exclusions", "LineNotFound"]
