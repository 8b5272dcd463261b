"""The host tests: the C test programs build/host/test_* (KTAP on their
stdout) and the Python tests tests/host/test_*.py (run through unittest),
and the stage that runs them with the clang build beside the boots."""

import fnmatch
import multiprocessing
import os
import threading
import time
import traceback
import unittest

import ktap
from harness.clang import ClangCheck
from harness.common import HOST_PROGRAMS_DIR, HOST_TESTS_DIR, Outcome
from harness.process import (describe_status, hang_result, run_make,
                             run_with_timeout)
from harness.report import report

class _UnittestRecorder(unittest.TestResult):
    """A unittest result that turns each test method into a ktap.Result."""

    def __init__(self):
        super().__init__()
        self.buffer = True              # keep the tests' prints out of ours
        self.recorded = []

    def _record(self, test, status, details=''):
        self.recorded.append(ktap.Result(test.id(), status, '',
                                         details.rstrip('\n').splitlines()))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, ktap.PASS)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, ktap.FAIL, self.failures[-1][1])

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, ktap.FAIL, self.errors[-1][1])

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, ktap.SKIP)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, ktap.PASS)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, ktap.FAIL, 'unexpected success')

    def addSubTest(self, test, subtest, err):
        # A failing subTest fails its method; passing ones are not counted.
        super().addSubTest(test, subtest, err)
        if err is not None:
            details = ''.join(traceback.format_exception(*err))
            self._record(subtest, ktap.FAIL, details)


def python_host_test_results():
    """Run tests/host/test_*.py in this process; return their Results."""
    loader = unittest.TestLoader()
    suite = loader.discover(HOST_TESTS_DIR, pattern='test_*.py',
                            top_level_dir=HOST_TESTS_DIR)
    recorder = _UnittestRecorder()
    suite.run(recorder)
    return recorder.recorded


def run_python_host_tests():
    """Run tests/host/test_*.py in a fresh interpreter; return an Outcome.

    unittest swaps sys.stdout while each test runs (to keep the tests'
    prints out of ours), which would swallow what the boot stage prints
    meanwhile; a process of its own keeps that to itself."""
    start = time.monotonic()
    with multiprocessing.get_context('spawn').Pool(1) as pool:
        results = pool.apply(python_host_test_results)
    return Outcome('host', results, time.monotonic() - start)


def host_programs():
    """The host C test programs build/host/test_*, sorted by name."""
    if not os.path.isdir(HOST_PROGRAMS_DIR):
        return []
    # test_foo, not the test_foo.o / test_foo.d files beside it.
    names = sorted(name for name in os.listdir(HOST_PROGRAMS_DIR)
                   if fnmatch.fnmatch(name, 'test_*') and '.' not in name)
    paths = [os.path.join(HOST_PROGRAMS_DIR, name) for name in names]
    return [path for path in paths
            if os.path.isfile(path) and os.access(path, os.X_OK)]


def program_problems(name, run, timeout, results):
    """Failures of a KTAP-printing program beyond its own results: it
    could not start, hung, or its exit status disagrees with its KTAP."""
    failures = ktap.count(results)[1]
    if run.error:
        return [ktap.Result('', ktap.FAIL, run.error)]
    if run.timed_out:
        return [hang_result(timeout, run.lines)]
    if run.status != 0 and not failures:
        return [ktap.Result('', ktap.FAIL,
                            f'{describe_status(name, run.status)} but '
                            'its KTAP output has no failure',
                            run.stderr[-10:])]
    if run.status == 0 and failures:
        return [ktap.Result('', ktap.FAIL,
                            'exit status disagrees with KTAP: status 0 '
                            f'but the KTAP output has {failures} '
                            'failure(s)')]
    return []


def run_host_program(path, args):
    """Run one host C test program (KTAP on stdout); return an Outcome."""
    name = os.path.basename(path)
    log_path = os.path.join(args.log_dir, 'host', f'{name}.log')
    run = run_with_timeout([path], args.timeout, log_path)
    results = ktap.results(ktap.parse(run.lines))
    problems = program_problems(name, run, args.timeout, results)
    return Outcome(f'host:{name}', problems + results, run.elapsed)


def run_host_stage(args):
    """Build and run all host tests; return their Outcomes."""
    outcomes = []
    built = True
    if args.build:
        status = run_make('host-test-build')
        if status != 0:
            built = False
            reason = ('make host-test-build failed '
                      f'(make exited with status {status})')
            failure = ktap.Result('', ktap.FAIL, reason)
            outcomes.append(report(Outcome('host:build', [failure])))
    if built:                   # never run programs left from an old build
        for path in host_programs():
            outcomes.append(report(run_host_program(path, args)))
    outcomes.append(report(run_python_host_tests()))
    return outcomes


class HostStage:
    """The host tests and the clang check, in a thread of their own: they
    are mostly single-threaded, so they run on the second core while the
    first QEMU configurations boot (the smallest use one CPU)."""

    def __init__(self, args):
        self.outcomes = []
        self.clang = ClangCheck(args) if args.clang else None
        self.thread = threading.Thread(target=self._run, args=(args,),
                                       daemon=True)
        self.thread.start()

    def _run(self, args):
        if args.host:
            self.outcomes += run_host_stage(args)
        if self.clang:
            self.outcomes.append(report(self.clang.finish()))

    def join(self):
        """Wait for the stage; return its Outcomes."""
        self.thread.join()
        return self.outcomes

    def stop(self):
        """On an interrupt: kill the clang build, if it still runs."""
        if self.clang:
            self.clang.stop()
