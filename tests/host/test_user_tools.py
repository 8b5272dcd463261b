"""Host tests of the tools for looking at data and devices: hexdump, cmp,
head, wc, lspci and dmesg (build/user/bin).

hexdump, cmp, head and wc are compared byte for byte (output, errors
and status) with the util-linux and GNU programs on the build machine,
on files made here: empty, one byte, repeated lines, long lines, 4097
bytes.  lspci reads a /proc/bus/pci made here (-P DIR) in Linux's
format, with an edu-like device and a PCI bridge, and a capability list
that loops.  dmesg only reads here (the host may refuse: dmesg_restrict);
clearing the log is tested inside Ferry (usertests' syslog cases).
"""

import os
import random
import shutil
import struct
import subprocess
import unittest

from test_user_common import (UserTestCase, child_setup, environment,
                              program, require_programs)


def setUpModule():
    require_programs()


def host_tool(name):
    path = shutil.which(name)
    if not path:
        raise unittest.SkipTest(f'no {name} on this machine to compare with')
    return path


class CompareWithHost(UserTestCase):
    """Run ours and the host's on the same arguments; expect the same."""

    # GNU cmp says "char" for "byte" in the POSIX locale only.
    HOST_LOCALE = 'C'

    def setUp(self):
        super().setUp()
        rnd = random.Random(4097)
        self.files = {
            'empty': b'',
            'one': b'A',
            'text': b'first line\nsecond\n\nfourth without newline',
            'zeros': bytes(100),
            'repeat': b'0123456789abcdef' * 5 + b'X' + b'0123456789abcdef' * 3,
            'long': (b'x' * 5000 + b'\n') * 3,
            'words': b'  a b\tc\n\x00\x01 d\x7f\x80\xff e\x0bf\x0cg\rh\n',
            'binary': bytes(rnd.randrange(256) for _ in range(4097)),
        }
        for name, data in self.files.items():
            self.write(name, data)

    def run_host(self, tool, *args, stdin=b''):
        env = dict(environment(), LC_ALL=self.HOST_LOCALE)
        return subprocess.run([tool, *args], executable=host_tool(tool),
                              input=stdin,
                              capture_output=True, env=env, cwd=self.tmp,
                              timeout=60, preexec_fn=child_setup)

    def assertSameAsHost(self, tool, *args, stdin=b''):
        ours = self.run_prog(tool, *args, stdin=stdin)
        host = self.run_host(tool, *args, stdin=stdin)
        self.assertEqual(ours.stdout, host.stdout, (tool, args))
        self.assertEqual(ours.stderr, host.stderr, (tool, args))
        self.assertEqual(ours.returncode, host.returncode, (tool, args))
        return ours


class Hexdump(CompareWithHost):
    def test_each_file(self):
        for name in self.files:
            with self.subTest(file=name):
                self.assertSameAsHost('hexdump', '-C', name)

    def test_repeated_lines_star(self):
        r = self.assertSameAsHost('hexdump', '-C', 'zeros')
        self.assertEqual(r.stdout.count(b'\n*\n'), 1)
        r = self.assertSameAsHost('hexdump', '-C', 'repeat')
        self.assertEqual(r.stdout.count(b'*\n'), 2)

    def test_length_and_offset(self):
        cases = [('-n', '5'), ('-s', '3'), ('-s', '17', '-n', '40'),
                 ('-s', '0x10'), ('-n', '0'), ('-s', '4096'),
                 ('-s', '5000'), ('-n', '1k'), ('-s', '010', '-n', '070')]
        for opts in cases:
            for name in ('binary', 'repeat', 'one', 'empty'):
                with self.subTest(opts=opts, file=name):
                    self.assertSameAsHost('hexdump', '-C', *opts, name)

    def test_several_files_are_one_stream(self):
        self.assertSameAsHost('hexdump', '-C', 'one', 'text', 'zeros')
        self.assertSameAsHost('hexdump', '-C', '-s', '3', 'one', 'text')

    def test_stdin(self):
        self.assertSameAsHost('hexdump', '-C', stdin=self.files['binary'])

    def test_missing_file(self):
        r = self.assertSameAsHost('hexdump', '-C', 'one', 'missing')
        self.assertEqual(r.returncode, 1)
        r = self.assertSameAsHost('hexdump', '-C', 'missing')
        self.assertIn(b'all input file arguments failed', r.stderr)

    def test_without_c_is_canonical(self):
        a = self.run_prog('hexdump', 'text')
        b = self.run_prog('hexdump', '-C', 'text')
        self.assertEqual((a.returncode, a.stdout), (0, b.stdout))

    def test_usage(self):
        self.assertUsage(self.run_prog('hexdump', '-x'))
        self.assertUsage(self.run_prog('hexdump', '-n', 'abc', 'one'))
        self.assertUsage(self.run_prog('hexdump', '-s', '-1', 'one'))


