"""Host tests of the user C library (user/lib) through build/user/bin/libctest.

- printf: thousands of snprintf() cases against Python's %-formatting
  (where C and Python agree) and against the host C library's snprintf
  through ctypes (the C-only corners: '#o', '%.0d' of 0, '+' on
  unsigned conversions, '%p', NULL strings, '*' widths, truncation).
- malloc: seeded random malloc/calloc/realloc/free runs that check
  every block's contents and alignment, that the heap stays consistent
  (malloc_check) and that freeing everything returns the memory.
- strerror/strsignal against the host's messages, getopt against
  POSIX rules and Python's getopt, strtol/strtoul corner cases, and the
  library's own self-checks (string, qsort, env, stdio).
"""

import ctypes
import errno
import getopt
import itertools
import os
import random
import re
import signal
import unittest

from test_user_common import UserTestCase, require_programs, ROOT


def setUpModule():
    require_programs()


INT_BITS = {'hh': 8, 'h': 16, '': 32, 'l': 64, 'll': 64, 'z': 64,
            't': 64, 'j': 64}
VALUES = [0, 1, -1, 7, 9, 10, 42, -42, 100, 127, 128, -128, -129, 255,
          256, 1000, 4095, 32767, -32768, 65535, 65536, 123456789,
          -987654321, 2**31 - 1, -2**31, 2**32 - 1, 2**32, 2**53 + 1,
          2**63 - 1, -2**63, 2**64 - 1, 0xdeadbeef, -0x1234567890]


def c_value(value, length, signed):
    """value as the C type of a length modifier would hold it."""
    bits = INT_BITS[length]
    value &= (1 << bits) - 1
    if signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def encode_arg(arg):
    kind, value = arg
    if kind == 'i':
        return f'i:{value}'
    if kind == 's':
        return 's:' + value.hex()
    if kind == 'p':
        return f'p:{value:x}'
    return 'n'


