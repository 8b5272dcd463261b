#!/usr/bin/env python3
"""End-to-end test: use the Ferry shell over the serial console as a person.

This script boots what `make run` boots (build/kernel.elf started by
QEMU itself, or build/ferry.iso through GRUB when GRUB=1 is in the
environment; an empty kernel command line) with the very QEMU command
`make run` uses (printed by `make -s print-qemu-run`, so the two cannot
drift apart), its serial console on a pseudo-terminal.  It waits for the shell's prompt ("/ $ ":
the working directory, then " $ "), then types commands one character at
a time with short pauses, Enter being a carriage return as a terminal
sends it, and reads the screen: what a person would see once carriage
returns, backspaces and erase-line sequences have done their work.

It checks that pipes work, that programs are found (and missing ones
reported), that a segfaulting program makes the kernel print its
"segfault at 0" line and gives status 139 while the shell lives on,
that `kill -9 1` succeeds and init lives on, and the line editing keys
(backspace, Ctrl-U, Ctrl-C).  Then it pastes, as a
terminal does: all the characters written at once, as fast as the
guest takes them.  A 5000-character command line must arrive whole
with its Enter, so that the command pasted after it runs on its own,
and 2000 characters of commands must all run.  The pasted commands
write to files, read back afterwards, and the paste ends with an echo
of a marker line whose output says it has all run: while a command
runs, the terminal echoes the pasted lines still arriving, which may
land in the middle of that command's output, as on any terminal.
Then the session of docs/edu.md: `lspci` lists the edu device, `edu
info` shows its identification register, `edu fact 10` is 3628800, a
file written into the device and read back is the same for `cmp`, by
the copied path and by `--zero-copy`, a short `dmatest` run says ok,
and `dmesg | grep edu` shows the driver's probe line.  Last,
/proc/tty/driver/serial must count exactly the bytes typed, with no
overrun.

Output: KTAP on stdout (one result per check; a failure shows what was
expected, what came, and the tail of the screen), exit status 0 when every
check passed, 1 otherwise, 2 for bad usage.  The raw serial output is kept
in --serial-log.  tests/run runs this as its "e2e" stage.

Timeouts are generous: under TCG on a loaded machine a boot can take
minutes.  They bound waiting only; nothing is judged by how long it took.

--shell runs a program (e.g. build/user/bin/sh, which runs on Linux too)
on the pseudo-terminal instead of QEMU, to try the checks without a
kernel; the checks of `fault segv` and `kill -9 1`, which need the
guest, are then skipped.
"""

import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
import time

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(TESTS_DIR)
sys.path.insert(0, TESTS_DIR)
# The screen and the session are in tests/e2e/; PROMPT_RE, Screen and
# find_prompt are also what tests/host/test_e2e.py uses of this file.
from e2e.screen import PROMPT_RE, Screen, find_prompt  # noqa: E402,F401
from e2e.session import (TAIL_LINES, GuestGone, Session,  # noqa: E402
                         Timeout)

# Defaults of --boot-timeout, --command-timeout and --key-delay, which
# E2E_BOOT_TIMEOUT, E2E_COMMAND_TIMEOUT and E2E_KEY_DELAY override.
DEFAULT_BOOT_TIMEOUT = 300.0      # seconds from QEMU's start to the prompt
DEFAULT_COMMAND_TIMEOUT = 60.0    # seconds from Enter to the next prompt
DEFAULT_KEY_DELAY = 0.05          # seconds between two keystrokes

ENTER = '\r'
BACKSPACE = '\x7f'    # what a terminal's Backspace key sends (VERASE ^?)
CTRL_C = '\x03'
CTRL_U = '\x15'


# ---------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------

class CheckFailed(Exception):
    """A check saw something else than it expected."""

    def __init__(self, message, output=None):
        super().__init__(message)
        self.output = output


class Skip(Exception):
    """A check that cannot run here."""


