"""Read KTAP test output and turn it into a flat list of test results.

KTAP ("Kernel Test Anything Protocol") is the text format Linux KUnit
prints, and the one the Ferry kernel prints on its serial port.  A run
looks like this:

    KTAP version 1
    1..2                               <- plan: two suites follow
        KTAP version 1                 <- suite 1, indented one level
        # Subtest: pmm
        1..2                           <- plan: two cases in this suite
        ok 1 alloc_one
        # free_all: EXPECTATION FAILED at kernel/pmm_test.c:88
        Expected after == before, but
            after == 1021
            before == 1024
        not ok 2 free_all              <- the lines above belong to it
    # pmm: pass:1 fail:1 skip:0 total:2
    not ok 1 pmm                       <- result of the whole suite
    ...

Rules this module follows:

* Everything before the first "KTAP version" line is ignored (boot log).
* A KTAP line indented deeper than the current level starts a subtest;
  the subtest ends with the next result line at the shallower level.
  Any indentation step works (KUnit uses 4 spaces, others use 2).
* Lines that are not KTAP at all (kernel messages, "Expected ... but"
  blocks) and "#" diagnostic lines are kept, and given to the next
  result line at their level.  They never change a result.
* Results are counted on the leaves: the cases inside suites.  Anything
  that went wrong with the stream itself (a case announced by a plan but
  never reported, a missing plan, duplicate numbers, ...) becomes an
  extra failing Result whose `reason` says what was wrong.
* A "# Totals: pass:P fail:F skip:S total:T" line after the last result
  must agree with those counts; when it does not (a suite whose cases
  the printer left out of its sums, say), that is one more failure.  It
  is checked only in a sound stream: one found cut short or malformed
  already fails, and its totals could not know what went missing.

Use:  results = ktap.results(ktap.parse(lines))
"""

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

# The three outcomes of a test.
PASS = 'pass'
FAIL = 'fail'
SKIP = 'skip'

# The KTAP lines that give the stream its structure (matched after the
# indentation has been removed).
VERSION_RE = re.compile(r'^K?TAP version \d+$')
SUBTEST_RE = re.compile(r'^# Subtest: (.*)$')
PLAN_RE = re.compile(r'^1\.\.(\d+)(\s+#.*)?$')
RESULT_RE = re.compile(r'^(not )?ok (\d+)(?:\s+(.*))?$')
TOTALS_RE = re.compile(r'^# Totals: pass:(\d+) fail:(\d+) skip:(\d+) '
                       r'total:(\d+)$')


@dataclass
class Test:
    """One test, suite or whole stream, as read from the KTAP text."""
    name: str = ''
    number: Optional[int] = None      # its number in the parent's plan
    status: Optional[str] = None      # PASS/FAIL/SKIP; None: no result line
    directive: str = ''               # text after '#' on the result line
    plan: Optional[int] = None        # N from its own "1..N" line
    has_block: bool = False           # True once its own indented block began
    subtests: list = field(default_factory=list)
    diagnostics: list = field(default_factory=list)  # lines before its result
    trailing: list = field(default_factory=list)     # lines after its last
                                                     # subtest's result
    problems: list = field(default_factory=list)     # malformed-stream notes


@dataclass
class Result:
    """One counted outcome, ready to be reported.

    name is the dotted path (e.g. 'pmm.free_all'), or '' for a problem
    with the stream as a whole.  reason is empty for results the stream
    reported itself, and explains failures found by the parser (for
    example 'no result for pmm.#3').
    """
    name: str
    status: str
    reason: str = ''
    diagnostics: list = field(default_factory=list)


@dataclass
class _Level:
    """An indentation level of the stream that is currently open."""
    test: Test                        # the test whose block this is
    indent: int
    pending: list = field(default_factory=list)  # lines for the next result
    open_child: Optional[Test] = None  # subtest whose result line is due
    last_number: int = 0              # number of the last result read here

    def is_fresh(self):
        """True while nothing but a header has been read at this level."""
        return (self.test.plan is None and not self.test.subtests
                and self.open_child is None)


def _strip_indent(line, indent):
    """Remove up to `indent` leading spaces, keeping deeper indentation."""
    removable = len(line) - len(line.lstrip(' '))
    return line[min(removable, indent):]


def _split_description(text):
    """Split 'name # SKIP reason' into ('name', 'SKIP reason')."""
    name, hash_sign, directive = (text or '').partition('#')
    name = name.strip()
    if name.startswith('- '):       # TAP also allows 'ok 1 - name'
        name = name[2:].strip()
    return name, directive.strip() if hash_sign else ''


