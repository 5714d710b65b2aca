import pytest

import triad
from triad import Category, Epstein, Intensity, Lang


def test_tree_order_and_ids():
    # The pre-order of the tree documented in triad/categories.h.
    ids = [c.id for c in Category.all()]
    assert ids == [
        "participation", "participation.informal", "participation.formal",
        "participation.formal.parent_council",
        "participation.formal.participation_council", "responsibility",
        "involvement", "involvement.home", "involvement.school",
        "involvement.development_support", "partnership",
        "partnership.pedagogical", "partnership.didactic", "ownership",
    ]
    assert [int(c) for c in Category.all()] == list(range(1, 15))
    for c in Category.all():
        assert Category.from_id(c.id) is c


def test_parent_children_is_a():
    assert Category.PARTICIPATION_FORMAL_PARENT_COUNCIL.parent is Category.PARTICIPATION_FORMAL
    assert Category.OWNERSHIP.parent is Category.NONE
    assert Category.INVOLVEMENT.children == (
        Category.INVOLVEMENT_HOME, Category.INVOLVEMENT_SCHOOL,
        Category.INVOLVEMENT_DEVELOPMENT_SUPPORT)
    assert Category.OWNERSHIP.children == ()
    assert Category.PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL.is_a(Category.PARTICIPATION)
    assert Category.PARTNERSHIP.is_a(Category.PARTNERSHIP)
    assert not Category.PARTNERSHIP.is_a(Category.PARTNERSHIP_DIDACTIC)


def test_names_and_descriptions():
    assert Category.INVOLVEMENT_HOME.label() == "thuisbetrokkenheid"
    assert Category.INVOLVEMENT_HOME.label(Lang.EN) == "involvement at home"
    assert Category.PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL.label(Lang.NL) == "medezeggenschapsraad"
    assert "medezeggenschapsraad" in Category.PARTICIPATION_FORMAL.description(Lang.NL)
    with pytest.raises(triad.InvalidArgumentError):
        Category.INVOLVEMENT.label(3)        # no language 3
    with pytest.raises(triad.InvalidArgumentError):
        _ = Category.NONE.id


def test_epstein_mapping_both_ways():
    # participation: volunteering (3) and decision making (5).
    assert Category.PARTICIPATION.epstein == (Epstein.VOLUNTEERING, Epstein.DECISION_MAKING)
    assert Category.INVOLVEMENT_SCHOOL.epstein == (Epstein.COMMUNICATING,)
    # Inverse: every category whose types contain volunteering.
    assert Epstein.VOLUNTEERING.categories == (Category.PARTICIPATION,
                                               Category.PARTICIPATION_INFORMAL)
    for e in list(Epstein)[1:]:
        for c in e.categories:
            assert e in c.epstein
    assert Epstein.from_id("learning_at_home") is Epstein.LEARNING_AT_HOME
    assert Epstein.DECISION_MAKING.id == "decision_making"
    assert Epstein.valid(6) and not Epstein.valid(7) and not Epstein.valid(0)
    assert Epstein.PARENTING.label(Lang.EN)
    with pytest.raises(triad.NotFoundError):
        Epstein.from_id("gardening")


def test_intensity():
    assert Category.PARTICIPATION_FORMAL_PARTICIPATION_COUNCIL.intensity is Intensity.MEEBESLISSEN
    assert Category.PARTICIPATION_INFORMAL.intensity is Intensity.MEEHELPEN
    assert Intensity.from_id("meedoen") is Intensity.MEEHELPEN
    assert Intensity.MEEDENKEN.id == "meedenken"
    assert Intensity.valid(4) and not Intensity.valid(5)
    assert Intensity.MEELEVEN.label(Lang.NL)
    assert Category.valid(14) and not Category.valid(15) and not Category.valid(0)
    with pytest.raises(triad.NotFoundError):
        Intensity.from_id("meezingen")
