"""The clang build (--clang).

README.md says the tree builds with Clang as well as GCC.  `make
clang-check` compiles and links the kernel and the user programs with
clang and -Werror into build/clang (no ISO, no boot).  With --clang it
runs in the background while the host tests run, and counts as one
test: a warning only clang gives fails the run.
"""

import os
import re
import subprocess
import time

import ktap
from harness.common import ROOT, Outcome
from harness.process import kill_process_group

CLANG_CHECK_COMMAND = ['make', '-s', 'clang-check']
CLANG_LABEL = 'build:clang'
CLANG_TIMEOUT = 900          # seconds
CLANG_SHOWN_LINES = 20       # compiler lines quoted in a failure


def compiler_messages(lines):
    """The lines of a failed build worth showing: the compiler's errors
    and warnings, or else the last lines."""
    messages = [line for line in lines
                if re.search(r'\b(error|warning)\b', line)]
    return (messages or lines)[-CLANG_SHOWN_LINES:]


class ClangCheck:
    """`make clang-check` running in the background."""

    def __init__(self, args):
        self.log_path = os.path.join(args.log_dir, 'clang.log')
        os.makedirs(args.log_dir, exist_ok=True)
        self.log = open(self.log_path, 'wb')
        self.start = time.monotonic()
        self.process = None
        self.error = ''
        try:
            self.process = subprocess.Popen(
                CLANG_CHECK_COMMAND, cwd=ROOT, stdin=subprocess.DEVNULL,
                stdout=self.log, stderr=subprocess.STDOUT,
                start_new_session=True)
        except OSError as error:
            self.error = (f'cannot start {CLANG_CHECK_COMMAND[0]}: '
                          f'{error.strerror}')

    def finish(self):
        """Wait for the build (within CLANG_TIMEOUT of its start) and
        return its Outcome."""
        status = None
        if self.process:
            left = CLANG_TIMEOUT - (time.monotonic() - self.start)
            try:
                status = self.process.wait(timeout=max(left, 0))
            except subprocess.TimeoutExpired:
                self.error = f'no end after {CLANG_TIMEOUT} s'
        self.stop()
        elapsed = time.monotonic() - self.start
        with open(self.log_path, 'rb') as log:
            lines = log.read().decode('utf-8', 'replace').splitlines()
        if not self.error and status == 0:
            result = ktap.Result('clang-check', ktap.PASS)
        else:
            reason = self.error or (
                f'the tree does not build with clang -Werror (`make '
                f'clang-check` exited with status {status}; all of its '
                f'output is in {os.path.relpath(self.log_path, ROOT)})')
            result = ktap.Result('', ktap.FAIL, reason,
                                 compiler_messages(lines))
        return Outcome(CLANG_LABEL, [result], elapsed)

    def stop(self):
        """Kill the build if it still runs; close the log."""
        if self.process and self.process.poll() is None:
            kill_process_group(self.process)
        self.log.close()