class Printf(UserTestCase):
    """snprintf() checked against Python and the host's C library."""

    def run_cases(self, cases):
        """cases: (size, fmt, args); returns [(ret, bytes, fits)]."""
        lines = []
        for size, fmt, args in cases:
            fields = [str(size), 'f:' + fmt.encode('latin-1').hex()]
            fields += [encode_arg(a) for a in args]
            lines.append(' '.join(fields))
        r = self.run_prog('libctest', 'printf',
                          stdin=('\n'.join(lines) + '\n').encode())
        self.assertEqual(r.returncode, 0, r.stderr)
        out = r.stdout.decode().splitlines()
        self.assertEqual(len(out), len(cases))
        results = []
        for line in out:
            ret, hexed, fits = line.split(' ')
            results.append((int(ret), bytes.fromhex(hexed), fits))
        return results

    def check(self, cases, expected):
        """Every case gives the expected (return value, output)."""
        results = self.run_cases(cases)
        wrong = []
        for (size, fmt, args), want, got in zip(cases, expected, results):
            if got != (*want, 'fits'):
                wrong.append(f'snprintf(buf, {size}, {fmt!r}, {args}) '
                             f'gave {got}, expected {want}')
        self.assertEqual(wrong[:20], [], f'{len(wrong)} cases differ')

    def python_int_cases(self):
        """Integer conversions where C and Python agree."""
        cases, expected = [], []
        flag_sets = ['', '-', '+', ' ', '0', '#', '-+', '+0', ' 0', '-#',
                     '#0', '- ']
        for conv, flags, width, prec, length in itertools.product(
                'diuxXo', flag_sets, ['', '1', '6', '23'],
                ['', '.0', '.1', '.4', '.20'], ['', 'hh', 'h', 'l', 'll',
                                                'z', 'j']):
            signed = conv in 'di'
            if not signed and ('+' in flags or ' ' in flags):
                continue        # C ignores them, Python does not
            if conv == 'o' and '#' in flags:
                continue        # Python writes 0o
            if '0' in flags and prec:
                continue        # C ignores 0 with a precision
            fmt = f'%{flags}{width}{prec}{length}{conv}'
            pyfmt = f'%{flags}{width}{prec}{"d" if conv in "iu" else conv}'
            for value in VALUES:
                v = c_value(value, length, signed)
                if v == 0 and (prec == '.0' or '#' in flags):
                    continue    # C prints no digits / no prefix
                text = (pyfmt % v).encode()
                cases.append((256, fmt, [('i', value)]))
                expected.append((len(text), text))
        return cases, expected

    def test_integers_match_python(self):
        cases, expected = self.python_int_cases()
        self.assertGreater(len(cases), 5000)
        self.check(cases, expected)

    def test_strings_and_chars_match_python(self):
        cases, expected = [], []
        strings = [b'', b'a', b'hello', b'with space', b'x' * 40,
                   bytes(range(1, 256))]
        for flags, width, prec in itertools.product(
                ['', '-'], ['', '3', '12', '300'], ['', '.0', '.2', '.7']):
            fmt = f'[%{flags}{width}{prec}s]'
            for s in strings:
                text = (fmt % s.decode('latin-1')).encode('latin-1')
                cases.append((4096, fmt, [('s', s)]))
                expected.append((len(text), text))
        for flags, width in itertools.product(['', '-'], ['', '1', '4']):
            fmt = f'<%{flags}{width}c>'
            for c in [65, 32, 126, 1, 200, 255]:
                text = (fmt % chr(c)).encode('latin-1')
                cases.append((256, fmt, [('i', c)]))
                expected.append((len(text), text))
        for fmt in ['%%', 'a%%b', '100%% sure', '%d%%', 'plain text', '']:
            args = [('i', 5)] if '%d' in fmt else []
            text = (fmt % tuple(a[1] for a in args)).encode()
            cases.append((256, fmt, args))
            expected.append((len(text), text))
        self.check(cases, expected)

    def test_several_arguments(self):
        rng = random.Random(7)
        cases, expected = [], []
        for _ in range(300):
            parts, args, pyargs = [], [], []
            for _ in range(rng.randint(1, 8)):
                kind = rng.choice('dxsc')
                if kind == 's':
                    word = ''.join(rng.choice('abcxyz ') for _ in
                                   range(rng.randint(0, 9)))
                    parts.append('%s')
                    args.append(('s', word.encode()))
                    pyargs.append(word)
                elif kind == 'c':
                    c = rng.randint(33, 126)
                    parts.append('%c')
                    args.append(('i', c))
                    pyargs.append(chr(c))
                else:
                    v = rng.randint(-10**6, 10**6)
                    if kind == 'x':
                        v = abs(v)
                    parts.append(f'%{rng.choice(["", "-", "0"])}'
                                 f'{rng.randint(0, 9)}{kind}')
                    args.append(('i', v))
                    pyargs.append(v)
            fmt = '|'.join(parts)
            text = (fmt % tuple(pyargs)).encode()
            cases.append((256, fmt, args))
            expected.append((len(text), text))
        self.check(cases, expected)

    def test_truncation(self):
        """snprintf keeps size-1 bytes, NUL-terminates, returns the length."""
        cases, expected = [], []
        full = b'value=12345 and more text'
        for size in [0, 1, 2, 5, 10, len(full), len(full) + 1, 200]:
            cases.append((size, 'value=%d and %s', [('i', 12345),
                                                    ('s', b'more text')]))
            kept = full[:max(size - 1, 0)]
            expected.append((len(full), kept))
        long = b'%5000d'
        cases.append((4096, long.decode(), [('i', 7)]))
        expected.append((5000, b' ' * 4095))
        self.check(cases, expected)

    def libc_snprintf(self):
        try:
            libc = ctypes.CDLL(None)
            return libc.snprintf
        except (OSError, AttributeError):
            self.skipTest('no host C library reachable through ctypes')

    def test_c_corners_match_host_libc(self):
        snprintf = self.libc_snprintf()
        formats = [
            ('%#o', 0), ('%#o', 8), ('%#.0o', 0), ('%#.3o', 8),
            ('%#5o', 1), ('%#x', 0), ('%#X', 0), ('%#5.0x', 0),
            ('%#010x', 255), ('%#-10o|', 8), ('%.0d|', 0),
            ('%+.0d|', 0), ('% .0i|', 0), ('%5.0d|', 0), ('%.0u|', 0),
            ('%+u', 5), ('% x', 5), ('%+o', 8), ('%05.3d', 5),
            ('%-05d', 3), ('%+05d', 3), ('% 05d', -3), ('%+ d', 3),
            ('%hhd', 300), ('%hhu', -1), ('%hx', -1), ('%lo', -1),
            ('%zd', -1), ('%td', -1), ('%jd', -1), ('%lld', -2**63),
            ('%llx', 2**64 - 1), ('%ld', 2**63 - 1),
            ('%05c', 65), ('%5%', 0), ('%-5%|', 0), ('%y', 0),
            ('%hhn%d', None), ('%lz%d', None),
        ]
        cases, expected = [], []
        buf = ctypes.create_string_buffer(512)
        for fmt, value in formats:
            if value is None:
                continue
            n = snprintf(buf, 512, fmt.encode(), ctypes.c_longlong(value))
            cases.append((512, fmt, [('i', value)]))
            expected.append((n, buf.value))
        for fmt, args in [('%*d|', (-6, 42)), ('%0*d|', (5, -42)),
                          ('%.*d|', (-1, 42)), ('%.*d|', (4, 42)),
                          ('%-*.*x|', (8, 3, 10)), ('%*c|', (3, 65))]:
            n = snprintf(buf, 512, fmt.encode(),
                         *[ctypes.c_longlong(a) for a in args])
            cases.append((512, fmt, [('i', a) for a in args]))
            expected.append((n, buf.value))
        self.check(cases, expected)

    def test_pointers_and_null_match_host_libc(self):
        snprintf = self.libc_snprintf()
        buf = ctypes.create_string_buffer(512)
        cases, expected = [], []
        for fmt in ['%p', '%20p|', '%-20p|', '%+p', '% p', '%.8p', '%08p',
                    '%#p']:
            for value in [0, 1, 0x1234, 0x400000, 2**47 - 1, 2**64 - 1]:
                n = snprintf(buf, 512, fmt.encode(), ctypes.c_void_p(value))
                cases.append((512, fmt, [('p', value)] if value else
                              [('n', None)]))
                expected.append((n, buf.value))
        for fmt in ['%s', '%.3s|', '%.6s|', '%10s|', '%-8s|']:
            n = snprintf(buf, 512, fmt.encode(), ctypes.c_char_p(None))
            cases.append((512, fmt, [('n', None)]))
            expected.append((n, buf.value))
        self.check(cases, expected)


