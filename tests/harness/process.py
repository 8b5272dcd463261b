"""Running things: make, and child processes (QEMU, host test programs,
the end-to-end driver) with a timeout, their output saved to a log."""

import os
import signal
import subprocess
import threading
import time

import ktap
from harness.common import ROOT, Run

def run_make(*arguments):
    """Run `make -s ARGUMENTS` in the repository; return its exit status.

    Its output goes straight to the terminal, so compiler errors show.
    """
    return subprocess.run(['make', '-s', *arguments], cwd=ROOT,
                          stdin=subprocess.DEVNULL).returncode


def build_iso(iso, cmdline):
    """Build the ISO `iso` booting the kernel with `cmdline`."""
    return run_make('iso', f'ISO={iso}', f'CMDLINE={cmdline}')


def kill_process_group(process):
    """Kill a process started with start_new_session=True, and all the
    processes it started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass                            # it is already gone
    process.wait()


def _copy_stdout(stream, log, run, start):
    """Thread body: save stdout bytes to the log and keep them as lines."""
    for raw in stream:
        now = time.monotonic() - start
        if run.first_line_after is None:
            run.first_line_after = now
        run.line_times.append(now)
        log.write(raw)
        log.flush()
        run.lines.append(raw.decode('utf-8', 'replace').rstrip('\r\n'))


def _copy_stderr(stream, run):
    """Thread body: keep stderr lines (shown when something goes wrong)."""
    for raw in stream:
        run.stderr.append(raw.decode('utf-8', 'replace').rstrip('\r\n'))


def run_with_timeout(command, timeout, log_path):
    """Run `command` in the repository, saving its stdout to `log_path`.

    The process gets its own process group, so that on a timeout, an
    error or Ctrl-C the whole group is killed and nothing is left behind.
    """
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    run = Run()
    with open(log_path, 'wb') as log:
        start = time.monotonic()
        try:
            process = subprocess.Popen(
                command, cwd=ROOT, stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                start_new_session=True)
        except OSError as error:
            run.error = f'cannot start {command[0]}: {error.strerror}'
            return run
        readers = [
            threading.Thread(target=_copy_stdout, daemon=True,
                             args=(process.stdout, log, run, start)),
            threading.Thread(target=_copy_stderr, daemon=True,
                             args=(process.stderr, run)),
        ]
        for reader in readers:
            reader.start()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            run.timed_out = True
        finally:
            # On a timeout, Ctrl-C or any error: kill it and its children.
            if process.poll() is None:
                kill_process_group(process)
        run.elapsed = time.monotonic() - start
        # Once every writer is gone the readers see the end of the pipes.
        for reader in readers:
            reader.join(timeout=5)
        process.stdout.close()
        process.stderr.close()
    run.status = None if run.timed_out else process.returncode
    return run


def describe_status(program, status):
    """'QEMU exited with status 1' / 'QEMU was killed by signal 9'."""
    if status < 0:
        return f'{program} was killed by signal {-status}'
    return f'{program} exited with status {status}'


def last_line(lines):
    """The last non-blank line of output, for hang reports."""
    for line in reversed(lines):
        if line.strip():
            return line.strip()
    return '(no output at all)'


def hang_result(timeout, lines):
    """The failure reported for a process killed after `timeout` seconds."""
    return ktap.Result('', ktap.FAIL, f'hang: no exit after {timeout:g} s; '
                                      f'last line: {last_line(lines)}')
