"""The example in bindings/python/README.md runs as printed."""
import contextlib
import io
import pathlib
import re


def test_readme_example_runs():
    readme = pathlib.Path(__file__).resolve().parents[1] / "README.md"
    blocks = re.findall(r"```python\n(.*?)```", readme.read_text(), flags=re.S)
    assert blocks, "README.md has no python example"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(blocks[0], str(readme), "exec"), {"__name__": "readme"})
    text = out.getvalue()
    # havo year 3 was set to 0.5; born 2009-02-28, 17 on 2026-08-01, so
    # the parents with authority sign too.
    assert "havo 3: the student holds 50%" in text
    assert "age on 1 August 2026: 17" in text
    assert "signers on 1 September 2026: ['s1', 'm1', 'f1']" in text
    # h2 had no intake by 1 October (due 19 September): overdue.
    assert "overdue=1" in text
    assert "hard constraints kept: True" in text
    assert text.count(" with t") == 3      # all three requests met
    assert "EFORMAT students[0].id" in text
