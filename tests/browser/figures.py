"""The browser tests' figures (pages crawled, links checked, axe and HTML checks, Lighthouse's lowest
scores, seconds): written to test-artifacts/browser-figures.json and printed at the end of a run.

A plugin of the root conftest, not of tests/browser/conftest.py: the controller of a parallel run
(pytest-xdist) collects nothing, so only plugins named there reach it. Each worker hands its
figures over when it stops; the controller adds them up.
"""

import json

import pytest

from tests.browser import tools

FIGURES = {}  # name -> value
IN_WORKER = False  # a worker of a parallel run, rather than its controller (or a run on its own)


# Counted test by test, so they add up across workers; the others (the crawl's size, the scores)
# are the same whichever worker measured them.
ADDED_UP = {"axe page checks", "axe violations", "browser tests seconds"}


def add_figures(figures):
    for name, value in figures.items():
        if name in ADDED_UP and name in FIGURES:
            value = round(FIGURES[name] + value, 1)
        FIGURES[name] = value


def pytest_runtest_logreport(report):
    # Reports reach the controller of a parallel run too: it counts the seconds, its workers don't.
    if "browser" in report.keywords and not IN_WORKER:
        add_figures({"browser tests seconds": round(report.duration, 1)})


def pytest_configure(config):
    global IN_WORKER
    IN_WORKER = hasattr(config, "workerinput")


def pytest_sessionfinish(session):
    """A worker of a parallel run hands its figures to the controller (pytest-xdist's workeroutput)."""
    if IN_WORKER:
        session.config.workeroutput["browser_figures"] = dict(FIGURES)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    add_figures(getattr(node, "workeroutput", {}).get("browser_figures", {}))


def pytest_terminal_summary(terminalreporter):
    if not FIGURES or IN_WORKER:
        return
    tools.ARTIFACTS.mkdir(exist_ok=True)
    (tools.ARTIFACTS / "browser-figures.json").write_text(json.dumps(FIGURES, indent=2) + "\n")
    terminalreporter.section("browser checks")
    for name, value in FIGURES.items():
        terminalreporter.write_line(f"{name}: {value}")
    if tools.SCREENSHOTS.is_dir():
        terminalreporter.write_line(f"screenshots: {tools.SCREENSHOTS.relative_to(tools.ROOT)}/")
