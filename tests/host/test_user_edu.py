"""Host tests of edu and dmatest, the edu driver's user programs.

The build machine has no /dev/eduN, so these check what does not need
one: usage and -h, the ranges of -o, -n, -j and the factorial's N, the
errors for a missing device and for a file that is not an edu device,
edu write's refusal of input larger than the window, and the copied
path's plumbing (lseek + read/write) on /dev/null and /dev/zero, which
accept both.  The transfers themselves are tested inside Ferry by
usertests' edu_* cases.
"""

import glob
import os
import unittest

from test_user_common import UserTestCase, require_programs

NO_SUCH_DEVICE = not os.path.exists('/dev/edu9')
NO_EDU_DEVICES = not glob.glob('/dev/edu[0-9]*')


def setUpModule():
    require_programs()


class Edu(UserTestCase):
    def assertFails(self, r, message):
        """Exit status 1, nothing on stdout, exactly message on stderr."""
        self.assertEqual((r.returncode, r.stdout), (1, b''), r)
        self.assertEqual(r.stderr.decode(), message + '\n')

    def assertRange(self, args, message):
        r = self.run_prog('edu', *args)
        self.assertUsage(r)
        self.assertTrue(r.stderr.startswith(message.encode() + b'\n'),
                        r.stderr)

    def test_help(self):
        for args in (['-h'], ['--help'], ['read', '-h'],
                     ['write', '--help'], ['info', '-h']):
            with self.subTest(args=args):
                r = self.run_prog('edu', *args)
                self.assertEqual((r.returncode, r.stderr), (0, b''))
                self.assertTrue(r.stdout.startswith(b'usage: edu info'))
                self.assertIn(b'edu write [-d DEV] [-o OFF] '
                              b'[-z | --zero-copy] [-v] FILE|-', r.stdout)

    def test_usage(self):
        for args in ([], ['bogus'], ['info', 'extra'], ['info', '-z'],
                     ['info', '--zero-copy'], ['fact'], ['fact', '1', '2'],
                     ['fact', '-v', '3'], ['write'], ['write', 'a', 'b'],
                     ['write', '-n', '5', 'f'], ['read', 'f'],
                     ['read', '-o'], ['read', '--zero-copy=1'],
                     ['read', '--bogus']):
            with self.subTest(args=args):
                self.assertUsage(self.run_prog('edu', *args))

    def test_offset_and_length_ranges(self):
        for opt in ('-o', '-n'):
            for value in ('-1', '4097', '99999999999999999999', 'x', '',
                          '12k', '0x1001'):
                with self.subTest(opt=opt, value=value):
                    self.assertRange(
                        ['read', opt, value],
                        f'edu: {opt} {value}: must be a number from 0 '
                        f'to 4096')
        self.assertRange(['write', '-o', '5000', '-'],
                         'edu: -o 5000: must be a number from 0 to 4096')
        self.assertRange(['read', '-o', '4000', '-n', '200'],
                         'edu: -o 4000 -n 200: past the end of the device '
                         'window (4096 bytes)')
        self.assertRange(['read', '-n', '4096', '-o', '1'],
                         'edu: -o 1 -n 4096: past the end of the device '
                         'window (4096 bytes)')

    def test_fact_range(self):
        self.assertRange(['fact', '4294967296'],
                         'edu: fact 4294967296: must be a number from 0 to '
                         '4294967295')
        self.assertRange(['fact', 'ten'],
                         'edu: fact ten: must be a number from 0 to '
                         '4294967295')
        self.assertUsage(self.run_prog('edu', 'fact', '-1'))

    @unittest.skipUnless(NO_SUCH_DEVICE, '/dev/edu9 exists here')
    def test_missing_device(self):
        self.write('data', b'abc')
        message = 'edu: /dev/edu9: No such file or directory'
        for args in (['info', '-d', 'edu9'], ['info', '-d', '9'],
                     ['info', '-d', '/dev/edu9'], ['fact', '-d', 'edu9', '5'],
                     ['read', '-d', 'edu9'], ['read', '-d', '9', '-z'],
                     ['write', '-d', 'edu9', 'data'],
                     ['write', '-d', 'edu9', '--zero-copy', 'data']):
            with self.subTest(args=args):
                self.assertFails(self.run_prog('edu', *args), message)

    @unittest.skipUnless(NO_EDU_DEVICES, 'this machine has edu devices')
    def test_no_devices(self):
        self.assertFails(self.run_prog('edu', 'info'),
                         'edu: no edu devices in /dev')

    def test_not_an_edu_device(self):
        self.write('data', b'abc')
        message = 'edu: /dev/null: Inappropriate ioctl for device'
        for args in (['info', '-d', '/dev/null'],
                     ['fact', '-d', '/dev/null', '3'],
                     ['write', '-d', '/dev/null', '--zero-copy', 'data'],
                     ['write', '-d', '/dev/null', '-v', 'data'],
                     ['read', '-d', '/dev/null', '-z']):
            with self.subTest(args=args):
                self.assertFails(self.run_prog('edu', *args), message)

    def test_write_larger_than_window(self):
        self.write('big', bytes(4097))
        self.assertFails(self.run_prog('edu', 'write', '-d', '/dev/null',
                                       'big'),
                         'edu: big: larger than the device window '
                         '(4097 > 4096 bytes)')
        r = self.run_prog('edu', 'write', '-d', '/dev/null', '-o', '100',
                          '-', stdin=bytes(3997))
        self.assertFails(r, 'edu: standard input: larger than the device '
                         'window (3997 > 3996 bytes)')
        r = self.run_prog('edu', 'write', '-d', '/dev/null', '-z', '-',
                          stdin=bytes(5 << 20))
        self.assertFails(r, 'edu: standard input: larger than the device '
                         'window (5242880 > 4096 bytes)')

    def test_write_needs_an_edu_device(self):
        # Input that fits the buffer is read first; then the file must
        # say, as an edu device does, how much of the buffer it serves.
        self.write('page', bytes(4096))
        for args, data in ((['page'], b''), (['-o', '100', '-'], bytes(3996)),
                           (['-o', '4096', '-'], b''), (['-'], b'x')):
            with self.subTest(args=args):
                r = self.run_prog('edu', 'write', '-d', '/dev/null', *args,
                                  stdin=data)
                self.assertFails(r, 'edu: /dev/null: Inappropriate ioctl '
                                 'for device')

    def test_missing_input(self):
        self.assertFails(self.run_prog('edu', 'write', '-d', '/dev/null',
                                       'missing'),
                         'edu: missing: No such file or directory')

    def test_read_needs_an_edu_device(self):
        # A readable file that is no edu device cannot say how much of
        # the buffer is served: refused before anything is read.
        for args in (['-o', '4090'], ['-n', '10'], [], ['-o', '0x10']):
            with self.subTest(args=args):
                r = self.run_prog('edu', 'read', '-d', '/dev/zero', *args)
                self.assertFails(r, 'edu: /dev/zero: Inappropriate ioctl '
                                 'for device')