class Cmp(CompareWithHost):
    HOST_LOCALE = 'C.UTF-8'

    def setUp(self):
        super().setUp()
        extra = {
            'text2': b'first line\nsecond\n\nfourth WITHOUT newline',
            'textprefix': b'first line\nsec',
            'textline': b'first line\n',
            'binary2': bytearray(self.files['binary']),
        }
        extra['binary2'][0] ^= 1
        extra['binary2'][4096] ^= 0x80
        extra['binary2'] = bytes(extra['binary2'])
        for name, data in extra.items():
            self.write(name, data)
        self.files.update(extra)

    def test_same(self):
        r = self.assertSameAsHost('cmp', 'binary', 'binary')
        self.assertEqual((r.returncode, r.stdout), (0, b''))
        self.assertSameAsHost('cmp', 'empty', 'empty')

    def test_differ(self):
        r = self.assertSameAsHost('cmp', 'text', 'text2')
        self.assertEqual(r.stdout, b'text text2 differ: byte 27, line 4\n')
        self.assertSameAsHost('cmp', 'binary', 'binary2')

    def test_eof(self):
        for a, b in [('text', 'textprefix'), ('textprefix', 'text'),
                     ('text', 'textline'), ('empty', 'one'),
                     ('one', 'empty'), ('binary', 'long')]:
            with self.subTest(a=a, b=b):
                r = self.assertSameAsHost('cmp', a, b)
                self.assertEqual(r.returncode, 1)
        r = self.run_prog('cmp', 'textprefix', 'text')
        self.assertEqual(r.stderr,
                         b'cmp: EOF on textprefix after byte 14, in line 2\n')

    def test_list(self):
        for a, b in [('binary', 'binary2'), ('text', 'text2'),
                     ('text', 'textprefix'), ('zeros', 'repeat')]:
            with self.subTest(a=a, b=b):
                self.assertSameAsHost('cmp', '-l', a, b)
        self.assertSameAsHost('cmp', '-l', '-', 'binary2',
                              stdin=self.files['binary'])

    def test_silent(self):
        for args in [('binary', 'binary2'), ('text', 'textprefix'),
                     ('one', 'one'), ('one', 'missing')]:
            with self.subTest(args=args):
                r = self.assertSameAsHost('cmp', '-s', *args)
                self.assertEqual((r.stdout, r.stderr), (b'', b''))

    def test_stdin(self):
        self.assertSameAsHost('cmp', '-', 'text', stdin=self.files['text2'])
        self.assertSameAsHost('cmp', 'text', stdin=self.files['textprefix'])

    def test_trouble(self):
        r = self.assertSameAsHost('cmp', 'text', 'missing')
        self.assertEqual(r.returncode, 2)

    def test_usage(self):
        self.assertUsage(self.run_prog('cmp'))
        self.assertUsage(self.run_prog('cmp', '-x', 'a', 'b'))
        self.assertUsage(self.run_prog('cmp', '-l', '-s', 'one', 'one'))
        self.assertUsage(self.run_prog('cmp', 'one', 'one', 'one'))


