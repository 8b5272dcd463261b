"""Host tests of the shell, build/user/bin/sh.

Most tests run `sh -c LINE` (or feed a script on standard input) with
PATH set to build/user/bin, so the commands are this project's own
programs.  The Interactive tests start sh on a pseudo-terminal, as init
starts it on the console, and type at it: line editing, ^C, ^D,
history, the prompt, and the terminal's foreground process group.
"""

import os
import pty
import re
import select
import signal
import termios
import time
import unittest

from test_user_common import (UserTestCase, require_programs, program,
                              environment, child_setup, BIN)


def setUpModule():
    require_programs()


class Pipelines(UserTestCase):
    def test_pipeline(self):
        self.assertEqual(self.sh('echo hello | cat | cat'),
                         (0, 'hello\n', ''))

    def test_long_pipeline(self):
        status, out, err = self.sh('echo deep' + ' | cat' * 20)
        self.assertEqual((status, out, err), (0, 'deep\n', ''))

    def test_status_is_the_last_command(self):
        self.assertEqual(self.sh('false | true; echo $?')[1], '0\n')
        self.assertEqual(self.sh('true | false; echo $?')[1], '1\n')
        self.assertEqual(self.sh('true | false')[0], 1)

    def test_large_data_through_pipes(self):
        self.write('big', bytes(range(256)) * 4096)
        r = self.run_prog('sh', '-c', 'cat big | cat | cat')
        self.assertEqual(r.stdout, bytes(range(256)) * 4096)

    def test_sequence_and_conditionals(self):
        line = ('true && echo a; false && echo b; false || echo c; '
                'true || echo d; false && echo e || echo f; echo g')
        self.assertEqual(self.sh(line)[1], 'a\nc\nf\ng\n')

    def test_process_groups(self):
        """A pipeline gets its own group, led by its first command."""
        self.sh('cat /proc/self/stat > a | cat /proc/self/stat > b; '
                'cat /proc/self/stat > c')
        stats = {}
        for name in 'abc':
            fields = self.read(name).rsplit(')', 1)[1].split()
            stats[name] = (int(fields[2]), int(fields[1]))  # pgrp, ppid
        pid_a = int(self.read('a').split()[0])
        pid_c = int(self.read('c').split()[0])
        self.assertEqual(stats['a'][0], pid_a)
        self.assertEqual(stats['b'][0], pid_a)
        self.assertEqual(stats['c'][0], pid_c)
        sh_pid = stats['a'][1]
        self.assertNotEqual(stats['a'][0], os.getpgid(0))
        self.assertNotEqual(stats['a'][0], sh_pid)


class Redirections(UserTestCase):
    def test_output_and_append(self):
        status, out, _ = self.sh('echo one > f; echo two >> f; '
                                 'echo three >> f; cat < f')
        self.assertEqual((status, out), (0, 'one\ntwo\nthree\n'))
        self.sh('echo new > f')
        self.assertEqual(self.read('f'), 'new\n')

    def test_input(self):
        self.write('in', 'from a file\n')
        self.assertEqual(self.sh('cat < in')[1], 'from a file\n')

    def test_stderr_and_dup(self):
        status, out, err = self.sh('cat nope 2> err; cat err')
        self.assertEqual(out, 'cat: nope: No such file or directory\n')
        self.assertEqual(err, '')
        status, out, err = self.sh('cat nope 2>&1 | cat')
        self.assertEqual(out, 'cat: nope: No such file or directory\n')
        status, out, err = self.sh('cat nope 2>&1 > f')  # old stdout
        self.assertEqual((out, err),
                         ('cat: nope: No such file or directory\n', ''))
        status, out, err = self.sh('cat nope > f 2>&1; cat f')
        self.assertEqual((out, err),
                         ('cat: nope: No such file or directory\n', ''))

    def test_missing_input_file(self):
        status, out, err = self.sh('cat < /nonexistent; echo status $?')
        self.assertEqual(out, 'status 1\n')
        self.assertEqual(err, 'sh: /nonexistent: No such file or '
                              'directory\n')
        self.assertEqual(self.sh('cat < /nonexistent')[0], 1)

    def test_output_to_directory(self):
        status, out, err = self.sh('echo x > .; echo $?')
        self.assertEqual((out, err), ('1\n', 'sh: .: Is a directory\n'))

    def test_builtin_redirection_is_undone(self):
        status, out, err = self.sh('cd /tmp; pwd > ' + self.path('p') +
                                   '; echo after')
        self.assertEqual(out, 'after\n')
        self.assertEqual(self.read('p'), '/tmp\n')

    def test_redirection_only(self):
        self.assertEqual(self.sh('> empty')[0], 0)
        self.assertEqual(os.path.getsize(self.path('empty')), 0)

    def test_syntax(self):
        self.assertEqual(self.sh('echo >')[0], 2)
        self.assertEqual(self.sh('cat <')[0], 2)


