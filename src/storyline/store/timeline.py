"""What the timeline reads from the store: per-date aggregates and the candidate lines of a date.

The timeline (``storyline.chronology``) never loads documents to choose its dates: it asks the
store for one SQL aggregate over the stored date support and for the best candidate sentences
of the dates it chose, optionally restricted to a set of documents (``set_scope``, e.g. the
matches of a search). These queries are here so that the chronology package holds no SQL.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable, Optional

from .connection import Connection

if TYPE_CHECKING:
    from ..model import Relation


class TimelineReads(Connection):
    """The queries behind a timeline."""

    def set_scope(self, ids: Optional[Iterable[str]], lines: Optional[Iterable[tuple[str, int]]] = None) -> None:
        """Restrict the timeline queries below to these documents (None: every document) and, with
        ``lines``, the candidate lines to these (document, sentence) pairs."""
        if ids is None:
            self.db.execute("DROP TABLE IF EXISTS temp._scope")
        else:
            self._temp("_scope", "id TEXT PRIMARY KEY", [(i,) for i in dict.fromkeys(ids)])
        if lines is None:
            self.db.execute("DROP TABLE IF EXISTS temp._lines")
        else:
            self._temp("_lines", "document TEXT, idx INTEGER", list(dict.fromkeys(lines)))

    def _scoped(self, column: str, sentence: Optional[str] = None) -> str:
        tables = {r[0] for r in self.db.execute("SELECT name FROM temp.sqlite_master WHERE name IN ('_scope', '_lines')")}
        out = f" JOIN temp._scope x ON x.id = {column}" if "_scope" in tables else ""
        if sentence and "_lines" in tables:
            out += f" JOIN temp._lines y ON y.document = {column} AND y.idx = {sentence}"
        return out

    def _lines_scoped(self) -> bool:
        return self.db.execute("SELECT 1 FROM temp.sqlite_master WHERE name = '_lines'").fetchone() is not None

    def date_support(self, weights: dict[str, float], start: Optional[str] = None, end: Optional[str] = None,
                     days_only: bool = False) -> list[tuple]:
        """Per date, how the (scoped) documents support it, a duplicate group once.

        Returns ``(date, granularity, named score, named sources, named sentences, fallback
        score, chronology sources, sources published there, sources, sources reporting it
        within the window)`` rows. A source's named
        score is its best document's count of sentences reporting the date, at
        ``weights['ahead']`` when the document appeared before the date (a preview); its
        fallback score the weight of its undated lead (``lead``) or body (``body``) sentences
        published that day, or
        ``next_day`` times that for a report published the day after. Dates with nothing but
        next-day material are left out. A source reports a date when it was published on it
        or names it within ``weights['window']`` days.
        """
        where, params = [], []
        if start is not None or end is not None:
            # a day inside the bounds, a month or year overlapping them (compared at its own length);
            # a season is left out, as it cannot be compared so
            where.append("(length(s.date) IN (4, 10) OR (length(s.date) = 7 AND substr(s.date, 6, 1) IN ('0', '1')))")
        if start is not None:
            where.append("s.date >= substr(?, 1, length(s.date))")
            params.append(start)
        if end is not None:
            where.append("s.date <= substr(?, 1, length(s.date))")
            params.append(end)
        if days_only:
            where.append("s.granularity = 'day'")
        w = weights
        sql = f"""
        WITH per_src AS (
            SELECT s.date AS date, MIN(s.granularity) AS granularity,
                   MAX(s.named * CASE WHEN s.delta < 0 THEN {w['ahead']} ELSE 1.0 END) AS nw,
                   MAX(s.named > 0) AS has_named, SUM(s.named) AS n,
                   MAX(MAX(CASE WHEN s.fallback IS NULL THEN 0 WHEN s.fallback <= 1 THEN {w['lead']} ELSE {w['body']} END,
                           CASE WHEN s.next_day IS NULL THEN 0 WHEN s.next_day <= 1 THEN {w['lead']} ELSE {w['body']} END
                           * {w['next_day']})) AS fb,
                   MAX(s.fallback IS NOT NULL OR s.named > 0) AS material,
                   MAX(s.chronology > 0) AS chrono, MAX(s.fallback IS NOT NULL OR IFNULL(s.delta = 0, 0)) AS here,
                   MAX(s.fallback IS NOT NULL OR (s.named > 0 AND IFNULL(s.delta BETWEEN 0 AND {int(w['window'])}, 0)))
                       AS reporting
            FROM date_support s{self._scoped("s.document")} LEFT JOIN groups g ON g.document = s.document
            {"WHERE " + " AND ".join(where) if where else ""}
            GROUP BY s.date, COALESCE(g.grp, s.document))
        SELECT date, MIN(granularity), SUM(nw), SUM(has_named), SUM(n), SUM(CASE WHEN has_named THEN 0 ELSE fb END),
               SUM(chrono), SUM(here), COUNT(*), SUM(reporting)
        FROM per_src GROUP BY date HAVING MAX(material) > 0"""
        return self.db.execute(sql, params).fetchall()

    _CANDIDATE_COLUMNS = ("f.document, f.idx, s.start, s.\"end\", s.paragraph, s.text, f.named, f.kind, f.prior, f.words,"
                          " f.chronology")

    def candidates(self, date: str, limit: int, kinds: tuple[str, ...] = ("report", "state"),
                   next_day: bool = False, statement_weight: float = 1.0) -> list[tuple]:
        """The best candidate lines for ``date`` among the scoped documents, best prior first.

        A statement (a sentence the entity layer found reporting what someone said rather than
        a happening, table ``statements``) has its rank and prior times ``statement_weight``. At
        1.0 the rows come straight off the (date, rank) index; at a weight ``w`` below it only the
        rows whose own rank reaches ``w`` times the ``limit``-th best rank are weighed and sorted
        (no row below that can be among the ``limit`` best once weighed), read off the same index.

        With ``next_day``: instead the undated lead sentences of reports published the day
        after (``NEXT_DAY_LEAD``), which tell what happened on ``date`` without naming it.
        Rows: ``(document, sentence, start, end, paragraph, text, named, kind, prior, words,
        chronology)``, the granularity being the date's. What a row's document is (publication,
        source) is read once per document (``candidate_documents``), not joined to each row.
        """
        from ..chronology.settings import NEXT_DAY_LEAD

        marks = ",".join("?" * len(kinds))
        params: list[object]
        if next_day:
            day = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
            cond, params = (f"f.date = ? AND f.named = 0 AND f.idx <= {NEXT_DAY_LEAD}"
                            " AND (SELECT published FROM documents WHERE id = f.document) = ?"), [day, day]
        else:
            cond, params = "f.date = ?", [date]
        where = f" WHERE {cond} AND f.refused IS NULL AND f.kind IN ({marks})"
        scoped = self._scoped("f.document", "f.idx")
        bound: list[object] = [*params, *kinds]
        weighed, weight, order = "f.prior, f.rank", "", "f.rank"
        if statement_weight != 1.0:
            floor = 0.0
            if 0.0 <= statement_weight < 1.0:  # ranks are never negative: a weight below 1 only lowers one
                kth = self.db.execute(f"SELECT f.rank FROM features f{scoped}{where} ORDER BY f.rank DESC"
                                      " LIMIT 1 OFFSET ?", [*bound, max(limit - 1, 0)]).fetchone()
                floor = statement_weight * kth[0] if kth is not None else 0.0
            factor = "(CASE WHEN w.idx IS NULL THEN 1.0 ELSE ? END)"
            weighed = f"f.prior * {factor} AS prior, f.rank * {factor} AS rank"
            weight = " LEFT JOIN statements w ON w.document = f.document AND w.idx = f.idx"
            order = "rank"  # the weighed rank
            where += " AND f.rank >= ?"
            bound = [statement_weight, statement_weight, *bound, floor]
        # the best rows come off the (date, rank) index; only they are joined
        sql = (f"SELECT {self._CANDIDATE_COLUMNS} FROM ("
               f" SELECT f.document, f.idx, f.named, f.kind, {weighed}, f.words, f.chronology"
               f" FROM features f{scoped}{weight}{where} ORDER BY {order} DESC LIMIT ?) f"
               " JOIN sentences s ON s.document = f.document AND s.idx = f.idx"
               " ORDER BY f.rank DESC, f.document, f.idx")
        return self.db.execute(sql, [*bound, limit]).fetchall()

    def candidate_documents(self, ids: Iterable[str]) -> dict[str, tuple[Optional[str], str, Optional["Relation"]]]:
        """Per document of these candidate lines: its publication date, its independent source
        (its duplicate group, else itself) and its place in that group."""
        self._temp("_cited", "id TEXT PRIMARY KEY", [(i,) for i in dict.fromkeys(ids)])
        return {doc: (published, source, relation) for doc, published, source, relation in self.db.execute(
            "SELECT d.id, d.published, COALESCE(g.grp, d.id), g.relation FROM temp._cited x"
            " JOIN documents d ON d.id = x.id LEFT JOIN groups g ON g.document = d.id")}

    def undated_candidates(self, per_document: int) -> list[tuple]:
        """The first ``per_document`` lines of each scoped document without a publication date
        that name no date: ``(document, sentence, text, words, source, relation, path)``.

        Each document's first lines are read off its features in sentence order (a subquery with
        ``LIMIT``), not numbered by a window function, which sorted every undated sentence of
        the store, text and all, in SQLite's memory (tens of megabytes past ten thousand
        documents). Lines scoped to a few (a search's) are still numbered so: a handful to sort."""
        columns = "f.document, f.idx, s.text, f.words, COALESCE(g.grp, f.document) AS source, g.relation, d.path"
        lines = (f" FROM documents d{self._scoped('d.id')} CROSS JOIN features f ON f.document = d.id"
                 "{} CROSS JOIN sentences s ON s.document = f.document AND s.idx = f.idx"
                 " LEFT JOIN groups g ON g.document = d.id WHERE d.published IS NULL")
        if self._lines_scoped():
            return self.db.execute(
                "SELECT document, idx, text, words, source, relation, path FROM ("
                f" SELECT {columns}, ROW_NUMBER() OVER (PARTITION BY f.document ORDER BY f.idx) AS k"
                + lines.format(" JOIN temp._lines y ON y.document = f.document AND y.idx = f.idx")
                + " AND f.date IS NULL AND f.refused IS NULL) WHERE k <= ? ORDER BY path, document, idx",
                (per_document,)).fetchall()
        first = (" SELECT f2.idx FROM features f2 CROSS JOIN sentences s2 ON s2.document = f2.document AND s2.idx = f2.idx"
                 " WHERE f2.document = d.id AND f2.date IS NULL AND f2.refused IS NULL ORDER BY f2.idx LIMIT ?")
        return self.db.execute(
            f"SELECT {columns}" + lines.format("") + f" AND f.idx IN ({first}) ORDER BY d.path, f.document, f.idx",
            (per_document,)).fetchall()
