"""The examples in the modules' docstrings are run, so an example that stops saying what the code
does fails here (`python -m pytest` runs them; `pytest --doctest-modules` would also collect
`__main__.py`, which runs the command line). An example that needs a notebook holding particular
records is an illustration: it is marked `# doctest: +SKIP` where it stands."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import danyuanzhang

SOURCE = Path(danyuanzhang.__file__).parent


def module_name(path: Path) -> str:
    parts = ("danyuanzhang", *path.relative_to(SOURCE).with_suffix("").parts)
    return ".".join(parts).removesuffix(".__init__")


WITH_EXAMPLES = sorted(
    module_name(path) for path in SOURCE.rglob("*.py") if ">>> " in path.read_text(encoding="utf-8")
)


def run_examples(name: str) -> doctest.TestResults:
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(importlib.import_module(name)):
        runner.run(test)
    return runner.summarize(verbose=False)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_the_examples_in_a_module_s_docstrings_hold(name: str) -> None:
    assert run_examples(name).failed == 0


@pytest.mark.parametrize(
    "name",
    [
        "danyuanzhang.core.changes",
        "danyuanzhang.core.hlc",
        "danyuanzhang.core.merge",
        "danyuanzhang.errors",
        "danyuanzhang.store.shape",
        "danyuanzhang.text.i18n",
        "danyuanzhang.text.inputs",
        "danyuanzhang.text.markdown",
        "danyuanzhang.text.phones",
        "danyuanzhang.text.typeset",
        "danyuanzhang.text.visible",
        "danyuanzhang.text.words",
    ],
)
def test_the_examples_of_pure_functions_are_run_not_skipped(name: str) -> None:
    """Their examples need no notebook: each one runs."""
    examples = sum(
        len(test.examples) for test in doctest.DocTestFinder().find(importlib.import_module(name))
    )
    assert name in WITH_EXAMPLES and run_examples(name).attempted == examples > 0
