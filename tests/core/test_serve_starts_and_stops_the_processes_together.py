"""``make run`` (``motcua serve``) runs the web server, the worker and the scheduler as children of one supervisor
(``motcua.core.processes``): all start; Ctrl-C (SIGINT) or SIGTERM stops every one of them and what they started,
SIGKILL for one that does not stop within the grace period; a child that dies stops the others and the supervisor
fails naming it. The supervisor runs in its own process with harmless children (Python sleeping)."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import motcua
from motcua.core.processes import motcua_processes

SRC = str(Path(motcua.__file__).resolve().parents[1])
READY = "import sys; print('ready', flush=True); "
SLEEPS = READY + "import time; time.sleep(60)"
STARTS_A_SLEEPER = (
    "import subprocess, sys, time; "
    "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); "
    "print('grandchild', p.pid, flush=True); print('ready', flush=True); time.sleep(60)"
)
IGNORES_STOP = (
    "import signal; [signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)]; " + SLEEPS
)
TELLS_THE_SIGNAL = (
    "import signal, sys, time\n"
    "def stop(signum, frame):\n"
    "    print('stopped by', signal.Signals(signum).name, flush=True); sys.exit(0)\n"
    "signal.signal(signal.SIGINT, stop); signal.signal(signal.SIGTERM, stop)\n"
    "print('ready', flush=True); time.sleep(60)\n"
)
DIES = READY + "import time; time.sleep(0.3); sys.exit(3)"


class Running:
    """A supervisor started in its own process over ``children`` (name → Python code); its output read line by
    line as it comes, the pids it reports collected."""

    def __init__(self, children: dict[str, str], grace_seconds: float = 5.0):
        processes = [(name, (sys.executable, "-c", code)) for name, code in children.items()]
        script = (
            "import sys\n"
            "from motcua.core.processes import Process, Supervisor\n"
            f"processes = [Process(n, a) for n, a in {processes!r}]\n"
            f"sys.exit(Supervisor(processes, grace_seconds={grace_seconds}).run())\n"
        )
        env = dict(os.environ, PYTHONPATH=SRC)
        self.process = subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=env,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.pids: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, count: int, text: str, timeout: float = 3.0) -> None:
        deadline = time.monotonic() + timeout
        while sum(text in line for line in self.seen) < count:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"{count}× {text!r} not seen in:\n" + "\n".join(self.seen)) from None
            self.seen.append(line)
            started = re.search(r"Đã khởi động «(\w+)» \(pid (\d+)\)", line)
            if started:
                self.pids[started[1]] = int(started[2])
            grandchild = re.search(r"^(\w+)\s+\| grandchild (\d+)", line)
            if grandchild:
                self.pids[grandchild[1] + "'s child"] = int(grandchild[2])

    def finish(self, timeout: float = 3.0) -> int:
        status = self.process.wait(timeout=timeout)
        time.sleep(0.05)
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return status

    def output(self) -> str:
        return "\n".join(self.seen)

    def clean_up(self) -> None:
        """After a failed test: nothing left running (only the processes this test started, by their pids)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for pid in self.pids.values():
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers: it is gone if /proc says so.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.fixture
def supervise():
    started: list[Running] = []

    def start(children, **kwargs) -> Running:
        started.append(Running(children, **kwargs))
        return started[-1]

    yield start
    for running in started:
        running.clean_up()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stop_signal_stops_every_process_and_what_it_started(supervise, signum):
    running = supervise({"web": STARTS_A_SLEEPER, "worker": TELLS_THE_SIGNAL, "scheduler": SLEEPS})
    running.wait_for(3, "| ready")
    assert set(running.pids) == {"web", "worker", "scheduler", "web's child"}
    assert all(alive(pid) for pid in running.pids.values())

    running.process.send_signal(signum)

    assert running.finish() == 0
    assert not [name for name, pid in running.pids.items() if alive(pid)], running.output()
    assert "Đã dừng tất cả các tiến trình." in running.output()
    # passed on as received: Ctrl-C is gunicorn's quick shutdown, SIGTERM its graceful one
    assert f"worker    | stopped by {signum.name}" in running.output()


def test_a_process_that_does_not_stop_is_killed_after_the_grace_period(supervise):
    running = supervise({"web": SLEEPS, "worker": IGNORES_STOP}, grace_seconds=0.3)
    running.wait_for(2, "| ready")

    started = time.monotonic()
    running.process.send_signal(signal.SIGINT)

    assert running.finish() == 0
    assert time.monotonic() - started < 2
    assert not [name for name, pid in running.pids.items() if alive(pid)]
    assert "«worker»" in running.output() and "buộc dừng (SIGKILL)" in running.output()


