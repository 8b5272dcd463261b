"""Self-test of tests/e2e_shell.py and of tests/run's "e2e" stage.

The screen model is tested directly.  The whole driver runs against
fake_shell.py standing in for QEMU (through the QEMU variable, so the
command still comes from `make print-qemu-run`), one story per test: a
working console, and consoles that break in each way a check must notice.
Keystroke pauses and timeouts are shortened through E2E_KEY_DELAY,
E2E_BOOT_TIMEOUT and E2E_COMMAND_TIMEOUT.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_e2e.py' -v
"""

import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

HOST_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(HOST_DIR)
E2E = os.path.join(TESTS_DIR, 'e2e_shell.py')
RUN = os.path.join(TESTS_DIR, 'run')
FAKE_SHELL = os.path.join(HOST_DIR, 'fake_shell.py')


def load_e2e_module():
    spec = importlib.util.spec_from_file_location('e2e_shell', E2E)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


e2e = load_e2e_module()


class ScreenTest(unittest.TestCase):
    """What a person would read, from what the guest sent."""

    def render(self, *chunks):
        screen = e2e.Screen()
        for chunk in chunks:
            screen.feed(chunk)
        return screen.all_lines()

    def test_lines_and_carriage_returns(self):
        self.assertEqual(self.render('one\r\ntwo\r\n'), ['one', 'two', ''])

    def test_backspace_overwrites(self):
        self.assertEqual(self.render('/ $ echo abX\b \bc\r\n'),
                         ['/ $ echo abc', ''])

    def test_carriage_return_overwrites(self):
        self.assertEqual(self.render('abcdef\rxy\r\n'), ['xycdef', ''])

    def test_erase_line_sequences(self):
        self.assertEqual(self.render('/ $ echo junk\r/ $ \x1b[Kecho kept\n'),
                         ['/ $ echo kept', ''])
        self.assertEqual(self.render('abcdef\x1b[3D\x1b[K\n'), ['abc', ''])
        self.assertEqual(self.render('abcdef\x1b[2K\rxy\n'), ['xy', ''])

    def test_escape_split_between_reads(self):
        self.assertEqual(self.render('abcdef\x1b', '[', '2', 'D\x1b[K\n'),
                         ['abcd', ''])

    def test_other_controls_are_dropped(self):
        self.assertEqual(self.render('a\x07b\x1b7c\x1b[1;31md\x1b[0m\n'),
                         ['abcd', ''])

    def test_tab(self):
        self.assertEqual(self.render('ab\tc\n'), ['ab      c', ''])

    def test_current_line_keeps_the_prompt_space(self):
        lines = self.render('boot\r\n/ $ ')
        self.assertEqual(lines[-1], '/ $ ')
        self.assertEqual(e2e.find_prompt(lines, 0), 1)

    def test_prompt_forms(self):
        for line in ('/ $ ', '/bin $ ', '/ $ echo hi', '/ $'):
            self.assertIsNotNone(e2e.PROMPT_RE.match(line), line)
        for line in ('$ ', 'bin $ ', 'x / $ ', '/ # ', '/$ '):
            self.assertIsNone(e2e.PROMPT_RE.match(line), line)


