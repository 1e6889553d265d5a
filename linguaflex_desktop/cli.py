"""The ``linguaflex`` command: ``gui`` (default), ``db upgrade``, ``seed-demo``, ``create-admin``,
``demo-flow``, ``reconcile`` (``--verify``: compare the ledger with Stripe), ``stripe check``
(the configured keys) and ``worker`` (headless background jobs).

``python main.py ...`` is the same entry. Every subcommand shares ``--data-dir``,
``--database-url`` and ``--log-level``. Bad input never ends in a traceback: it prints one line
on stderr and exits with the code ``exit_code_for`` gives its error (table in README.md,
section Commands); anything unexpected is logged with its traceback to the log file.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from linguaflex_desktop.config import LOG_LEVELS, Settings, load_settings
from linguaflex_desktop.errors import (
    ConfigurationError,
    DatabaseUnavailable,
    DatabaseUnusable,
    DataFolderNotWritable,
    ExternalServiceError,
    LinguaFlexError,
    SecretStoreUnavailable,
    UserCancelled,
    UserFacingError,
)
from linguaflex_desktop.logging_setup import FILE_ONLY, configure_logging
from linguaflex_desktop.models import Role

log = logging.getLogger(__name__)

EXIT_OK = 0  # done
EXIT_FAILED = 1  # the command ran and failed (demo-flow not PAID, Stripe unreachable, ...)
EXIT_USER_ERROR = 2  # bad arguments or input (argparse uses 2 as well)
EXIT_CONFIGURATION = 3  # bad setting: database URL, SMTP_PORT, log level, ...
EXIT_DATABASE_UNREACHABLE = 4
EXIT_DATABASE_UNUSABLE = 5  # schema from a newer app, or a damaged SQLite file
EXIT_DATA_FOLDER = 6  # the data folder cannot be written
EXIT_KEYRING = 7  # the keyring backend cannot be loaded
EXIT_INTERNAL = 8  # unexpected error (a bug): traceback in the log file
EXIT_LEDGER_DIFFERS = 9  # reconcile --verify found differences between our ledger and Stripe
EXIT_STRIPE_CHECK_FAILED = 10  # stripe check: the keys are not a working pair (message says why)
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class LedgerDiffers(UserFacingError):
    """``reconcile --verify``: our ledger and Stripe disagree (the report is on stdout)."""


class StripeCheckFailed(UserFacingError):
    """``stripe check``: a check failed (its one-line message says what to fix)."""


class StripeUnreachable(UserFacingError):
    """Stripe did not answer: the command ran and failed (as ``reconcile`` does then)."""


# Most specific first: the first class the error is an instance of gives the exit code.
EXIT_CODES: tuple[tuple[type[LinguaFlexError], int], ...] = (
    (UserCancelled, EXIT_USER_ERROR),
    (LedgerDiffers, EXIT_LEDGER_DIFFERS),
    (StripeCheckFailed, EXIT_STRIPE_CHECK_FAILED),
    (StripeUnreachable, EXIT_FAILED),
    (DatabaseUnavailable, EXIT_DATABASE_UNREACHABLE),
    (DatabaseUnusable, EXIT_DATABASE_UNUSABLE),
    (DataFolderNotWritable, EXIT_DATA_FOLDER),
    (SecretStoreUnavailable, EXIT_KEYRING),
    (ConfigurationError, EXIT_CONFIGURATION),
    (UserFacingError, EXIT_USER_ERROR),
    (LinguaFlexError, EXIT_FAILED),
)


def exit_code_for(error: LinguaFlexError) -> int:
    return next(code for kind, code in EXIT_CODES if isinstance(error, kind))


class _ArgumentParser(argparse.ArgumentParser):
    """Reports a bad argument in one line (exit 2) instead of the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="linguaflex", description="LinguaFlex Desktop: language-tutoring marketplace."
    )
    parser.add_argument("--data-dir", help="data folder (default: the user's data directory)")
    parser.add_argument(
        "--database-url", help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db"
    )
    parser.add_argument("--log-level", choices=LOG_LEVELS, type=str.upper)
    commands = parser.add_subparsers(dest="command")

    gui = commands.add_parser("gui", help="open the app (the default)")
    gui.add_argument("--screenshot", type=Path, help="render the window to this PNG and exit")
    gui.add_argument(
        "--as",
        dest="screenshot_role",
        choices=[role.value for role in Role],
        help="with --screenshot: sign in as the first demo user of this role",
    )

    shots = commands.add_parser(
        "screenshots",
        help="save a picture of every window and dialog over sample data (a new temp folder)",
    )
    shots.add_argument("out", type=Path, help="folder for the PNG files")
    shots.add_argument("--language", choices=("en", "es"), default="en")
    shots.add_argument("--only", nargs="*", default=(), help="stop names to save (default: all)")

    database = commands.add_parser("db", help="database maintenance")
    database_commands = database.add_subparsers(dest="db_command", required=True)
    database_commands.add_parser("upgrade", help="migrate the schema to the newest version")

    commands.add_parser("seed-demo", help="create demo users, gigs and availability")

    demo_flow = commands.add_parser(
        "demo-flow",
        help="book, confirm, save a test card and pay with the demo users (sandbox/test keys)",
    )
    demo_flow.add_argument(
        "--card",
        default="pm_card_visa",
        help="Stripe test PaymentMethod, e.g. pm_card_visa or pm_card_chargeCustomerFail",
    )
    reconcile = commands.add_parser("reconcile", help="settle unfinished payments with Stripe")
    reconcile.add_argument(
        "--limit", type=_positive_int, default=500, help="payments to check at most"
    )
    reconcile.add_argument(
        "--verify",
        action="store_true",
        help="instead: compare every paid payment and refund with Stripe (changes nothing)",
    )
    stripe = commands.add_parser("stripe", help="Stripe configuration")
    stripe_commands = stripe.add_subparsers(dest="stripe_command", required=True)
    stripe_commands.add_parser(
        "check", help="check the configured keys: one mode, one account, Checkout works"
    )

    worker = commands.add_parser(
        "worker", help="run background jobs (meetings, e-mail, reminders) until Ctrl-C/SIGTERM"
    )
    worker.add_argument("--poll-interval", type=float, default=1.0, help="seconds between polls")
    worker.add_argument("--once", action="store_true", help="run the due jobs once, then exit")

    admin = commands.add_parser("create-admin", help="create an administrator account")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", default="Administrator")
    admin.add_argument("--time-zone", default="UTC")
    admin.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    return parser