class _Parser:
    """Reads lines one at a time and builds a tree of Test objects."""

    def __init__(self):
        self.root = None      # the Test for the whole stream, once found
        self.stack = []       # open levels, outermost first

    def feed(self, line):
        """Take one line of output (with or without its line ending)."""
        line = line.rstrip()
        if not line.strip():
            return
        indent = len(line) - len(line.lstrip())
        text = line.strip()

        if self.root is None:
            # Boot log lines before the first KTAP version line are skipped.
            if VERSION_RE.match(text):
                self.root = Test(has_block=True)
                self.stack = [_Level(self.root, indent)]
            return

        subtest = SUBTEST_RE.match(text)
        plan = PLAN_RE.match(text)
        result = RESULT_RE.match(text)
        if VERSION_RE.match(text):
            self._version_line(indent)
        elif subtest and self._names_level(indent):
            self._current_level(indent).test.name = subtest.group(1).strip()
        elif plan:
            self._plan_line(indent, int(plan.group(1)))
        elif result:
            self._result_line(indent, result)
        else:
            self._other_line(line, indent, text)

    def finish(self):
        """Close everything still open at the end of the stream."""
        if self.root is None:
            return None
        while len(self.stack) > 1:
            self._pop_level()
        root_level = self.stack[0]
        if root_level.open_child is not None:
            self._close_open_child(root_level)
        self.root.trailing = root_level.pending
        return self.root

    # --- finding the level a line belongs to -----------------------------

    def _pop_level(self):
        """Close the innermost level; its unclaimed lines go to the parent.

        The parent keeps the subtest as `open_child`, so the parent's
        next result line can still give it its result.  The lines are
        also kept as the subtest's `trailing` lines, to be shown if some
        of its results turn out to be missing.
        """
        level = self.stack.pop()
        level.test.trailing = list(level.pending)
        parent = self.stack[-1]
        parent.pending = level.pending + parent.pending

    def _unwind_to(self, indent):
        """Close levels deeper than `indent`; return the innermost left.

        The outermost level (the stream itself) is never closed.
        """
        while len(self.stack) > 1 and self.stack[-1].indent > indent:
            self._pop_level()
        return self.stack[-1]

    def _current_level(self, indent):
        """The level for a structural line: close deeper levels, and open
        a new subtest when the line is indented deeper than all of them."""
        level = self._unwind_to(indent)
        if indent > level.indent:
            level = self._open_child(level, indent)
        return level

    def _open_child(self, parent, indent):
        """Start the block of a new subtest of `parent` at `indent`."""
        if parent.open_child is not None:
            # The previous subtest never got its result line.
            self._close_open_child(parent)
        child = Test(has_block=True)
        parent.open_child = child
        level = _Level(child, indent)
        self.stack.append(level)
        return level

    def _close_open_child(self, level):
        """Record a subtest that has no result line (the stream was cut
        or garbled); it gets the number its result line should have had."""
        child = level.open_child
        level.open_child = None
        level.last_number += 1
        child.number = level.last_number
        child.trailing = level.pending
        level.pending = []
        level.test.subtests.append(child)

    # --- the kinds of lines ----------------------------------------------

    def _version_line(self, indent):
        """'KTAP version N': the start of a (sub)test block."""
        level = self._current_level(indent)
        if level.is_fresh() and level.test.name == '':
            return  # just the header of the block we are in
        if len(self.stack) == 1:
            self.root.problems.append('unexpected second "KTAP version" line')
            return
        # A new block at the same depth: the previous sibling ended
        # without its result line.  Close it and start the new one.
        self._pop_level()
        self._open_child(self.stack[-1], indent)

    def _names_level(self, indent):
        """True if a '# Subtest: NAME' line at `indent` names a block,
        either the fresh one at that depth or a new deeper one."""
        level = self._unwind_to_peek(indent)
        if indent > level.indent:
            return True
        return (level is not self.stack[0] and level.is_fresh()
                and level.test.name == '')

    def _unwind_to_peek(self, indent):
        """The level `_unwind_to(indent)` would return, closing nothing."""
        for level in reversed(self.stack):
            if level.indent <= indent:
                return level
        return self.stack[0]

    def _plan_line(self, indent, count):
        """'1..N': how many results to expect at this level."""
        level = self._current_level(indent)
        if level.test.plan is not None:
            level.test.problems.append(
                f'second plan "1..{count}" (the first was 1..{level.test.plan})')
            return
        level.test.plan = count

    def _result_line(self, indent, match):
        """'ok N name' or 'not ok N name [# SKIP reason]'."""
        level = self._current_level(indent)
        failed, number, description = match.groups()
        number = int(number)
        name, directive = _split_description(description)

        test = level.open_child or Test()
        level.open_child = None
        test.number = number
        test.name = name or test.name
        test.directive = directive
        if directive.upper().startswith('SKIP'):
            test.status = SKIP
        else:
            test.status = FAIL if failed else PASS
        test.diagnostics = level.pending
        level.pending = []

        self._check_number(level, test)
        level.test.subtests.append(test)
        level.last_number = number

    def _check_number(self, level, test):
        """Note duplicate, out-of-order and out-of-plan result numbers."""
        parent = level.test
        label = test.name or f'#{test.number}'
        expected = level.last_number + 1
        if any(t.number == test.number for t in parent.subtests):
            parent.problems.append(
                f'duplicate result number {test.number} ({label})')
        elif test.number != expected:
            parent.problems.append(
                f'result number {test.number} ({label}) out of order, '
                f'expected {expected}')
        if parent.plan is not None and test.number > parent.plan:
            parent.problems.append(
                f'result number {test.number} ({label}) is outside the '
                f'plan 1..{parent.plan}')

    def _other_line(self, line, indent, text):
        """A diagnostic or a non-KTAP line: keep it for the next result.

        '#' lines go to the level of their own indentation (so the
        '# suite: pass:...' line goes to the suite's result); any other
        line goes to the innermost level, i.e. to the case that is running.
        """
        if text.startswith('#'):
            level = self._unwind_to_peek(indent)
        else:
            level = self.stack[-1]
        level.pending.append(_strip_indent(line, level.indent))


