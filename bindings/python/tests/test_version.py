import re

import triad


def test_version_string_matches_number():
    # version.h: 0.1.0 and (0 << 16) | (1 << 8) | 0 = 256
    assert re.fullmatch(r"\d+\.\d+\.\d+", triad.version())
    major, minor, patch = (int(p) for p in triad.version().split("."))
    assert triad.version_number() == (major << 16) | (minor << 8) | patch
    assert triad.version_info() == (major, minor, patch)


def test_package_version_follows_library():
    # The binding is released with the library: same version string.
    assert triad.__version__ == triad.version()
