"""Small helpers shared by the modules."""
from __future__ import annotations

import ctypes
from typing import Any, Callable, List

from .error import check


def fill_array(call: Callable[[Any, int], int], ctype: Any, guess: int = 16) -> List[int]:
    """Call a C function of the form ``n = f(out, cap)`` that reports how many
    items exist (possibly more than ``cap``), growing the buffer until the
    whole answer fits."""
    cap = guess
    while True:
        buf = (ctype * cap)()
        n = check(call(buf, cap))
        if n <= cap:
            return [int(buf[i]) for i in range(n)]
        cap = n