def _settings_from(args: argparse.Namespace, command: str) -> Settings:
    """The app's window checks the database URL behind the painted window (bootstrap)."""
    return load_settings(
        data_dir=args.data_dir,
        database_url=args.database_url,
        log_level=args.log_level,
        check_url=command != "gui",
    )


def _read_new_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (at least 10 characters): ")
    if getpass.getpass("Repeat the password: ") != first:
        raise UserFacingError("The passwords do not match.")
    return first


def _command_db_upgrade(settings: Settings, _args: argparse.Namespace) -> int:
    from linguaflex_desktop.bootstrap import build_app_services

    services = build_app_services(settings)
    services.close()
    print(f"Database is up to date: {settings.describe_database()}")
    return EXIT_OK


def _command_seed_demo(settings: Settings, _args: argparse.Namespace) -> int:
    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.demo.data import seed_demo_data

    services = build_app_services(settings)
    try:
        result = seed_demo_data(services.ctx)
    finally:
        services.close()
    if result.created:
        print(
            f"Demo data created: {result.admins} admin, {result.teachers} teachers, "
            f"{result.students} students, {result.gigs} gigs."
        )
    else:
        print("Demo data is already there; nothing changed.")
    return EXIT_OK


def _command_create_admin(settings: Settings, args: argparse.Namespace) -> int:
    from linguaflex_desktop.bootstrap import build_app_services

    password = _read_new_password(args.password_stdin)
    services = build_app_services(settings)
    try:
        admin = services.accounts.create_admin(
            email=args.email, password=password, display_name=args.name, time_zone=args.time_zone
        )
    finally:
        services.close()
    print(f"Administrator {admin.email} created.")
    return EXIT_OK


def _command_demo_flow(settings: Settings, args: argparse.Namespace) -> int:
    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.demo.flow import run_demo_flow

    services = build_app_services(settings)
    _tell_if_sandbox_is_local(services.settings)
    try:
        from linguaflex_desktop.demo.meeting import report_meeting_and_notifications

        result = run_demo_flow(
            services.ctx,
            services.payments_gateway,
            services.cards,
            services.payments,
            card=args.card,
        )
        if result.ok:  # the meeting link and everyone's notifications, in order
            report_meeting_and_notifications(services, services.settings, result.booking_id)
    finally:
        services.close()
    return EXIT_OK if result.ok else EXIT_FAILED


def _command_reconcile(settings: Settings, args: argparse.Namespace) -> int:
    from linguaflex_desktop.bootstrap import build_app_services

    if args.verify:
        return _command_verify(settings)
    services = build_app_services(settings)
    _tell_if_sandbox_is_local(services.settings)
    try:
        report = services.reconciler.reconcile_pending(limit=args.limit)
    finally:
        services.close()
    print(
        f"Checked {report.checked} payment(s): {report.paid} paid, {report.failed} failed, "
        f"{report.canceled} cancelled, {report.still_pending} still pending, "
        f"{report.unreachable} not reachable at Stripe."
    )
    if report.refunds_settled:
        print(f"{report.refunds_settled} refund(s) Stripe had left pending are settled now.")
    if report.refunds_resumed:
        print(f"{report.refunds_resumed} refund(s) Stripe had not answered are recorded now.")
    if report.needs_attention:
        ids = ", ".join(str(payment_id) for payment_id in report.needs_attention)
        print(f"Needs an administrator's attention: payment(s) {ids}.")
    return EXIT_OK if report.unreachable == 0 else EXIT_FAILED


