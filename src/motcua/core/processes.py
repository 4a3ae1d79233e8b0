"""The processes motcua runs, and the small supervisor that runs them together for ``make run`` (``motcua serve``).

motcua is three long-running processes: the web server (gunicorn), the worker that runs the background tasks
(``motcua worker``) and the scheduler that enqueues the periodic ones (``motcua scheduler``). Production runs each
as its own service (``deploy/systemd/``; several workers and schedulers are safe); the demo runs them as children
of one ``Supervisor``: their output is kept apart by a prefix, Ctrl-C (SIGINT) or SIGTERM stops them all (the
signal received is passed on — Ctrl-C is gunicorn's quick shutdown, SIGTERM its graceful one — then SIGKILL after a
grace period), and a child that dies stops the others (SIGTERM), naming it: a demo never keeps serving
pages while its background tasks silently stopped.

Standard library only, no Django: the supervisor is tested with harmless child commands.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO


@dataclass(frozen=True)
class Process:
    """One long-running process: its short name (the output's prefix) and its command line."""

    name: str
    argv: tuple[str, ...]


# The commands as an operator types them (the systemd units in deploy/systemd/ run exactly these, from the
# virtualenv's bin/); ``command_line`` runs each with this interpreter.
WEB = Process("web", ("gunicorn", "-c", "python:motcua.gunicorn_conf"))
WORKER = Process("worker", ("motcua", "worker"))
SCHEDULER = Process("scheduler", ("motcua", "scheduler"))
PROCESSES = (WEB, WORKER, SCHEDULER)
# with MOTCUA_JOBS_BACKEND=redis the jobs wait in Redis and RQ's worker runs them (django-rq's command)
RQ_WORKER = Process(
    "worker",
    (
        "motcua",
        "rqworker",
        "--job-class",
        "django_tasks_rq.Job",
        "--with-scheduler",
        "default",
        "messages",
        "reports",
    ),
)


def command_line(process: Process) -> Process:
    """``process`` run by this Python (``python -u -m gunicorn …``, ``python -u -m motcua …``): the same virtualenv as
    the supervisor, whether or not its bin/ is on the PATH, its output unbuffered (relayed as it comes)."""
    program, *arguments = process.argv
    return Process(process.name, (sys.executable, "-u", "-m", program, *arguments))


def motcua_processes(
    *, worker: bool = True, scheduler: bool = True, worker_process: Process = WORKER
) -> tuple[Process, ...]:
    """What ``motcua serve`` starts: the web server, and the worker (``worker_process``: the database backend's or
    RQ's) and the scheduler unless left out."""
    chosen = [WEB] + ([worker_process] if worker else []) + ([SCHEDULER] if scheduler else [])
    return tuple(command_line(p) for p in chosen)


class Supervisor:
    """Runs ``processes`` together until a signal asks to stop or one of them ends.

    ``run()`` returns the exit status: 0 after SIGINT/SIGTERM, 1 when a child ended by itself (or could not start).
    Each child is the leader of its own process group, so stopping it stops what it started (gunicorn's workers)
    and Ctrl-C in a terminal reaches the supervisor only, which stops the children in order.
    """

    def __init__(
        self,
        processes: Sequence[Process],
        *,
        grace_seconds: float = 10.0,
        out: TextIO | None = None,
        poll_seconds: float = 0.05,
    ):
        if not processes:
            raise ValueError("no process to run")
        self.processes = tuple(processes)
        self.grace_seconds = grace_seconds
        self.out = out if out is not None else sys.stdout
        self.poll_seconds = poll_seconds
        self.width = max(len(p.name) for p in (*self.processes, Process("motcua", ())))
        self.children: list[tuple[Process, subprocess.Popen]] = []
        self.readers: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.stop_signal: int | None = None

    # --- output ------------------------------------------------------------------------------------------------

    def say(self, name: str, line: str) -> None:
        with self.lock:
            self.out.write(f"{name:<{self.width}} | {line.rstrip(chr(10))}\n")
            self.out.flush()

    def _relay(self, name: str, stream) -> None:
        for raw in iter(stream.readline, b""):
            self.say(name, raw.decode("utf-8", errors="replace"))
        stream.close()

    # --- signals -----------------------------------------------------------------------------------------------

    def _on_signal(self, signum, frame) -> None:
        if self.stop_signal is None:
            self.stop_signal = signum
        else:  # a second Ctrl-C: no more waiting
            for _, child in self.children:
                _signal_group(child, signal.SIGKILL)

    def _install_handlers(self) -> dict:
        if threading.current_thread() is not threading.main_thread():
            return {}
        return {s: signal.signal(s, self._on_signal) for s in (signal.SIGINT, signal.SIGTERM)}

    # --- the run -----------------------------------------------------------------------------------------------

    def run(self) -> int:
        previous = self._install_handlers()
        try:
            return self._run()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def _run(self) -> int:
        for process in self.processes:
            if self.stop_signal is not None:
                break
            try:
                child = subprocess.Popen(
                    process.argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    process_group=0,
                )
            except OSError as exc:
                self.say(
                    "motcua", f"Không khởi động được tiến trình «{process.name}» ({process.argv[0]}): {exc}"
                )
                self.stop()
                return 1
            self.children.append((process, child))
            reader = threading.Thread(target=self._relay, args=(process.name, child.stdout), daemon=True)
            reader.start()
            self.readers.append(reader)
            self.say("motcua", f"Đã khởi động «{process.name}» (pid {child.pid}): {' '.join(process.argv)}")

        while self.stop_signal is None:
            for process, child in self.children:
                if _exited(child) and self.stop_signal is None:
                    _signal_group(child, signal.SIGKILL)  # what it started and left behind
                    status = child.wait()
                    self.say(
                        "motcua",
                        f"Tiến trình «{process.name}» (pid {child.pid}) đã dừng bất ngờ ({_status(status)}); "
                        "dừng các tiến trình còn lại.",
                    )
                    self.stop()
                    self.say("motcua", f"motcua đã dừng vì tiến trình «{process.name}» dừng.")
                    return 1
            time.sleep(self.poll_seconds)

        self.say("motcua", f"Nhận tín hiệu {signal.Signals(self.stop_signal).name}: dừng các tiến trình…")
        self.stop(self.stop_signal)
        self.say("motcua", "Đã dừng tất cả các tiến trình.")
        return 0

    def stop(self, signum: int = signal.SIGTERM) -> None:
        """``signum`` to every running child's group, SIGKILL to those still running after the grace period; then
        every child is reaped (no zombie, no orphan) and its last output relayed."""
        for _, child in self.children:
            if not _exited(child):
                _signal_group(child, signum)
        deadline = time.monotonic() + self.grace_seconds
        for process, child in self.children:
            if child.returncode is not None:
                continue  # already reaped
            while not _exited(child) and time.monotonic() < deadline:
                time.sleep(self.poll_seconds)
            if not _exited(child):
                self.say(
                    "motcua",
                    f"«{process.name}» (pid {child.pid}) không dừng sau {self.grace_seconds:g} giây: "
                    "buộc dừng (SIGKILL).",
                )
            # Its group, while the child is not yet reaped (its pid cannot name another group): the child if it
            # stayed, and whatever it started and left behind.
            _signal_group(child, signal.SIGKILL)
            child.wait()
        for reader in self.readers:
            reader.join(timeout=1.0)


def _exited(child: subprocess.Popen) -> bool:
    """Whether the child has ended, without reaping it (its process group stays addressable by its pid)."""
    if child.returncode is not None:
        return True
    try:
        return os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:
        return True


def _signal_group(child: subprocess.Popen, signum: int) -> None:
    """``signum`` to the child's process group (the child leads it); nothing if the group is gone."""
    if child.returncode is not None:  # reaped: its pid may now name another process
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, signum)


def _status(returncode: int) -> str:
    if returncode < 0:
        return f"bị tín hiệu {signal.Signals(-returncode).name}"
    return f"mã thoát {returncode}"
