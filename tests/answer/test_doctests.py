"""The answer stage's docstring examples run as tests (those marked +SKIP need a real index)."""

import doctest
import importlib
import pkgutil

import pytest

# the package, not the function `askwef.answer` that the package's own attribute is set to
MODULES = sorted(m.name for m in pkgutil.iter_modules(importlib.import_module("askwef.answer").__path__))


@pytest.mark.parametrize("name", MODULES)
def test_the_examples_in_the_docstrings_hold(name):
    module = importlib.import_module(f"askwef.answer.{name}")
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0
