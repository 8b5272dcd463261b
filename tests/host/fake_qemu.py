#!/usr/bin/env python3
"""A stand-in for qemu-system-x86_64, used only by test_harness.py.

tests/run runs whatever the QEMU environment variable names, so the
self-test points it at this script.  It ignores QEMU's arguments (it only
checks that a -cdrom, or a -kernel with its -initrd and -append, is
given, as every real boot has one), prints on
stdout what a kernel would print on the serial port, and exits the way
QEMU would.  The environment variable FAKE_QEMU_SCRIPT picks the story:

  pass       every test passes; exit status 33
  skip       one case is skipped, the rest pass; exit status 33
  fail       one expectation fails; exit status 35
  panic      a kernel panic in the middle of a suite; exit status 0
  triple     output just stops (a triple fault); exit status 0
  hang       output stops and the "kernel" never exits
  truncated  a suite's plan announces 3 cases, only 1 result follows;
             exit status 33
  garbage    no KTAP at all; exit status 33
  disagree   every test passes, yet exit status 35
  empty      an empty plan (the filter matched no test); exit status 33
  nomatch    an empty plan and the kernel's line saying no test matches
             the filter; exit status 35

and for the panic stage (tests/run --config panic):
  panic-stage     the other CPUs print, the kernel panics, says "Rebooting
                  in 1 seconds..", waits 1 s and resets; exit status 0
  panic-late      as panic-stage, but a CPU still prints after the panic
  panic-no-wait   as panic-stage, but the reset comes at once

Two more variables help the tests look inside:
  FAKE_QEMU_ARGS_FILE  if set, the arguments are written there, one a line
  FAKE_QEMU_PID_FILE   if set, this process's id is written there
"""

import os
import sys
import time

BANNER = [
    'Ferry 0.1 (x86_64) booting',
    '[mem 0x0000000000000000-0x000000000009fbff] usable',
]

# Suite "basics": two passing cases.
BASICS_PASSING = [
    '    KTAP version 1',
    '    # Subtest: basics',
    '    1..2',
    '    ok 1 adds',
    '    ok 2 compares',
    '# basics: pass:2 fail:0 skip:0 total:2',
    'ok 1 basics',
]

# Suite "sample": the case "fails" fails, as a KUnit expectation does.
SAMPLE_FAILING = [
    '    KTAP version 1',
    '    # Subtest: sample',
    '    1..2',
    '    ok 1 works',
    '    # fails: EXPECTATION FAILED at kernel/sample_test.c:88',
    '    Expected after == before, but',
    '        after == 1021',
    '        before == 1024',
    '    not ok 2 fails',
    '# sample: pass:1 fail:1 skip:0 total:2',
    'not ok 2 sample',
]

# Suite "sample" when everything works.
SAMPLE_PASSING = [
    '    KTAP version 1',
    '    # Subtest: sample',
    '    1..2',
    '    ok 1 works',
    '    ok 2 fails',
    '# sample: pass:2 fail:0 skip:0 total:2',
    'ok 2 sample',
]

# Suite "sample" with a skipped case.
SAMPLE_SKIPPING = [
    '    KTAP version 1',
    '    # Subtest: sample',
    '    1..2',
    '    ok 1 works',
    '    ok 2 needs_numa # SKIP only one NUMA node',
    '# sample: pass:1 fail:0 skip:1 total:2',
    'ok 2 sample',
]


# The panic stage: kernel/panic_test.c's case, as far as it gets.
PANIC_PRINTERS = [
    'panic_test: CPU 1 (interrupts on) still printing',
    'panic_test: CPU 2 (interrupts off) still printing',
    'panic_test: CPU 2 (interrupts off) still printing',
]
PANIC_MESSAGE = [
    'Kernel panic - not syncing: panic_test: a panic on purpose, 2 other '
    'CPU(s) printing',
    'Call Trace:',
    ' panic+0x99/0x121',
]
PANIC_START = ['KTAP version 1', '1..1', '    KTAP version 1',
               '    # Subtest: panic', '    1..1']

