"""Unit tests for tests/ktap.py, the KTAP parser used by tests/run.

Each test feeds the parser a small KTAP stream, written the way the Ferry
kernel (like Linux KUnit) prints it, and checks the flat list of results:
which cases passed, failed or were skipped, which diagnostic lines went
with which case, and which extra failures the parser reports when the
stream is cut short or malformed.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py' -v
"""

import os
import sys
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import ktap  # noqa: E402  (needs the path set just above)
from ktap import FAIL, PASS, SKIP  # noqa: E402


def parse(text):
    """Results of a KTAP stream given as an indented triple-quoted text."""
    return ktap.results(ktap.parse(textwrap.dedent(text).splitlines()))


def statuses(results):
    """{name: status} of the results the stream reported itself."""
    return {r.name: r.status for r in results if not r.reason}


def reasons(results):
    """The reasons of the failures the parser found itself."""
    return [r.reason for r in results if r.reason]


GOOD = """\
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: pmm
        1..2
        ok 1 alloc_one
        ok 2 free_all
    # pmm: pass:2 fail:0 skip:0 total:2
    ok 1 pmm
        KTAP version 1
        # Subtest: list
        1..1
        ok 1 insert
    # list: pass:1 fail:0 skip:0 total:1
    ok 2 list
    # Totals: pass:3 fail:0 skip:0 total:3
"""


class GoodStreams(unittest.TestCase):

    def test_all_cases_pass(self):
        results = parse(GOOD)
        self.assertEqual(statuses(results), {
            'pmm.alloc_one': PASS, 'pmm.free_all': PASS, 'list.insert': PASS})
        self.assertEqual(reasons(results), [])
        self.assertEqual(ktap.count(results), (3, 0, 0))

    def test_windows_line_endings(self):
        lines = [line + '\r\n' for line in textwrap.dedent(GOOD).splitlines()]
        results = ktap.results(ktap.parse(lines))
        self.assertEqual(ktap.count(results), (3, 0, 0))

    def test_two_space_indentation(self):
        two = textwrap.dedent(GOOD).replace('    ', '  ')
        self.assertEqual(statuses(parse(two)), statuses(parse(GOOD)))

    def test_flat_stream_without_suites(self):
        # What a host test program may print: cases at the top level.
        results = parse("""\
            KTAP version 1
            1..3
            ok 1 first
            not ok 2 second
            ok 3 third # SKIP not today
        """)
        self.assertEqual(statuses(results), {
            'first': PASS, 'second': FAIL, 'third': SKIP})
        self.assertEqual(reasons(results), [])

    def test_empty_plan_has_no_results(self):
        # What the kernel prints when ktest= selects no test.
        self.assertEqual(parse('KTAP version 1\n1..0\n'), [])

    def test_three_levels_name_the_leaves(self):
        results = parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: alloc
                1..1
                    KTAP version 1
                    # Subtest: sizes
                    1..2
                    ok 1 size_4096
                    ok 2 size_8192
                ok 1 sizes
            ok 1 alloc
        """)
        self.assertEqual(statuses(results), {
            'alloc.sizes.size_4096': PASS, 'alloc.sizes.size_8192': PASS})

    def test_old_style_header_without_version_line(self):
        results = parse("""\
            TAP version 14
            1..1
                # Subtest: pmm
                1..1
                ok 1 alloc_one
            ok 1 pmm
        """)
        self.assertEqual(statuses(results), {'pmm.alloc_one': PASS})

    def test_result_without_name_and_with_dash(self):
        results = parse("""\
            KTAP version 1
            1..2
            ok 1
            ok 2 - named
        """)
        self.assertEqual(statuses(results), {'#1': PASS, 'named': PASS})


class FailuresAndSkips(unittest.TestCase):

    STREAM = """\
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: pmm
            1..3
            ok 1 alloc_one
            # free_all: EXPECTATION FAILED at kernel/foo_test.c:88
            Expected after == before, but
                after == 1021
                before == 1024
            not ok 2 free_all
            ok 3 numa_local # SKIP only one node
        # pmm: pass:1 fail:1 skip:1 total:3
        not ok 1 pmm
    """

    def test_statuses(self):
        results = parse(self.STREAM)
        self.assertEqual(statuses(results), {
            'pmm.alloc_one': PASS, 'pmm.free_all': FAIL,
            'pmm.numa_local': SKIP})
        self.assertEqual(ktap.count(results), (1, 1, 1))

    def test_failed_suite_adds_no_failure_of_its_own(self):
        self.assertEqual(reasons(parse(self.STREAM)), [])

    def test_diagnostics_go_to_the_next_result(self):
        by_name = {r.name: r for r in parse(self.STREAM)}
        self.assertEqual(by_name['pmm.free_all'].diagnostics, [
            '# free_all: EXPECTATION FAILED at kernel/foo_test.c:88',
            'Expected after == before, but',
            '    after == 1021',
            '    before == 1024',
        ])
        self.assertEqual(by_name['pmm.alloc_one'].diagnostics, [])
        self.assertEqual(by_name['pmm.numa_local'].diagnostics, [])

    def test_whole_suite_skipped(self):
        results = parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: numa
                1..2
                ok 1 two_nodes # SKIP one node
                ok 2 distances # SKIP one node
            # numa: pass:0 fail:0 skip:2 total:2
            ok 1 numa # SKIP
        """)
        self.assertEqual(ktap.count(results), (0, 0, 2))

    def test_not_ok_with_skip_directive_is_a_skip(self):
        results = parse('KTAP version 1\n1..1\nnot ok 1 x # SKIP no\n')
        self.assertEqual(statuses(results), {'x': SKIP})

    def test_suite_not_ok_while_all_cases_pass(self):
        results = parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: pmm
                1..1
                ok 1 alloc_one
            # pmm: suite_exit left 3 pages allocated
            not ok 1 pmm
        """)
        self.assertEqual(ktap.count(results), (1, 1, 0))
        failure = [r for r in results if r.status == FAIL][0]
        self.assertIn('pmm reported "not ok"', failure.reason)
        self.assertEqual(failure.diagnostics,
                         ['# pmm: suite_exit left 3 pages allocated'])


class Totals(unittest.TestCase):
    """The '# Totals' line must agree with the results."""

    def test_agreeing_totals(self):
        self.assertEqual(reasons(parse(GOOD)), [])

    def test_totals_that_leave_a_suite_out(self):
        # A program suite counted as one case instead of its three.
        results = parse(GOOD.replace('# Totals: pass:3 fail:0 skip:0 total:3',
                                     '# Totals: pass:2 fail:0 skip:0 total:2'))
        self.assertEqual(reasons(results), [
            'top level: "# Totals: pass:2 fail:0 skip:0 total:2" disagrees '
            'with the results: pass:3 fail:0 skip:0 total:3'])
        self.assertEqual(ktap.count(results), (3, 1, 0))

    def test_stream_with_problems_is_not_also_blamed_on_its_totals(self):
        results = parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: prog
                1..2
                ok 1 a
            # prog: prog exited with status 0x9
            not ok 1 prog
            # Totals: pass:1 fail:0 skip:0 total:1
        """)
        self.assertEqual(ktap.count(results), (1, 1, 0))
        self.assertEqual(reasons(results), [
            'no result for prog.#2 (plan announced 2)'])

    def test_total_must_be_the_sum(self):
        results = parse(GOOD.replace('total:3\n', 'total:4\n'))
        self.assertEqual(len(reasons(results)), 1)
        self.assertIn('disagrees with the results', reasons(results)[0])

    def test_stream_without_totals(self):
        self.assertEqual(reasons(parse(GOOD.replace(
            '# Totals: pass:3 fail:0 skip:0 total:3', ''))), [])


