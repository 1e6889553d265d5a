"""Input checks shared by the account and catalogue services: clear messages, clean values."""

from __future__ import annotations

import pytest

from linguaflex_desktop.errors import ValidationError
from linguaflex_desktop.models import Level
from linguaflex_desktop.services.common import validation


def test_email_is_stripped_and_lowercased() -> None:
    assert (
        validation.normalize_email("  Ada.Lovelace+x@Example.ORG ") == "ada.lovelace+x@example.org"
    )


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "plainaddress",
        "a@b",
        "a b@example.com",
        "@example.com",
        "a@example..com",
        "a@-example.com",
        "a@@example.com",
        "x" * 250 + "@e.com",
        None,
        42,
    ],
)
def test_malformed_email_is_refused_with_a_clear_message(bad: object) -> None:
    with pytest.raises(ValidationError, match="email"):
        validation.normalize_email(bad)


def test_password_of_ten_characters_is_accepted_as_typed() -> None:
    assert validation.validate_password(" 123456789") == " 123456789"


@pytest.mark.parametrize("bad", ["", "short", "123456789", None])
def test_short_password_is_refused_and_names_the_minimum(bad: object) -> None:
    with pytest.raises(ValidationError, match="at least 10 characters"):
        validation.validate_password(bad)


def test_absurdly_long_password_is_refused() -> None:
    with pytest.raises(ValidationError, match="at most"):
        validation.validate_password("x" * 1025)


def test_display_name_collapses_whitespace() -> None:
    assert validation.normalize_display_name("  Ada   Lovelace ") == "Ada Lovelace"


@pytest.mark.parametrize("bad", ["", "   ", "x" * 121, "bad\x00name", None])
def test_bad_display_name_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="name"):
        validation.normalize_display_name(bad)


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/Sao_Paulo", "Asia/Tokyo"])
def test_known_time_zones_are_accepted(zone: str) -> None:
    assert validation.validate_time_zone(f" {zone} ") == zone


@pytest.mark.parametrize("bad", ["", "Mars/Olympus", "../../etc/passwd", "Europe/", "CEST!", None])
def test_unknown_time_zone_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="time zone"):
        validation.validate_time_zone(bad)


def test_language_is_normalised_to_title_case() -> None:
    assert validation.normalize_language("  brazilian   portuguese ") == "Brazilian Portuguese"


@pytest.mark.parametrize("bad", ["", "x", "x" * 41, "Fr3nch", "<script>", None])
def test_bad_language_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="language"):
        validation.normalize_language(bad)


def test_language_list_is_deduplicated_in_order() -> None:
    assert validation.normalize_languages(["french", "German", "FRENCH "]) == ("French", "German")


def test_too_many_languages_are_refused() -> None:
    names = [f"Language{'a' * index}" for index in range(validation.MAX_LANGUAGES + 1)]
    with pytest.raises(ValidationError, match="at most"):
        validation.normalize_languages(names)


def test_required_text_refuses_blank_and_names_the_field() -> None:
    with pytest.raises(ValidationError, match="The title cannot be empty"):
        validation.clean_line("   ", what="title", limit=120, required=True)


def test_text_over_its_limit_is_refused() -> None:
    with pytest.raises(ValidationError, match="description is too long"):
        validation.clean_multiline("x" * 11, what="description", limit=10)


def test_optional_text_is_stripped() -> None:
    assert validation.clean_multiline("  hello \n", what="bio", limit=10) == "hello"


def test_level_accepts_enum_and_text() -> None:
    assert validation.parse_level("b2") is Level.B2
    assert validation.parse_level(Level.C1) is Level.C1


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValidationError, match="level"):
        validation.parse_level("D9")


@pytest.mark.parametrize("bad", ["a\x00b", "a\u202eb", "a\u2067b", "a\nb", "a\tb", "a\u200fb"])
def test_one_line_text_refuses_control_bidi_and_line_break_characters(bad: str) -> None:
    with pytest.raises(ValidationError, match=r"The title .*please remove"):
        validation.clean_line(bad, what="title", limit=50)


@pytest.mark.parametrize("bad", ["a\x00b", "a\u202eb", "a\u2066b", "a\x1bb"])
def test_prose_refuses_control_and_bidi_override_characters(bad: str) -> None:
    with pytest.raises(ValidationError, match=r"The note .*please remove"):
        validation.clean_multiline(bad, what="note", limit=50)


def test_prose_keeps_line_breaks_as_newlines_and_direction_marks() -> None:
    assert validation.clean_multiline(" a\r\nb\rc\u2028d\u200f ", what="note", limit=50) == (
        "a\nb\nc\nd\u200f"
    )


def test_display_names_refuse_line_breaks_instead_of_joining_them() -> None:
    with pytest.raises(ValidationError, match="display name must fit on one line"):
        validation.normalize_display_name("Ana\nLee")
    assert validation.normalize_display_name("  Ana   Lee ") == "Ana Lee"
