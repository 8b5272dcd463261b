"""Paths, exit statuses and the records every stage of tests/run shares:
what a child process did (Run) and what a stage reports (Outcome)."""

import os
import sys
from dataclasses import dataclass, field
from typing import Optional

import ktap

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TESTS_DIR)          # the repository; make runs here

CONFIG_FILE = os.path.join(TESTS_DIR, 'qemu.conf')
HOST_TESTS_DIR = os.path.join(TESTS_DIR, 'host')
HOST_PROGRAMS_DIR = os.path.join(ROOT, 'build', 'host')
ISO_DIR = 'build/test-iso'                 # relative to ROOT
DEFAULT_LOG_DIR = os.path.join(ROOT, 'build', 'test-logs')

# QEMU exit statuses chosen by the kernel through isa-debug-exit
# (QEMU exits with (value << 1) | 1).
EXIT_ALL_PASSED = 33
EXIT_SOME_FAILED = 35

DEFAULT_TIMEOUT = 120        # seconds per boot
DEFAULT_E2E_TIMEOUT = 900    # seconds for the whole end-to-end stage

E2E_SCRIPT = os.path.join(TESTS_DIR, 'e2e_shell.py')
E2E_NAME = 'e2e'             # its label, --config name and log names

PANIC_NAME = 'panic'         # the panic stage: label, --config name, logs
PANIC_SECONDS = 1            # its panic=N


@dataclass
class Run:
    """What one child process (QEMU or a host test program) did."""
    lines: list = field(default_factory=list)   # its stdout, line by line
    stderr: list = field(default_factory=list)
    status: Optional[int] = None     # exit status; None if it never exited
    timed_out: bool = False
    elapsed: float = 0.0             # seconds from start to exit (or kill)
    first_line_after: Optional[float] = None  # seconds to the first line
    line_times: list = field(default_factory=list)  # seconds to each line
    error: str = ''             # set when the process could not start


@dataclass
class Outcome:
    """The results of one boot (or one host test program), to report."""
    label: str                  # e.g. 'small' or 'host:test_bitmap'
    results: list               # of ktap.Result
    elapsed: float = 0.0
    note: str = ''              # appended to the summary line

    def counts(self):
        return ktap.count(self.results)


def die(message):
    """Stop on a usage or configuration error (exit status 2, as argparse)."""
    print(f'tests/run: {message}', file=sys.stderr)
    sys.exit(2)