def parse(lines: Iterable[str]) -> Optional[Test]:
    """Parse KTAP output; return the Test for the whole stream, or None
    when no 'KTAP version' line was found."""
    parser = _Parser()
    for line in lines:
        parser.feed(line)
    return parser.finish()


def results(root: Optional[Test]) -> list:
    """Flatten a parsed stream into a list of Result (leaves plus problems).

    Every Result with status FAIL counts as one failure.
    """
    if root is None:
        return [Result('', FAIL, 'no "KTAP version" line found in the output')]
    out = []
    _collect(root, '', out)
    out.extend(_totals_problems(root, out))
    return out


def _totals_problems(root, out):
    """A failure when the stream's '# Totals' line disagrees with `out`
    (the results of a stream without problems of its own)."""
    totals = [TOTALS_RE.match(line.strip()) for line in root.trailing]
    totals = [match for match in totals if match]
    if not totals or any(result.reason for result in out):
        return []
    said = tuple(int(n) for n in totals[-1].groups())
    found = count(out)
    if said == (*found, sum(found)):
        return []
    return [Result('', FAIL,
                   f'top level: "# Totals: pass:{said[0]} fail:{said[1]} '
                   f'skip:{said[2]} total:{said[3]}" disagrees with the '
                   f'results: pass:{found[0]} fail:{found[1]} '
                   f'skip:{found[2]} total:{sum(found)}')]


def count(result_list):
    """Return (passed, failed, skipped) for a list of Result."""
    statuses = [r.status for r in result_list]
    return statuses.count(PASS), statuses.count(FAIL), statuses.count(SKIP)


def _join(path, name):
    return f'{path}.{name}' if path else name


def _collect(test, path, out):
    """Append the Results of `test` (named `path`) and its subtests."""
    is_root = path == ''
    label = path or 'top level'
    for problem in test.problems:
        out.append(Result(path, FAIL, f'{label}: {problem}'))

    if not test.subtests and not is_root:
        out.append(_leaf_result(test, path))
        return

    first = len(out)
    if test.plan is None:
        what = 'KTAP plan ("1..N")' if is_root else 'test plan ("1..N")'
        out.append(Result(path, FAIL, f'{label}: no {what} found'))
    for child in test.subtests:
        _collect(child, _join(path, child.name or f'#{child.number}'), out)

    # Lines left over when the stream stopped (a panic message, say) are
    # shown with the first thing found missing here.
    missing = []
    reported = {child.number for child in test.subtests}
    for number in range(1, (test.plan or 0) + 1):
        if number not in reported:
            missing_name = _join(path, f'#{number}')
            missing.append(Result(missing_name, FAIL,
                                  f'no result for {missing_name} '
                                  f'(plan announced {test.plan})'))
    failed_inside = bool(missing) or any(
        r.status == FAIL for r in out[first:])
    if not is_root and not failed_inside:
        if test.status is None:
            missing.append(Result(path, FAIL,
                                  f'no result line for {path}'))
        elif test.status == FAIL:
            out.append(Result(path, FAIL,
                              f'{path} reported "not ok" but none of '
                              'its cases failed', list(test.diagnostics)))
    if missing:
        missing[0].diagnostics = list(test.trailing)
    out.extend(missing)


def _leaf_result(test, path):
    """The Result of a test without subtests."""
    if test.has_block and test.plan is None:
        # Its block began (a suite header) but it never printed its plan.
        return Result(path, FAIL, f'{path} started but printed no test plan',
                      test.diagnostics + test.trailing)
    if test.status is None:
        return Result(path, FAIL, f'no result for {path}',
                      test.diagnostics + test.trailing)
    return Result(path, test.status, '', list(test.diagnostics))