def test_a_process_that_dies_stops_the_others_and_the_supervisor_fails_naming_it(supervise):
    running = supervise({"web": SLEEPS, "worker": DIES, "scheduler": TELLS_THE_SIGNAL})
    running.wait_for(3, "| ready")

    assert running.finish() == 1
    assert "scheduler | stopped by SIGTERM" in running.output()
    assert not [name for name, pid in running.pids.items() if alive(pid)]
    assert "Tiến trình «worker»" in running.output()
    assert "đã dừng bất ngờ (mã thoát 3)" in running.output()


def test_a_process_that_cannot_start_stops_those_already_started():
    script = (
        "import sys\nfrom motcua.core.processes import Process, Supervisor\n"
        f"sys.exit(Supervisor([Process('web', ({sys.executable!r}, '-c', {SLEEPS!r})), "
        "Process('worker', ('/nonexistent/motcua-worker',))]).run())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=5,
        env=dict(os.environ, PYTHONPATH=SRC),
    )
    assert result.returncode == 1
    assert "Không khởi động được tiến trình «worker»" in result.stdout
    web_pid = int(re.search(r"«web» \(pid (\d+)\)", result.stdout)[1])
    assert not alive(web_pid)


def test_serve_runs_the_web_server_the_worker_and_the_scheduler_unless_left_out():
    assert [p.name for p in motcua_processes()] == ["web", "worker", "scheduler"]
    assert [p.name for p in motcua_processes(worker=False)] == ["web", "scheduler"]
    assert [p.name for p in motcua_processes(scheduler=False)] == ["web", "worker"]
    assert [p.name for p in motcua_processes(worker=False, scheduler=False)] == ["web"]

    web, worker, scheduler = motcua_processes()
    assert web.argv == (sys.executable, "-u", "-m", "gunicorn", "-c", "python:motcua.gunicorn_conf")
    assert worker.argv == (sys.executable, "-u", "-m", "motcua", "worker")
    assert scheduler.argv == (sys.executable, "-u", "-m", "motcua", "scheduler")


class Recorded:
    """Stands for the supervisor in ``motcua serve``: records what it was asked to run and ends as told."""

    runs: list = []
    status = 0

    def __init__(self, processes, *, grace_seconds, out):
        Recorded.runs.append(([p.name for p in processes], grace_seconds))

    def run(self) -> int:
        return Recorded.status


def test_motcua_serve_leaves_out_what_runs_elsewhere_and_fails_when_a_process_died(monkeypatch, settings):
    from django.core.management import CommandError, call_command

    from motcua.core.management.commands import serve

    settings.MOTCUA_JOBS_BACKEND = "database"
    monkeypatch.setattr(serve, "Supervisor", Recorded)
    monkeypatch.setattr(Recorded, "runs", [])
    call_command("serve")
    call_command("serve", "--no-worker", "--grace-seconds", "3")
    call_command("serve", "--no-worker", "--no-scheduler")
    assert Recorded.runs == [
        (["web", "worker", "scheduler"], 10.0),
        (["web", "scheduler"], 3.0),
        (["web"], 10.0),
    ]

    argv = {}
    monkeypatch.setattr(
        serve,
        "Supervisor",
        lambda processes, **kw: (
            argv.update({p.name: p.argv[2:] for p in processes}) or Recorded([], grace_seconds=0, out=None)
        ),
    )
    settings.MOTCUA_JOBS_BACKEND = "redis"  # RQ's worker runs the jobs kept in Redis
    call_command("serve")
    assert argv["worker"] == (
        "-m",
        "motcua",
        "rqworker",
        "--job-class",
        "django_tasks_rq.Job",
        "--with-scheduler",
        "default",
        "messages",
        "reports",
    )
    settings.MOTCUA_JOBS_BACKEND = "eager"  # the jobs run in the web process: no worker at all
    argv.clear()
    call_command("serve")
    assert sorted(argv) == ["scheduler", "web"]

    monkeypatch.setattr(serve, "Supervisor", Recorded)
    settings.MOTCUA_JOBS_BACKEND = "database"
    monkeypatch.setattr(Recorded, "status", 1)
    with pytest.raises(CommandError) as failed:
        call_command("serve")
    assert failed.value.returncode == 1
