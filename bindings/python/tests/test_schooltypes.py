import pytest

import triad
from triad import Lang, SchoolTypes


def test_builtins_and_default_curve():
    with SchoolTypes() as st:
        assert list(st) == ["vmbo-b", "vmbo-k", "vmbo-gl", "vmbo-tl", "havo",
                            "vwo", "praktijkonderwijs"]
        assert len(st) == 7 and "havo" in st and "gymnasium" not in st
        assert st.years("vwo") == 6
        # share(y) = 0.25 + 0.75 (y - 1) / (years - 1): havo (5 years) steps
        # by 0.1875.
        assert st.curve("havo") == [0.25, 0.4375, 0.625, 0.8125, 1.0]
        assert st.name("havo", Lang.EN) == "havo (senior general secondary)"


def test_add_and_set_ownership():
    with SchoolTypes() as st:
        st.add("isk", "internationale schakelklas", "international transition class", 1)
        assert st.years("isk") == 1 and st.ownership("isk", 1) == 1.0
        assert list(st)[-1] == "isk"
        st.set_ownership("vmbo-tl", [0.1, 0.2, 0.6, 0.9])
        assert st.curve("vmbo-tl") == [0.1, 0.2, 0.6, 0.9]
        with pytest.raises(triad.ExistsError):
            st.add("havo", "x", "y", 5)
        with pytest.raises(triad.InvalidArgumentError):
            st.add("Bad Id", "x", "y", 5)
        with pytest.raises(triad.InvalidArgumentError):
            st.add("x13", "x", "y", 13)
        # A decreasing curve is refused and the old one kept.
        with pytest.raises(triad.InvalidArgumentError) as info:
            st.set_ownership("vmbo-tl", [0.1, 0.5, 0.4, 0.9])
        assert "year 3" in info.value.message
        assert st.curve("vmbo-tl") == [0.1, 0.2, 0.6, 0.9]
        with pytest.raises(triad.InvalidArgumentError):
            st.set_ownership("vmbo-tl", [0.5, 0.6])      # 2 values, 4 years
        with pytest.raises(triad.RangeError):
            st.ownership("havo", 6)
        with pytest.raises(triad.NotFoundError) as info:
            st.years("gymnasium")
        assert "gymnasium" in info.value.message
        with pytest.raises(ValueError):
            st.add("a\0b", "x", "y", 4)


def test_close_is_idempotent_and_use_after_close_refused():
    st = SchoolTypes()
    st.close()
    st.close()
    assert st.closed
    with pytest.raises(ValueError, match="closed"):
        st.years("havo")
    with pytest.raises(ValueError, match="closed"):
        len(st)
    with pytest.raises(ValueError):
        with st:
            pass
    assert repr(st) == "SchoolTypes(<closed>)"
