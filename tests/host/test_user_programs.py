"""Host tests of the user programs in build/user/bin.

Each program runs directly on Linux (same system call ABI as Ferry):
output, exit status, error messages ("PROG: WHAT: reason") and usage
errors (status 2, "usage:" on stderr) are checked, and for fault, that
every kind of crash really ends the process with the right signal.
"""

import os
import signal
import stat
import subprocess
import time
import unittest

from test_user_common import (UserTestCase, child_setup, program,
                              require_programs)


def setUpModule():
    require_programs()


class Echo(UserTestCase):
    def test_words(self):
        r = self.run_prog('echo', 'a', 'b c', '-x', '')
        self.assertEqual((r.returncode, r.stdout), (0, b'a b c -x \n'))

    def test_no_arguments(self):
        self.assertEqual(self.run_prog('echo').stdout, b'\n')

    def test_n(self):
        r = self.run_prog('echo', '-n', '-n', 'x', '-n')
        self.assertEqual(r.stdout, b'x -n')

    def test_write_error(self):
        with open('/dev/full', 'wb') as full:
            r = subprocess.run([program('echo'), 'x'], stdout=full,
                               stderr=subprocess.PIPE)
        self.assertEqual(r.returncode, 1)
        self.assertIn(b'No space left on device', r.stderr)


class TrueFalse(UserTestCase):
    def test_status(self):
        self.assertEqual(self.run_prog('true').returncode, 0)
        self.assertEqual(self.run_prog('true', 'ignored').returncode, 0)
        self.assertEqual(self.run_prog('false').returncode, 1)
        self.assertEqual(self.run_prog('false', '--help').stdout, b'')


class Cat(UserTestCase):
    def test_files_in_order(self):
        self.write('a', b'first\n')
        self.write('b', bytes(range(256)) * 100)
        r = self.run_prog('cat', 'a', 'b', 'a')
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, b'first\n' + bytes(range(256)) * 100 +
                         b'first\n')

    def test_stdin(self):
        self.assertEqual(self.run_prog('cat', stdin=b'in\n').stdout,
                         b'in\n')
        self.write('f', b'F')
        r = self.run_prog('cat', 'f', '-', 'f', stdin=b'-')
        self.assertEqual(r.stdout, b'F-F')

    def test_missing_file_continues(self):
        self.write('ok', b'ok\n')
        r = self.run_prog('cat', 'missing', 'ok')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, b'ok\n')
        self.assertEqual(r.stderr,
                         b'cat: missing: No such file or directory\n')

    def test_directory(self):
        r = self.run_prog('cat', '.')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, b'cat: .: Is a directory\n')

    def test_usage(self):
        r = self.run_prog('cat', '-z')
        self.assertUsage(r)


class Mkdir(UserTestCase):
    def test_create(self):
        r = self.run_prog('mkdir', 'd1', 'd2')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.isdir(self.path('d1')))
        mode = stat.S_IMODE(os.stat(self.path('d2')).st_mode)
        self.assertEqual(mode & 0o700, 0o700)

    def test_exists(self):
        os.mkdir(self.path('d'))
        r = self.run_prog('mkdir', 'd', 'e')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, b'mkdir: d: File exists\n')
        self.assertTrue(os.path.isdir(self.path('e')))

    def test_missing_parent(self):
        r = self.run_prog('mkdir', 'x/y')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, b'mkdir: x/y: No such file or directory\n')

    def test_parents(self):
        os.mkdir(self.path('a'))
        r = self.run_prog('mkdir', '-p', 'a/b/c/', 'a', 'x//y')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.isdir(self.path('a/b/c')))
        self.assertTrue(os.path.isdir(self.path('x/y')))

    def test_parents_over_a_file(self):
        self.write('f', 'x')
        r = self.run_prog('mkdir', '-p', 'f/sub')
        self.assertEqual(r.returncode, 1)
        self.assertIn(b'mkdir: f/sub: ', r.stderr)

    def test_usage(self):
        self.assertUsage(self.run_prog('mkdir'))
        self.assertUsage(self.run_prog('mkdir', '-q', 'd'))
        self.assertFalse(os.path.exists(self.path('d')))