class Malloc(UserTestCase):
    """Seeded random heap use; libctest checks contents and the heap."""

    def test_random_patterns(self):
        for seed in [1, 2, 3, 42, 2024]:
            with self.subTest(seed=seed):
                r = self.run_prog('libctest', 'malloc', str(seed), '20000')
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertTrue(r.stdout.endswith(b'ok\n'), r.stdout)
                self.assertNotIn(b'FAIL', r.stdout)

    def test_heap_returns_to_its_start(self):
        r = self.run_prog('libctest', 'malloc', '99', '50000')
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        heap = int(re.search(rb'heap (\d+) bytes', r.stdout).group(1))
        self.assertLessEqual(heap, 512 << 10)

    def test_usage(self):
        self.assertUsage(self.run_prog('libctest', 'malloc', '1'))
        self.assertUsage(self.run_prog('libctest'))
        self.assertUsage(self.run_prog('libctest', 'nonsense'))


class Messages(UserTestCase):
    """strerror() and strsignal() say what the host's C library says."""

    def messages(self):
        r = self.run_prog('libctest', 'errors')
        self.assertEqual(r.returncode, 0)
        table = {}
        for line in r.stdout.decode().splitlines():
            key, _, text = line.partition(' ')
            table[key] = text
        return table

    def uapi_errnos(self):
        path = os.path.join(ROOT, 'include', 'uapi', 'linux', 'errno.h')
        with open(path) as f:
            found = re.findall(r'#define\s+(E[A-Z0-9]+)\s+(\d+)', f.read())
        return {name: int(num) for name, num in found}

    def test_every_uapi_errno_has_linux_message(self):
        table = self.messages()
        errnos = self.uapi_errnos()
        self.assertGreater(len(errnos), 30)
        for name, num in errnos.items():
            with self.subTest(errno=name):
                self.assertEqual(table[f'E{num}'], os.strerror(num))
                self.assertNotIn('Unknown', table[f'E{num}'])

    def test_unknown_errno(self):
        table = self.messages()
        self.assertEqual(table['E0'], 'Success')
        self.assertEqual(table['E140'], 'Unknown error 140')

    def test_signals(self):
        table = self.messages()
        for sig in range(1, 32):
            with self.subTest(sig=sig):
                self.assertEqual(table[f'S{sig}'], signal.strsignal(sig))
        self.assertEqual(table['S11'], 'Segmentation fault')
        self.assertEqual(table['S40'], 'Real-time signal 8')


