"""Compact, read-only tables of frozen dataclasses: one numpy column per field, a value made on demand.

A library of 1,000 reports holds about two million sentences. As frozen dataclasses they would take
several GB (an object, a dict of fields and a str per field each); as columns they take the text's
bytes plus a few integers per row. `Table` is a `Sequence`: `table[i]` builds the dataclass value for
row i (about 2 microseconds), `len(table)` and iteration work as for a tuple, and code that reads
`store.sentences[i]` does not change.

Column kinds, chosen per field from its type and its name:

    text   unique strings (sentence text, ids): UTF-8 bytes in one array, plus row offsets
    label  repeated strings (document, section path, unit, kind): int32 codes into a list of values
    int    int32 (page, start, end); float: float32
    ints   tuple[int, ...] (endnotes): one int32 array, plus row offsets

>>> from askwef.types import Endnote
>>> t = Table.from_rows(Endnote, [{"number": 1, "reference": "A", "url": ""}, {"number": 2, "reference": "B"}])
>>> len(t), t[1]
(2, Endnote(number=2, reference='B', url=''))
>>> Table.concat([t, t])[3].number
2
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator, Sequence

import numpy as np

TEXT_FIELDS = frozenset({"id", "text", "passage_id", "context", "reference", "url"})
"""String fields whose values are (nearly) all different: stored as bytes, not as codes into a list."""


def _kind(field: dataclasses.Field, hints: dict) -> str:
    hint = hints.get(field.name, str)
    if hint is int or hint is bool:
        return "int"
    if hint is float:
        return "float"
    if typing.get_origin(hint) is tuple:
        return "ints"
    return "text" if field.name in TEXT_FIELDS else "label"


class Strings(Sequence):
    """Strings as one UTF-8 byte array and offsets: row i is data[offsets[i]:offsets[i+1]]."""

    def __init__(self, data: np.ndarray, offsets: np.ndarray) -> None:
        self.data, self.offsets = data, offsets

    @classmethod
    def build(cls, values: list[str]) -> "Strings":
        encoded = [v.encode("utf-8") for v in values]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8).copy(), offsets)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self.data[self.offsets[i] : self.offsets[i + 1]].tobytes().decode("utf-8")

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self[i]

    def nbytes(self) -> int:
        return self.data.nbytes + self.offsets.nbytes

    @staticmethod
    def concat(parts: list["Strings"]) -> "Strings":
        data = np.concatenate([p.data for p in parts]) if parts else np.zeros(0, np.uint8)
        offsets, base = [np.zeros(1, np.int64)], 0
        for p in parts:
            offsets.append(p.offsets[1:] + base)
            base += int(p.offsets[-1])
        return Strings(data, np.concatenate(offsets))


class _Label:
    """Repeated strings as int32 codes into a list of the distinct values."""

    def __init__(self, codes: np.ndarray, values: list[str]) -> None:
        self.codes, self.values = codes, values

    @classmethod
    def build(cls, values: list[str]) -> "_Label":
        index: dict[str, int] = {}
        codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=len(values))
        return cls(codes, list(index))

    def __getitem__(self, i: int) -> str:
        return self.values[self.codes[i]]

    def nbytes(self) -> int:
        return self.codes.nbytes + sum(len(v) + 49 for v in self.values)

    @staticmethod
    def concat(parts: list["_Label"]) -> "_Label":
        index: dict[str, int] = {}
        codes = []
        for p in parts:  # subtle: the same section path in two shards gets one code
            remap = np.array([index.setdefault(v, len(index)) for v in p.values], dtype=np.int32)
            codes.append(remap[p.codes] if len(p.values) else p.codes)
        return _Label(np.concatenate(codes) if codes else np.zeros(0, np.int32), list(index))


class _Ints:
    """tuple[int, ...] per row: one int32 array and offsets."""

    def __init__(self, data: np.ndarray, offsets: np.ndarray) -> None:
        self.data, self.offsets = data, offsets

    @classmethod
    def build(cls, values: list) -> "_Ints":
        offsets = np.zeros(len(values) + 1, dtype=np.int64)
        np.cumsum([len(v) for v in values], out=offsets[1:])
        data = np.fromiter((int(x) for v in values for x in v), dtype=np.int32, count=int(offsets[-1]))
        return cls(data, offsets)

    def __getitem__(self, i: int) -> tuple[int, ...]:
        return tuple(self.data[self.offsets[i] : self.offsets[i + 1]].tolist())  # Python ints, 6x faster than int() each

    def nbytes(self) -> int:
        return self.data.nbytes + self.offsets.nbytes

    @staticmethod
    def concat(parts: list["_Ints"]) -> "_Ints":
        offsets = Strings.concat([Strings(p.data, p.offsets) for p in parts]).offsets  # same layout: data + offsets
        return _Ints(np.concatenate([p.data for p in parts]) if parts else np.zeros(0, np.int32), offsets)


class _Number:
    def __init__(self, values: np.ndarray, cast) -> None:
        self.values, self.cast = values, cast

    def __getitem__(self, i: int):
        return self.cast(self.values[i])

    def nbytes(self) -> int:
        return self.values.nbytes


_BUILD = {
    "text": Strings.build,
    "label": _Label.build,
    "ints": _Ints.build,
    "int": lambda values: _Number(np.asarray(values, dtype=np.int32), int),
    "float": lambda values: _Number(np.asarray(values, dtype=np.float32), float),
}


ROW_CACHE = 4096
"""Rows a Table keeps built: answering a question reads the same few dozen sentences (candidates, their
neighbours, the quote) several times over, and building a row reads every column (about 10 µs a row). The
cache starts afresh when full, so memory stays bounded in a library of any size."""


class Table(Sequence):
    """A read-only sequence of `cls` values stored as columns (see the module docstring)."""

    def __init__(self, cls: type, columns: dict[str, object], length: int) -> None:
        self.cls = cls
        self.columns = columns
        self._length = length
        self._columns = tuple(columns.values())
        self._rows: dict[int, object] = {}  # built rows (ROW_CACHE); values are frozen dataclasses

    @classmethod
    def from_rows(cls, kind: type, rows: list[dict]) -> "Table":
        """Rows as dicts (JSON from the index); a field missing from a row takes its default."""
        hints = typing.get_type_hints(kind)
        columns: dict[str, object] = {}
        for f in dataclasses.fields(kind):
            default = f.default if f.default is not dataclasses.MISSING else None
            values = [row.get(f.name, default) for row in rows]
            columns[f.name] = _BUILD[_kind(f, hints)](values)
        return cls(kind, columns, len(rows))

    @classmethod
    def concat(cls, tables: list["Table"]) -> "Table":
        """One table holding the rows of `tables`, in order (all of the same dataclass)."""
        if not tables:
            raise ValueError("nothing to concatenate")
        first = tables[0]
        columns: dict[str, object] = {}
        for name, column in first.columns.items():
            parts = [t.columns[name] for t in tables]
            if isinstance(column, _Number):
                columns[name] = _Number(np.concatenate([p.values for p in parts]), column.cast)
            else:
                columns[name] = type(column).concat(parts)
        return cls(first.cls, columns, sum(len(t) for t in tables))

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        row = self._rows.get(i)
        if row is None:
            if len(self._rows) >= ROW_CACHE:
                self._rows.clear()
            row = self._rows[i] = self._build(i)
        return row

    def __iter__(self) -> Iterator:
        # a scan reads each row once: built, not cached, so it does not push out the rows answers read again
        for i in range(self._length):
            yield self._build(i)

    def _build(self, i: int):
        return self.cls(*[column[i] for column in self._columns])  # type: ignore[index]

    def field(self, name: str, i: int):
        """One field of row i, without building the whole value: `table.field("text", 3)`."""
        return self.columns[name][i]  # type: ignore[index]

    def codes(self, name: str) -> tuple[np.ndarray, list[str]]:
        """A label column as (int32 codes per row, distinct values): fast filters on document or section."""
        column = self.columns[name]
        if not isinstance(column, _Label):
            raise TypeError(f"{name} is not a label column")
        return column.codes, column.values

    def nbytes(self) -> int:
        """Bytes held by the columns (what the table costs in memory, near enough)."""
        return sum(c.nbytes() for c in self.columns.values())  # type: ignore[attr-defined]
