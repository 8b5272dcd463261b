"""Unit tests for the benchmark tools: tools/bench_linux.py (parsing both
kernels' lines, pairing names, medians over boots, ratios and targets,
timing a line of a program's output, telling our emulators from the
host's others), tools/bench_baseline.py (flagging a run against the
baseline), tools/bench_metrics.py, and tools/bench.py's boot-time metrics.

No QEMU runs: the boots are given as the lines a kernel prints, and the
boot-time metrics time tests/host/fake_shell.py standing in for QEMU.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_bench_tools.py' -v
"""

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest

TOOLS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), 'tools')
sys.path.insert(0, TOOLS)
import bench  # noqa: E402  (needs the path set just above)
import bench_baseline  # noqa: E402
import bench_linux  # noqa: E402
import bench_metrics  # noqa: E402

FAKE_SHELL = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          'fake_shell.py')

LINUX_OUT = """\
[    4.66] ferry_bench: loading out-of-tree module taints kernel.
bench.page_pair_order0=2000 min=1900 max=2500 batches=11 ops=1000
bench.page_pair_local=1500 min=1400 max=1600 batches=11 ops=1000
bench.scale2_page_pair=180 min=150 max=190 batches=11 ops=139760 unit=%
bench: page_pair_remote skipped: no second node with memory
[    5.74] bench: kmalloc_pair_8 failed: 3 of 1000 operations
bench: kmalloc_pair_8 failed: 3 of 1000 operations
"""


def boot(kernel, rnd, **medians):
    return {'kernel': kernel, 'round': rnd,
            'metrics': {n: {'median': v, 'unit': '%' if n.startswith('scale2')
                            else bench_linux.DEFAULT_UNIT}
                        for n, v in medians.items()}}


class ParseTest(unittest.TestCase):
    def test_lines_units_skips_and_failures(self):
        metrics, skipped, failed = bench_linux.parse_lines(LINUX_OUT)
        self.assertEqual(sorted(metrics), ['page_pair_local', 'page_pair_order0',
                                           'scale2_page_pair'])
        self.assertEqual(metrics['page_pair_order0']['median'], 2000)
        self.assertEqual(metrics['page_pair_order0']['max'], 2500)
        self.assertEqual(metrics['page_pair_order0']['unit'], 'TSC cycles/op')
        self.assertEqual(metrics['scale2_page_pair']['unit'], '%')
        self.assertEqual(skipped, {'page_pair_remote': 'no second node with memory'})
        self.assertEqual(list(failed), ['kmalloc_pair_8'])

    def test_linux_names_become_ferrys(self):
        named = bench_linux.to_common_names(bench_linux.parse_lines(LINUX_OUT)[0])
        self.assertIn('page_pair_node_local', named)
        self.assertNotIn('page_pair_local', named)
        self.assertEqual(bench_metrics.linux_name('page_pair_node_remote'),
                         'page_pair_remote')
        self.assertEqual(bench_metrics.linux_name('kmalloc_pair_64'), 'kmalloc_pair_64')


class SummaryTest(unittest.TestCase):
    BOOTS = [boot('ferry', 0, page_pair_order0=500, kmalloc_pair_64=600),
             boot('linux', 0, page_pair_order0=2500, kmalloc_pair_64=1000),
             boot('linux', 1, page_pair_order0=1500, kmalloc_pair_64=1000),
             boot('ferry', 1, page_pair_order0=300, kmalloc_pair_64=400),
             boot('ferry', 2, page_pair_order0=400, kmalloc_pair_64=500),
             boot('linux', 2, page_pair_order0=2000, kmalloc_pair_64=1000)]

    def sides(self):
        return [bench_linux.summarize(*bench_linux.per_boot(self.BOOTS, k))
                for k in ('ferry', 'linux')]

    def test_median_and_spread_over_boots(self):
        ferry, linux = self.sides()
        self.assertEqual(ferry['page_pair_order0']['median'], 400)
        self.assertEqual((ferry['page_pair_order0']['min'],
                          ferry['page_pair_order0']['max']), (300, 500))
        self.assertEqual(linux['page_pair_order0']['boots'], [2500, 1500, 2000])

    def test_ratio_of_medians_and_spread_of_rounds(self):
        ferry, linux = self.sides()
        r = bench_linux.compare(ferry, linux, self.BOOTS)['page_pair_order0']
        self.assertAlmostEqual(r['ratio'], 400 / 2000)
        self.assertAlmostEqual(r['min'], 0.2)      # rounds: 0.2, 0.2, 0.2
        self.assertAlmostEqual(r['max'], 0.2)
        self.assertTrue(r['target']['met'])         # <= 0.25
        k = bench_linux.compare(ferry, linux, self.BOOTS)['kmalloc_pair_64']
        self.assertAlmostEqual(k['ratio'], 0.5)
        self.assertTrue(k['target']['met'])         # <= 0.5, just
        self.assertAlmostEqual(k['max'], 0.6)

    def test_one_sided_metric_has_no_ratio(self):
        ferry, linux = self.sides()
        linux['copy_to_user_8'] = {'median': 100, 'min': 100, 'max': 100,
                                   'unit': 'TSC cycles/op'}
        self.assertNotIn('copy_to_user_8', bench_linux.compare(ferry, linux, self.BOOTS))