class Rm(UserTestCase):
    def test_files(self):
        self.write('a', 'a')
        self.write('b', 'b')
        r = self.run_prog('rm', 'a', 'b')
        self.assertEqual(r.returncode, 0)
        self.assertEqual(os.listdir(self.tmp), [])

    def test_missing(self):
        self.write('a', 'a')
        r = self.run_prog('rm', 'nope', 'a')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, b'rm: nope: No such file or directory\n')
        self.assertFalse(os.path.exists(self.path('a')))
        r = self.run_prog('rm', '-f', 'nope')
        self.assertEqual((r.returncode, r.stderr), (0, b''))

    def test_directory_needs_r(self):
        os.makedirs(self.path('d/e'))
        self.write('d/e/f', 'x')
        r = self.run_prog('rm', 'd')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, b'rm: d: Is a directory\n')
        self.assertTrue(os.path.exists(self.path('d/e/f')))
        r = self.run_prog('rm', '-r', 'd')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertFalse(os.path.exists(self.path('d')))

    def test_refuses_dot(self):
        os.mkdir(self.path('d'))
        r = self.run_prog('rm', '-r', 'd/.', cwd=self.tmp)
        self.assertEqual(r.returncode, 1)
        self.assertTrue(os.path.isdir(self.path('d')))

    def test_usage(self):
        self.assertUsage(self.run_prog('rm'))
        self.assertUsage(self.run_prog('rm', '-x', 'a'))


class Ls(UserTestCase):
    def setUp(self):
        super().setUp()
        os.mkdir(self.path('dir'))
        self.write('dir/b', 'bb')
        self.write('dir/a', 'a')
        self.write('dir/.hidden', '')
        os.mkdir(self.path('dir/sub'))
        self.write('file', '12345')

    def test_directory_sorted(self):
        r = self.run_prog('ls', 'dir')
        self.assertEqual((r.returncode, r.stdout), (0, b'a\nb\nsub\n'))

    def test_all(self):
        r = self.run_prog('ls', '-a', 'dir')
        self.assertEqual(r.stdout, b'.\n..\n.hidden\na\nb\nsub\n')

    def test_default_is_cwd(self):
        r = self.run_prog('ls', cwd=self.path('dir'))
        self.assertEqual(r.stdout, b'a\nb\nsub\n')

    def test_files_then_directories(self):
        r = self.run_prog('ls', 'dir/sub', 'file', 'dir')
        self.assertEqual(r.stdout,
                         b'file\n\ndir:\na\nb\nsub\n\ndir/sub:\n')

    def test_long(self):
        r = self.run_prog('ls', '-l', 'dir', 'file')
        self.assertEqual(r.returncode, 0)
        lines = r.stdout.decode().splitlines()
        uid, gid = os.getuid(), os.getgid()
        self.assertRegex(lines[0], rf'^-rw.r..r..  *1 {uid} {gid} 5 file$')
        self.assertEqual(lines[1:3], ['', 'dir:'])
        self.assertRegex(lines[3], r'^-rw.r..r.. +1 \d+ \d+ +1 a$')
        self.assertRegex(lines[4], r'^-rw.r..r.. +1 \d+ \d+ +2 b$')
        self.assertRegex(lines[5], r'^drwx.+ \d+ sub$')

    def test_long_device(self):
        r = self.run_prog('ls', '-l', '/dev/null')
        self.assertRegex(r.stdout.decode(), r'^crw-rw-rw- +1 0 0 1, 3 '
                                            r'/dev/null\n$')

    def test_missing_operand(self):
        r = self.run_prog('ls', 'nope', 'file')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, b'file\n')
        self.assertEqual(r.stderr, b'ls: nope: No such file or directory\n')

    def test_unreadable_directory(self):
        if os.getuid() == 0:
            self.skipTest('root reads every directory')
        os.chmod(self.path('dir'), 0)
        self.addCleanup(os.chmod, self.path('dir'), 0o755)
        r = self.run_prog('ls', 'dir')
        self.assertEqual(r.returncode, 1)
        self.assertIn(b'Permission denied', r.stderr)

    def test_usage(self):
        self.assertUsage(self.run_prog('ls', '-z'))


