"""pytest configuration: the package under test is bindings/python/triad,
loaded against the library named by TRIAD_LIBRARY (meson sets both)."""
import os
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402


@pytest.fixture
def map_path() -> pathlib.Path:
    """lib/libtriad.map of the source tree (TRIAD_MAP, or found relative to
    this file)."""
    env = os.environ.get("TRIAD_MAP")
    if env:
        return pathlib.Path(env)
    return pathlib.Path(__file__).resolve().parents[3] / "lib" / "libtriad.map"