class WithinTest(unittest.TestCase):
    def test_copy_speed_and_scaling(self):
        cyc = bench_linux.DEFAULT_UNIT
        ferry = {'copy_to_user_4096': {'median': 1000, 'unit': cyc},
                 'memcpy_4096': {'median': 900, 'unit': cyc},
                 'scale2_page_pair': {'median': 195, 'unit': '%'}}
        linux = {'copy_to_user_4096': {'median': 1000, 'unit': cyc},
                 'memcpy_4096': {'median': 1000, 'unit': cyc}}
        rows = {r['metric']: r for r in bench_linux.within(ferry, linux)}
        copy = rows['copy_to_user_4096']
        self.assertAlmostEqual(copy['ferry'], 0.9)
        self.assertFalse(copy['met'])               # >= 0.95
        self.assertAlmostEqual(copy['linux'], 1.0)
        scale = rows['scale2_page_pair']
        self.assertAlmostEqual(scale['ferry'], 1.95)
        self.assertTrue(scale['met'])               # >= 1.9
        self.assertNotIn('linux', scale)

    def test_boot_times_against_their_bounds(self):
        ferry = {'boot_to_prompt_ms': {'median': 180, 'unit': 'ms'},
                 'boot_to_prompt_grub_ms': {'median': 650, 'unit': 'ms'}}
        linux = {'boot_to_init_ms': {'median': 1500, 'unit': 'ms'}}
        rows = {r['metric']: r for r in bench_linux.within(ferry, linux)}
        fast, grub = rows['boot_to_prompt_ms'], rows['boot_to_prompt_grub_ms']
        self.assertEqual((fast['ferry'], fast['target']), (180, 250))
        self.assertTrue(fast['met'])
        self.assertEqual(fast['linux'], 1500)       # Linux's to its init
        self.assertEqual(fast['linux_metric'], 'boot_to_init_ms')
        self.assertFalse(grub['met'])               # <= 600
        self.assertNotIn('linux', grub)
        self.assertNotIn('boot_to_prompt_ms', bench_linux.within({}, {}))

    def test_merged_order_keeps_groups(self):
        self.assertEqual(bench_linux.merged_order(['a', 'c', 'x'], ['a', 'b', 'c', 'd']),
                         ['a', 'b', 'c', 'd', 'x'])


class TimedRunTest(unittest.TestCase):
    """bench_linux.run_timed(): when a line came, and the timeout."""

    def test_marker_time(self):
        out, at = bench_linux.run_timed(
            ['sh', '-c', 'echo one; sleep 0.3; echo "bench: init running"; echo two'],
            10, bench_linux.INIT_MARKER)
        self.assertEqual(out.splitlines(), ['one', 'bench: init running', 'two'])
        self.assertGreaterEqual(at, 300)
        self.assertIsNone(bench_linux.run_timed(['true'], 10, 'x')[1])

    def test_timeout(self):
        with self.assertRaises(subprocess.TimeoutExpired):
            bench_linux.run_timed(['sleep', '5'], 0.3, 'x')