class Sleep(UserTestCase):
    def test_sleeps(self):
        start = time.monotonic()
        r = self.run_prog('sleep', '0.2', '.1')
        self.assertEqual(r.returncode, 0)
        self.assertGreaterEqual(time.monotonic() - start, 0.3)

    def test_bad_arguments(self):
        for args in [(), ('x',), ('1x',), ('-1',), ('.',), ('1.2.3',)]:
            with self.subTest(args=args):
                self.assertUsage(self.run_prog('sleep', *args))


def spawn_sleeper(test):
    """A `sleep 30` that is killed and reaped when the test ends."""
    p = subprocess.Popen([program('sleep'), '30'], preexec_fn=child_setup)

    def reap():
        if p.poll() is None:
            p.kill()
        p.wait()
    test.addCleanup(reap)
    return p


class Kill(UserTestCase):
    def spawn(self):
        return spawn_sleeper(self)

    def test_default_term(self):
        p = self.spawn()
        r = self.run_prog('kill', str(p.pid))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(p.wait(TIMEOUT_WAIT), -signal.SIGTERM)

    def test_signal_forms(self):
        for args in [('-9',), ('-KILL',), ('-SIGKILL',), ('-s', 'KILL'),
                     ('-s', 'sigkill')]:
            with self.subTest(args=args):
                p = self.spawn()
                r = self.run_prog('kill', *args, str(p.pid))
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(p.wait(TIMEOUT_WAIT), -signal.SIGKILL)

    def test_several_pids_and_a_bad_one(self):
        p, q = self.spawn(), self.spawn()
        r = self.run_prog('kill', '-INT', str(p.pid), '999999', str(q.pid))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, b'kill: 999999: No such process\n')
        self.assertEqual(p.wait(TIMEOUT_WAIT), -signal.SIGINT)
        self.assertEqual(q.wait(TIMEOUT_WAIT), -signal.SIGINT)

    def test_runner_ignoring_signals(self):
        """The programs get default signal actions whatever ours are: a
        background job ignores SIGINT, nohup SIGHUP, a caller may block
        some."""
        for sig in (signal.SIGINT, signal.SIGHUP):
            self.addCleanup(signal.signal, sig,
                            signal.signal(sig, signal.SIG_IGN))
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM])
        self.addCleanup(signal.pthread_sigmask, signal.SIG_SETMASK, old_mask)
        for option, sig in [('-INT', signal.SIGINT), ('-HUP', signal.SIGHUP),
                            ('-TERM', signal.SIGTERM)]:
            with self.subTest(signal=option):
                p = self.spawn()
                r = self.run_prog('kill', option, str(p.pid))
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(p.wait(TIMEOUT_WAIT), -sig)

    def test_list(self):
        r = self.run_prog('kill', '-l')
        self.assertEqual(r.returncode, 0)
        self.assertIn(b' 9) SIGKILL', r.stdout)
        self.assertIn(b'15) SIGTERM', r.stdout)

    def test_usage(self):
        self.assertUsage(self.run_prog('kill'))
        self.assertUsage(self.run_prog('kill', '-s'))
        self.assertUsage(self.run_prog('kill', '-NOSUCH', '1'))
        r = self.run_prog('kill', 'abc')
        self.assertEqual(r.returncode, 1)
        self.assertIn(b'kill: abc:', r.stderr)


TIMEOUT_WAIT = 30