class Head(CompareWithHost):
    def test_default_and_counts(self):
        self.write('many', b''.join(b'line %d\n' % i for i in range(30)))
        for opts in [(), ('-n', '3'), ('-n', '0'), ('-c', '5'), ('-c', '0'),
                     ('-n', '100'), ('-c', '4097'), ('-c', '1k'), ('-4',)]:
            for name in ('many', 'long', 'text', 'empty', 'one', 'binary'):
                with self.subTest(opts=opts, file=name):
                    self.assertSameAsHost('head', *opts, name)

    def test_several_files_headers(self):
        self.assertSameAsHost('head', '-n', '2', 'text', 'one', 'empty')
        self.assertSameAsHost('head', '-q', '-n', '1', 'text', 'one')
        self.assertSameAsHost('head', '-v', 'text')

    def test_stdin(self):
        self.assertSameAsHost('head', '-n', '2', stdin=self.files['long'])
        self.assertSameAsHost('head', '-c', '3', '-', 'one',
                              stdin=self.files['text'])

    def test_missing_file(self):
        r = self.assertSameAsHost('head', 'missing', 'one')
        self.assertEqual(r.returncode, 1)

    def test_usage(self):
        r = self.run_prog('head', '-n', 'x', 'one')
        self.assertUsage(r)
        self.assertIn(b"head: invalid number of lines: 'x'", r.stderr)
        self.assertUsage(self.run_prog('head', '-z'))


class Wc(CompareWithHost):
    def test_each_file(self):
        for name in self.files:
            with self.subTest(file=name):
                self.assertSameAsHost('wc', name)

    def test_options_and_totals(self):
        names = list(self.files)
        for opts in [(), ('-l',), ('-w',), ('-c',), ('-lw',), ('-cl',),
                     ('-c', '-w', '-l')]:
            with self.subTest(opts=opts):
                self.assertSameAsHost('wc', *opts, *names)
                self.assertSameAsHost('wc', *opts, 'one')

    def test_stdin(self):
        # A pipe, not a regular file: the width is at least 7.
        r = self.assertSameAsHost('wc', stdin=self.files['words'])
        self.assertEqual(r.stdout, b'      2       8      %d\n'
                         % len(self.files['words']))
        self.assertSameAsHost('wc', '-l', stdin=self.files['long'])
        self.assertSameAsHost('wc', '-', 'text', stdin=self.files['long'])

    def test_missing_file(self):
        self.write('more', b'x\n' * 3000)
        r = self.run_prog('wc', 'missing', 'text', 'more')
        host = self.run_host('wc', 'missing', 'text', 'more')
        self.assertEqual((r.returncode, r.stdout, r.stderr),
                         (host.returncode, host.stdout, host.stderr))
        self.assertEqual(r.returncode, 1)

    def test_usage(self):
        self.assertUsage(self.run_prog('wc', '-x'))


# ---- lspci ---------------------------------------------------------------

def config_space(vendor, device, cls, rev, header_type=0, command=0x0006,
                 status=0x0010, size=256):
    """A configuration space; the caller sets what else it needs."""
    cfg = bytearray(size)
    struct.pack_into('<HHHH', cfg, 0, vendor, device, command, status)
    struct.pack_into('<I', cfg, 8, cls << 8 | rev)
    cfg[0x0e] = header_type
    return cfg


def edu_config(caps=True):
    cfg = config_space(0x1234, 0x11e8, 0x00ff00, 0x10, command=0x0106,
                       status=0x0010 if caps else 0)
    struct.pack_into('<I', cfg, 0x10, 0xfea00000)         # BAR0, 32-bit mem
    struct.pack_into('<HH', cfg, 0x2c, 0x1af4, 0x1100)     # subsystem
    cfg[0x34] = 0x40
    cfg[0x3c], cfg[0x3d] = 11, 1                          # IRQ 11, pin A
    struct.pack_into('<BBH', cfg, 0x40, 0x05, 0x00, 0x0080)  # MSI, 64-bit
    return cfg