class Quoting(UserTestCase):
    def words(self, line):
        """The words sh passes to a program, one per line."""
        status, out, err = self.sh("libctest getopt '' " + line)
        self.assertEqual((status, err), (0, ''))
        return [l[len('operand '):] for l in out.splitlines()]

    def test_quotes(self):
        self.assertEqual(self.words('''a 'b c' "d e" f\\ g'''),
                         ['a', 'b c', 'd e', 'f g'])
        self.assertEqual(self.words('''x'y'"z" "" '' "'" '"' '''),
                         ['xyz', '', '', "'", '"'])
        self.assertEqual(self.words(r'''"a\"b" 'a\b' "a\b" \$HOME'''),
                         ['a"b', 'a\\b', 'a\\b', '$HOME'])
        self.assertEqual(self.words('''"a|b;c>d" 'x&&y' a\\|b'''),
                         ['a|b;c>d', 'x&&y', 'a|b'])

    def test_variables(self):
        env = environment(FOO='bar baz', EMPTY='')
        r = self.run_prog('sh', '-c', 'libctest getopt "" $FOO "$FOO" '
                          "${FOO}x '$FOO' $EMPTY $UNSET \"$UNSET\" $ $1x",
                          env=env)
        lines = r.stdout.decode().splitlines()
        self.assertEqual(lines, ['operand bar baz', 'operand bar baz',
                                 'operand bar bazx', 'operand $FOO',
                                 'operand ', 'operand $', 'operand x'])

    def test_braces(self):
        env = environment(A='x')
        r = self.run_prog('sh', '-c', 'echo ${A}y ${A ${}z "${A" \'}\'',
                          env=env)
        self.assertEqual(r.stdout, b'xy ${A ${}z ${A }\n')

    def test_home(self):
        env = environment(HOME='/some/where')
        r = self.run_prog('sh', '-c', 'echo ~ ~/x "~" a~', env=env)
        self.assertEqual(r.stdout, b'/some/where /some/where/x ~ a~\n')

    def test_status_variable(self):
        self.assertEqual(self.sh('echo $?')[1], '0\n')
        self.assertEqual(self.sh('false; echo $?; echo $?')[1], '1\n0\n')
        self.assertEqual(self.sh('sh -c "exit 7"; echo "[$?]"')[1],
                         '[7]\n')

    def test_pid_variable(self):
        out = self.sh('echo $$')[1]
        self.assertRegex(out, r'^\d+\n$')

    def test_comments(self):
        self.assertEqual(self.sh('echo a # b c')[1], 'a\n')
        self.assertEqual(self.sh('# only a comment')[0:2], (0, ''))
        self.assertEqual(self.sh('echo a#b "#"')[1], 'a#b #\n')

    def test_unterminated_quote(self):
        status, out, err = self.sh('echo "abc; echo no')
        self.assertEqual((status, out), (2, ''))
        self.assertIn('unterminated quote', err)


