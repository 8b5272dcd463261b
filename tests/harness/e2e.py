"""The end-to-end stage: tests/e2e_shell.py boots the image `make run`
boots and uses its shell over the serial console as a person would,
reporting KTAP like a host test program."""

import os
import sys

import ktap
from harness.common import E2E_NAME, E2E_SCRIPT, ROOT, Outcome
from harness.host import program_problems
from harness.process import run_with_timeout

def e2e_command(args, accel):
    """The command running tests/e2e_shell.py for this run."""
    serial_log = os.path.join(args.log_dir, f'{E2E_NAME}.serial.log')
    command = [sys.executable, E2E_SCRIPT, '--accel', accel,
               '--serial-log', serial_log]
    if not args.build:
        command.append('--no-build')
    return command


def run_e2e_stage(args, accel):
    """Boot `make run`'s image and drive its shell; return an Outcome.

    tests/e2e_shell.py builds the ISO itself (unless --no-build), prints
    KTAP (saved to build/test-logs/e2e.log) and keeps the raw serial
    output in e2e.serial.log.
    """
    log_path = os.path.join(args.log_dir, f'{E2E_NAME}.log')
    run = run_with_timeout(e2e_command(args, accel), args.e2e_timeout,
                           log_path)
    results = ktap.results(ktap.parse(run.lines))
    problems = program_problems('e2e_shell.py', run, args.e2e_timeout,
                                results)
    note = ''
    if problems or ktap.count(results)[1]:
        shown = os.path.relpath(log_path, ROOT)
        if shown.startswith('..'):
            shown = log_path
        note = f' (logs: {shown}, {E2E_NAME}.serial.log beside it)'
    return Outcome(E2E_NAME, problems + results, run.elapsed, note)