class BootNoise(unittest.TestCase):

    def test_noise_before_and_between_lines(self):
        results = parse("""\
            Ferry 0.1 (x86_64) booting
            [mem 0x0000000000000000-0x000000000009fbff] usable
            1..7
            ok 1 not_a_test_yet
            KTAP version 1
            [mem 0x0000000000100000-0x0000000003ffffff] usable
            1..1
            cpu0: apic id 0
                KTAP version 1
                # Subtest: pmm
                1..1
            pmm: 15872 free pages
                ok 1 alloc_one
            ok 1 pmm
            reboot: that's all
        """)
        self.assertEqual(statuses(results), {'pmm.alloc_one': PASS})
        self.assertEqual(reasons(results), [])

    def test_kernel_message_belongs_to_the_running_case(self):
        by_name = {r.name: r for r in parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: traps
                1..2
                ok 1 breakpoint
            Exception 14 (page fault) at rip 0x101234, cr2 0x0
                not ok 2 null_read
            not ok 1 traps
        """)}
        self.assertEqual(by_name['traps.null_read'].diagnostics,
                         ['Exception 14 (page fault) at rip 0x101234, cr2 0x0'])
        self.assertEqual(by_name['traps.breakpoint'].diagnostics, [])

    def test_suite_summary_is_not_a_case_diagnostic(self):
        results = parse(FailuresAndSkips.STREAM)
        for result in results:
            self.assertNotIn('# pmm: pass:1 fail:1 skip:1 total:3',
                             result.diagnostics)


class TruncatedStreams(unittest.TestCase):

    def test_no_ktap_at_all(self):
        results = parse('Ferry 0.1 booting\nTriple fault?\n')
        self.assertEqual(ktap.count(results), (0, 1, 0))
        self.assertIn('no "KTAP version" line', results[0].reason)

    def test_empty_input(self):
        self.assertEqual(ktap.count(parse('')), (0, 1, 0))

    def test_stream_stops_inside_a_suite(self):
        results = parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: pmm
                1..3
                ok 1 alloc_one
            Kernel panic - not syncing: out of memory
        """)
        self.assertEqual(statuses(results), {'pmm.alloc_one': PASS})
        self.assertEqual(reasons(results), [
            'no result for pmm.#2 (plan announced 3)',
            'no result for pmm.#3 (plan announced 3)',
        ])
        # The last words of the kernel go with the case that was running.
        missing = [r for r in results if r.reason]
        self.assertEqual(missing[0].diagnostics,
                         ['Kernel panic - not syncing: out of memory'])
        self.assertEqual(missing[1].diagnostics, [])

    def test_suites_never_started(self):
        results = parse(GOOD.replace('1..2', '1..4', 1))
        self.assertEqual(ktap.count(results), (3, 2, 0))
        self.assertEqual(reasons(results), [
            'no result for #3 (plan announced 4)',
            'no result for #4 (plan announced 4)',
        ])

    def test_suite_stopped_before_its_plan(self):
        # One failure for the suite, none for the cases nobody announced.
        results = parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: pmm
        """)
        self.assertEqual(ktap.count(results), (0, 1, 0))
        self.assertEqual(reasons(results),
                         ['pmm started but printed no test plan'])

    def test_complete_suite_without_its_result_line(self):
        lines = textwrap.dedent(GOOD).splitlines()
        cut = lines.index('    ok 1 insert') + 1
        results = ktap.results(ktap.parse(lines[:cut]))
        self.assertEqual(ktap.count(results), (3, 1, 0))
        self.assertEqual(reasons(results), ['no result line for list'])

    def test_lost_suite_result_line_keeps_suites_apart(self):
        results = parse(GOOD.replace('ok 1 pmm\n', 'ok [garbled] 1 pmm\n'))
        self.assertEqual(statuses(results), {
            'pmm.alloc_one': PASS, 'pmm.free_all': PASS, 'list.insert': PASS})
        self.assertEqual(reasons(results), ['no result line for pmm'])

    def test_garbled_case_line_counts_as_missing(self):
        results = parse(GOOD.replace('    ok 2 free_all', '    ok 2fre#e'))
        self.assertEqual(ktap.count(results), (2, 1, 0))
        self.assertEqual(reasons(results),
                         ['no result for pmm.#2 (plan announced 2)'])
        # The garbled line is shown with the missing result.
        self.assertEqual([r for r in results if r.reason][0].diagnostics,
                         ['ok 2fre#e'])

    def test_binary_garbage_in_a_line(self):
        results = parse(GOOD.replace('    ok 2 free_all', '    o\x00k 2 \xff'))
        self.assertEqual(reasons(results),
                         ['no result for pmm.#2 (plan announced 2)'])


class MalformedStreams(unittest.TestCase):

    def test_missing_top_level_plan(self):
        results = parse("""\
            KTAP version 1
                KTAP version 1
                # Subtest: pmm
                1..1
                ok 1 alloc_one
            ok 1 pmm
        """)
        self.assertEqual(statuses(results), {'pmm.alloc_one': PASS})
        self.assertEqual(reasons(results),
                         ['top level: no KTAP plan ("1..N") found'])

    def test_missing_suite_plan(self):
        results = parse("""\
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: pmm
                ok 1 alloc_one
            ok 1 pmm
        """)
        self.assertEqual(statuses(results), {'pmm.alloc_one': PASS})
        self.assertEqual(reasons(results),
                         ['pmm: no test plan ("1..N") found'])

    def test_duplicate_number(self):
        results = parse("""\
            KTAP version 1
            1..2
            ok 1 first
            ok 1 again
        """)
        self.assertEqual(reasons(results), [
            'top level: duplicate result number 1 (again)',
            'no result for #2 (plan announced 2)',
        ])
        self.assertEqual(ktap.count(results), (2, 2, 0))

    def test_out_of_order_numbers(self):
        results = parse("""\
            KTAP version 1
            1..2
            ok 2 second
            ok 1 first
        """)
        self.assertEqual(statuses(results), {'first': PASS, 'second': PASS})
        self.assertEqual(reasons(results), [
            'top level: result number 2 (second) out of order, expected 1',
            'top level: result number 1 (first) out of order, expected 3',
        ])

    def test_number_beyond_the_plan(self):
        results = parse("""\
            KTAP version 1
            1..1
            ok 1 first
            ok 2 extra
        """)
        self.assertEqual(reasons(results), [
            'top level: result number 2 (extra) is outside the plan 1..1'])

    def test_second_plan(self):
        results = parse("""\
            KTAP version 1
            1..1
            1..2
            ok 1 first
        """)
        self.assertEqual(reasons(results), [
            'top level: second plan "1..2" (the first was 1..1)'])

    def test_second_ktap_version_line(self):
        results = parse("""\
            KTAP version 1
            1..1
            ok 1 first
            KTAP version 1
        """)
        self.assertEqual(reasons(results), [
            'top level: unexpected second "KTAP version" line'])

    def test_every_failure_names_something_or_explains_itself(self):
        # Each FAIL is either a reported case (name, no reason) or a
        # problem found by the parser (with a reason).
        for result in parse(GOOD.replace('1..2', '1..3', 1)):
            if result.status == FAIL:
                self.assertTrue(result.reason or result.name)


if __name__ == '__main__':
    unittest.main()