class Dmatest(UserTestCase):
    def test_help(self):
        r = self.run_prog('dmatest', '-h')
        self.assertEqual((r.returncode, r.stderr), (0, b''))
        self.assertTrue(r.stdout.startswith(
            b'usage: dmatest [-n TRANSFERS] [-j JOBS] [-s SEED] '
            b'[-d DEV]... [-q]\n'))

    def test_usage(self):
        for args in (['x'], ['-z'], ['-n'], ['-q', 'extra'], ['--zero']):
            with self.subTest(args=args):
                self.assertUsage(self.run_prog('dmatest', *args))

    def test_ranges(self):
        for opt, value, top in (('-n', '0', 1000000), ('-n', '-1', 1000000),
                                ('-n', '1000001', 1000000),
                                ('-n', 'ten', 1000000), ('-j', '0', 16),
                                ('-j', '17', 16), ('-j', '4x', 16)):
            with self.subTest(opt=opt, value=value):
                r = self.run_prog('dmatest', opt, value)
                self.assertUsage(r)
                self.assertTrue(r.stderr.startswith(
                    f'dmatest: {opt} {value}: must be a number from 1 to '
                    f'{top}\n'.encode()), r.stderr)
        for seed in ('abc', '-1', '0x'):
            with self.subTest(seed=seed):
                r = self.run_prog('dmatest', '-s', seed)
                self.assertUsage(r)
                self.assertIn(f'dmatest: -s {seed}: not a number'.encode(),
                              r.stderr)

    def test_too_many_devices(self):
        r = self.run_prog('dmatest', *['-d', '/dev/null'] * 17)
        self.assertUsage(r)
        self.assertIn(b'dmatest: at most 16 devices', r.stderr)

    @unittest.skipUnless(NO_EDU_DEVICES, 'this machine has edu devices')
    def test_no_devices(self):
        r = self.run_prog('dmatest')
        self.assertEqual((r.returncode, r.stdout), (1, b''))
        self.assertEqual(r.stderr,
                         b'dmatest: no edu devices in /dev (name one with '
                         b'-d)\n')

    @unittest.skipUnless(NO_SUCH_DEVICE, '/dev/edu9 exists here')
    def test_missing_device(self):
        r = self.run_prog('dmatest', '-d', 'edu9', '-s', '0x2a', '-n', '3',
                          '-j', '2')
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout.decode().splitlines(), [
            'dmatest: seed 0x2a, jobs 2, transfers 3 per job and device, '
            'devices /dev/edu9',
            'replay: dmatest -s 0x2a -n 3 -j 2 -d /dev/edu9'])
        self.assertEqual(r.stderr,
                         b'dmatest: /dev/edu9: No such file or directory\n')

    def test_not_an_edu_device(self):
        r = self.run_prog('dmatest', '-q', '-d', '/dev/null')
        self.assertEqual(r.returncode, 1)
        self.assertIn(b'replay: dmatest -s 0x', r.stdout)
        self.assertEqual(r.stderr, b'dmatest: /dev/null: Inappropriate '
                         b'ioctl for device\n')
