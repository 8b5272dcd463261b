#!/usr/bin/env python3
"""make grade: run a lab's graded tests and print its score.

    tools/grade.py [LAB...] [--timeout SECONDS] [--log-dir DIR]

The tests and their points are in docs/labs/grade.conf.  A test runs
where its line says: `host` builds and runs a host test program
(build/host/PROGRAM), a tests/qemu.conf configuration boots the kernel
through tests/run with --filter set to the lab's tests there, once per
configuration.  Without LAB: the lab of a student tree (its .lab file),
or every lab in a full tree.

Output (docs/labs/README.md): one line per graded test,

    LAB WHERE TEST EARNED/POINTS PASS|FAIL

then `Score LAB: N/M` per lab and `Score: N/M` for the whole run; every
other line starts with '#' (what ran, why a test failed).  The exit
status is 0 at full marks, 1 below, 2 on a usage or table error.
"""

import argparse
import fnmatch
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labs  # noqa: E402

sys.path.insert(0, os.path.join(labs.ROOT, 'tests'))
import ktap  # noqa: E402

DETAIL_LINES = 8         # diagnostic lines shown under a failed test


def say(text=''):
    print(text, flush=True)


def outcome(test, results):
    """(passed, why) for one graded test given the results where it ran:
    every result its pattern matches must pass, and one at least."""
    matched = [r for r in results if r.name and
               fnmatch.fnmatchcase(r.name, test.test)]
    if not matched:
        return False, ['no result for it: the run stopped before it, or '
                       'it is not in the tree (see the log)']
    for result in matched:
        if result.status == ktap.FAIL:
            lines = [result.reason] if result.reason else []
            lines += [_plain(line) for line in result.diagnostics]
            lines = [f'{result.name}: not ok'] + [x for x in lines if x]
            return False, lines
    skipped = [r.name for r in matched if r.status == ktap.SKIP]
    if skipped:
        return False, [f'{skipped[0]}: skipped, which earns nothing here']
    return True, []


def _plain(line):
    """A diagnostic line without its indentation and KTAP '# '."""
    line = line.strip()
    return line[2:] if line.startswith('# ') else line


def boot_filter(tests, known):
    """tests/run's --filter for tests of one configuration: a suite's
    name where every case the tree has of it is graded, else the cases."""
    wanted = [t.test for t in tests]
    by_suite = {}
    for name in known:
        by_suite.setdefault(name.split('.', 1)[0], set()).add(name)
    parts = []
    for pattern in wanted:
        suite = pattern.split('.', 1)[0]
        if suite in parts:
            continue
        if by_suite.get(suite) and by_suite[suite] <= set(wanted):
            parts.append(suite)
        else:
            parts.append(pattern)
    return ','.join(parts)


def stream_problems(results):
    """What went wrong with a run as a whole (a crash, a hang, a build
    that failed), with its first diagnostic lines."""
    lines = []
    for r in results:
        if r.status == ktap.FAIL and r.reason and not r.name:
            lines += [r.reason] + r.diagnostics[:DETAIL_LINES]
    return lines


