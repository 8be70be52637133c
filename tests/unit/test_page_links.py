"""pages.ui.routing.page_target: links use the router's pages of this run, else the page's file."""

from __future__ import annotations

import threading

from pages.ui.routing import PAGE_FILES, page_target, register_pages


def test_without_registered_pages_the_file_path_is_used() -> None:
    """A thread where the router has not run gets the page's file path."""
    got: list[object] = []
    thread = threading.Thread(target=lambda: got.append(page_target("ramp")))
    thread.start()
    thread.join()
    assert got == [f"pages/{PAGE_FILES['ramp']}"]


def test_registered_pages_stay_in_their_own_run_thread() -> None:
    """The pages registered in one script-run thread are used there and nowhere else."""
    marker = object()
    seen: dict[str, object] = {}

    def run() -> None:
        register_pages({"ramp": marker})  # type: ignore[dict-item]
        seen["ramp"] = page_target("ramp")
        seen["guides"] = page_target("guides")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen["ramp"] is marker
    assert seen["guides"] == f"pages/{PAGE_FILES['guides']}"
    assert page_target("ramp") == f"pages/{PAGE_FILES['ramp']}"  # this thread registered nothing