def bridge_config():
    cfg = config_space(0x1b36, 0x0001, 0x060400, 0x00, header_type=1,
                       command=0x0107, status=0x0010)
    cfg[0x18:0x1c] = bytes([0, 1, 1, 0])          # primary, secondary, sub.
    cfg[0x1c], cfg[0x1d] = 0xc0, 0xc0             # I/O c000-cfff
    struct.pack_into('<HH', cfg, 0x20, 0xfe80, 0xfe80)  # memory fe800000
    struct.pack_into('<HH', cfg, 0x24, 0xfff1, 0x0001)  # prefetch disabled
    cfg[0x34] = 0x50
    struct.pack_into('<BBH', cfg, 0x50, 0x10, 0x00, 0x0072)  # Express
    return cfg


def host_bridge_config():
    return config_space(0x8086, 0x1237, 0x060000, 0x02, command=0x0000,
                        status=0x0000)


def devices_line(bus, dev, func, vendor, device, irq, bases=(), sizes=(),
                 driver=''):
    """A line of /proc/bus/pci/devices as Linux's show_device() writes it."""
    bases = list(bases) + [0] * (7 - len(bases))
    sizes = list(sizes) + [0] * (7 - len(sizes))
    line = '%02x%02x\t%04x%04x\t%x' % (bus, dev << 3 | func, vendor, device,
                                       irq)
    line += ''.join('\t%16x' % b for b in bases)
    line += ''.join('\t%16x' % s for s in sizes)
    return line + '\t' + driver + '\n'