def build_tree():
    """make all (the kernel, the programs, the ISO): True if it built.
    A tree that does not build still gets its score: 0 for every test
    that needs a boot."""
    say('# make all')
    made = subprocess.run(['make', '-s', 'all'], cwd=labs.ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if made.returncode == 0:
        return True
    say(f'#   make all failed (status {made.returncode}); its last lines:')
    for line in made.stdout.decode(errors='replace').splitlines()[-15:]:
        say(f'#   {line}')
    return False


def run_host(program, log_dir, timeout):
    """Build and run build/host/PROGRAM; its Results."""
    target = f'build/host/{program}'
    build = subprocess.run(['make', '-s', target], cwd=labs.ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if build.returncode != 0:
        tail = build.stdout.decode(errors='replace').splitlines()[-10:]
        return [ktap.Result('', ktap.FAIL, f'make {target} failed', tail)]
    log = os.path.join(log_dir, f'host-{program}.log')
    try:
        run = subprocess.run([os.path.join(labs.ROOT, target)],
                             cwd=labs.ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=timeout)
        text = run.stdout.decode(errors='replace')
    except subprocess.TimeoutExpired as expired:
        text = (expired.stdout or b'').decode(errors='replace')
        text += f'\n# {program}: killed after {timeout:.0f} s\n'
    with open(log, 'w', encoding='utf-8') as f:
        f.write(text)
    results = ktap.results(ktap.parse(text.splitlines()))
    for result in results:
        if result.name:
            result.name = f'{program}.{result.name}'
    return results


def run_config(config, tests, log_dir, timeout):
    """Boot one configuration with the tests' filter; its Results and
    the lines tests/run printed about the boot as a whole."""
    pattern = boot_filter(tests, labs.known_tests()['kernel'])
    log = os.path.join(log_dir, f'{config}.log')
    if os.path.exists(log):
        os.remove(log)          # never grade an earlier run's log
    command = [sys.executable, os.path.join('tests', 'run'), '--config',
               config, '--filter', pattern, '--log-dir', log_dir,
               '--timeout', str(timeout), '--no-e2e']
    say(f'# {config}: tests/run --config {config} --filter \'{pattern}\'')
    run = subprocess.run(command, cwd=labs.ROOT, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    text = run.stdout.decode(errors='replace')
    with open(os.path.join(log_dir, f'{config}.run'), 'w',
              encoding='utf-8') as f:
        f.write(text)
    notes = [line for line in text.splitlines()
             if line.startswith((f'{config}:', f'FAIL {config}: ',
                                 'tests/run:'))]
    if not os.path.exists(log):
        return [], notes or [f'tests/run exited with status '
                             f'{run.returncode} before booting']
    with open(log, encoding='utf-8', errors='replace') as f:
        results = ktap.results(ktap.parse(f.read().splitlines()))
    return results, notes


def grade_lab(lab, args):
    """Run one lab's tests; print its lines; return (earned, points)."""
    log_dir = os.path.join(args.log_dir, lab.name)
    os.makedirs(log_dir, exist_ok=True)
    say(f'# lab {lab.name}: {lab.title or "(no title)"}')
    shown = os.path.relpath(log_dir, labs.ROOT)
    if shown.startswith('..'):
        shown = log_dir
    say(f'# {len(lab.tests)} tests, {lab.points} points; guide '
        f'{lab.guide or "(none)"}; logs in {shown}/')
    results = {}
    for where in lab.configs():
        start = time.monotonic()
        tests = [t for t in lab.tests if t.where == where]
        if where != 'host' and not args.built:
            found, notes = [], ['not booted: the tree does not build']
        elif where == 'host':
            found = []
            for program in sorted({t.test.split('.', 1)[0] for t in tests}):
                say(f'# host: make build/host/{program} and run it')
                found += run_host(program, log_dir, args.timeout)
            notes = stream_problems(found)
        else:
            found, notes = run_config(where, tests, log_dir, args.timeout)
        results[where] = found
        for note in notes:
            say(f'#   {note}')
        say(f'# {where}: {time.monotonic() - start:.1f} s')
    return report_lab(lab, results)


def report_lab(lab, results):
    earned = 0
    width = max(len(t.test) for t in lab.tests)
    for test in lab.tests:
        passed, why = outcome(test, results.get(test.where, []))
        points = test.points if passed else 0
        earned += points
        say(f'{lab.name} {test.where:<5} {test.test:<{width}} '
            f'{points:>3}/{test.points:<3} {"PASS" if passed else "FAIL"}')
        for line in why[:DETAIL_LINES]:
            say(f'#   {line}')
    say(f'Score {lab.name}: {earned}/{lab.points}')
    return earned, lab.points


def choose_labs(names, all_labs):
    by_name = {lab.name: lab for lab in all_labs}
    if not names:
        mine = labs.student_lab()
        names = [mine] if mine else list(by_name)
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise labs.LabError(f'unknown lab {unknown[0]!r}; labs: '
                            f'{", ".join(by_name)}')
    return [by_name[n] for n in names]


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog='tools/grade.py',
        description='Run the graded tests of labs (docs/labs/grade.conf) '
                    'and print the score.')
    parser.add_argument('lab', nargs='*',
                        help='labs to grade (default: the student tree\'s, '
                             'or all)')
    parser.add_argument('--timeout', type=float, default=120,
                        metavar='SECONDS',
                        help='per boot and per host program (default 120)')
    parser.add_argument('--log-dir', default=os.path.join(labs.ROOT, 'build',
                                                          'grade'),
                        metavar='DIR',
                        help='where the logs go, one directory per lab '
                             '(default build/grade)')
    args = parser.parse_args(argv)
    args.log_dir = os.path.abspath(args.log_dir)
    try:
        chosen = choose_labs(args.lab, labs.read_labs())
    except labs.LabError as error:
        print(f'grade: {error}', file=sys.stderr)
        return 2
    args.built = build_tree()
    earned = points = 0
    for lab in chosen:
        e, p = grade_lab(lab, args)
        earned, points = earned + e, points + p
    say(f'Score: {earned}/{points}')
    return 0 if earned == points else 1


if __name__ == '__main__':
    sys.exit(main())
