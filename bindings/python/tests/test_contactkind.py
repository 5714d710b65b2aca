import pytest

import triad
from triad import Category, Channel, ContactKind, Lang


def test_kinds():
    assert [k.id for k in ContactKind.all()] == [
        "intake", "triangle", "conference", "mentor_call", "home_visit",
        "theme_evening", "information_evening", "positive_note", "concern"]
    assert ContactKind.from_id("mentor_call") is ContactKind.MENTOR_CALL
    assert ContactKind.CONFERENCE.label(Lang.NL) == "tienminutengesprek"
    assert ContactKind.CONFERENCE.label(Lang.EN) == "ten-minute conference"
    assert ContactKind.TRIANGLE.category is Category.OWNERSHIP
    assert ContactKind.MENTOR_CALL.default_channel is Channel.PHONE
    assert ContactKind.POSITIVE_NOTE.default_channel is Channel.MESSAGE
    assert ContactKind.valid(9) and not ContactKind.valid(10)
    with pytest.raises(triad.NotFoundError) as info:
        ContactKind.from_id("coffee")
    assert '"coffee" is not a contact kind id' in info.value.message


def test_channels():
    assert [c.id for c in Channel.all()] == [
        "in_person", "phone", "video", "email", "message", "letter"]
    assert Channel.from_id("letter") is Channel.LETTER
    assert Channel.IN_PERSON.label(Lang.NL) == "persoonlijk"
    assert Channel.valid(6) and not Channel.valid(0)
    with pytest.raises(triad.NotFoundError):
        Channel.from_id("pigeon")
    with pytest.raises(triad.InvalidArgumentError):
        _ = Channel.NONE.id