class Commands(UserTestCase):
    def test_not_found(self):
        status, out, err = self.sh('nosuch arg; echo $?')
        self.assertEqual(out, '127\n')
        self.assertEqual(err, 'sh: nosuch: not found\n')
        self.assertEqual(self.sh('nosuch')[0], 127)

    def test_not_found_in_pipeline(self):
        status, out, err = self.sh('echo x | nosuch | cat')
        self.assertEqual((status, err), (0, 'sh: nosuch: not found\n'))

    def test_path_errors(self):
        self.write('script.txt', 'not a program')
        os.chmod(self.path('script.txt'), 0o644)
        status, out, err = self.sh('./missing')
        self.assertEqual(status, 127)
        self.assertEqual(err, 'sh: ./missing: No such file or directory\n')
        status, out, err = self.sh('./script.txt')
        self.assertEqual(status, 126)
        self.assertEqual(err, 'sh: ./script.txt: Permission denied\n')

    def test_crash_reports(self):
        for kind, status, message in [
                ('segv', 139, 'Segmentation fault'),
                ('ill', 132, 'Illegal instruction'),
                ('div', 136, 'Floating point exception')]:
            with self.subTest(kind=kind):
                s, out, err = self.sh(f'fault {kind}; echo status $?')
                self.assertEqual(out, f'status {status}\n')
                self.assertEqual(err.splitlines()[-1], message)
                self.assertEqual(self.sh(f'fault {kind}')[0], status)

    def test_killed_child(self):
        s, out, err = self.sh('sh -c "kill -9 \\$\\$"; echo $?')
        self.assertEqual((out, err), ('137\n', 'Killed\n'))

    def test_syntax_errors(self):
        for line in ['| a', 'a |', 'a ;; b', 'a && ', '&& a', 'a &',
                     'a || || b', 'echo > > f']:
            with self.subTest(line=line):
                status, out, err = self.sh(line)
                self.assertEqual((status, out), (2, ''))
                self.assertTrue(err.startswith('sh: syntax error'), err)

    def test_nothing_runs_after_a_syntax_error(self):
        status, out, err = self.sh('echo first; echo second |')
        self.assertEqual((status, out), (2, ''))

    def test_empty(self):
        self.assertEqual(self.sh(''), (0, '', ''))
        self.assertEqual(self.sh('   ;  '[:3]), (0, '', ''))


class Builtins(UserTestCase):
    def test_cd_and_pwd(self):
        os.mkdir(self.path('d'))
        status, out, err = self.sh(f'cd {self.tmp}/d; pwd; cd; pwd; '
                                   f'cd /tmp; pwd')
        self.assertEqual(out, f'{os.path.realpath(self.tmp)}/d\n/\n/tmp\n')

    def test_cd_errors(self):
        status, out, err = self.sh('cd /nonexistent; echo $?; pwd')
        self.assertEqual(out, f'1\n{os.path.realpath(self.tmp)}\n')
        self.assertEqual(err, 'sh: cd: /nonexistent: No such file or '
                              'directory\n')
        status, out, err = self.sh('cd a b; echo $?')
        self.assertEqual((out, err), ('1\n', 'sh: cd: too many '
                                             'arguments\n'))

    def test_exit(self):
        self.assertEqual(self.sh('exit 3; echo no'), (3, '', ''))
        self.assertEqual(self.sh('false; exit')[0], 1)
        self.assertEqual(self.sh('exit 300')[0], 300 & 255)
        status, out, err = self.sh('exit abc')
        self.assertEqual(status, 2)
        self.assertIn('numeric argument required', err)
        status, out, err = self.sh('exit 1 2; echo still here')
        self.assertEqual((status, out), (0, 'still here\n'))

    def test_exit_in_pipeline_only_ends_that_child(self):
        self.assertEqual(self.sh('exit 4 | cat; echo on')[1], 'on\n')

    def test_export_and_unset(self):
        status, out, err = self.sh('export A=1 B="x y"; '
                                   'sh -c \'echo $A $B\'; unset A; '
                                   'sh -c \'echo [$A]\'')
        self.assertEqual(out, '1 x y\n[]\n')
        status, out, err = self.sh('export 1A=2')
        self.assertEqual(status, 1)
        self.assertIn('not a valid identifier', err)

    def test_help(self):
        status, out, err = self.sh('help')
        self.assertEqual(status, 0)
        for word in ['cd', 'exit', 'help', 'pwd', 'ls', 'cat', 'sh',
                     'fault', BIN]:
            self.assertIn(word, out)


