"""One error hierarchy for the whole app.

Three outcomes, as in Electrum: ``UserCancelled`` is silent; a ``UserFacingError`` shows its
message verbatim; anything else is logged with its traceback and shown as a short generic message.
"""

from __future__ import annotations

from linguaflex_desktop.texts import Text, tx


class LinguaFlexError(Exception):
    """Base of every error raised on purpose by LinguaFlex."""


class UserCancelled(LinguaFlexError):
    """The user cancelled an operation; nothing to show."""


class UserFacingError(LinguaFlexError):
    """An error whose message is written for the user and shown as it is."""

    title: str = tx("Cannot do that")

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(UserFacingError):
    """Bad input; ``field`` names the input at fault when a form should mark it."""

    title = tx("Invalid input")

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class FieldErrors(ValidationError):
    """Several fields of one form are wrong at once: ``fields`` maps each field's name to its
    one plain sentence (in form order); the message is those sentences together, so a form
    can mark every bad field and a caller that only shows text still says it all."""

    def __init__(self, fields: dict[str, str]) -> None:
        # Not a catalogue entry: the sentences are joined, each shown in the reader's language.
        joined = Text(
            " ".join(f"{{f{i}}}" for i in range(len(fields))),
            {f"f{i}": message for i, message in enumerate(fields.values())},
        )
        super().__init__(joined)
        self.fields = dict(fields)


class AuthenticationFailed(UserFacingError):
    title = tx("Sign-in failed")


class AccountLocked(AuthenticationFailed):
    title = tx("Account locked")


class PermissionDenied(UserFacingError):
    title = tx("Not allowed")


class NotFound(UserFacingError):
    title = tx("Not found")


class Conflict(UserFacingError):
    """The state changed under us, or the request collides with existing data."""

    title = tx("Conflict")


class SlotTaken(Conflict):
    def __init__(self, message: str = tx("That slot is already taken.")) -> None:
        super().__init__(message)


class StaleState(Conflict):
    """Someone else changed the record first; ``current`` holds the fresh state if known."""

    def __init__(self, message: str, current: object | None = None) -> None:
        super().__init__(message)
        self.current = current


class InvalidTransition(Conflict):
    """The state machine refuses the change; ``current`` holds the fresh state if known."""

    title = tx("Not possible now")

    def __init__(self, message: str, current: object | None = None) -> None:
        super().__init__(message)
        self.current = current


class PaymentDeclined(UserFacingError):
    title = tx("Payment declined")


class ExternalServiceError(UserFacingError):
    """A peer (Stripe, Zoom, SMTP) could not be reached or answered with an error."""

    title = tx("Service unavailable")


class StripeRequestRefused(ExternalServiceError):
    """Stripe answered and refused the request (HTTP 4xx other than 409 and 429), so it
    made nothing: what the caller opened may be closed now and the user may retry at once.
    ``stripe_message`` holds Stripe's own words."""

    title = tx("Refused by Stripe")

    def __init__(self, message: str, stripe_message: str = "") -> None:
        super().__init__(message)
        self.stripe_message = stripe_message or message


class ConfigurationError(UserFacingError):
    title = tx("Configuration problem")


class DatabaseUnavailable(ConfigurationError):
    title = tx("Database unavailable")


class DatabaseUnusable(UserFacingError):
    """The database answers but cannot be used as it is; it is left untouched."""

    title = tx("Database cannot be used")


class DatabaseSchemaTooNew(DatabaseUnusable):
    """The schema was made by a newer LinguaFlex than this one."""


class DatabaseDamaged(DatabaseUnusable):
    """The SQLite file fails its integrity check."""

    title = tx("Damaged database")


class DataFolderNotWritable(UserFacingError):
    title = tx("Data folder not writable")


class SecretStoreUnavailable(UserFacingError):
    title = tx("No secure storage")


class RetryLater(ExternalServiceError):
    """A handler or adapter asks to be run again later (rate limit, 5xx, timeout, 4xx SMTP).

    ``retry_after`` (seconds) is the earliest retry the peer asked for, or None.
    ``counts_as_attempt`` False marks a wait the peer scheduled (a rate limit that resets at a
    known time): the outbox then runs the job at that time without using up an attempt.
    """

    def __init__(
        self, retry_after: float | None = None, message: str = "", *, counts_as_attempt: bool = True
    ) -> None:
        super().__init__(message or "The service is busy; this will be tried again later.")
        self.retry_after = retry_after
        self.counts_as_attempt = counts_as_attempt or retry_after is None


class OutcomeUnknown(ExternalServiceError):
    """A peer may or may not have done it (the answer was lost after the request was sent),
    and doing it again could do it twice. The outbox dead-letters such a job at once: an admin
    decides whether to run it again."""

    title = tx("Outcome unknown")