class Lspci(UserTestCase):
    EDU = '00:04.0 Unclassified device [00ff]: Device 1234:11e8 (rev 10)\n'

    def setUp(self):
        super().setUp()
        self.proc = self.path('pci')
        self.make_proc([
            ((0, 4, 0), 0x1234, 0x11e8, 11, [0xfea00000], [0x100000], 'edu',
             edu_config()),
            ((0, 0, 0), 0x8086, 0x1237, 0, [], [], '', host_bridge_config()),
            ((0, 3, 0), 0x1b36, 0x0001, 10, [], [], '', bridge_config()),
        ])

    def make_proc(self, funcs):
        os.makedirs(self.proc, exist_ok=True)
        lines = []
        for (bus, dev, func), ven, did, irq, bases, sizes, drv, cfg in funcs:
            lines.append(devices_line(bus, dev, func, ven, did, irq, bases,
                                      sizes, drv))
            os.makedirs(os.path.join(self.proc, '%02x' % bus), exist_ok=True)
            with open(os.path.join(self.proc, '%02x' % bus,
                                   '%02x.%x' % (dev, func)), 'wb') as f:
                f.write(bytes(cfg))
        with open(os.path.join(self.proc, 'devices'), 'w') as f:
            f.write(''.join(lines))

    def lspci(self, *args):
        return self.run_prog('lspci', '-P', self.proc, *args)

    def test_default_one_line_each_sorted(self):
        r = self.lspci()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.decode(),
                         '00:00.0 Host bridge: Intel Corporation Device 1237 '
                         '(rev 02)\n'
                         '00:03.0 PCI bridge: Red Hat, Inc. Device 0001\n'
                         + self.EDU)

    def test_numeric(self):
        r = self.lspci('-n', '-s', '04')
        self.assertEqual(r.stdout, b'00:04.0 00ff: 1234:11e8 (rev 10)\n')
        r = self.lspci('-nn', '-s', '00:04.0')
        self.assertEqual(r.stdout, b'00:04.0 Unclassified device [00ff]: '
                         b'Device [1234:11e8] (rev 10)\n')

    def test_verbose_edu(self):
        r = self.lspci('-v', '-s', '4.0')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.decode(), self.EDU +
                         '\tSubsystem: Red Hat, Inc. Device 1100\n'
                         '\tFlags: bus master, fast devsel, latency 0, IRQ 11\n'
                         '\tMemory at fea00000 (32-bit, non-prefetchable) '
                         '[size=1M]\n'
                         '\tCapabilities: [40] MSI: Enable- Count=1/1 '
                         'Maskable- 64bit+\n'
                         '\tKernel driver in use: edu\n'
                         '\n')

    def test_verbose_bridge(self):
        r = self.lspci('-v', '-s', ':3')
        self.assertEqual(r.stdout.decode(),
                         '00:03.0 PCI bridge: Red Hat, Inc. Device 0001\n'
                         '\tFlags: bus master, fast devsel, latency 0, IRQ 10\n'
                         '\tBus: primary=00, secondary=01, subordinate=01, '
                         'sec-latency=0\n'
                         '\tI/O behind bridge: 0000c000-0000cfff [size=4K]\n'
                         '\tMemory behind bridge: fe800000-fe8fffff '
                         '[size=1M]\n'
                         '\tPrefetchable memory behind bridge: [disabled]\n'
                         '\tCapabilities: [50] Express PCI-Express to '
                         'PCI/PCI-X Bridge, MSI 00\n'
                         '\n')

    def test_kernel_driver(self):
        r = self.lspci('-k')
        self.assertIn(self.EDU.encode() +
                      b'\tSubsystem: Red Hat, Inc. Device 1100\n'
                      b'\tKernel driver in use: edu\n', r.stdout)
        self.assertEqual(r.stdout.count(b'Kernel driver'), 1)

    def test_slot_filter(self):
        self.assertEqual(self.lspci('-s', '00:04').stdout, self.EDU.encode())
        self.assertEqual(self.lspci('-s', '*:4.*').stdout, self.EDU.encode())
        self.assertEqual(self.lspci('-s', '01:').stdout, b'')
        self.assertEqual(self.lspci('-s', '.1').stdout, b'')
        self.assertEqual(len(self.lspci('-s', '.0').stdout.splitlines()), 3)
        for bad, what in [('100:', b'bus'), ('20', b'slot'), ('4.8', b'function'),
                          ('x', b'slot')]:
            r = self.lspci('-s', bad)
            self.assertUsage(r)
            self.assertIn(b'lspci: -s: Invalid ' + what, r.stderr)

    def test_io_bar_rom_and_capability_names(self):
        cfg = config_space(0x8086, 0x100e, 0x020000, 0x03, command=0x0007)
        struct.pack_into('<IIII', cfg, 0x10, 0xfeb80000, 0, 0, 0xc001)
        struct.pack_into('<I', cfg, 0x30, 0xfeb00000)      # ROM, disabled
        cfg[0x34] = 0x60
        struct.pack_into('<BBH', cfg, 0x60, 0x01, 0x70, 0x0003)  # PM v3
        struct.pack_into('<BBH', cfg, 0x70, 0x11, 0x80, 0x8003)  # MSI-X
        struct.pack_into('<BBH', cfg, 0x80, 0x09, 0x90, 0x0014)  # vendor
        struct.pack_into('<BBH', cfg, 0x90, 0x0d, 0xa0, 0x1234)  # unknown
        struct.pack_into('<BBH', cfg, 0xa0, 0x05, 0x00, 0x018b)  # MSI
        cfg[0x06] = 0x10
        self.make_proc([((0, 2, 0), 0x8086, 0x100e, 0, [0xfeb80000, 0, 0,
                        0xc001, 0, 0, 0xfeb00000], [0x20000, 0, 0, 0x40, 0, 0,
                        0x40000], 'e1000', cfg)])
        r = self.lspci('-v', '-s', '2')
        self.assertEqual(r.stdout.decode(),
                         '00:02.0 Ethernet controller: Intel Corporation '
                         'Device 100e (rev 03)\n'
                         '\tFlags: bus master, fast devsel, latency 0\n'
                         '\tMemory at feb80000 (32-bit, non-prefetchable) '
                         '[size=128K]\n'
                         '\tI/O ports at c000 [size=64]\n'
                         '\tExpansion ROM at feb00000 [disabled] [size=256K]\n'
                         '\tCapabilities: [60] Power Management version 3\n'
                         '\tCapabilities: [70] MSI-X: Enable+ Count=4 Masked-\n'
                         '\tCapabilities: [80] Vendor Specific Information: '
                         'Len=14 <?>\n'
                         '\tCapabilities: [90] #0d [1234]\n'
                         '\tCapabilities: [a0] MSI: Enable+ Count=1/32 '
                         'Maskable+ 64bit+\n'
                         '\tKernel driver in use: e1000\n'
                         '\n')

    def test_looping_capability_list_ends(self):
        cfg = edu_config()
        struct.pack_into('<BBH', cfg, 0x40, 0x01, 0x50, 0x0003)
        struct.pack_into('<BBH', cfg, 0x50, 0x11, 0x40, 0x0000)
        self.make_proc([((0, 5, 0), 0x1234, 0x11e8, 0, [], [], '', cfg)])
        r = self.run_prog('lspci', '-P', self.proc, '-v', '-s', '5',
                          timeout=20)
        self.assertEqual(r.returncode, 0)
        caps = [l for l in r.stdout.decode().splitlines()
                if 'Capabilities' in l]
        self.assertEqual(caps, [
            '\tCapabilities: [40] Power Management version 3',
            '\tCapabilities: [50] MSI-X: Enable- Count=1 Masked-',
            '\tCapabilities: [40] <chain looped>'])

    def test_capability_beyond_short_config(self):
        cfg = edu_config()[:64]
        self.make_proc([((0, 6, 0), 0x1234, 0x11e8, 0, [], [], '', cfg)])
        r = self.lspci('-v', '-s', '6')
        self.assertIn(b'\tCapabilities: <access denied>\n', r.stdout)

    def test_unreadable_config_reported(self):
        os.remove(os.path.join(self.proc, '00', '00.0'))
        r = self.lspci()
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr, b'lspci: Unable to read the standard '
                         b'configuration space header of device '
                         b'0000:00:00.0\n')
        self.assertEqual(len(r.stdout.splitlines()), 2)

    def test_missing_directory(self):
        r = self.run_prog('lspci', '-P', self.path('nowhere'))
        self.assertEqual((r.returncode, r.stdout), (1, b''))
        self.assertEqual(r.stderr, ('lspci: Cannot open %s/devices: No such '
                                    'file or directory\n'
                                    % self.path('nowhere')).encode())

    def test_malformed_devices_line(self):
        with open(os.path.join(self.proc, 'devices'), 'a') as f:
            f.write('zz\tnot a device\n')
        r = self.lspci()
        self.assertEqual(r.returncode, 1)
        self.assertIn(b'malformed line', r.stderr)
        self.assertEqual(len(r.stdout.splitlines()), 3)

    def test_usage(self):
        self.assertUsage(self.lspci('-x'))
        self.assertUsage(self.lspci('extra'))