class Scripts(UserTestCase):
    def test_stdin_script(self):
        r = self.run_prog('sh', stdin=b'echo a\n\n# c\necho b; exit 3\n'
                                      b'echo never\n')
        self.assertEqual((r.returncode, r.stdout), (3, b'a\nb\n'))

    def test_commands_share_stdin(self):
        r = self.run_prog('sh', stdin=b'cat\nhello\n')
        self.assertEqual(r.stdout, b'hello\n')

    def test_last_line_without_newline(self):
        r = self.run_prog('sh', stdin=b'echo a\nfalse')
        self.assertEqual((r.returncode, r.stdout), (1, b'a\n'))

    def test_script_file(self):
        self.write('s.sh', '#!/bin/sh\necho from file\nexit 5\n')
        r = self.run_prog('sh', 's.sh')
        self.assertEqual((r.returncode, r.stdout), (5, b'from file\n'))

    def test_missing_script(self):
        r = self.run_prog('sh', 'nope.sh')
        self.assertEqual(r.returncode, 127)
        self.assertEqual(r.stderr, b'sh: nope.sh: No such file or '
                                   b'directory\n')

    def test_long_line(self):
        r = self.run_prog('sh', stdin=b'echo ' + b'x' * 5000 +
                          b'\necho ok\n')
        self.assertEqual(r.stdout, b'x' * 5000 + b'\nok\n')
        r = self.run_prog('sh', stdin=b'echo ' + b'x' * 70000 +
                          b'\necho ok\n')
        self.assertEqual(r.stdout, b'ok\n')
        self.assertIn(b'line too long', r.stderr)

    def test_parameters(self):
        self.write('p.sh', 'echo $0 $# $1 "$2" [$3]\n')
        r = self.run_prog('sh', 'p.sh', 'one', 'two words')
        self.assertEqual(r.stdout, b'p.sh 2 one two words []\n')
        status, out, err = self.sh('echo $0 $# $1 $2')    # $0: argv[0]
        self.assertEqual(out, program('sh') + ' 0\n')
        r = self.run_prog('sh', '-c', 'echo $0 $# $1', 'name', 'a')
        self.assertEqual(r.stdout, b'name 1 a\n')

    def test_usage(self):
        self.assertUsage(self.run_prog('sh', '-x'))
        self.assertUsage(self.run_prog('sh', '-c'))


class Terminal:
    """sh on a pseudo-terminal: type keys, read what the screen shows."""

    def __init__(self, test, cwd):
        self.test = test
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.chdir(cwd)
                child_setup()
                os.execve(program('sh'), ['sh'], environment())
            finally:
                os._exit(127)
        self.output = b''
        test.addCleanup(self.close)

    def close(self):
        if self.pid > 0:        # never 0: that would signal our group
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)

    def read_until(self, pattern, timeout=30):
        """Read until the new output matches pattern; returns it."""
        end = time.monotonic() + timeout
        start = len(self.output)
        while not re.search(pattern, self.output[start:]):
            left = end - time.monotonic()
            if left <= 0:
                self.test.fail(f'no {pattern!r} in '
                               f'{self.output[start:]!r}')
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    data = b''
                if not data:
                    self.test.fail(f'sh ended; output '
                                   f'{self.output[start:]!r}')
                self.output += data
        return self.output[start:]

    def send(self, keys, until=rb'\$ $'):
        os.write(self.fd, keys)
        return self.read_until(until)

    def exit_status(self):
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return os.waitstatus_to_exitcode(status)


