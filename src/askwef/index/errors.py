"""The index's errors: each message says what is wrong and what to run."""

from __future__ import annotations


class IndexProblem(Exception):
    """Base for index problems; the message says what is wrong and what to run."""


class IndexMissing(IndexProblem):
    pass


class IndexStale(IndexProblem):
    pass


class IndexCorrupt(IndexProblem):
    pass


class BuildError(IndexProblem):
    pass