class DriverTest(unittest.TestCase):
    """tests/e2e_shell.py against the fake console."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.serial_log = os.path.join(self.tmp.name, 'serial.log')

    def environment(self, story, command_timeout='3', grub=''):
        return dict(os.environ, QEMU=FAKE_SHELL, FAKE_SHELL_SCRIPT=story,
                    E2E_KEY_DELAY='0.002', E2E_BOOT_TIMEOUT='5',
                    E2E_COMMAND_TIMEOUT=command_timeout, GRUB=grub)

    def drive(self, story, *options, grub=''):
        """Run the driver on a story; (exit status, stdout)."""
        done = subprocess.run(
            [sys.executable, E2E, '--no-build', '--serial-log',
             self.serial_log, *options],
            env=self.environment(story, grub=grub),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            timeout=120)
        return done.returncode, done.stdout

    def assertOnlyFailure(self, output, name):
        failed = [line for line in output.splitlines()
                  if line.startswith('not ok')]
        self.assertEqual(len(failed), 1, output)
        self.assertRegex(failed[0], rf'^not ok \d+ {name}$')

    def test_working_console_passes(self):
        status, output = self.drive('good')
        self.assertEqual(status, 0, output)
        self.assertIn('1..22\n', output)
        self.assertEqual(output.count('\nok '), 22, output)
        self.assertNotIn('not ok', output)
        # The command is make run's, from the Makefile.
        self.assertRegex(output, r'# e2e: \S*fake_shell.py .*-kernel '
                                 r'build/kernel.elf -initrd '
                                 r'build/initrd.cpio -serial mon:stdio')
        with open(self.serial_log, 'rb') as log:
            raw = log.read()
        self.assertIn(b'/ $ echo abX\b \bc\r\nabc\r\n', raw)

    def test_grub_boots_the_iso(self):
        # GRUB=1 makes `make run` boot the ISO; the e2e stage follows it.
        status, output = self.drive('good', grub='1')
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r'# e2e: \S*fake_shell.py .*-cdrom '
                                 r'build/ferry.iso -boot d -serial mon:stdio')

    def test_keys_are_typed_one_at_a_time(self):
        self.drive('good')
        with open(self.serial_log, 'rb') as log:
            raw = log.read()
        # The fake echoes each key as it reads it: Ctrl-U's redraw shows
        # the keys before it arrived on their own.
        self.assertIn(b'echo junk\r/ $ \x1b[Kecho kept', raw)

    def test_no_prompt(self):
        status, output = self.drive('no_prompt')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'boot_to_prompt')
        self.assertIn('# no shell prompt after 5 s', output)
        self.assertIn('#   | [    0.512000] init: starting /bin/sh', output)
        self.assertIn('ok 2 echo_pipe_cat # SKIP no shell prompt', output)

    def test_broken_backspace(self):
        status, output = self.drive('bad_backspace')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'backspace')
        self.assertIn("# echo abX, Backspace, c: expected a line 'abc'",
                      output)
        self.assertIn('#   | abXc', output)

    def test_missing_segfault_line(self):
        status, output = self.drive('no_segfault_line')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'fault_segv')
        self.assertIn('"segfault at 0"', output)

    def test_panic_ends_the_run(self):
        status, output = self.drive('panic_on_fault')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'fault_segv')
        self.assertIn('# fake_shell.py exited with status 0', output)
        self.assertIn('# the kernel panicked: [    3.141592] Kernel panic',
                      output)
        self.assertRegex(output, r'ok 7 exit_status_139 # SKIP the guest '
                                 r'is gone')

    def test_panic_on_kill_init(self):
        status, output = self.drive('panic_on_kill')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'kill_init')
        self.assertIn('# kill -9 1: the kernel panicked', output)
        # Whatever still answers after a panic, nothing more is tried.
        self.assertIn('ok 9 backspace # SKIP the kernel panicked', output)

    def test_hung_command_is_interrupted(self):
        status, output = self.drive('hang_on_ls')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'ls_bin')
        self.assertIn('# no prompt after 3 s', output)
        # Ctrl-C got the shell back: the later checks ran and passed.
        self.assertIn('ok 12 still_answers\n', output)

    def test_ctrl_c_that_runs_the_line(self):
        status, output = self.drive('ctrl_c_runs')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'ctrl_c')
        self.assertIn('Ctrl-C: the cancelled line was run', output)

    def test_lost_paste(self):
        status, output = self.drive('drops_paste')
        self.assertEqual(status, 1, output)
        self.assertOnlyFailure(output, 'paste_long_line')
        self.assertIn('# cat /e2e-long /e2e-next: expected the '
                      '5000-character word, then "next"', output)

    def test_pastes_are_written_at_once(self):
        self.drive('good')
        with open(self.serial_log, 'rb') as log:
            raw = log.read()
        # The fake echoes each key as it reads it: the pasted commands'
        # output comes only after all of their keys.
        self.assertRegex(raw, rb'echo 15:\w+ >> /e2e-many\r\n'
                              rb'(/ \$ \r\n)*/ \$ echo pasted-many\r\n'
                              rb'pasted-many\r\n')

    def test_only(self):
        status, output = self.drive('bad_backspace', '--only', 'ls_bin')
        self.assertEqual(status, 0, output)
        self.assertIn('1..2\nok 1 boot_to_prompt\nok 2 ls_bin\n', output)

    def test_unknown_check_is_a_usage_error(self):
        status, output = self.drive('good', '--only', 'nosuch')
        self.assertEqual(status, 2, output)
        self.assertIn('unknown check(s): nosuch', output)

    def test_shell_stand_in(self):
        """--shell: a program on the terminal, as its controlling one."""
        status, output = self.drive(
            'good', '--shell', f'{sys.executable} {FAKE_SHELL}')
        self.assertEqual(status, 0, output)
        self.assertIn('ok 6 fault_segv # SKIP no kernel console', output)
        self.assertIn('ok 7 exit_status_139 # SKIP', output)
        self.assertIn("ok 8 kill_init # SKIP pid 1 is the host's init",
                      output)


class StageTest(unittest.TestCase):
    """tests/run's e2e stage, with the fake console."""

    def run_stage(self, story, *options):
        with tempfile.TemporaryDirectory() as log_dir:
            env = dict(os.environ, QEMU=FAKE_SHELL, FAKE_SHELL_SCRIPT=story,
                       ACCEL='tcg', E2E_KEY_DELAY='0.002',
                       E2E_BOOT_TIMEOUT='5', E2E_COMMAND_TIMEOUT='3')
            done = subprocess.run(
                [sys.executable, RUN, '--no-build', '--log-dir', log_dir,
                 *options],
                env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True, timeout=120)
            logs = sorted(os.listdir(log_dir))
        return done.returncode, done.stdout, logs

    def test_stage_passes(self):
        status, output, logs = self.run_stage('good', '--config', 'e2e')
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r'\ne2e: 22 passed, 0 failed in [0-9.]+ s\n')
        self.assertTrue(output.endswith('\n22 passed, 0 failed\n'), output)
        self.assertEqual(logs, ['e2e.log', 'e2e.serial.log'])

    def test_stage_failure_is_reported(self):
        status, output, _ = self.run_stage('bad_backspace', '--e2e',
                                           '--config', 'e2e')
        self.assertEqual(status, 1, output)
        self.assertIn('FAIL e2e backspace\n', output)
        self.assertIn("    # echo abX, Backspace, c: expected a line 'abc'",
                      output)
        self.assertRegex(output, r'e2e: 21 passed, 1 failed in [0-9.]+ s '
                                 r'\(logs: .*e2e.log, e2e.serial.log')
        self.assertTrue(output.endswith('\n21 passed, 1 failed\n'), output)

    def test_stage_timeout(self):
        status, output, _ = self.run_stage('no_prompt', '--config', 'e2e',
                                           '--e2e-timeout', '2')
        self.assertEqual(status, 1, output)
        self.assertIn('FAIL e2e: hang: no exit after 2 s', output)

    def test_no_stage(self):
        status, output, _ = self.run_stage('good', '--config', 'e2e',
                                           '--no-e2e')
        self.assertEqual(status, 0, output)
        self.assertNotIn('e2e:', output)
        self.assertTrue(output.endswith('\n0 passed, 0 failed\n'), output)

    def test_list_shows_the_stage(self):
        status, output, _ = self.run_stage('good', '--list')
        self.assertEqual(status, 0, output)
        self.assertIn('e2e: the image `make run` boots', output)
        self.assertIn('e2e_shell.py --accel tcg', output)


class StageSelectionTest(unittest.TestCase):
    """When tests/run runs the stage on its own accord."""

    def wants(self, *argv):
        loader = importlib.machinery.SourceFileLoader('tests_run_e2e', RUN)
        spec = importlib.util.spec_from_loader('tests_run_e2e', loader)
        run = importlib.util.module_from_spec(spec)
        loader.exec_module(run)
        return run.wants_e2e(run.parse_arguments(list(argv)))

    def test_selection(self):
        self.assertTrue(self.wants())
        self.assertTrue(self.wants('--host'))
        self.assertFalse(self.wants('--config', 'small'))
        self.assertTrue(self.wants('--config', 'small', '--config', 'e2e'))
        self.assertFalse(self.wants('--filter', 'slab'))
        self.assertTrue(self.wants('--filter', 'slab', '--e2e'))
        self.assertFalse(self.wants('--no-e2e'))


if __name__ == '__main__':
    unittest.main()
