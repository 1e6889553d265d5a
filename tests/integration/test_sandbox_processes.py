"""One payments sandbox per data folder, shared by every process on it (real processes, real
HTTP): a payment made by ``linguaflex demo-flow`` is read and refunded from another process
and survives the next run; two racing starters end with one server; a stale ``server.json``
(dead pid, another folder's, a SIGKILLed server's) is replaced; the idle server stops itself;
each folder has its own 0600 keys."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from linguaflex_desktop.adapters.stripe.sandbox import StripeSandbox
from linguaflex_desktop.adapters.stripe.sandbox_folder import SandboxFolder, ServerRecord
from linguaflex_desktop.adapters.stripe.sandbox_process import SERVER_MODULE
from linguaflex_desktop.adapters.stripe.sandbox_server import _signal_ready
from linguaflex_desktop.errors import ConfigurationError
from tests.integration.sandbox_process_helpers import (
    REPO,
    WAITING_LINE,
    child_env,
    dead_pid,
    folder_server_stopped_after,
    payments_in,
    read_until,
    run_cli,
    server_gateway,
    server_pid,
    start_starter,
)

pytestmark = pytest.mark.localstripe  # sandbox server processes


def test_a_payment_made_by_demo_flow_is_refunded_from_another_process_and_survives_the_next_run(
    tmp_path: Path,
) -> None:
    with folder_server_stopped_after(tmp_path):
        first = run_cli(tmp_path, "demo-flow")
        assert first.returncode == 0, first.stdout + first.stderr
        [(intent, amount)] = payments_in(tmp_path)
        server = server_pid(tmp_path)
        assert server != os.getpid()

        with server_gateway(tmp_path) as (sandbox, gateway):
            assert sandbox.server_pid == server
            assert gateway.retrieve_payment_intent(intent).status == "succeeded"
            refund = gateway.create_refund(
                payment_intent_id=intent, amount_minor=amount, idempotency_key="other-process"
            )
            assert refund.status == "succeeded"

            second = run_cli(tmp_path, "demo-flow")
            assert second.returncode == 0, second.stdout + second.stderr
            [_, (second_intent, _)] = payments_in(tmp_path)

            assert gateway.amount_refunded(intent) == amount  # not overwritten by the 2nd run
            assert gateway.retrieve_payment_intent(second_intent).status == "succeeded"
        assert server_pid(tmp_path) == server  # one server served all three processes
        saved = SandboxFolder(tmp_path).pickle_path.read_bytes()
        assert intent.encode() in saved and refund.id.encode() in saved


def test_two_starters_racing_for_a_folder_end_with_one_server(tmp_path: Path) -> None:
    folder = SandboxFolder(tmp_path)
    with folder_server_stopped_after(tmp_path):
        with folder.start_lock():  # both find no server, then both wait here
            starters = [start_starter(tmp_path), start_starter(tmp_path)]
            for starter in starters:
                read_until(starter, WAITING_LINE)
        outputs = [starter.communicate(timeout=60) for starter in starters]

        assert [starter.returncode for starter in starters] == [0, 0], outputs
        first, second = (out.split() for out, _ in outputs)
        assert first == second  # the same address and the same server pid
        assert int(first[1]) == server_pid(tmp_path)
        assert folder.log_path.read_text().count("Stripe sandbox listening") == 1


def test_a_record_naming_a_dead_process_is_replaced(tmp_path: Path) -> None:
    folder = SandboxFolder(tmp_path)
    keys = folder.ensure_keys()
    stale = ServerRecord(port=9, pid=dead_pid(), folder_id=keys.folder_id)
    folder.write_server(stale)

    with folder_server_stopped_after(tmp_path), server_gateway(tmp_path) as (sandbox, gateway):
        assert sandbox.server_pid not in (stale.pid, os.getpid())
        assert server_pid(tmp_path) == sandbox.server_pid
        assert gateway.create_customer(
            email="a@example.com",
            name="A",
            metadata={},
            idempotency_key="sandbox_processes-customer-1",
        )


def test_another_folders_record_is_not_trusted(tmp_path: Path) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    with folder_server_stopped_after(mine, theirs), server_gateway(theirs) as (their_sandbox, _):
        SandboxFolder(mine).path.mkdir(parents=True)
        shutil.copy(SandboxFolder(theirs).server_path, SandboxFolder(mine).server_path)

        with server_gateway(mine) as (my_sandbox, gateway):
            assert my_sandbox.server_pid != their_sandbox.server_pid
            assert my_sandbox.api_base != their_sandbox.api_base
            assert my_sandbox.secret_key != their_sandbox.secret_key
            assert gateway.create_customer(
                email="b@example.com",
                name="B",
                metadata={},
                idempotency_key="sandbox_processes-customer-2",
            )


def test_a_copy_of_the_folder_gets_its_own_server_with_the_copied_state(tmp_path: Path) -> None:
    original, copy = tmp_path / "original", tmp_path / "copy"
    with folder_server_stopped_after(original, copy), server_gateway(original) as (first, gateway):
        customer = gateway.create_customer(
            email="d@example.com",
            name="D",
            metadata={},
            idempotency_key="sandbox_processes-customer-3",
        )
        shutil.copytree(original, copy)  # keys, server.json and state: all the same

        with server_gateway(copy) as (second, copied):
            assert second.server_pid != first.server_pid
            assert copied.list_cards(customer) == ()  # the state came along
            assert copied.create_customer(
                email="e@example.com",
                name="E",
                metadata={},
                idempotency_key="sandbox_processes-customer-4",
            )
        assert first.server_pid == server_pid(original)


def test_a_killed_server_is_restarted_with_its_saved_state(tmp_path: Path) -> None:
    with folder_server_stopped_after(tmp_path):
        with server_gateway(tmp_path) as (sandbox, gateway):
            customer = gateway.create_customer(
                email="c@example.com",
                name="C",
                metadata={},
                idempotency_key="sandbox_processes-customer-5",
            )
            killed = sandbox.server_pid
        _kill_and_await_exit(killed)  # leaves server.json behind; the kernel drops its flocks

        with server_gateway(tmp_path) as (sandbox, gateway):
            assert sandbox.server_pid != killed
            assert gateway.list_cards(customer) == ()  # the customer is still there


def _idle_server(data_dir: Path, idle_seconds: float) -> subprocess.Popen[str]:
    """The server module as this test's own child, started and listening."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            SERVER_MODULE,
            "--data-dir",
            str(data_dir),
            "--idle-seconds",
            str(idle_seconds),
            "--ready-fd",
            str(write_end),
        ],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
        text=True,
        env=child_env(),
        cwd=REPO,
    )
    os.close(write_end)
    with os.fdopen(read_end) as ready:
        assert ready.readline().startswith("ready ")
    return server