def _command_verify(settings: Settings) -> int:
    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.cli_reports import print_verification

    services = build_app_services(settings)
    try:
        result = services.ledger_verifier.verify(None)
        sandboxed = services.payments_gateway.is_sandbox
    except ExternalServiceError as error:
        raise StripeUnreachable(error.message) from error
    finally:
        services.close()
    print_verification(result, sandboxed=sandboxed)
    if not result.agrees:
        raise LedgerDiffers(
            f"{len(result.differences)} difference(s) between the ledger and Stripe."
        )
    return EXIT_OK


def _command_stripe_check(settings: Settings, _args: argparse.Namespace) -> int:
    from linguaflex_desktop.bootstrap import build_app_services
    from linguaflex_desktop.cli_reports import print_key_check

    services = build_app_services(settings)
    try:
        report = services.stripe_key_check.check(None)
    finally:
        services.close()
    print_key_check(report)
    if report.problem == "unreachable":
        raise StripeUnreachable(report.steps[-1].message)
    if not report.ok:
        raise StripeCheckFailed(report.steps[-1].message)
    return EXIT_OK


def _tell_if_sandbox_is_local(settings: Settings) -> None:
    """One line on stderr when sandbox payments exist on this computer only."""
    from linguaflex_desktop.bootstrap import sandbox_scope_notice

    notice = sandbox_scope_notice(settings)
    if notice:
        print(f"linguaflex: {notice}", file=sys.stderr)


def _command_worker(settings: Settings, args: argparse.Namespace) -> int:
    from linguaflex_desktop.worker.runtime import run_headless

    if args.poll_interval <= 0:
        raise UserFacingError("--poll-interval must be positive.")
    return run_headless(settings, poll_interval=args.poll_interval, once=args.once)


def _command_gui(settings: Settings, args: argparse.Namespace) -> int:
    from linguaflex_desktop.app import run_app

    role = Role(args.screenshot_role) if getattr(args, "screenshot_role", None) else None
    if role is not None and not getattr(args, "screenshot", None):
        raise UserFacingError("--as only works together with --screenshot.")
    return run_app(settings, screenshot=getattr(args, "screenshot", None), screenshot_role=role)


def _command_screenshots(_settings: Settings, args: argparse.Namespace) -> int:
    from linguaflex_desktop.screenshots import save_screenshots

    saved = save_screenshots(args.out, language=args.language, only=args.only)
    print(f"{len(saved)} screenshots saved in {args.out}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Settings, argparse.Namespace], int]] = {
    "gui": _command_gui,
    "screenshots": _command_screenshots,
    "db": _command_db_upgrade,
    "seed-demo": _command_seed_demo,
    "demo-flow": _command_demo_flow,
    "reconcile": _command_reconcile,
    "stripe": _command_stripe_check,
    "create-admin": _command_create_admin,
    "worker": _command_worker,
}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a bad argument already reported in one line
        return stop.code if isinstance(stop.code, int) else EXIT_USER_ERROR
    command = args.command or "gui"
    logging_up = False
    try:
        settings = _settings_from(args, command)
        window = command == "gui"  # its log rotates once the window shows (rotate_log_file)
        configure_logging(
            settings.log_file, settings.log_level, to_stderr=not window, rotating=not window
        )
        logging_up = True
        log.info("linguaflex %s (data: %s)", command, settings.data_dir)
        return COMMANDS[command](settings, args)
    except UserCancelled:
        return EXIT_USER_ERROR
    except UserFacingError as error:
        log.info("linguaflex %s refused: %s", command, error.message)
        print(f"linguaflex: {error.message}", file=sys.stderr)
        if command == "gui":
            _show_startup_error(error)
        return exit_code_for(error)
    except LinguaFlexError as error:
        log.error("command %s failed", command, exc_info=True, extra=FILE_ONLY)
        print(f"linguaflex: {error}", file=sys.stderr)
        return exit_code_for(error)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:  # last resort: one line for the user, the traceback in the log
        return _report_unexpected(command, error, settings.log_file if logging_up else None)


def _report_unexpected(command: str, error: Exception, log_file: Path | None) -> int:
    """One generic line; the traceback goes to the log file when logging was set up."""
    if log_file is not None:
        log.error("command %s failed unexpectedly", command, exc_info=error, extra=FILE_ONLY)
        detail = f"the details are in {log_file}"
    else:
        detail = (str(error).strip().splitlines() or [""])[0]
    print(f"linguaflex: unexpected error ({type(error).__name__}): {detail}", file=sys.stderr)
    return EXIT_INTERNAL


def _show_startup_error(error: UserFacingError) -> None:
    """Show a start-up problem (e.g. an unreachable database) in a dialog, not a traceback."""
    from linguaflex_desktop.app import show_startup_error

    show_startup_error(error.title, error.message)


if __name__ == "__main__":
    sys.exit(main())
