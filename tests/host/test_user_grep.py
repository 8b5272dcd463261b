"""Host tests of grep (build/user/bin/grep), against the host's GNU grep.

Both run on the same files with the same arguments; output and exit
status must agree, for the basic regular expressions Ferry's grep
implements (characters, '.', '*', '^', '$', classes, escapes) and its
options -c -e -i -n -q -v -H.
"""

import shutil
import subprocess
import unittest

from test_user_common import UserTestCase, require_programs

LINES = (b'hello world\nedu 0000:00:04.0: probe\nfoo\n\nEDU x\nabc*def\n'
         b'[x]\naaa\n' + b'long ' * 3000 + b'edu\nno newline at the end')


def setUpModule():
    require_programs()


@unittest.skipUnless(shutil.which('grep'), 'no host grep')
class Grep(UserTestCase):
    def same_as_gnu(self, *args, stdin=b''):
        ours = self.run_prog('grep', *args, stdin=stdin)
        gnu = subprocess.run(['grep', *args], input=stdin,
                             capture_output=True, cwd=self.tmp,
                             env={'LC_ALL': 'C'})
        self.assertEqual((ours.returncode, ours.stdout),
                         (gnu.returncode, gnu.stdout), args)

    def test_patterns(self):
        self.write('f', LINES)
        for pattern in ('edu', 'e.u', '^e', 'd$', '^$', 'o*', 'a*b',
                        '[a-f]o', '[^a-z ]', r'abc\*', 'x]', '[]x]',
                        r'\[x\]', 'zz', '^aaa$', 'a*a*a*a*a*b', 'end$'):
            self.same_as_gnu(pattern, 'f')

    def test_options(self):
        self.write('f', LINES)
        self.write('g', b'foo\nbar\n')
        for args in (('-i', 'edu'), ('-v', 'o'), ('-c', 'o'),
                     ('-n', 'o'), ('-q', 'foo'), ('-q', 'nothing'),
                     ('-H', 'foo'), ('-cv', 'o'), ('foo', 'f', 'g'),
                     ('-c', 'foo', 'f', 'g'), ('-e', 'foo', '-e', 'edu'),
                     ('-v', '-e', 'o', '-e', 'x')):
            self.same_as_gnu(*args, 'f')

    def test_stdin(self):
        self.same_as_gnu('b', stdin=b'a\nb\nc\n')
        self.same_as_gnu('-c', 'x', stdin=b'')

    def test_missing_file(self):
        self.write('f', b'edu\n')
        r = self.run_prog('grep', 'edu', 'f', 'missing')
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, b'f:edu\n')
        self.assertEqual(r.stderr,
                         b'grep: missing: No such file or directory\n')

    def test_bad_pattern(self):
        for pattern in ('[ab', 'a\\'):
            r = self.run_prog('grep', pattern, stdin=b'ab\n')
            self.assertEqual(r.returncode, 2)
            self.assertIn(b'unfinished pattern', r.stderr)

    def test_usage(self):
        self.assertUsage(self.run_prog('grep'))
        self.assertUsage(self.run_prog('grep', '-z', 'x'))


if __name__ == '__main__':
    unittest.main()
