"""Booting a configuration: its QEMU command line, the ISO (or, for a
configuration with `boot = pvh`, the kernel and initrd QEMU loads
itself), and judging the boot by how QEMU exited and the KTAP the
kernel printed.

The kernel ends a test run by writing to QEMU's isa-debug-exit device,
so QEMU exits with status 33 when every test passed (or was skipped) and
35 when some failed.  Anything else is a boot-level failure: status 0 is
a kernel panic (the kernel resets at once with panic=-1, and -no-reboot
turns the reset into an exit) or a triple fault; no exit at all is a
hang.
"""

import os
import re
import shlex

import ktap
from harness.common import (EXIT_ALL_PASSED, EXIT_SOME_FAILED, ISO_DIR,
                            Outcome)
from harness.process import (build_iso, describe_status, hang_result,
                             run_make, run_with_timeout)

# What a `boot = pvh` configuration boots, relative to ROOT.
KERNEL_IMAGE = 'build/kernel.elf'
INITRD_IMAGE = 'build/initrd.cpio'

# QEMU arguments used for every boot; the ISO (or kernel) is appended.
COMMON_QEMU_ARGS = [
    '-no-reboot',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
    '-nic', 'none',
    '-display', 'none',
    '-serial', 'stdio',
    '-monitor', 'none',
]
ACCEL_QEMU_ARGS = {
    'tcg': ['-accel', 'tcg', '-cpu', 'max'],
    'kvm': ['-accel', 'kvm', '-cpu', 'host'],
}

PANIC_RE = re.compile(r'Kernel panic - not syncing: ?(.*)')
# What the kernel prints when ktest= selects no test (lib/kunit/executor.c).
NO_MATCH_RE = re.compile(r'kunit: no test matches ktest=')


# lib/kunit/executor.c's line when the preemption checker reported
# outside the test that provokes it on purpose.
STRAY_REPORTS_RE = re.compile(r'# preempt_check: \d+ report\(s\) outside')


def qemu_program():
    """The emulator command: $QEMU (may include arguments) or the default."""
    return shlex.split(os.environ.get('QEMU', '')) or ['qemu-system-x86_64']


def iso_path(name):
    """Where the ISO of a configuration is built, relative to ROOT."""
    return f'{ISO_DIR}/{name}.iso'


def qemu_command(config, accel, iso, cmdline=''):
    """The full QEMU command line booting `iso` on `config`; with
    `boot = pvh`, the kernel and initrd instead, with `cmdline`."""
    if config.boot == 'pvh':
        boot = ['-kernel', KERNEL_IMAGE, '-initrd', INITRD_IMAGE,
                '-append', cmdline]
    else:
        boot = ['-cdrom', iso, '-boot', 'd']
    return (qemu_program() + config.machine_args() + ACCEL_QEMU_ARGS[accel]
            + COMMON_QEMU_ARGS + boot)


def boot_problems(run, timeout, ktap_results):
    """Boot-level failures: how QEMU ended, compared with the KTAP."""
    if run.error:
        return [ktap.Result('', ktap.FAIL, run.error)]
    if run.timed_out:
        return [hang_result(timeout, run.lines)]

    stderr = run.stderr[-10:]
    if run.status not in (EXIT_ALL_PASSED, EXIT_SOME_FAILED):
        for line in run.lines:
            panic = PANIC_RE.search(line)
            if panic:
                return [ktap.Result('', ktap.FAIL,
                                    f'kernel panic: {panic.group(1)}', stderr)]
        # Status 0 is the -no-reboot exit: the guest reset itself.
        hint = ' (triple fault or reset?)' if run.status == 0 else ''
        return [ktap.Result(
            '', ktap.FAIL,
            f'{describe_status("QEMU", run.status)} without finishing the '
            f'tests{hint}', stderr)]

    # Compare with the cases the kernel itself reported as "not ok".  A
    # stream that was cut short is already counted as failing, so status
    # 33 with missing results adds nothing, and neither does 35.
    reported = [r for r in ktap_results
                if r.status == ktap.FAIL and not r.reason]
    any_failure = any(r.status == ktap.FAIL for r in ktap_results)
    if run.status == EXIT_ALL_PASSED and reported:
        return [ktap.Result('', ktap.FAIL,
                            f'exit status disagrees with KTAP: status '
                            f'{run.status} (all passed) but the kernel '
                            f'reported {len(reported)} failing case(s)')]
    if run.status == EXIT_SOME_FAILED and not any_failure:
        # The kernel fails a run whose cases passed when the preemption
        # checker reported outside the test that expects it.
        stray = [line for line in run.lines if STRAY_REPORTS_RE.search(line)]
        if stray:
            return [ktap.Result('', ktap.FAIL, stray[-1].strip(),
                                [line for line in run.lines
                                 if 'BUG: using smp_processor_id' in line])]
        return [ktap.Result('', ktap.FAIL,
                            f'exit status disagrees with KTAP: status '
                            f'{run.status} (some failed) but the KTAP output '
                            'has no failure')]
    return []


def not_booted(config, args):
    """The Outcome of a configuration the filter leaves nothing to run."""
    return Outcome(config.name, [],
                   note=f' (not booted: --filter {args.filter} selects none '
                        f'of its tests, {", ".join(config.tests)})')


def no_match_result(test_glob, lines):
    """The failure of a run whose filter selected no test, quoting the
    kernel's own line about it when there is one."""
    said = next((line.strip() for line in lines
                 if NO_MATCH_RE.search(line)), '')
    return ktap.Result('', ktap.FAIL,
                       f'no test matched the filter {test_glob!r}'
                       + (f' (kernel: {said})' if said else ''))


def judge_boot(config, run, timeout, test_glob):
    """Turn a QEMU run into an Outcome."""
    results = ktap.results(ktap.parse(run.lines))
    problems = boot_problems(run, timeout, results)
    if not results and run.status in (EXIT_ALL_PASSED, EXIT_SOME_FAILED):
        # A typo in --filter must not pass as a green run of nothing.  The
        # kernel fails such a run itself (status 35); one that reports
        # success with no test at all is failed here.
        problems = [no_match_result(test_glob, run.lines)]
    if run.first_line_after is None:
        note = ' (no kernel output)'
    else:
        note = f' (first kernel line after {run.first_line_after:.2f} s)'
    return Outcome(config.name, problems + results, run.elapsed, note)


def build_and_boot(config, cmdline, args, accel):
    """Build the ISO of `config` booting `cmdline` (the kernel and initrd
    for `boot = pvh`; unless --no-build) and boot it; return (the Run,
    None), or (None, a failed Outcome)."""
    iso = iso_path(config.name)
    if args.build:
        if config.boot == 'pvh':
            status = run_make(KERNEL_IMAGE, INITRD_IMAGE)
        else:
            status = build_iso(iso, cmdline)
        if status != 0:
            what = 'kernel' if config.boot == 'pvh' else 'ISO'
            reason = f'{what} build failed (make exited with status {status})'
            return None, Outcome(config.name,
                                 [ktap.Result('', ktap.FAIL, reason)])
    log_path = os.path.join(args.log_dir, f'{config.name}.log')
    return run_with_timeout(qemu_command(config, accel, iso, cmdline),
                            args.timeout, log_path), None


def boot_config(config, args, accel):
    """Build the ISO of `config`, boot it and judge the result."""
    test_glob = config.test_filter(args.filter)
    if test_glob is None:
        return not_booted(config, args)
    run, failed = build_and_boot(config, config.kernel_cmdline(test_glob),
                                 args, accel)
    if failed:
        return failed
    return judge_boot(config, run, args.timeout, test_glob)
