"""Host tests of tools/mkinitrd.py and the initrd it builds.

The archive is read back by a small newc parser written here from the
format description (not by the tool's own code): magic, thirteen hex
fields, NUL-terminated names, 4-byte padding, the trailer.  Checked:
build/initrd.cpio holds /bin, /etc and /tmp with the right modes and
contents; the output depends only on the inputs' contents; bad
arguments fail with one line and leave no archive; GNU cpio (when the
host has it) lists the archive.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from test_user_common import ROOT, BIN, PROGRAMS, require_programs

MKINITRD = os.path.join(ROOT, 'tools', 'mkinitrd.py')
INITRD = os.path.join(ROOT, 'build', 'initrd.cpio')
INITRD_BIN = os.path.join(ROOT, 'build', 'user', 'initrd', 'bin')
FIELDS = ['ino', 'mode', 'uid', 'gid', 'nlink', 'mtime', 'filesize',
          'devmajor', 'devminor', 'rdevmajor', 'rdevminor', 'namesize',
          'check']


def setUpModule():
    require_programs()


def user_programs():
    """USER_PROGS as user/user.mk sets it (:= and += lines)."""
    with open(os.path.join(ROOT, 'user', 'user.mk')) as f:
        text = f.read().replace('\\\n', ' ')
    progs = []
    for line in text.splitlines():
        name, _, value = line.partition('=')
        if name.rstrip(':+ ') == 'USER_PROGS' and name.strip()[-1] in ':+':
            progs += value.split()
    return progs


def parse_newc(data):
    """[(name, fields dict, data)] up to and including the trailer."""
    entries, off = [], 0
    while True:
        if data[off:off + 6] != b'070701':
            raise ValueError(f'bad magic at {off}')
        values = [int(data[off + 6 + 8 * i:off + 14 + 8 * i], 16)
                  for i in range(13)]
        f = dict(zip(FIELDS, values))
        name_end = off + 110 + f['namesize']
        if data[name_end - 1] != 0:
            raise ValueError('name not NUL-terminated')
        name = data[off + 110:name_end - 1].decode()
        if any(data[name_end:(name_end + 3) & ~3]):
            raise ValueError('name padding not zero')
        off = (name_end + 3) & ~3
        body = data[off:off + f['filesize']]
        off = (off + f['filesize'] + 3) & ~3
        entries.append((name, f, body))
        if name == 'TRAILER!!!':
            if off != len(data):
                raise ValueError('data after the trailer')
            return entries


def mkinitrd(*args):
    return subprocess.run([sys.executable, MKINITRD, *args],
                          capture_output=True, text=True, timeout=60)


class BuiltInitrd(unittest.TestCase):
    """build/initrd.cpio as `make` made it."""

    @classmethod
    def setUpClass(cls):
        with open(INITRD, 'rb') as f:
            cls.entries = parse_newc(f.read())
        cls.by_name = {n: (f, d) for n, f, d in cls.entries}

    def test_layout(self):
        names = [n for n, _, _ in self.entries]
        self.assertEqual(names[-1], 'TRAILER!!!')
        self.assertTrue(set(PROGRAMS) <= set(user_programs()))
        expected = (['bin'] + sorted(f'bin/{p}' for p in user_programs()) +
                    ['etc', 'etc/edu.conf', 'etc/hello.txt', 'etc/hostname',
                     'etc/motd',
                     'tmp'])
        self.assertEqual(names[:-1], expected)

    def test_modes_and_fixed_fields(self):
        for name, f, _ in self.entries[:-1]:
            with self.subTest(name=name):
                if name in ('bin', 'etc', 'tmp'):
                    self.assertEqual(f['mode'], 0o040755)
                    self.assertEqual(f['nlink'], 2)
                elif name.startswith('bin/'):
                    self.assertEqual(f['mode'], 0o100755)
                else:
                    self.assertEqual(f['mode'], 0o100644)
                self.assertEqual((f['uid'], f['gid'], f['mtime'],
                                  f['check']), (0, 0, 0, 0))
        inos = [f['ino'] for _, f, _ in self.entries[:-1]]
        self.assertEqual(inos, list(range(1, len(inos) + 1)))

    def test_contents(self):
        for prog in user_programs():
            with open(os.path.join(INITRD_BIN, prog), 'rb') as f:
                self.assertEqual(self.by_name[f'bin/{prog}'][1], f.read())
            self.assertEqual(self.by_name[f'bin/{prog}'][1][:4],
                             b'\x7fELF')
        for name in ['motd', 'hostname', 'hello.txt']:
            with open(os.path.join(ROOT, 'rootfs', 'etc', name), 'rb') as f:
                self.assertEqual(self.by_name[f'etc/{name}'][1], f.read())

    def test_programs_lose_only_debug_information(self):
        """The initrd's copies are smaller but still have symbols."""
        for prog in ['sh', 'init']:
            full = os.path.getsize(os.path.join(BIN, prog))
            self.assertLess(len(self.by_name[f'bin/{prog}'][1]), full)
            self.assertIn(b'main', self.by_name[f'bin/{prog}'][1])

    def test_gnu_cpio_lists_it(self):
        cpio = shutil.which('cpio')
        if not cpio:
            self.skipTest('cpio is not installed on this host')
        with open(INITRD, 'rb') as f:
            r = subprocess.run([cpio, '-it'], stdin=f, capture_output=True,
                               text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn('bin/sh', r.stdout.split())

    def test_grub_loads_it(self):
        with open(os.path.join(ROOT, 'iso', 'grub.cfg')) as f:
            lines = [l.strip() for l in f]
        mb = lines.index('multiboot2 /boot/kernel.elf @CMDLINE@')
        self.assertEqual(lines[mb + 1], 'module2 /boot/initrd.cpio initrd')


class Tool(unittest.TestCase):
    """tools/mkinitrd.py on inputs made here."""

    def setUp(self):
        tmp = tempfile.TemporaryDirectory(prefix='ferry-initrd-')
        self.addCleanup(tmp.cleanup)
        self.tmp = tmp.name
        os.makedirs(os.path.join(self.tmp, 'root', 'etc', 'deep'))
        self.put('root/etc/a.txt', b'a' * 5)
        self.put('root/etc/deep/b', b'')
        self.put('prog', b'\x7fELF' + bytes(range(7)))

    def put(self, rel, data):
        with open(os.path.join(self.tmp, rel), 'wb') as f:
            f.write(data)

    def build(self, *extra, out='out.cpio'):
        path = os.path.join(self.tmp, out)
        r = mkinitrd('-o', path, '--tree', os.path.join(self.tmp, 'root'),
                     '--program', '/usr/bin/prog=' +
                     os.path.join(self.tmp, 'prog'), '--dir', '/tmp',
                     *extra)
        return r, path

    def read(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def test_entries_and_padding(self):
        r, path = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        entries = parse_newc(self.read(path))
        self.assertEqual([(n, oct(f['mode']), f['filesize'])
                          for n, f, _ in entries], [
            ('etc', '0o40755', 0), ('etc/a.txt', '0o100644', 5),
            ('etc/deep', '0o40755', 0), ('etc/deep/b', '0o100644', 0),
            ('tmp', '0o40755', 0), ('usr', '0o40755', 0),
            ('usr/bin', '0o40755', 0), ('usr/bin/prog', '0o100755', 11),
            ('TRAILER!!!', '0o0', 0)])
        self.assertEqual(entries[7][2], b'\x7fELF' + bytes(range(7)))
        self.assertEqual(len(self.read(path)) % 4, 0)

    def test_deterministic(self):
        _, first = self.build(out='1.cpio')
        os.chmod(os.path.join(self.tmp, 'root/etc/a.txt'), 0o600)
        os.utime(os.path.join(self.tmp, 'prog'), (1, 1))
        _, second = self.build(out='2.cpio')
        self.assertEqual(self.read(first), self.read(second))

    def test_content_changes_the_archive(self):
        _, first = self.build(out='1.cpio')
        self.put('root/etc/a.txt', b'b' * 5)
        _, second = self.build(out='2.cpio')
        self.assertNotEqual(self.read(first), self.read(second))

    def test_errors(self):
        prog = os.path.join(self.tmp, 'prog')
        tree = ['--tree', os.path.join(self.tmp, 'root')]
        for args, message in [
                (['--program', '/bin/x=' + self.tmp + '/missing'],
                 'not a regular file'),
                (['--program', '/bin/x'], 'DEST=SRC'),
                (['--program', '/../x=' + prog], 'bad path'),
                (['--program', '/=' + prog], 'bad path'),
                (tree + ['--program', '/etc/a.txt=' + prog], 'given twice'),
                (tree + ['--dir', '/etc/a.txt'],
                 'both a file and a directory'),
                (['--tree', self.tmp + '/nothing'], 'not a directory')]:
            with self.subTest(args=args):
                out = os.path.join(self.tmp, 'bad.cpio')
                r = mkinitrd('-o', out, *args)
                self.assertEqual(r.returncode, 1)
                self.assertIn(message, r.stderr)
                self.assertTrue(r.stderr.startswith('mkinitrd: '))
                self.assertFalse(os.path.exists(out))

    def test_usage(self):
        r = mkinitrd('--dir', '/tmp')
        self.assertEqual(r.returncode, 2)
        self.assertIn('usage', r.stderr)


if __name__ == '__main__':
    unittest.main()