def _kill_and_await_exit(pid: int) -> None:
    """SIGKILL ``pid`` (a detached server: not our child) and block until it has exited."""
    handle = os.pidfd_open(pid)
    try:
        os.kill(pid, signal.SIGKILL)
        readable, _, _ = select.select([handle], [], [], 60)
        assert readable, f"process {pid} did not exit"
    finally:
        os.close(handle)


def test_a_server_killed_under_a_running_app_comes_back_on_the_same_port(
    tmp_path: Path,
) -> None:
    with folder_server_stopped_after(tmp_path), server_gateway(tmp_path) as (sandbox, gateway):
        customer = gateway.create_customer(
            email="g@example.com",
            name="G",
            metadata={},
            idempotency_key="sandbox_processes-customer-6",
        )
        address, killed = sandbox.api_base, sandbox.server_pid
        _kill_and_await_exit(killed)

        sandbox._revive()  # what the heartbeat does when the server stops answering

        assert sandbox.server_pid != killed and sandbox.api_base == address
        assert gateway.list_cards(customer) == ()  # the app's gateway works on, with the state


def test_the_idle_server_stops_itself_and_removes_its_record(tmp_path: Path) -> None:
    folder = SandboxFolder(tmp_path)
    server = _idle_server(tmp_path, 0.5)
    try:
        assert folder.read_server() is not None

        assert server.wait(timeout=60) == 0
    finally:
        if server.poll() is None:
            server.kill()
    assert not folder.server_path.exists()


