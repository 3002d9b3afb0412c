"""Compact tables: what goes in comes out, whatever the field types; concatenation keeps rows and labels."""

from __future__ import annotations

import numpy as np
import pytest

from askwef.index.columns import Strings, Table
from askwef.index.vectors import Vectors
from askwef.types import Passage, Sentence


def _sentence(i: int, **changes) -> Sentence:
    base = Sentence(f"s{i}", f"Sentence {i} — ünïcode 潮汐 {i}.", "a.md" if i % 2 else "b.pdf", f"1 Intro > {i % 3}", i, f"p{i // 2}",
                    10 * i, 10 * i + 5, tuple(range(i % 4)), "USE CASE 1" if i % 5 == 0 else "", "row" if i % 7 == 0 else "prose")
    return Sentence(**{**base.to_dict(), "endnotes": base.endnotes, **changes})


def test_a_table_gives_back_the_values_put_in():
    rows = [_sentence(i) for i in range(50)]
    table = Table.from_rows(Sentence, [r.to_dict() for r in rows])
    assert len(table) == 50 and list(table) == rows and table[-1] == rows[-1] and table[3:6] == rows[3:6]
    assert table.field("text", 7) == rows[7].text
    codes, values = table.codes("document")
    assert sorted(values) == ["a.md", "b.pdf"] and [values[c] for c in codes] == [r.document for r in rows]
    with pytest.raises(IndexError):
        table[50]


def test_a_table_builds_a_row_once_and_keeps_a_bounded_number(monkeypatch):
    import askwef.index.columns as columns

    monkeypatch.setattr(columns, "ROW_CACHE", 8)
    rows = [_sentence(i) for i in range(20)]
    table = Table.from_rows(Sentence, [r.to_dict() for r in rows])
    assert table[3] is table[3] and table[3] == rows[3]  # built once: the same frozen value again
    assert [table[i] for i in range(20)] == rows  # past the bound the cache starts afresh, values unchanged
    assert len(table._rows) <= 8
    table._rows.clear()
    assert list(table) == rows and not table._rows  # a scan builds every row without filling the cache


def test_concatenated_tables_keep_rows_and_merge_labels():
    a = Table.from_rows(Sentence, [_sentence(i).to_dict() for i in range(0, 7)])
    b = Table.from_rows(Sentence, [_sentence(i).to_dict() for i in range(7, 20)])
    both = Table.concat([a, b])
    assert list(both) == [_sentence(i) for i in range(20)]
    _, sections = both.codes("section")
    assert len(sections) == len(set(sections)) == 3  # one code per distinct section path across both


def test_a_missing_field_takes_its_default():
    row = {"id": "x", "text": "t", "document": "d", "section": "s", "page": 1}
    assert Table.from_rows(Passage, [row])[0] == Passage("x", "t", "d", "s", 1)


def test_strings_and_vectors_behave_like_sequences():
    s = Strings.build(["a", "", "ü"])
    assert list(s) == ["a", "", "ü"] and len(s) == 3 and s[1:] == ["", "ü"]
    parts = [np.eye(3, dtype=np.float32)[:2], np.eye(3, dtype=np.float32)[2:]]
    v = Vectors(parts)
    assert v.take(np.array([2, 0, 2])).tolist() == [[0, 0, 1], [1, 0, 0], [0, 0, 1]]
    scores, ids = v.search(np.array([0, 0, 1], np.float32), 2)
    assert ids[0][0] == 2 and scores[0][0] == 1.0
