"""The panic stage: a three-CPU machine boots "ktest=panic ktest_panic
panic=1"; the kernel panics on purpose while its other CPUs print (one
with interrupts on, one with them off), and the stage checks that the
panic stopped them (none of their lines after the panic message) and
that panic=1 waited before the reset ended QEMU."""

import re

import ktap
from harness.boot import PANIC_RE, build_and_boot
from harness.common import PANIC_NAME, PANIC_SECONDS, Outcome
from harness.config import Config
from harness.process import describe_status, hang_result, last_line

# What kernel/panic_test.c's CPUs print, and panic()'s line before the wait.
PANIC_PRINTER_RE = re.compile(r'panic_test: CPU (\d+) \(interrupts (on|off)\) '
                              r'still printing')
PANIC_REBOOT_RE = re.compile(r'Rebooting in (\d+) seconds\.\.')


# Three CPUs: the one that panics, one printing with interrupts on and
# one with interrupts off (kernel/panic_test.c).
PANIC_CONFIG = Config(name=PANIC_NAME, machine='q35', smp='3', memory='128M',
                      numa=[], devices=[], extra=[], cmdline=['ktest_panic'],
                      panic=PANIC_SECONDS)


def panic_check(name, problem, lines=()):
    """One of the stage's results: passed, or failed with `problem`."""
    if not problem:
        return ktap.Result(f'{PANIC_NAME}.{name}', ktap.PASS)
    return ktap.Result(f'{PANIC_NAME}.{name}', ktap.FAIL,
                       f'{PANIC_NAME}.{name}: {problem}', list(lines))


def panic_ended(run, at):
    """What is wrong with how the boot ended, or ''."""
    if at is None:
        return (f'no "Kernel panic" line; '
                f'{describe_status("QEMU", run.status)}; '
                f'last line: {last_line(run.lines)}')
    if run.status != 0:
        return (f'{describe_status("QEMU", run.status)}, not 0: the panic '
                'did not end in a reset')
    return ''


def panic_printers_stopped(lines, at):
    """What is wrong with the other CPUs' lines around the panic, or ''.

    Before the panic message both kinds of printer must have printed (so
    both were running when it came); after it, nothing of theirs.
    """
    kinds = {m.group(2) for line in lines[:at]
             for m in PANIC_PRINTER_RE.finditer(line)}
    if kinds != {'on', 'off'}:
        return ('the other CPUs did not all print before the panic (seen: '
                f'interrupts {", ".join(sorted(kinds)) or "none"})')
    late = [line for line in lines[at + 1:] if 'still printing' in line]
    if late:
        return (f'{len(late)} line(s) of the other CPUs after the panic '
                f'message, the first: {late[0].strip()}')
    return ''


def panic_waited(run, at):
    """What is wrong with the wait before the reset, or ''.

    panic=N must print "Rebooting in N seconds.." and wait N seconds:
    QEMU may not exit sooner than half of that after the line arrived
    (half: the line may reach us late on a loaded machine; without the
    wait the reset follows within milliseconds).
    """
    for index in range(at + 1, len(run.lines)):
        match = PANIC_REBOOT_RE.search(run.lines[index])
        if match:
            break
    else:
        return f'no "Rebooting in {PANIC_SECONDS} seconds.." after the panic'
    seconds = int(match.group(1))
    if seconds != PANIC_SECONDS:
        return (f'"{match.group(0)}", but the command line said '
                f'panic={PANIC_SECONDS}')
    waited = run.elapsed - run.line_times[index]
    if waited < seconds / 2:
        return (f'QEMU exited {waited:.2f} s after "{match.group(0)}"; '
                f'panic={seconds} waits {seconds} s')
    return ''


def judge_panic(run, timeout):
    """The panic stage's results from its boot."""
    if run.error:
        return [ktap.Result('', ktap.FAIL, run.error)]
    if run.timed_out:
        return [hang_result(timeout, run.lines)]
    at = next((i for i, line in enumerate(run.lines)
               if PANIC_RE.search(line)), None)
    ended = panic_ended(run, at)
    tail = run.lines[-10:]
    if at is None:
        return [panic_check(name, ended, tail)
                for name in ('panicked', 'other_cpus_stopped', 'waited')]
    return [panic_check('panicked', ended, run.stderr[-10:]),
            panic_check('other_cpus_stopped',
                        panic_printers_stopped(run.lines, at), tail),
            panic_check('waited', panic_waited(run, at), tail)]


def run_panic_stage(args, accel):
    """Boot the panic stage's machine; return an Outcome."""
    config = PANIC_CONFIG
    run, failed = build_and_boot(config, config.kernel_cmdline(PANIC_NAME),
                                 args, accel)
    if failed:
        return failed
    return Outcome(config.name, judge_panic(run, args.timeout), run.elapsed)