class Checks:
    """The checks, run in order on one session.  Each method named
    check_* is one KTAP case; they share the shell, so order matters."""

    ORDER = [
        'boot_to_prompt', 'echo_pipe_cat', 'ls_bin', 'proc_buddyinfo',
        'command_not_found', 'fault_segv', 'exit_status_139', 'kill_init',
        'backspace', 'ctrl_u', 'ctrl_c', 'still_answers',
        'paste_long_line', 'paste_many_lines', 'lspci', 'edu_info',
        'edu_fact', 'edu_write_read_cmp', 'edu_zero_copy_cmp', 'dmatest',
        'dmesg_grep_edu', 'proc_tty_serial',
    ]

    LONG_LINE = 5000              # characters of the pasted argument
    MANY_LINES = 16               # commands in the 2000-character paste
    MANY_LINE_LENGTH = 125        # each with its Enter

    def __init__(self, session, boot_timeout, command_timeout,
                 kernel_console=True):
        self.session = session
        self.boot_timeout = boot_timeout
        self.command_timeout = command_timeout
        self.kernel_console = kernel_console

    # --- helpers ----------------------------------------------------------

    def command(self, keys):
        """Type keys (ending with Enter or Ctrl-C) at a prompt; return the
        screen lines printed before the next prompt."""
        start = self.session.mark()
        self.session.type(keys)
        return self.session.wait_prompt(start, self.command_timeout)

    def paste(self, text, marker):
        """Paste text (commands ending with Enter) at a prompt, followed
        by `echo marker`; wait for the marker's line, then the prompt
        after it.  Returns the screen lines before the marker's."""
        start = self.session.mark()
        self.session.paste(f'{text}echo {marker}{ENTER}',
                           self.command_timeout)
        out = self.session.wait_line(start, marker, self.command_timeout)
        self.session.wait_prompt(start + len(out) + 1,
                                 self.command_timeout)
        return out

    @staticmethod
    def expect_line(lines, wanted, what):
        if wanted not in lines:
            raise CheckFailed(f'{what}: expected a line {wanted!r}', lines)

    @staticmethod
    def text(length, seed):
        """length letters and digits in an order that shows any loss."""
        alphabet = ('abcdefghijklmnopqrstuvwxyz'
                    'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
        return ''.join(alphabet[(i * 7 + seed) % len(alphabet)]
                       for i in range(length))

    @staticmethod
    def expect_no_errors(lines, what):
        errors = [line for line in lines if line.startswith('sh: ')]
        if errors:
            raise CheckFailed(f'{what}: the shell complained', lines)

    # --- the checks -------------------------------------------------------

    def check_boot_to_prompt(self):
        session = self.session
        session.wait_for(lambda: find_prompt(session.screen.all_lines(), 0)
                         is not None, self.boot_timeout, 'shell prompt')
        self.boot_lines = len(session.screen.lines)
        # A person presses Enter on a fresh console: a new prompt comes.
        self.command(ENTER)

    def check_echo_pipe_cat(self):
        out = self.command('echo hello | cat' + ENTER)
        self.expect_line(out, 'hello', 'echo hello | cat')

    def check_ls_bin(self):
        out = self.command('ls /bin' + ENTER)
        names = set(' '.join(out).split())
        missing = [name for name in ('sh', 'ls', 'cat') if name not in names]
        if missing:
            raise CheckFailed(f'ls /bin: {", ".join(missing)} not listed',
                              out)

    def check_proc_buddyinfo(self):
        out = self.command('cat /proc/buddyinfo' + ENTER)
        if not any(line.startswith('Node 0, zone') for line in out):
            raise CheckFailed('cat /proc/buddyinfo: expected lines '
                              'starting "Node 0, zone"', out)

    def check_command_not_found(self):
        out = self.command('nosuchcmd' + ENTER)
        self.expect_line(out, 'sh: nosuchcmd: not found', 'nosuchcmd')

    def check_fault_segv(self):
        if not self.kernel_console:
            raise Skip('no kernel console in --shell mode')
        out = self.command('fault segv' + ENTER)
        if not any('segfault at 0' in line for line in out):
            raise CheckFailed('fault segv: expected the kernel\'s line '
                              'containing "segfault at 0"', out)

    def check_exit_status_139(self):
        if not self.kernel_console:
            raise Skip('/bin/fault is the guest\'s (--shell mode)')
        out = self.command('echo $?' + ENTER)
        self.expect_line(out, '139', 'echo $? after fault segv '
                                     '(128 + SIGSEGV)')

    def check_kill_init(self):
        if not self.kernel_console:
            raise Skip("pid 1 is the host's init (--shell mode)")
        out = self.command('kill -9 1' + ENTER)
        if any('Kernel panic' in line for line in out):
            raise CheckFailed('kill -9 1: the kernel panicked', out)
        out = self.command('echo $?' + ENTER)
        self.expect_line(out, '0', 'echo $? after kill -9 1 (init lives on)')

    def check_backspace(self):
        out = self.command('echo abX' + BACKSPACE + 'c' + ENTER)
        self.expect_line(out, 'abc', 'echo abX, Backspace, c')

    def check_ctrl_u(self):
        out = self.command('echo junk' + CTRL_U + 'echo kept' + ENTER)
        self.expect_line(out, 'kept', 'echo junk, Ctrl-U, echo kept')
        if any('junk' in line for line in out):
            raise CheckFailed('Ctrl-U did not erase "echo junk"', out)

    def check_ctrl_c(self):
        out = self.command('echo cancelled' + CTRL_C)
        if any('cancelled' in line for line in out):
            raise CheckFailed('Ctrl-C: the cancelled line was run', out)
        out = self.command('echo after' + ENTER)
        self.expect_line(out, 'after', 'a command after Ctrl-C')
        if any('cancelled' in line for line in out):
            raise CheckFailed('Ctrl-C: the cancelled line came back', out)

    def check_still_answers(self):
        out = self.command('echo still here' + ENTER)
        self.expect_line(out, 'still here', 'echo still here')

    def check_paste_long_line(self):
        word = self.text(self.LONG_LINE, 0)
        out = self.paste(f'echo {word} > /e2e-long{ENTER}'
                         f'echo next > /e2e-next{ENTER}', 'pasted-long')
        self.expect_no_errors(out, 'the pasted 5000-character line')
        out = self.command('cat /e2e-long /e2e-next' + ENTER)
        if out != [word, 'next']:
            raise CheckFailed(f'cat /e2e-long /e2e-next: expected the '
                              f'{len(word)}-character word, then "next" '
                              f'(lines of {[len(line) for line in out]} '
                              f'characters came)',
                              [line[:200] for line in out])

    def many_lines(self):
        """The pasted commands and the lines they append to a file."""
        tail = ' >> /e2e-many'
        lines = []
        for i in range(self.MANY_LINES):
            width = self.MANY_LINE_LENGTH - len('echo ') - len(tail) - 1
            lines.append(f'{i:02d}:' + self.text(width - 3, i))
        keys = ''.join(f'echo {line}{tail}{ENTER}' for line in lines)
        return keys, lines

    def check_paste_many_lines(self):
        keys, lines = self.many_lines()
        out = self.paste(keys, 'pasted-many')
        self.expect_no_errors(out, f'{len(keys)} characters of pasted '
                                   f'commands')
        out = self.command('cat /e2e-many' + ENTER)
        if out != lines:
            raise CheckFailed(f'cat /e2e-many: expected the {len(lines)} '
                              f'lines the pasted commands wrote', out)

    # --- the edu device, as a student meets it (docs/edu.md) -------------

    def guest_only(self):
        if not self.kernel_console:
            raise Skip('needs the guest\'s edu device (--shell mode)')

    def check_lspci(self):
        self.guest_only()
        out = self.command('lspci' + ENTER)
        edu = re.compile(r'[0-9a-f]{2}:[0-9a-f]{2}\.[0-7] .*'
                         r'Device 1234:11e8 \(rev 10\)$')
        if not any(edu.match(line) for line in out):
            raise CheckFailed('lspci: expected a line for the edu device '
                              '(1234:11e8 rev 10)', out)

    def check_edu_info(self):
        self.guest_only()
        out = self.command('edu info' + ENTER)
        self.expect_line(out, '/dev/edu0: 1234:11e8 rev 10', 'edu info')
        if not any(re.fullmatch(r'\s*identification:\s+0x010000ed.*', line)
                   for line in out):
            raise CheckFailed('edu info: expected the identification '
                              'register, 0x010000ed', out)

    def check_edu_fact(self):
        self.guest_only()
        out = self.command('edu fact 10' + ENTER)
        self.expect_line(out, '10! = 3628800', 'edu fact 10')

    def round_trip(self, name, options, offset):
        """Write a file into the device and read it back; cmp decides."""
        text = self.text(700, offset)
        self.paste(f'echo {text} > /e2e-{name}{ENTER}', f'wrote-{name}')
        out = self.command(f'edu write {options} -o {offset} /e2e-{name} '
                           f'&& edu read {options} -o {offset} -n 701 '
                           f'> /e2e-{name}.back && cmp /e2e-{name} '
                           f'/e2e-{name}.back && echo same' + ENTER)
        self.expect_line(out, 'same', f'edu write/read {options}, then cmp')

    def check_edu_write_read_cmp(self):
        self.guest_only()
        self.round_trip('copied', '', 1000)

    def check_edu_zero_copy_cmp(self):
        self.guest_only()
        self.round_trip('zero-copy', '--zero-copy', 3001)

    def check_dmatest(self):
        self.guest_only()
        out = self.command('dmatest -n 3 -j 2 -q' + ENTER)
        self.expect_line(out, 'dmatest: ok', 'dmatest -n 3 -j 2 -q')

    def check_dmesg_grep_edu(self):
        self.guest_only()
        out = self.command('dmesg | grep edu' + ENTER)
        if not any('/dev/edu0' in line for line in out):
            raise CheckFailed('dmesg | grep edu: expected the driver\'s '
                              'probe line naming /dev/edu0', out)

    def check_proc_tty_serial(self):
        if not self.kernel_console:
            raise Skip('the guest\'s /proc (--shell mode)')
        keys = 'cat /proc/tty/driver/serial' + ENTER
        sent = self.session.sent + len(keys)
        out = self.command(keys)
        port = r'0: uart:16550A port:000003F8 irq:4 tx:\d+ rx:(\d+)'
        match = len(out) >= 2 and re.match(port + r'( |$)', out[1])
        if out[:1] != ['serinfo:1.0 driver revision:'] or not match:
            raise CheckFailed('/proc/tty/driver/serial: expected Linux\'s '
                              'serinfo line and a line for port 0', out)
        if int(match.group(1)) != sent or ' oe:' in out[1]:
            raise CheckFailed(f'/proc/tty/driver/serial: expected rx:{sent} '
                              f'(every byte typed) and no overrun', out)


# ---------------------------------------------------------------------------
# Running and reporting
# ---------------------------------------------------------------------------

def emit(line=''):
    print(line, flush=True)


def diagnostics(lines):
    for line in lines:
        emit(f'# {line}')


def panic_line(session):
    """The kernel's panic message on the screen, or None."""
    panic = [line for line in session.screen.all_lines()
             if 'Kernel panic' in line]
    return panic[0].strip() if panic else None


def describe_failure(session, error, elapsed):
    """The diagnostic lines of a failed check."""
    lines = [str(error)]
    panic = panic_line(session)
    if panic:
        lines.append(f'the kernel panicked: {panic}')
    output = getattr(error, 'output', None)
    if output is not None:
        lines.append('got:' if output else 'got: nothing')
        lines += [f'  | {line}' for line in output[-TAIL_LINES:]]
    if isinstance(error, GuestGone):
        stderr = session.stderr_text().strip().splitlines()
        if stderr:
            lines.append('its standard error:')
            lines += [f'  ! {line}' for line in stderr[-10:]]
    lines.append(f'after {elapsed:.1f} s; the screen ended with:')
    lines += [f'  | {line}' for line in session.tail()]
    return lines


def recover(session, timeout):
    """After a check timed out: Ctrl-C, and wait for a prompt.
    True if the shell answers again."""
    try:
        start = session.mark()
        session.type(CTRL_C)
        session.wait_prompt(start, timeout)
        return True
    except (Timeout, GuestGone):
        return False


def run_checks(session, checks, selected):
    """Run the checks in order; print KTAP; return the number failed."""
    names = [name for name in Checks.ORDER if name in selected]
    emit('KTAP version 1')
    emit(f'1..{len(names)}')
    failed = skipped = 0
    dead = ''                       # why the rest cannot run
    for number, name in enumerate(names, 1):
        if dead:
            emit(f'ok {number} {name} # SKIP {dead}')
            skipped += 1
            continue
        start = time.monotonic()
        try:
            getattr(checks, f'check_{name}')()
        except Skip as skip:
            emit(f'ok {number} {name} # SKIP {skip}')
            skipped += 1
            continue
        except (CheckFailed, Timeout, GuestGone) as error:
            failed += 1
            diagnostics(describe_failure(session, error,
                                         time.monotonic() - start))
            emit(f'not ok {number} {name}')
            if isinstance(error, GuestGone):
                dead = f'the guest is gone ({error})'
            elif panic_line(session):
                dead = 'the kernel panicked'
            elif name == 'boot_to_prompt':
                dead = 'no shell prompt'
            elif isinstance(error, Timeout) and not recover(
                    session, checks.command_timeout):
                dead = 'the shell no longer answers'
            continue
        emit(f'ok {number} {name}')
    emit(f'# Totals: pass:{len(names) - failed - skipped} fail:{failed} '
         f'skip:{skipped} total:{len(names)}')
    return failed


def make_output(*arguments):
    """Run make in the repository; its standard output, or raise."""
    done = subprocess.run(['make', '-s', '--no-print-directory', *arguments],
                          cwd=ROOT, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RuntimeError(f'make {" ".join(arguments)} failed '
                           f'(status {done.returncode})')
    return done.stdout


def qemu_run_command(accel):
    """`make run`'s QEMU command, from the Makefile."""
    lines = [line for line in make_output('print-qemu-run',
                                          f'ACCEL={accel}',
                                          'CMDLINE=').splitlines()
             if line.strip()]
    if not lines:
        raise RuntimeError('make print-qemu-run printed nothing')
    return shlex.split(lines[-1])


def env_float(name, default):
    """A number of seconds from the environment, or default."""
    try:
        return float(os.environ[name])
    except (KeyError, ValueError):
        return default


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog='tests/e2e_shell.py',
        description='Boot the image `make run` boots and use its shell '
                    'over the serial console; KTAP results on stdout.')
    parser.add_argument('--accel', choices=['tcg', 'kvm'],
                        default=os.environ.get('ACCEL', 'tcg'),
                        help='QEMU accelerator (default: $ACCEL or tcg)')
    parser.add_argument('--no-build', dest='build', action='store_false',
                        help='do not run make iso first')
    parser.add_argument('--shell', metavar='COMMAND',
                        help='run COMMAND on the terminal instead of QEMU '
                             '(a stand-in for trying the checks)')
    parser.add_argument('--serial-log', metavar='FILE',
                        default=os.path.join(ROOT, 'build', 'test-logs',
                                             'e2e.serial.log'),
                        help='where to save the raw serial output')
    parser.add_argument('--boot-timeout', type=float, metavar='SECONDS',
                        default=env_float('E2E_BOOT_TIMEOUT',
                                          DEFAULT_BOOT_TIMEOUT),
                        help='wait at most this long for the first prompt')
    parser.add_argument('--command-timeout', type=float, metavar='SECONDS',
                        default=env_float('E2E_COMMAND_TIMEOUT',
                                          DEFAULT_COMMAND_TIMEOUT),
                        help='wait at most this long for each command')
    parser.add_argument('--key-delay', type=float, metavar='SECONDS',
                        default=env_float('E2E_KEY_DELAY', DEFAULT_KEY_DELAY),
                        help='pause after each key')
    parser.add_argument('--only', metavar='NAME,...',
                        help='run only these checks (boot_to_prompt is '
                             'always run)')
    args = parser.parse_args(argv)
    if args.only:
        args.only = set(args.only.split(',')) | {'boot_to_prompt'}
        unknown = args.only - set(Checks.ORDER)
        if unknown:
            parser.error(f'unknown check(s): {", ".join(sorted(unknown))}')
    else:
        args.only = set(Checks.ORDER)
    return args


def main(argv=None):
    args = parse_arguments(argv)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    os.makedirs(os.path.dirname(os.path.abspath(args.serial_log)),
                exist_ok=True)
    try:
        if args.shell:
            command = shlex.split(args.shell)
        else:
            if args.build:     # the ISO, and the kernel and initrd in it
                make_output('iso', 'CMDLINE=')
            command = qemu_run_command(args.accel)
        emit(f'# e2e: {shlex.join(command)}')
        session = Session(command, args.serial_log, args.key_delay,
                          own_session=bool(args.shell),
                          cwd='/' if args.shell else ROOT)
    except (RuntimeError, OSError) as error:
        emit('KTAP version 1')
        emit('1..1')
        emit(f'# {error}')
        emit('not ok 1 boot_to_prompt')
        return 1
    try:
        checks = Checks(session, args.boot_timeout, args.command_timeout,
                        kernel_console=not args.shell)
        failed = run_checks(session, checks, args.only)
    finally:
        session.close()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
