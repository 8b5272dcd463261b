"""Self-test of tests/run: does the harness notice every way a run can fail?

Each test runs tests/run in a subprocess with QEMU replaced by
fake_qemu.py (through the QEMU environment variable) and one of its
scripted stories chosen with FAKE_QEMU_SCRIPT: passing tests, a failing
case, a kernel panic, a triple fault, a hang, a truncated KTAP stream...
It then checks tests/run's exit status and that its output names the
cause.  The runs use --no-build (no ISO is needed by the fake), --config
small (one boot each) and a temporary log directory.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py' -v
"""

import contextlib
import importlib.machinery
import importlib.util
import io
import os
import subprocess
import sys
import tempfile
import time
import unittest
import zlib
from unittest import mock

HOST_DIR = os.path.dirname(os.path.abspath(__file__))
TESTS_DIR = os.path.dirname(HOST_DIR)
RUN = os.path.join(TESTS_DIR, 'run')
FAKE_QEMU = os.path.join(HOST_DIR, 'fake_qemu.py')


def load_run_module():
    """Import tests/run (a script without .py) as a module."""
    loader = importlib.machinery.SourceFileLoader('tests_run', RUN)
    spec = importlib.util.spec_from_loader('tests_run', loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


class Harness(unittest.TestCase):
    """Runs of tests/run against the fake emulator."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.log_dir = os.path.join(self.tmp.name, 'logs')

    def run_harness(self, script, *options, timeout=60, extra_env=None,
                    config='small'):
        """Run tests/run with the fake emulator telling `script`.

        Returns (exit status, output); stdout and stderr are merged.
        """
        env = dict(os.environ, QEMU=FAKE_QEMU, FAKE_QEMU_SCRIPT=script,
                   ACCEL='tcg')
        env.update(extra_env or {})
        command = [sys.executable, RUN, '--config', config, '--no-build',
                   '--log-dir', self.log_dir, *options]
        done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True,
                              timeout=timeout)
        return done.returncode, done.stdout

    def assertFailsWith(self, script, expected, *options):
        """tests/run must exit 1 and print `expected`; returns the output."""
        status, output = self.run_harness(script, *options)
        self.assertEqual(status, 1, output)
        self.assertIn(expected, output)
        return output

    @staticmethod
    def final_line(output):
        return output.rstrip('\n').splitlines()[-1]

    # --- passing runs ----------------------------------------------------

    def test_passing_run(self):
        status, output = self.run_harness('pass')
        self.assertEqual(status, 0, output)
        self.assertEqual(self.final_line(output), '4 passed, 0 failed')
        self.assertRegex(output, r'small: 4 passed, 0 failed in [0-9.]+ s '
                                 r'\(first kernel line after [0-9.]+ s\)')
        self.assertRegex(output, r'total time [0-9.]+ s\n')
        self.assertNotIn('FAIL', output)

    def test_skips_are_counted(self):
        status, output = self.run_harness('skip')
        self.assertEqual(status, 0, output)
        self.assertEqual(self.final_line(output),
                         '3 passed, 0 failed, 1 skipped')

    def test_serial_output_is_logged(self):
        self.run_harness('pass')
        with open(os.path.join(self.log_dir, 'small.log'), 'rb') as log:
            text = log.read()
        self.assertTrue(text.startswith(b'Ferry 0.1'))
        self.assertIn(b'    ok 1 adds\r\n', text)

    def test_qemu_gets_the_common_arguments(self):
        args_file = os.path.join(self.tmp.name, 'args')
        self.run_harness('pass', extra_env={'FAKE_QEMU_ARGS_FILE': args_file})
        with open(args_file) as saved:
            args = saved.read().split()
        for expected in ('-no-reboot', '-nic', '-display', '-monitor',
                         'isa-debug-exit,iobase=0xf4,iosize=0x04',
                         '-cdrom', 'build/test-iso/small.iso'):
            self.assertIn(expected, args)
        self.assertEqual(args[args.index('-m') + 1], '64M')
        self.assertEqual(args[args.index('-serial') + 1], 'stdio')
        self.assertEqual(args[args.index('-accel') + 1], 'tcg')
        self.assertEqual(args[args.index('-cpu') + 1], 'max')

    def test_pvh_configuration_boots_the_kernel_itself(self):
        # `boot = pvh`: QEMU gets the kernel, the initrd and the command
        # line (-append), no ISO.
        args_file = os.path.join(self.tmp.name, 'args')
        status, output = self.run_harness(
            'pass', config='pvh', extra_env={'FAKE_QEMU_ARGS_FILE': args_file})
        self.assertEqual(status, 0, output)
        with open(args_file) as saved:
            args = saved.read().splitlines()
        self.assertNotIn('-cdrom', args)
        self.assertEqual(args[args.index('-kernel') + 1], 'build/kernel.elf')
        self.assertEqual(args[args.index('-initrd') + 1], 'build/initrd.cpio')
        cmdline = args[args.index('-append') + 1]
        self.assertTrue(cmdline.startswith('ktest=multiboot,'), cmdline)
        self.assertRegex(cmdline, r' ktest_sum=[0-9a-f]{8}$')

    # --- failing runs ----------------------------------------------------

    def test_failing_case(self):
        output = self.assertFailsWith('fail', 'FAIL small sample.fails')
        self.assertIn('    Expected after == before, but', output)
        self.assertEqual(self.final_line(output), '3 passed, 1 failed')

    def test_kernel_panic(self):
        self.assertFailsWith(
            'panic', 'FAIL small: kernel panic: page fault in kernel mode')

    def test_triple_fault(self):
        self.assertFailsWith(
            'triple', 'FAIL small: QEMU exited with status 0 without '
                      'finishing the tests (triple fault or reset?)')

    def test_hang(self):
        pid_file = os.path.join(self.tmp.name, 'pid')
        start = time.monotonic()
        status, output = self.run_harness(
            'hang', '--timeout', '2',
            extra_env={'FAKE_QEMU_PID_FILE': pid_file})
        self.assertEqual(status, 1, output)
        self.assertIn('FAIL small: hang: no exit after 2 s; '
                      'last line: ok 1 works', output)
        self.assertLess(time.monotonic() - start, 30)
        # The hung emulator must not be left running.
        with open(pid_file) as saved:
            pid = int(saved.read())
        with self.assertRaises(ProcessLookupError):
            os.kill(pid, 0)

    def test_truncated_stream(self):
        output = self.assertFailsWith(
            'truncated', 'FAIL small: no result for sample.#2')
        self.assertIn('FAIL small: no result for sample.#3', output)
        self.assertEqual(self.final_line(output), '1 passed, 2 failed')

    def test_no_ktap_output(self):
        self.assertFailsWith('garbage', 'no "KTAP version" line found')

    def test_exit_status_disagrees_with_ktap(self):
        self.assertFailsWith('disagree', 'exit status disagrees with KTAP')

    def test_filter_matching_nothing(self):
        output = self.assertFailsWith(
            'nomatch', "FAIL small: no test matched the filter 'pmm.*' "
                       "(kernel: kunit: no test matches ktest=pmm.*)",
            '--filter', 'pmm.*')
        self.assertNotIn('disagrees', output)
        self.assertEqual(self.final_line(output), '0 passed, 1 failed')

    def test_empty_run_reported_as_passing_still_fails(self):
        output = self.assertFailsWith('empty', 'no test matched the filter')
        self.assertEqual(self.final_line(output), '0 passed, 1 failed')

    def test_missing_emulator(self):
        status, output = self.run_harness(
            'pass', extra_env={'QEMU': os.path.join(self.tmp.name, 'none')})
        self.assertEqual(status, 1, output)
        self.assertIn('FAIL small: cannot start', output)

    # --- the panic stage -------------------------------------------------

    def test_panic_stage_passes(self):
        status, output = self.run_harness('panic-stage', config='panic')
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r'\npanic: 3 passed, 0 failed in [0-9.]+ s\n')

    def test_panic_stage_boots_its_machine(self):
        args_file = os.path.join(self.tmp.name, 'args')
        self.run_harness('panic-stage', config='panic',
                         extra_env={'FAKE_QEMU_ARGS_FILE': args_file})
        with open(args_file) as saved:
            args = saved.read().split()
        self.assertEqual(args[args.index('-smp') + 1], '3')
        self.assertIn('build/test-iso/panic.iso', args)

    def assertPanicStageFails(self, script, expected):
        status, output = self.run_harness(script, config='panic')
        self.assertEqual(status, 1, output)
        self.assertIn(expected, output)
        return output

    def test_panic_stage_late_printer(self):
        output = self.assertPanicStageFails(
            'panic-late', 'FAIL panic: panic.other_cpus_stopped: 1 line(s) '
                          'of the other CPUs after the panic message')
        self.assertNotIn('panic.waited', output)

    def test_panic_stage_no_wait(self):
        output = self.assertPanicStageFails(
            'panic-no-wait', 'FAIL panic: panic.waited: QEMU exited')
        self.assertIn('panic=1 waits 1 s', output)
        self.assertNotIn('panic.other_cpus_stopped', output)

    def test_panic_stage_without_a_panic(self):
        output = self.assertPanicStageFails(
            'pass', 'FAIL panic: panic.panicked: no "Kernel panic" line; '
                    'QEMU exited with status 33')
        self.assertEqual(self.final_line(output), '0 passed, 3 failed')

    # --- other options ---------------------------------------------------

    def test_list_shows_command_lines(self):
        status, output = self.run_harness('pass', '--list',
                                          '--filter', 'pmm.*')
        self.assertEqual(status, 0, output)
        self.assertIn('-device edu', output)
        self.assertIn('-cdrom build/test-iso/small.iso -boot d', output)
        prefix = ('ktest=pmm.* ktest_ram=64 panic=-1 dma_debug ktest_cpus=1 '
                  'ktest_machine=pc ktest_numa=none ktest_edu=2:1')
        checksum = format(zlib.crc32(prefix.encode()), '08x')
        self.assertIn(f'{prefix} ktest_sum={checksum}\n', output)

    def test_list_shows_numa_options(self):
        status, output = self.run_harness('pass', '--list', '--config',
                                          'numa4')
        self.assertEqual(status, 0, output)
        line = next(line for line in output.splitlines()
                    if 'ktest_ram=6144' in line)
        self.assertRegex(line, r' ktest_cpus=4 ktest_machine=q35 '
                               r'ktest_numa=1:1024/2:3072/4:2048/8:0 '
                               r'ktest_dist=10\.30\.15\.25\.32\.[0-9.]+ '
                               r'ktest_edu=2:0 ktest_sum=[0-9a-f]{8}$')
        self.assertIn(' ktest_edu_wide=0000:00:0a.0 ', line)

    def test_configuration_tests_restrict_the_filter(self):
        status, output = self.run_harness('pass', '--list', '--filter',
                                          'numa*,printk,slab.kmalloc*',
                                          config='numa0cpu')
        self.assertEqual(status, 0, output)
        self.assertIn(' ktest=numa,slab.kmalloc* ktest_ram=384 ', output)

    def test_configuration_with_nothing_to_run_is_not_booted(self):
        args_file = os.path.join(self.tmp.name, 'args')
        status, output = self.run_harness(
            'pass', '--config', 'numa0cpu', '--filter', 'sample,basics',
            extra_env={'FAKE_QEMU_ARGS_FILE': args_file})
        self.assertEqual(status, 0, output)
        self.assertIn('numa0cpu: 0 passed, 0 failed in 0.0 s (not booted: '
                      '--filter sample,basics selects none of its tests',
                      output)
        with open(args_file) as saved:          # only small was booted
            self.assertIn('build/test-iso/small.iso', saved.read())
        self.assertEqual(self.final_line(output), '4 passed, 0 failed')
        # Alone, it must not pass as a green run of nothing.
        status, output = self.run_harness('pass', '--filter', 'printk',
                                          config='numa0cpu')
        self.assertEqual(status, 1, output)
        self.assertIn('FAIL configurations: --filter printk selects none of '
                      'the tests of the configurations chosen', output)
        self.assertEqual(self.final_line(output), '0 passed, 1 failed')

    def test_command_line_too_long_is_refused(self):
        status, output = self.run_harness('pass', '--filter',
                                          ','.join(['printk.*'] * 250))
        self.assertEqual(status, 2, output)
        self.assertIn('[small]: the kernel command line would be', output)
        self.assertIn('the kernel keeps 2047', output)

    def test_unknown_configuration(self):
        status, output = self.run_harness('pass', '--config', 'nosuch')
        self.assertEqual(status, 2, output)
        self.assertIn('unknown configuration nosuch', output)
        self.assertIn(', panic, e2e', output)


class HarnessInternals(unittest.TestCase):
    """Pieces of tests/run checked directly, in this process."""

    @classmethod
    def setUpClass(cls):
        cls.harness = load_run_module()

    def test_memory_sizes(self):
        self.assertEqual(self.harness.memory_to_mib('64M'), 64)
        self.assertEqual(self.harness.memory_to_mib('1G'), 1024)
        self.assertEqual(self.harness.memory_to_mib('512'), 512)
        with self.assertRaises(ValueError):
            self.harness.memory_to_mib('lots')

    def test_cmdline_checksum_is_last(self):
        line = self.harness.kernel_cmdline('all', 64)
        prefix, _, checksum = line.rpartition(' ktest_sum=')
        self.assertEqual(prefix, 'ktest=all ktest_ram=64 panic=-1')
        self.assertEqual(checksum, format(zlib.crc32(prefix.encode()), '08x'))

    def test_panic_stage_cmdline(self):
        line = self.harness.PANIC_CONFIG.kernel_cmdline('panic')
        self.assertTrue(line.startswith('ktest=panic ktest_ram=128 panic=1 '
                                        'ktest_panic ktest_cpus=3 '), line)

    def test_configurations_in_file_order(self):
        configs = self.harness.load_configs()
        self.assertEqual([c.name for c in configs][:4],
                         ['small', 'numa2', 'numa4', 'numa3'])
        numa2 = configs[1]
        self.assertEqual(numa2.ram_mib(), 1024)
        self.assertEqual(numa2.devices, ['-device', 'edu', '-device', 'edu',
                                         '-device', 'virtio-rng-pci'])
        self.assertEqual(numa2.numa.count('-numa'), 2)

    def test_restrict_filter(self):
        restrict = self.harness.restrict_filter
        suites = ['acpi', 'numa', 'page_alloc', 'slab']
        self.assertEqual(restrict('all', []), 'all')
        self.assertEqual(restrict('pri*.x', []), 'pri*.x')
        self.assertEqual(restrict('all', suites), 'acpi,numa,page_alloc,slab')
        self.assertEqual(restrict('numa*,acpi*,page_alloc*,slab*', suites),
                         'numa,acpi,page_alloc,slab')
        self.assertEqual(restrict('*l*.x?,all', suites),
                         'page_alloc.x?,slab.x?,acpi,numa,page_alloc,slab')
        self.assertEqual(restrict('[ns]*,numa', suites), 'numa,slab')
        self.assertIsNone(restrict('printk,string.*', suites))
        self.assertIsNone(restrict('none', suites))

    def test_configuration_tests_field(self):
        configs = {c.name: c for c in self.harness.load_configs()}
        self.assertEqual(configs['small'].tests, [])
        self.assertIn('page_alloc', configs['numa0cpu'].tests)
        self.assertIsNone(configs['numa0cpu'].test_filter('printk'))
        with tempfile.NamedTemporaryFile('w', suffix='.conf') as conf:
            conf.write('[bad]\nmachine = pc\nsmp = 1\nmemory = 64M\n'
                       'tests = acpi, numa*\n')
            conf.flush()
            with contextlib.redirect_stderr(io.StringIO()) as err, \
                    self.assertRaises(SystemExit):
                self.harness.load_configs(conf.name)
        self.assertIn("[bad]: tests: 'numa*' is not a suite name",
                      err.getvalue())
        self.assertEqual(configs['small'].boot, 'grub')
        self.assertEqual(configs['pvh'].boot, 'pvh')
        with tempfile.NamedTemporaryFile('w', suffix='.conf') as conf:
            conf.write('[bad]\nmachine = pc\nsmp = 1\nmemory = 64M\n'
                       'boot = floppy\n')
            conf.flush()
            with contextlib.redirect_stderr(io.StringIO()) as err, \
                    self.assertRaises(SystemExit):
                self.harness.load_configs(conf.name)
        self.assertIn("[bad]: boot = 'floppy', not one of grub, pvh",
                      err.getvalue())

    def test_unittest_recorder_maps_outcomes(self):
        class Sample(unittest.TestCase):
            def test_pass(self):
                pass

            def test_fail(self):
                self.fail('boom')

            def test_error(self):
                raise RuntimeError('bang')

            @unittest.skip('not now')
            def test_skip(self):
                pass

        recorder = self.harness._UnittestRecorder()
        unittest.defaultTestLoader.loadTestsFromTestCase(Sample).run(recorder)
        by_method = {r.name.rsplit('.', 1)[-1]: r for r in recorder.recorded}
        self.assertEqual({name: r.status for name, r in by_method.items()}, {
            'test_pass': 'pass', 'test_fail': 'fail',
            'test_error': 'fail', 'test_skip': 'skip'})
        self.assertIn('AssertionError: boom',
                      '\n'.join(by_method['test_fail'].diagnostics))
        self.assertIn('RuntimeError: bang',
                      '\n'.join(by_method['test_error'].diagnostics))


class MachineTopology(unittest.TestCase):
    """The ktest_cpus/machine/numa/dist options derived from QEMU's args."""

    @classmethod
    def setUpClass(cls):
        cls.harness = load_run_module()
        cls.configs = {c.name: c for c in cls.harness.load_configs()}

    def topology(self, text):
        """The Topology of QEMU arguments written as one string."""
        return self.harness.machine_topology(text.split())

    def options(self, text):
        return self.topology(text).kernel_options()

    def test_no_numa(self):
        self.assertEqual(self.configs['small'].topology().kernel_options(),
                         ['ktest_cpus=1', 'ktest_machine=pc',
                          'ktest_numa=none', 'ktest_edu=2:1'])
        self.assertEqual(self.options('-machine q35 -m 1G'),
                         ['ktest_cpus=1', 'ktest_machine=q35',
                          'ktest_numa=none', 'ktest_edu=0:0'])

    def test_edu_devices_behind_bridges(self):
        self.assertEqual(self.options(
            '-device edu -device pcie-root-port,id=rp1,chassis=1 '
            '-device edu,bus=rp1 -device edu,bus=pcie.0 '
            '-device pci-bridge,id=br1,chassis_nr=2 '
            '-device edu,bus=br1,addr=1 -device virtio-rng')[-1],
            'ktest_edu=4:2')

    def test_configured_machines(self):
        expected = {
            'numa2': ['ktest_cpus=4', 'ktest_machine=q35',
                      'ktest_numa=3:512/c:512', 'ktest_dist=10.20.20.10',
                      'ktest_edu=2:0'],
            'numa4': ['ktest_cpus=4', 'ktest_machine=q35',
                      'ktest_numa=1:1024/2:3072/4:2048/8:0',
                      'ktest_dist=10.30.15.25.32.10.24.16.'
                      '17.26.10.21.27.18.23.10', 'ktest_edu=2:0'],
            'numa3': ['ktest_cpus=2', 'ktest_machine=q35',
                      'ktest_numa=1:512/2:0/0:256',
                      'ktest_dist=10.20.20.20.10.20.20.20.10',
                      'ktest_edu=2:1'],
            # QEMU's node 0 has no CPU: the kernel calls it node 1.
            'numa0cpu': ['ktest_cpus=2', 'ktest_machine=q35',
                         'ktest_numa=0:256/3:128', 'ktest_dist=10.20.20.10',
                         'ktest_edu=0:0'],
        }
        for name, options in expected.items():
            with self.subTest(name):
                self.assertEqual(
                    self.configs[name].topology().kernel_options(), options)

    def test_numa4_fallback_order_is_not_node_order(self):
        distance = self.configs['numa4'].topology().distance
        nearest = [min((d, to) for to, d in enumerate(row) if to != frm)[1]
                   for frm, row in enumerate(distance)]
        self.assertEqual(nearest, [2, 3, 0, 1])
        self.assertNotEqual(distance, [list(r) for r in zip(*distance)])

    def test_memory_sizes_cover_ram(self):
        for config in self.configs.values():
            topology = config.topology()
            if topology.node_mib:
                self.assertEqual(sum(topology.node_mib), config.ram_mib(),
                                 config.name)

    def test_smp_and_machine_forms(self):
        cases = {
            '-smp 4': 4, '-smp 4,sockets=2': 4, '-smp cpus=3': 3,
            '-smp sockets=2,cores=3': 6, '-smp threads=2,cores=2,dies=2': 8,
            '': 1,
        }
        for args, cpus in cases.items():
            with self.subTest(args):
                self.assertEqual(self.harness.smp_cpus(args.split()), cpus)
        machines = {
            '-machine q35': 'q35', '-machine pc': 'pc',
            '-M pc-q35-7.2': 'q35', '-machine type=q35,accel=tcg': 'q35',
            '-machine pc-i440fx-7.2,usb=off': 'pc', '': 'pc',
        }
        for args, machine in machines.items():
            with self.subTest(args):
                self.assertEqual(self.harness.machine_chipset(args.split()),
                                 machine)

    def test_node_cpus_and_ids(self):
        topology = self.topology(
            '-smp 5 -object memory-backend-ram,id=a,size=64M '
            '-numa node,cpus=0-1,cpus=3,memdev=a '
            '-numa node,nodeid=1,cpus=2 -numa node,cpus=4')
        self.assertEqual(topology.node_cpus, [0b1011, 0b100, 0b10000])
        self.assertEqual(topology.node_mib, [64, 0, 0])

    def test_bad_numa_options(self):
        bad = {
            'CPU in no node': '-smp 2 -numa node,nodeid=0,cpus=0',
            'CPU in two nodes': '-smp 2 -numa node,cpus=0-1 '
                                '-numa node,cpus=1',
            'CPU that does not exist': '-smp 1 -numa node,cpus=0-1',
            'node ids with a gap': '-smp 2 -numa node,nodeid=0,cpus=0 '
                                   '-numa node,nodeid=2,cpus=1',
            'node given twice': '-smp 2 -numa node,nodeid=0,cpus=0 '
                                '-numa node,nodeid=0,cpus=1',
            'unknown memdev': '-numa node,cpus=0,memdev=nosuch',
        }
        for what, args in bad.items():
            with self.subTest(what), \
                    self.assertRaises((ValueError, KeyError)):
                self.options(args)

    TWO_NODES = ('-smp 2 -numa node,nodeid=0,cpus=0 '
                 '-numa node,nodeid=1,cpus=1 ')
    THREE_NODES = ('-smp 3 -numa node,cpus=0 -numa node,cpus=1 '
                   '-numa node,cpus=2 ')

    def test_distances_default_and_symmetric(self):
        # No -numa dist: QEMU builds no SLIT; 10 local, 20 remote.
        self.assertEqual(self.topology(self.THREE_NODES).distance,
                         [[10, 20, 20], [20, 10, 20], [20, 20, 10]])
        # One direction per pair: QEMU copies it to the other.
        topology = self.topology(
            self.THREE_NODES + '-numa dist,src=0,dst=1,val=15 '
            '-numa dist,src=2,dst=0,val=25 -numa dist,src=1,dst=2,val=35 '
            '-numa dist,src=1,dst=1,val=10')
        self.assertEqual(topology.distance,
                         [[10, 15, 25], [15, 10, 35], [25, 35, 10]])

    def test_asymmetric_distances(self):
        topology = self.topology(
            self.TWO_NODES + '-numa dist,src=0,dst=1,val=30 '
            '-numa dist,src=1,dst=0,val=40')
        self.assertEqual(topology.distance, [[10, 30], [40, 10]])
        self.assertIn('ktest_dist=10.30.40.10', topology.kernel_options())

    def test_bad_distances(self):
        bad = {
            'pair missing': self.THREE_NODES +
                '-numa dist,src=0,dst=1,val=15 -numa dist,src=0,dst=2,val=25',
            'asymmetric but incomplete': self.THREE_NODES +
                '-numa dist,src=0,dst=1,val=15 -numa dist,src=1,dst=0,val=16 '
                '-numa dist,src=0,dst=2,val=25 -numa dist,src=1,dst=2,val=35',
            'below 10': self.TWO_NODES + '-numa dist,src=0,dst=1,val=9',
            'local not 10': self.TWO_NODES + '-numa dist,src=0,dst=1,val=20 '
                '-numa dist,src=0,dst=0,val=11',
            'no such node': self.TWO_NODES + '-numa dist,src=0,dst=2,val=20',
        }
        for what, args in bad.items():
            with self.subTest(what), self.assertRaises(ValueError):
                self.options(args)

    def test_options_go_before_the_checksum(self):
        options = self.configs['numa4'].topology().kernel_options()
        line = self.harness.kernel_cmdline('acpi', 6144, options)
        prefix, _, checksum = line.rpartition(' ktest_sum=')
        self.assertEqual(prefix, 'ktest=acpi ktest_ram=6144 panic=-1 '
                         + ' '.join(options))
        self.assertEqual(checksum, format(zlib.crc32(prefix.encode()), '08x'))
        # GRUB must pass every value through untouched.
        for option in options:
            self.assertRegex(option, r'^ktest_[a-z]+=[0-9A-Za-z.:/]+$')

    def test_bad_configuration_is_refused(self):
        with tempfile.NamedTemporaryFile('w', suffix='.conf') as conf:
            conf.write('[bad]\nmachine = q35\nsmp = 2\nmemory = 1G\n'
                       'numa = -numa node,nodeid=0,cpus=0\n')
            conf.flush()
            with contextlib.redirect_stderr(io.StringIO()) as err, \
                    self.assertRaises(SystemExit) as stop:
                self.harness.load_configs(conf.name)
        self.assertEqual(stop.exception.code, 2)
        self.assertIn('[bad]: every CPU must be in a NUMA node',
                      err.getvalue())


class ClangStage(unittest.TestCase):
    """--clang: `make clang-check`, here a stand-in command, judged."""

    def setUp(self):
        self.harness = load_run_module()
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.args = self.harness.parse_arguments(
            ['--clang', '--log-dir', tmp.name])

    def check(self, script):
        """Run `script` (Python) as the clang build; return its Outcome."""
        command = [sys.executable, '-c', script]
        with mock.patch.object(self.harness.clang, 'CLANG_CHECK_COMMAND',
                               command):
            return self.harness.ClangCheck(self.args).finish()

    def test_clean_build_passes(self):
        outcome = self.check('print("  CC      kernel/main.c")')
        self.assertEqual(outcome.label, 'build:clang')
        self.assertEqual(outcome.counts(), (1, 0, 0))

    def test_clang_warning_fails_with_the_message(self):
        outcome = self.check(
            'import sys\n'
            'print("  UCC     user/usertests/efault.c")\n'
            'print("user/usertests/efault.c:487:41: error: adding \'long\' '
            'to a string does not append to the string '
            '[-Werror,-Wstring-plus-int]")\n'
            'print("1 error generated.")\n'
            'sys.exit(2)')
        self.assertEqual(outcome.counts(), (0, 1, 0))
        failure = outcome.results[0]
        self.assertIn('does not build with clang -Werror', failure.reason)
        self.assertIn('exited with status 2', failure.reason)
        # The compiler's messages, not the build's progress lines.
        self.assertIn('efault.c:487:41: error:', failure.diagnostics[0])
        self.assertEqual(failure.diagnostics[1:], ['1 error generated.'])

    def test_clang_needs_a_build(self):
        with contextlib.redirect_stderr(io.StringIO()), \
                self.assertRaises(SystemExit) as stop:
            self.harness.parse_arguments(['--clang', '--no-build'])
        self.assertEqual(stop.exception.code, 2)


class AccelChoice(unittest.TestCase):
    """--accel auto, with a stand-in /dev/kvm and the fake emulator."""

    def setUp(self):
        self.harness = load_run_module()
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.kvm_device = os.path.join(tmp.name, 'kvm')
        with open(self.kvm_device, 'w'):
            pass
        self.cache = os.path.join(tmp.name, 'kvm-probe')
        self.args = self.harness.parse_arguments(
            ['--accel', 'auto', '--log-dir', tmp.name])
        # Point the harness at the stand-ins; the ISO build does nothing.
        # They are looked up in tests/harness/kvm.py, so patched there.
        for name, value in (('KVM_DEVICE', self.kvm_device),
                            ('KVM_PROBE_FILE', self.cache),
                            ('KVM_PROBE_TIMEOUT', 2),
                            ('build_iso', lambda iso, cmdline: 0)):
            patcher = mock.patch.object(self.harness.kvm, name, value)
            patcher.start()
            self.addCleanup(patcher.stop)

    def choose(self, script):
        """Run choose_accel with the fake emulator; return (accel, output)."""
        output = io.StringIO()
        env = {'QEMU': FAKE_QEMU, 'FAKE_QEMU_SCRIPT': script}
        with mock.patch.dict(os.environ, env), \
                contextlib.redirect_stdout(output):
            accel = self.harness.choose_accel(self.args,
                                              self.harness.load_configs())
        return accel, output.getvalue()

    def test_probe_boot_that_finishes_picks_kvm(self):
        accel, output = self.choose('pass')
        self.assertEqual(accel, 'kvm')
        self.assertEqual(output, 'accel: KVM probe boot finished normally; '
                                 'using KVM\n')
        with open(self.cache) as cache:
            self.assertEqual(cache.readline(), 'kvm\n')

    def test_hanging_probe_boot_picks_tcg(self):
        accel, output = self.choose('hang')
        self.assertEqual(accel, 'tcg')
        self.assertEqual(output, 'accel: KVM probe boot did not finish in '
                                 '2 s; using TCG\n')

    def test_cached_verdict_is_used_without_booting(self):
        self.choose('triple')                  # caches 'tcg'
        accel, output = self.choose('pass')    # would say kvm if it booted
        self.assertEqual(accel, 'tcg')
        self.assertIn('cached in build/kvm-probe', output)

    def test_missing_device_picks_tcg_without_caching(self):
        os.remove(self.kvm_device)
        accel, output = self.choose('pass')
        self.assertEqual(accel, 'tcg')
        self.assertIn('does not exist; using TCG', output)
        self.assertFalse(os.path.exists(self.cache))


if __name__ == '__main__':
    unittest.main()