class Getopt(UserTestCase):
    """getopt(): POSIX parsing; results in libctest's one-line format."""

    def getopt_lines(self, optstring, *args):
        r = self.run_prog('libctest', 'getopt', optstring, *args)
        self.assertEqual(r.returncode, 0)
        return r.stdout.decode().splitlines(), r.stderr.decode()

    def python_lines(self, optstring, args):
        opts, rest = getopt.getopt(list(args), optstring)
        lines = [f'{o[1]} {v}' if v else o[1] for o, v in opts]
        return lines + [f'operand {a}' for a in rest]

    def test_matches_python_getopt(self):
        for optstring, args in [
                ('ab:c', ['-a', '-b', 'x', '-c', 'file']),
                ('ab:c', ['-abx', '-cb', 'y', '--', '-a']),
                ('ab:c', ['-ca', 'operand', '-b', 'late']),
                ('ab:c', ['-', '-a']),
                ('lat', ['-la', '-t', 'x', 'y']),
                ('o:', ['-o-', '-o', '-a']),
                ('x', [])]:
            with self.subTest(args=args):
                lines, err = self.getopt_lines(optstring, *args)
                self.assertEqual(lines, self.python_lines(optstring, args))
                self.assertEqual(err, '')

    def test_unknown_option(self):
        lines, err = self.getopt_lines('ab', '-az', 'x')
        self.assertEqual(lines, ['a', '? z', 'operand x'])
        self.assertEqual(err, "ab: invalid option -- 'z'\n")

    def test_missing_argument(self):
        lines, err = self.getopt_lines('ab:', '-a', '-b')
        self.assertEqual(lines, ['a', '? b'])
        self.assertEqual(err, "ab:: option requires an argument -- 'b'\n")

    def test_leading_colon_is_quiet(self):
        lines, err = self.getopt_lines(':ab:', '-z', '-b')
        self.assertEqual(lines, ['? z', ': b'])
        self.assertEqual(err, '')

    def test_colon_is_never_an_option(self):
        lines, err = self.getopt_lines('a:', '-:')
        self.assertEqual(lines, ['? :'])


