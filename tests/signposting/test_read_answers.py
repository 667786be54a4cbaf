"""The help-finder reads answers without a form, by the same rule as its form."""

from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from signposting.forms import (
    DEFAULTS,
    QUESTIONS,
    HelpFinderForm,
    read_answers,
    situation_from,
    unanswered_questions,
)

VALID = [value for _q, choices, _m in QUESTIONS.values() for value, _label in choices]
value = st.one_of(st.sampled_from(VALID + ["", " yes", "YES", "no "]), st.text(max_size=8))
# Names of the questions, something else, and the same name more than once (the radios'
# widget reads the last value sent).
pairs = st.lists(st.tuples(st.sampled_from([*QUESTIONS, "action", "other"]), value), max_size=12)


def _query_dict(items):
    data = QueryDict(mutable=True)
    for name, answer in items:
        data.appendlist(name, answer)
    return data


@given(pairs)
def test_answers_read_without_a_form_agree_with_the_form(items):
    data = _query_dict(items)
    form = HelpFinderForm(data)
    answers = read_answers(data)
    if not form.is_valid():
        assert answers is None
        return
    assert answers == form.answered()
    assert list(answers) == [name for name in QUESTIONS if name in answers]
    assert unanswered_questions(answers) == form.unanswered()
    assert situation_from(answers) == form.situation()


def test_a_value_that_is_not_a_choice_is_refused():
    assert read_answers(_query_dict([("danger", "yes"), ("age", "40")])) is None


def test_no_answers_take_the_broadest_situation():
    assert read_answers(QueryDict()) == {}
    assert unanswered_questions({}) == list(QUESTIONS)
    assert situation_from({}) == situation_from(DEFAULTS)
