"""The session: a program (QEMU, or a stand-in) with a pseudo-terminal as
its standard input and output, the screen it draws, and the keys typed
or pasted into it.  Everything it prints is also saved, raw, to the
serial log."""

import codecs
import errno
import fcntl
import os
import pty
import select
import signal
import subprocess
import tempfile
import termios
import time

from e2e.screen import Screen, find_prompt

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

TAIL_LINES = 25                   # screen lines shown with a failure
PASTE_CHUNK = 256                 # bytes written to the terminal at once


class GuestGone(Exception):
    """The program on the terminal exited (or closed it)."""


class Timeout(Exception):
    """What was waited for did not come in time."""


class Session:
    """A program (QEMU, or a stand-in) with a pseudo-terminal as its
    standard input and output, and the screen it draws."""

    def __init__(self, command, serial_log, key_delay, own_session=False,
                 cwd=ROOT, env=None):
        self.name = os.path.basename(command[0])
        self.key_delay = key_delay
        self.screen = Screen()
        self.decoder = codecs.getincrementaldecoder('utf-8')('replace')
        self.log = open(serial_log, 'wb')
        self.stderr = tempfile.TemporaryFile()
        self.closed = False
        self.sent = 0                   # bytes typed or pasted so far
        self.master, slave = pty.openpty()
        # A terminal of a usual size; QEMU puts it in raw mode itself.
        self._set_size(slave, 24, 80)
        preexec = _make_controlling_terminal if own_session else None
        try:
            # A stand-in shell writes its errors on the terminal too;
            # QEMU's own complaints are kept apart.
            stderr = slave if own_session else self.stderr
            self.process = subprocess.Popen(
                command, stdin=slave, stdout=slave, stderr=stderr,
                cwd=cwd, env=env, start_new_session=own_session,
                preexec_fn=preexec, close_fds=True)
        except OSError:
            os.close(slave)
            os.close(self.master)
            self.log.close()
            raise
        os.close(slave)

    @staticmethod
    def _set_size(fd, rows, cols):
        import struct
        fcntl.ioctl(fd, termios.TIOCSWINSZ,
                    struct.pack('HHHH', rows, cols, 0, 0))

    # --- reading ----------------------------------------------------------

    def pump(self, timeout):
        """Read whatever arrives within timeout seconds."""
        if self.closed:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return
        try:
            data = os.read(self.master, 65536)
        except OSError as error:
            if error.errno != errno.EIO:
                raise
            data = b''                      # the other side is gone
        if not data:
            self.closed = True
            return
        self.log.write(data)
        self.log.flush()
        self.screen.feed(self.decoder.decode(data))

    def gone(self):
        """Why the program is gone, or '' while it runs."""
        status = self.process.poll()
        if status is None and not self.closed:
            return ''
        if status is None:          # closed: is it exiting?
            try:
                status = self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        if status is None:
            return f'{self.name} closed the terminal'
        if status < 0:
            return f'{self.name} was killed by signal {-status}'
        return f'{self.name} exited with status {status}'

    def wait_for(self, predicate, timeout, what):
        """Read until predicate() is true; raise Timeout or GuestGone."""
        deadline = time.monotonic() + timeout
        while True:
            result = predicate()
            if result:
                return result
            reason = self.gone()
            if reason:
                self.pump(0.2)              # what it printed last
                result = predicate()
                if result:
                    return result
                raise GuestGone(reason)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout(f'no {what} after {timeout:g} s')
            self.pump(min(remaining, 0.1))

    # --- typing -----------------------------------------------------------

    def type(self, text):
        """Type text one key at a time, reading the echo meanwhile."""
        for ch in text:
            if self.gone():
                raise GuestGone(self.gone())
            os.write(self.master, ch.encode())
            self.sent += len(ch.encode())
            deadline = time.monotonic() + self.key_delay
            while time.monotonic() < deadline:
                self.pump(max(0.0, deadline - time.monotonic()))

    def paste(self, text, timeout):
        """Write text at once, as a terminal pastes: as fast as the
        program takes it, reading its output meanwhile (a program that
        cannot write its echo would stop reading)."""
        data = text.encode()
        deadline = time.monotonic() + timeout
        flags = fcntl.fcntl(self.master, fcntl.F_GETFL)
        fcntl.fcntl(self.master, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        try:
            while data:
                if self.gone():
                    raise GuestGone(self.gone())
                if time.monotonic() > deadline:
                    raise Timeout(f'{len(data)} bytes of the paste not '
                                  f'taken after {timeout:g} s')
                _, writable, _ = select.select([], [self.master], [], 0.1)
                if writable:
                    try:
                        n = os.write(self.master, data[:PASTE_CHUNK])
                    except BlockingIOError:
                        n = 0
                    self.sent += n
                    data = data[n:]
                self.pump(0)
        finally:
            fcntl.fcntl(self.master, fcntl.F_SETFL, flags)

    def mark(self):
        """A position in the screen: commands' output is read after it."""
        return len(self.screen.lines)

    def wait_prompt(self, start, timeout):
        """Wait for a prompt on a line at or after the mark start; return
        the screen lines between start (excluded: the command line) and
        the prompt."""
        def prompt_index():
            index = find_prompt(self.screen.all_lines(), start + 1)
            return index + 1 if index is not None else None
        end = self.wait_for(prompt_index, timeout, 'prompt') - 1
        return self.screen.all_lines()[start + 1:end]

    def wait_line(self, start, wanted, timeout):
        """Wait for a screen line equal to wanted after the mark start;
        return the lines between start (excluded) and it."""
        def line_index():
            lines = self.screen.lines[start + 1:]
            return lines.index(wanted) + 1 if wanted in lines else None
        end = self.wait_for(line_index, timeout, f'line {wanted!r}') - 1
        return self.screen.lines[start + 1:start + 1 + end]

    def tail(self, count=TAIL_LINES):
        lines = self.screen.all_lines()
        while lines and not lines[-1].strip():
            lines = lines[:-1]
        return lines[-count:]

    def stderr_text(self):
        self.stderr.seek(0)
        return self.stderr.read().decode('utf-8', 'replace')

    def close(self):
        """Stop the program (and anything it started) and free the pty."""
        if self.process.poll() is None:
            try:
                if self.process.pid == os.getpgid(self.process.pid):
                    os.killpg(self.process.pid, signal.SIGKILL)
                else:
                    self.process.kill()
            except ProcessLookupError:
                pass
        self.process.wait()
        os.close(self.master)
        self.log.close()
        self.stderr.close()


def _make_controlling_terminal():
    """In the child, after setsid(): take stdin as the controlling
    terminal, as a login shell has it, and die with the test."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