# ---- dmesg ---------------------------------------------------------------

class Dmesg(UserTestCase):
    """Reading only: -c and -C would clear the build machine's log."""

    def test_read(self):
        raw = self.run_prog('dmesg', '-r')
        plain = self.run_prog('dmesg')
        if raw.returncode:
            # dmesg_restrict: refused, with util-linux's words.
            self.assertEqual(raw.returncode, 1)
            self.assertEqual(raw.stdout, b'')
            self.assertRegex(raw.stderr, rb'^dmesg: read kernel buffer '
                             rb'failed: [A-Z][^\n]*\n$')
            self.assertEqual(plain.returncode, 1)
            return
        self.assertEqual(plain.returncode, 0, plain.stderr)
        for line in raw.stdout.splitlines()[:50]:
            self.assertRegex(line, rb'^<\d+>')
        for line in plain.stdout.splitlines()[:50]:
            self.assertNotRegex(line, rb'^<\d+>')

    def test_usage(self):
        self.assertUsage(self.run_prog('dmesg', '-x'))
        self.assertUsage(self.run_prog('dmesg', '-h'))
        self.assertUsage(self.run_prog('dmesg', '-c', '-C'))
        self.assertUsage(self.run_prog('dmesg', 'extra'))


if __name__ == '__main__':
    unittest.main()