class Interactive(UserTestCase):
    def setUp(self):
        super().setUp()
        self.term = Terminal(self, self.tmp)
        self.cwd = os.path.realpath(self.tmp)
        self.term.read_until(rb'\$ $')

    def test_prompt_is_the_working_directory(self):
        self.assertTrue(self.term.output.endswith(
            self.cwd.encode() + b' $ '))
        out = self.term.send(b'cd /\r')
        self.assertTrue(out.endswith(b'\r\n/ $ '), out)

    def test_command_runs(self):
        out = self.term.send(b'echo hello\r')
        self.assertEqual(out.split(b'\r\n')[:2], [b'echo hello', b'hello'])

    def test_backspace_and_kill_line(self):
        out = self.term.send(b'echo abX\x7fc\x08d\r')
        self.assertIn(b'\r\nabd\r\n', out)
        out = self.term.send(b'rubbish\x15echo clean\r')
        self.assertIn(b'\r\nclean\r\n', out)
        self.assertNotIn(b'rubbish: not found', out)

    def test_arrows_move_the_cursor(self):
        out = self.term.send(b'echo 12\x1b[D\x1b[Dx\x1b[C\x1b[Cy\r')
        self.assertIn(b'\r\nx12y\r\n', out)

    def test_ctrl_c_cancels_the_line(self):
        out = self.term.send(b'echo no\x03')
        self.assertIn(b'^C', out)
        self.assertNotIn(b'\r\nno\r\n', out)
        out = self.term.send(b'echo $?\r')
        self.assertIn(b'\r\n130\r\n', out)

    def foreground_command(self):
        """The name of the program in the terminal's foreground group."""
        with open(f'/proc/{self.term.pid}/stat') as f:
            tpgid = int(f.read().rsplit(')', 1)[1].split()[5])
        try:
            with open(f'/proc/{tpgid}/comm') as f:
                return f.read().strip()
        except OSError:
            return None

    def wait_for_foreground(self, name):
        """Until program name has been executed in the foreground group."""
        deadline = time.monotonic() + 30
        while self.foreground_command() != name:
            self.assertLess(time.monotonic(), deadline)
            time.sleep(0.01)

    def test_ctrl_c_interrupts_a_command(self):
        self.term.send(b'sleep 30\r', until=rb'sleep 30\r\n')
        self.wait_for_foreground('sleep')
        out = self.term.send(b'\x03')
        self.assertTrue(out.endswith(b' $ '))
        out = self.term.send(b'echo $?\r')
        self.assertIn(b'\r\n130\r\n', out)

    def test_ctrl_z_does_not_hang_the_shell(self):
        self.term.send(b'sleep 1\r', until=rb'sleep 1\r\n')
        self.wait_for_foreground('sleep')
        out = self.term.send(b'\x1a')
        self.assertIn(b'stopped jobs are not supported', out)
        out = self.term.send(b'echo $?\r')
        self.assertIn(b'\r\n0\r\n', out)

    def test_ctrl_d_exits(self):
        self.term.send(b'false\r')
        os.write(self.term.fd, b'\x04')
        self.assertEqual(self.term.exit_status(), 1)

    def test_ctrl_d_on_a_line_does_not_exit(self):
        out = self.term.send(b'echo ab\x1b[D\x04\r')
        self.assertIn(b'\r\na\r\n', out)

    def test_exit(self):
        os.write(self.term.fd, b'exit 6\r')
        self.assertEqual(self.term.exit_status(), 6)

    def test_history(self):
        for i in range(40):
            self.term.send(b'echo %d\r' % i)
        out = self.term.send(b'\x1b[A' * 35 + b'\r')
        self.assertIn(b'\r\n5\r\n', out)
        out = self.term.send(b'\x1b[A\x1b[A\x1b[B\r')    # echo 5 again
        self.assertIn(b'\r\n5\r\n', out)
        out = self.term.send(b'\x1b[A\x1b[A\x1b[A\r')
        self.assertIn(b'\r\n38\r\n', out)
        out = self.term.send(b'echo new\x1b[A\x1b[B\r')
        self.assertIn(b'\r\nnew\r\n', out)

    def wait_for_line_mode(self, timeout=10):
        """Wait until the terminal is in line mode with echo again: the
        shell restores it before the command starts, and keys typed
        before that would meet the shell's raw mode."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lflag = termios.tcgetattr(self.term.fd)[3]
            if lflag & termios.ICANON and lflag & termios.ECHO:
                return
            time.sleep(0.01)
        self.fail('the terminal never went back to line mode')

    def test_commands_get_a_normal_terminal(self):
        """Echo and line mode are back while cat runs."""
        self.term.send(b'cat\r', until=rb'cat\r\n')
        self.wait_for_line_mode()
        out = self.term.send(b'typed\r', until=rb'typed\r\ntyped\r\n')
        self.assertIn(b'typed\r\ntyped\r\n', out)
        self.term.send(b'\x04')

    def test_foreground_group(self):
        """The running job owns the terminal; then the shell again."""
        out = self.term.send(b'cat /proc/self/stat\r')
        fields = out.split(b'\r\n')[1].rsplit(b')', 1)[1].split()
        pgrp, tpgid = int(fields[2]), int(fields[5])
        self.assertEqual(tpgid, pgrp)
        self.assertNotEqual(pgrp, self.term.pid)
        with open(f'/proc/{self.term.pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        self.assertEqual(int(fields[5]), int(fields[2]))   # sh in front

    def test_crash_is_reported_and_shell_lives(self):
        out = self.term.send(b'fault segv\r')
        self.assertIn(b'Segmentation fault\r\n', out)
        out = self.term.send(b'echo $?\r')
        self.assertIn(b'\r\n139\r\n', out)


if __name__ == '__main__':
    unittest.main()