class Free(UserTestCase):
    def meminfo(self):
        with open('/proc/meminfo') as f:
            return {l.split(':')[0]: int(l.split()[1]) for l in f}

    def test_table(self):
        r = self.run_prog('free')
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().splitlines()
        self.assertEqual(lines[0].split(), ['total', 'used', 'free',
                                            'shared', 'buff/cache',
                                            'available'])
        self.assertEqual(len(lines[0]), 80)
        mem = lines[1].split()
        self.assertEqual(mem[0], 'Mem:')
        self.assertEqual(int(mem[1]), self.meminfo()['MemTotal'])
        total, used, free = (int(x) for x in mem[1:4])
        self.assertLessEqual(used + free, total)

    def test_units(self):
        kib = int(self.run_prog('free').stdout.split()[7])
        mib = int(self.run_prog('free', '-m').stdout.split()[7])
        byt = int(self.run_prog('free', '-b').stdout.split()[7])
        self.assertEqual(mib, kib >> 10)
        self.assertEqual(byt, kib << 10)

    def test_usage(self):
        self.assertUsage(self.run_prog('free', '-x'))
        self.assertUsage(self.run_prog('free', 'extra'))


class Ps(UserTestCase):
    def test_lists_itself_and_parent(self):
        p = spawn_sleeper(self)
        r = self.run_prog('ps')
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.decode().splitlines()
        self.assertEqual(lines[0].split(), ['PID', 'PPID', 'STAT',
                                            'COMMAND'])
        rows = {int(l.split()[0]): l.split() for l in lines[1:]}
        self.assertEqual(rows[p.pid][1], str(os.getpid()))
        self.assertEqual(rows[p.pid][3], 'sleep')
        self.assertEqual(rows[1][1], '0')
        pids = [int(l.split()[0]) for l in lines[1:]]
        self.assertEqual(pids, sorted(pids))
        self.assertIn('ps', [row[3] for row in rows.values()])

    def test_kernel_threads_bracketed(self):
        r = self.run_prog('ps')
        rows = [l.split(None, 3) for l in r.stdout.decode().splitlines()[1:]]
        for pid, ppid, state, comm in rows:
            if ppid == '0' and pid != '1':
                self.assertTrue(comm.startswith('['), comm)

    def test_usage(self):
        self.assertUsage(self.run_prog('ps', 'aux'))


class Fault(UserTestCase):
    """Every kind must kill the process with its signal, not exit."""

    def test_kinds(self):
        for kind, sig in [('segv', signal.SIGSEGV),
                          ('write', signal.SIGSEGV),
                          ('div', signal.SIGFPE), ('ill', signal.SIGILL),
                          ('stack', signal.SIGSEGV)]:
            with self.subTest(kind=kind):
                r = self.run_prog('fault', kind)
                self.assertEqual(r.returncode, -sig, r.stderr)
                self.assertTrue(r.stderr.startswith(b'fault: '))
                self.assertNotIn(b'still alive', r.stderr)

    def test_usage(self):
        self.assertUsage(self.run_prog('fault'))
        self.assertUsage(self.run_prog('fault', 'nothing'))
        self.assertUsage(self.run_prog('fault', 'segv', 'extra'))


class Elf(UserTestCase):
    """Static ELF64 executables at 0x400000, PT_LOAD headers only."""

    def test_headers(self):
        import struct
        for name in ['sh', 'init', 'ls', 'libctest']:
            with self.subTest(program=name):
                with open(program(name), 'rb') as f:
                    data = f.read()
                self.assertEqual(data[:5], b'\x7fELF\x02')
                e_type, e_machine = struct.unpack_from('<HH', data, 16)
                self.assertEqual((e_type, e_machine), (2, 62))  # EXEC, x86-64
                entry, phoff = struct.unpack_from('<QQ', data, 24)
                phentsize, phnum = struct.unpack_from('<HH', data, 54)
                phdrs = [struct.unpack_from('<IIQQQQQQ', data,
                                            phoff + i * phentsize)
                         for i in range(phnum)]
                self.assertEqual({p[0] for p in phdrs}, {1})  # PT_LOAD
                self.assertEqual(min(p[3] for p in phdrs), 0x400000)
                text = [p for p in phdrs if p[1] & 1]          # PF_X
                self.assertEqual(len(text), 1)
                self.assertFalse(text[0][1] & 2)               # not PF_W
                self.assertTrue(text[0][3] <= entry <
                                text[0][3] + text[0][6])
                for p in phdrs:
                    self.assertEqual(p[3] % 0x1000, p[2] % 0x1000)


if __name__ == '__main__':
    unittest.main()