def test_a_second_server_for_a_served_folder_steps_back_without_touching_the_state(
    tmp_path: Path,
) -> None:
    folder = SandboxFolder(tmp_path)
    serving = folder.take_serving_lock()  # as a server still coming up (no server.json yet)
    assert serving is not None
    try:
        read_end, write_end = os.pipe()
        command = [sys.executable, "-m", SERVER_MODULE, "--data-dir", str(tmp_path)]
        second = subprocess.Popen(
            [*command, "--ready-fd", str(write_end)],
            pass_fds=(write_end,),
            env=child_env(),
            cwd=REPO,
        )
        os.close(write_end)
        with os.fdopen(read_end) as ready:
            assert ready.readline() == "busy\n"
        assert second.wait(timeout=60) == 0
    finally:
        os.close(serving)
    assert not folder.server_path.exists() and not folder.pickle_path.exists()


def test_a_server_whose_starter_is_gone_keeps_serving() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the starter was killed before the server was ready

    _signal_ready(write_end, "ready 1")  # no BrokenPipeError: the server goes on

    with pytest.raises(OSError):
        os.fstat(write_end)  # and the pipe is closed


def test_a_started_handle_keeps_the_server_from_its_idle_stop(tmp_path: Path) -> None:
    server = _idle_server(tmp_path, 2.0)
    sandbox = StripeSandbox(tmp_path, mode="server", idle_seconds=2.0)
    try:
        sandbox.start()
        assert sandbox.server_pid == server.pid

        with pytest.raises(subprocess.TimeoutExpired):  # 2.5 idle periods: still serving
            server.wait(timeout=5.0)
        sandbox.stop()

        assert server.wait(timeout=60) == 0  # no heartbeat any more: it stops by itself
    finally:
        sandbox.stop()
        if server.poll() is None:
            server.kill()


def test_each_folder_gets_its_own_secret_keys_readable_by_its_owner_only(tmp_path: Path) -> None:
    first, second = SandboxFolder(tmp_path / "a"), SandboxFolder(tmp_path / "b")

    keys = first.ensure_keys()

    assert first.ensure_keys() == keys  # made once
    assert keys.secret_key.startswith("sk_test_") and len(keys.secret_key) >= 8 + 32
    assert keys.publishable_key.startswith("pk_test_") and len(keys.publishable_key) >= 8 + 32
    assert first.keys_path.stat().st_mode & 0o777 == 0o600
    other = second.ensure_keys()
    assert other.secret_key != keys.secret_key and other.folder_id != keys.folder_id
    assert keys.secret_key not in repr(keys)


@pytest.mark.parametrize("command", ["reconcile"])
def test_the_cli_logs_no_sandbox_key(tmp_path: Path, command: str) -> None:
    with folder_server_stopped_after(tmp_path):
        result = run_cli(tmp_path, command)
        assert result.returncode == 0, result.stderr
        keys = SandboxFolder(tmp_path).ensure_keys()
        logs = "".join(p.read_text() for p in (tmp_path / "logs").glob("*.log*"))
        logs += SandboxFolder(tmp_path).log_path.read_text() + result.stdout + result.stderr
        assert keys.secret_key not in logs and keys.secret_key[8:20] not in logs


def test_unreadable_keys_are_a_clear_configuration_error(tmp_path: Path) -> None:
    folder = SandboxFolder(tmp_path)
    folder.path.mkdir()
    folder.keys_path.write_text("{not json")

    with pytest.raises(ConfigurationError, match="Delete that file"):
        StripeSandbox(tmp_path, mode="server").start()
    assert not folder.server_path.exists()


def test_a_child_process_on_the_in_process_sandboxs_folder_joins_it(
    stripe_sandbox: StripeSandbox,
) -> None:
    child = start_starter(stripe_sandbox._folder.data_dir)
    out, err = child.communicate(timeout=60)

    assert child.returncode == 0, err
    assert out.split() == [stripe_sandbox.api_base, str(os.getpid())]