class BootTimeTest(unittest.TestCase):
    """tools/bench.py's boot_to_prompt metrics, with the fake console in
    QEMU's place (make print-qemu-run then prints it)."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.log = os.path.join(self.tmp.name, 'boot.log')
        env = {'QEMU': FAKE_SHELL, 'FAKE_SHELL_SCRIPT': 'good', 'GRUB': ''}
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        self.addCleanup(lambda: [os.environ.pop(k, None) if v is None else
                                 os.environ.__setitem__(k, v)
                                 for k, v in saved.items()])

    def test_both_boots_timed(self):
        metrics, failed = bench.boot_metrics('all', 2, self.log)
        self.assertEqual(failed, {})
        self.assertEqual(sorted(metrics), ['boot_to_prompt_grub_ms',
                                           'boot_to_prompt_ms'])
        m = metrics['boot_to_prompt_ms']
        self.assertEqual((m['unit'], m['batches'], len(m['boots'])), ('ms', 2, 2))
        self.assertTrue(0 < m['min'] <= m['median'] <= m['max'])

    def test_glob_selects(self):
        metrics, _ = bench.boot_metrics('boot_to_prompt_grub*', 1, self.log)
        self.assertEqual(list(metrics), ['boot_to_prompt_grub_ms'])
        self.assertEqual(bench.boot_metrics('kmalloc*', 1, self.log), ({}, {}))

    def test_no_prompt_fails_the_metric(self):
        os.environ['FAKE_SHELL_SCRIPT'] = 'no_prompt'
        saved, bench.BOOT_TIMEOUT = bench.BOOT_TIMEOUT, 1
        self.addCleanup(setattr, bench, 'BOOT_TIMEOUT', saved)
        metrics, failed = bench.boot_metrics('boot_to_prompt_ms', 1, self.log)
        self.assertEqual(metrics, {})
        self.assertIn('no prompt', failed['boot_to_prompt_ms'])


class BaselineTest(unittest.TestCase):
    CYCLES = {'median': 100, 'min': 90, 'max': 110, 'unit': 'TSC cycles/op'}
    GAIN = {'median': 150, 'min': 140, 'max': 160, 'unit': '%'}

    def test_flag_outside_widened_range(self):
        self.assertIsNone(bench_baseline.flag(120, self.CYCLES))     # <= 121
        self.assertIsNone(bench_baseline.flag(82, self.CYCLES))      # >= 81.8
        self.assertEqual(bench_baseline.flag(122, self.CYCLES), 'worse')
        self.assertEqual(bench_baseline.flag(80, self.CYCLES), 'better')

    def test_flag_gain_higher_is_better(self):
        self.assertEqual(bench_baseline.flag(180, self.GAIN), 'better')
        self.assertEqual(bench_baseline.flag(120, self.GAIN), 'worse')

    def check(self, base, run):
        with tempfile.TemporaryDirectory() as tmp:
            paths = [os.path.join(tmp, n) for n in ('base.json', 'run.json')]
            for p, d in zip(paths, (base, run)):
                with open(p, 'w') as f:
                    json.dump(d, f)
            args = type('Args', (), {'baseline': paths[0], 'run': paths[1]})
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                self.assertEqual(bench_baseline.check(args), 0)
            return out.getvalue()

    def test_check_reports_the_changed_metric(self):
        base = {'machine': 'm', 'boots': 5, 'metrics': {'a': self.CYCLES, 'b': self.CYCLES}}
        run = {'machine': 'm', 'metrics': {'a': {'median': 100}, 'b': {'median': 200},
                                           'c': {'median': 1}}}
        out = self.check(base, run)
        self.assertIn('1 within the noise, 1 outside it', out)
        self.assertRegex(out, r'\n  b .*worse')
        self.assertIn('not in the baseline: c', out)

    def test_check_skips_another_machine(self):
        base = {'machine': 'm', 'boots': 5, 'metrics': {'a': self.CYCLES}}
        run = {'machine': 'other', 'metrics': {'a': {'median': 500}}}
        self.assertIn('not compared', self.check(base, run))


class EmulatorTest(unittest.TestCase):
    """A QEMU-named process of ours does not count as another emulator;
    one that is not ours does."""

    def fake_qemu(self, tmp):
        path = os.path.join(tmp, 'qemu-system-benchtest')
        os.symlink('/bin/sleep', path)
        return path

    def test_our_child_is_not_another(self):
        with tempfile.TemporaryDirectory() as tmp:
            child = subprocess.Popen([self.fake_qemu(tmp), '10'])
            try:
                time.sleep(0.2)
                self.assertTrue(bench_linux._ours(child.pid))
                self.assertNotIn(child.pid, bench_linux.other_emulators())
            finally:
                child.kill()
                child.wait()

    def test_an_orphan_is_another(self):
        with tempfile.TemporaryDirectory() as tmp:
            # The shell starts it and exits: the emulator is no longer ours.
            pid = int(subprocess.run(
                ['sh', '-c', f'{self.fake_qemu(tmp)} 10 >/dev/null 2>&1 & echo $!'],
                capture_output=True, text=True).stdout)
            try:
                time.sleep(0.2)
                if bench_linux._ours(pid):
                    self.skipTest('this process adopts orphans (a subreaper)')
                self.assertIn(pid, bench_linux.other_emulators())
            finally:
                os.kill(pid, 9)


if __name__ == '__main__':
    unittest.main()