class GetoptLong(UserTestCase):
    """getopt_long(): libctest's table is all, file=, fill, opt[=], set."""

    LONG = {'--all': 'a', '--file': 'f', '--fill': 'F'}

    def lines(self, optstring, *args):
        r = self.run_prog('libctest', 'getopt_long', optstring, *args)
        self.assertEqual(r.returncode, 0)
        return r.stdout.decode().splitlines(), r.stderr.decode()

    def python_lines(self, optstring, args):
        opts, rest = getopt.getopt(list(args), optstring,
                                   ['all', 'file=', 'fill'])
        lines = []
        for o, v in opts:
            name = self.LONG.get(o, o[1:])
            lines.append(f'{name} {v}' if v else name)
        return lines + [f'operand {a}' for a in rest]

    def test_matches_python_getopt(self):
        for args in [['--all', '-x', '--file', 'f1', 'op'],
                     ['--file=a=b', '--fill', '-yv', '--', '--all'],
                     ['--a', '--fill', '-', '--all'],
                     ['-x', 'op', '--all']]:
            with self.subTest(args=args):
                lines, err = self.lines('xy:', *args)
                self.assertEqual(lines, self.python_lines('xy:', args))
                self.assertEqual(err, '')

    def test_optional_argument_and_flag(self):
        lines, err = self.lines('x', '--opt', '--opt=v', '--set', '-x',
                                '--file=', '--opt', 'operand')
        self.assertEqual(lines, ['o', 'o v', 'flag s (set)', 'x', 'f ', 'o',
                                 'operand operand'])
        self.assertEqual(err, '')

    def test_errors(self):
        lines, err = self.lines('x', '--nope', '--fi', '--all=1', '--file')
        self.assertEqual(lines, ['? 0', '? 0', f'? {ord("a")}',
                                 f'? {ord("f")}'])
        self.assertEqual(err.splitlines(), [
            "x: unrecognized option '--nope'",
            "x: option '--fi' is ambiguous",
            "x: option '--all' doesn't allow an argument",
            "x: option '--file' requires an argument"])

    def test_leading_colon_is_quiet(self):
        lines, err = self.lines(':x', '--nope', '--file')
        self.assertEqual(lines, ['? 0', f': {ord("f")}'])
        self.assertEqual(err, '')


class Strtol(UserTestCase):
    """strtol/strtoul: value, characters used, errno."""

    def strtol(self, text, base):
        r = self.run_prog('libctest', 'strtol', text, str(base))
        self.assertEqual(r.returncode, 0)
        signed, unsigned = r.stdout.decode().splitlines()
        return ([int(x) for x in signed.split()],
                [int(x) for x in unsigned.split()])

    def test_cases(self):
        E = errno.ERANGE
        cases = {
            ('42', 10): ([42, 2, 0], [42, 2, 0]),
            ('  -17xyz', 10): ([-17, 5, 0], [2**64 - 17, 5, 0]),
            ('0x1f', 0): ([31, 4, 0], [31, 4, 0]),
            ('0x1f', 16): ([31, 4, 0], [31, 4, 0]),
            ('0xg', 16): ([0, 1, 0], [0, 1, 0]),
            ('017', 0): ([15, 3, 0], [15, 3, 0]),
            ('z', 36): ([35, 1, 0], [35, 1, 0]),
            ('', 10): ([0, 0, 0], [0, 0, 0]),
            ('  +', 10): ([0, 0, 0], [0, 0, 0]),
            ('9223372036854775807', 10):
                ([2**63 - 1, 19, 0], [2**63 - 1, 19, 0]),
            ('9223372036854775808', 10):
                ([2**63 - 1, 19, E], [2**63, 19, 0]),
            ('-9223372036854775808', 10):
                ([-2**63, 20, 0], [2**63, 20, 0]),
            ('-9223372036854775809', 10):
                ([-2**63, 20, E], [2**63 - 1, 20, 0]),
            ('18446744073709551616', 10):
                ([2**63 - 1, 20, E], [2**64 - 1, 20, E]),
            ('12', 1): ([0, 0, errno.EINVAL], [0, 0, errno.EINVAL]),
        }
        for (text, base), want in cases.items():
            with self.subTest(text=text, base=base):
                self.assertEqual(self.strtol(text, base), want)


class SelfChecks(UserTestCase):
    """libctest's own checks of string, qsort, env and stdio functions."""

    def self_check(self, *args):
        r = self.run_prog('libctest', *args)
        self.assertEqual((r.returncode, r.stdout), (0, b'ok\n'),
                         r.stdout + r.stderr)

    def test_string(self):
        self.self_check('string')

    def test_qsort(self):
        self.self_check('qsort')

    def test_env(self):
        self.self_check('env')

    def test_stdio(self):
        self.self_check('stdio', self.path('stdio.txt'))
        self.assertFalse(os.path.exists(self.path('stdio.txt')))


if __name__ == '__main__':
    unittest.main()
