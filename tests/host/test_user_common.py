"""Helpers shared by the user-space host tests (no tests in here).

The user programs are static Linux x86_64 executables (build/user/bin,
built by `make user`, which `make host-test-build` includes), so the
tests run them directly on the host.  Every run gets a fresh temporary
working directory, an environment with PATH set to the program
directory, no core dumps, every signal at its default action and
unblocked, and a timeout.
"""

import os
import resource
import signal
import subprocess
import tempfile
import unittest

HOST_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HOST_DIR))
BIN = os.path.join(ROOT, 'build', 'user', 'bin')
PROGRAMS = ['init', 'sh', 'ls', 'cat', 'echo', 'ps', 'kill', 'free',
            'mkdir', 'rm', 'true', 'false', 'sleep', 'fault', 'libctest',
            'dmesg', 'hexdump', 'cmp', 'head', 'wc', 'lspci',
            'usertests', 'fuzz', 'edu', 'dmatest']
TIMEOUT = 60


def program(name):
    return os.path.join(BIN, name)


def require_programs():
    """Fail (not skip) when the programs were not built."""
    missing = [p for p in PROGRAMS if not os.path.isfile(program(p))]
    if missing:
        raise AssertionError(
            f'user programs not built ({", ".join(missing)} missing '
            f'from {BIN}): run `make user` first')


def default_signals():
    """Every signal at its default action and none blocked.

    The tests that kill or interrupt a program rely on the defaults, and
    a child inherits what it was started with: a background job of a
    non-interactive shell ignores SIGINT and SIGQUIT, nohup ignores
    SIGHUP, a caller may block signals, and Python itself ignores
    SIGPIPE (which subprocess restores, but os.fork() does not).
    Call it in the child, between fork and exec.
    """
    for sig in signal.valid_signals():
        if sig in (signal.SIGKILL, signal.SIGSTOP):
            continue
        try:
            signal.signal(sig, signal.SIG_DFL)
        except (OSError, ValueError):
            pass            # a signal the C library keeps for itself
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


def child_setup():
    """preexec_fn of every program a test runs: no core dumps, and the
    default signal dispositions (default_signals())."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    default_signals()


def environment(**extra):
    env = {'PATH': BIN, 'HOME': '/', 'LC_ALL': 'C'}
    env.update(extra)
    return env


class UserTestCase(unittest.TestCase):
    """A test case with a temporary directory to run programs in."""

    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix='ferry-user-')
        self.addCleanup(tmp.cleanup)
        self.tmp = tmp.name

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, name, data):
        mode = 'wb' if isinstance(data, bytes) else 'w'
        with open(self.path(name), mode) as f:
            f.write(data)

    def read(self, name):
        with open(self.path(name), encoding='latin-1') as f:
            return f.read()

    def run_prog(self, name, *args, stdin=b'', env=None, cwd=None,
                 timeout=TIMEOUT):
        """Run build/user/bin/NAME; returns CompletedProcess (bytes)."""
        return subprocess.run(
            [program(name), *args], input=stdin, capture_output=True,
            env=env or environment(), cwd=cwd or self.tmp,
            timeout=timeout, preexec_fn=child_setup)

    def sh(self, command, **kwargs):
        """sh -c COMMAND; returns (status, stdout text, stderr text)."""
        r = self.run_prog('sh', '-c', command, **kwargs)
        return (r.returncode, r.stdout.decode('latin-1'),
                r.stderr.decode('latin-1'))

    def assertUsage(self, result, status=2):
        """A usage error: the status, nothing on stdout, usage on stderr."""
        self.assertEqual(result.returncode, status, result)
        self.assertEqual(result.stdout, b'')
        self.assertIn(b'usage:', result.stderr)
