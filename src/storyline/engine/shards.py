"""Parquet shards: one chunk's results, written whole by the worker that made them and read back
by the build's writer.

A shard is one Parquet file of two columns: the position of each result in its chunk and the
result itself, pickled (the results are storyline's own records — a document's rows as the store
writes them, plain tuples, with its names and signature — read back only by storyline, so they are
kept as they are rather than spread over columns). A shard is written to a temporary name and
renamed, so a shard that exists is whole.
"""

from __future__ import annotations

import os
import pickle
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def write(path: Path, records: list) -> None:
    """Write ``records`` as the shard ``path`` (replacing one left by an earlier run)."""
    table = pa.table({"position": pa.array(range(len(records)), pa.int32()),
                      "record": pa.array([pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in records],
                                         pa.large_binary())})
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, path)


def read(path: Path) -> list:
    """The records of the shard ``path``, in their order."""
    table = pq.read_table(path)
    positions = table.column("position").to_pylist()
    if positions != sorted(positions):  # written in order; sorting the records' column copies it all
        table = table.sort_by("position")
    return [pickle.loads(blob) for blob in table.column("record").to_pylist()]


__all__ = ["read", "write"]