# Seconds a story waits after its last line before exiting.
WAIT_BEFORE_EXIT = {'panic-stage': 1.0, 'panic-late': 1.0}


def ktap(*suites, count=None):
    """A whole KTAP run made of the given suites' lines."""
    lines = ['KTAP version 1', f'1..{count or len(suites)}']
    for suite in suites:
        lines += suite
    return lines


def story(name):
    """Return (stdout lines, exit status or None for 'never exits')."""
    stories = {
        'pass': (ktap(BASICS_PASSING, SAMPLE_PASSING), 33),
        'skip': (ktap(BASICS_PASSING, SAMPLE_SKIPPING), 33),
        'fail': (ktap(BASICS_PASSING, SAMPLE_FAILING), 35),
        'panic': (ktap(BASICS_PASSING, SAMPLE_FAILING[:4]) + [
            'Page fault at 0xdead0000 (write, not present), rip 0x101234',
            'Kernel panic - not syncing: page fault in kernel mode',
        ], 0),
        'triple': (ktap(BASICS_PASSING, SAMPLE_FAILING[:4]), 0),
        'hang': (ktap(BASICS_PASSING, SAMPLE_FAILING[:4]), None),
        'truncated': (['KTAP version 1', '1..1', '    KTAP version 1',
                       '    # Subtest: sample', '    1..3',
                       '    ok 1 works'], 33),
        'garbage': (['Ferry 0.1 (x86_64) booting', 'nothing to see'], 33),
        'disagree': (ktap(BASICS_PASSING), 35),
        'empty': (['KTAP version 1', '1..0', '# Totals: pass:0 fail:0 '
                   'skip:0 total:0'], 33),
        'nomatch': (['KTAP version 1', '1..0',
                     'kunit: no test matches ktest=pmm.*',
                     '# Totals: pass:0 fail:0 skip:0 total:0'], 35),
        'panic-stage': (PANIC_START + PANIC_PRINTERS + PANIC_MESSAGE +
                        ['Rebooting in 1 seconds..'], 0),
        'panic-late': (PANIC_START + PANIC_PRINTERS + PANIC_MESSAGE +
                       [PANIC_PRINTERS[0], 'Rebooting in 1 seconds..'], 0),
        'panic-no-wait': (PANIC_START + PANIC_PRINTERS + PANIC_MESSAGE +
                          ['Rebooting in 1 seconds..'], 0),
    }
    if name not in stories:
        sys.exit(f'fake_qemu: unknown FAKE_QEMU_SCRIPT {name!r}; '
                 f'known: {", ".join(stories)}')
    lines, status = stories[name]
    return BANNER + lines, status


def main():
    args = sys.argv[1:]
    if os.environ.get('FAKE_QEMU_ARGS_FILE'):
        with open(os.environ['FAKE_QEMU_ARGS_FILE'], 'w') as out:
            out.write('\n'.join(args) + '\n')
    if os.environ.get('FAKE_QEMU_PID_FILE'):
        with open(os.environ['FAKE_QEMU_PID_FILE'], 'w') as out:
            out.write(f'{os.getpid()}\n')
    if '-cdrom' not in args and not all(
            a in args for a in ('-kernel', '-initrd', '-append')):
        sys.exit('fake_qemu: no -cdrom, nor -kernel with -initrd and -append')

    lines, status = story(os.environ.get('FAKE_QEMU_SCRIPT', 'pass'))
    for line in lines:
        # The serial port sends \r\n line endings.
        sys.stdout.write(line + '\r\n')
        sys.stdout.flush()
    if status is None:
        while True:             # a hung kernel: wait to be killed
            time.sleep(60)
    time.sleep(WAIT_BEFORE_EXIT.get(os.environ.get('FAKE_QEMU_SCRIPT'), 0))
    sys.exit(status)


if __name__ == '__main__':
    main()
