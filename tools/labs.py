"""The classroom labs: their table (docs/labs/grade.conf) and the LAB
markers in the kernel sources, shared by tools/mklab, tools/grade.py and
the check in tests/host/test_labs.py.

A lab removes a few pieces of the kernel and gives them to students.
Each piece is a marked region of a C file (.c or .h), three marker lines
around the solution and the stub that replaces it in the student tree:

    /* LAB(buddy): merge a freed block with its free buddies */
    ... the solution, compiled in this tree ...
    #if 0	/* LAB(buddy) stub */
    ... what the student tree has instead ...
    #endif	/* END LAB(buddy) */

The first line stays in the student tree, as the note that says what to
write there; `#if 0` and `#endif` start in column 0 (the stub is never
compiled here) and the stub may hold comments.  Any other line of a C
file that holds "LAB(" is an error, as are a region left open, a stub
or end without its start, regions nested, the three names differing,
and a name that is not a lab of docs/labs/grade.conf: a marker can
only be right or refused.

Standard library only (Python 3.7+).
"""

import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRADE_CONF = os.path.join('docs', 'labs', 'grade.conf')
STUDENT_FILE = '.lab'          # in a student tree: the lab it is for
MARKED_SUFFIXES = ('.c', '.h')

_NAME = r'([a-z][a-z0-9_-]*)'
BEGIN_RE = re.compile(r'^\s*/\* LAB\(' + _NAME + r'\): (\S.*\S|\S) \*/$')
STUB_RE = re.compile(r'^#if 0\s+/\* LAB\(' + _NAME + r'\) stub \*/$')
END_RE = re.compile(r'^#endif\s+/\* END LAB\(' + _NAME + r'\) \*/$')


class LabError(Exception):
    """A malformed marker or lab table, with the file and line."""


# ---------------------------------------------------------------------------
# The lab table
# ---------------------------------------------------------------------------

class GradedTest:
    """One line of a lab's table: where it runs, what, for how much."""

    def __init__(self, where, test, points, lineno):
        self.where = where      # 'host' or a tests/qemu.conf configuration
        self.test = test        # PROGRAM.CASE (host) or SUITE.CASE, globs
        self.points = points
        self.lineno = lineno

    def __repr__(self):
        return f'GradedTest({self.where!r}, {self.test!r}, {self.points})'


class Lab:
    def __init__(self, name):
        self.name = name
        self.guide = ''
        self.title = ''
        self.tests = []         # of GradedTest, in the file's order

    @property
    def points(self):
        return sum(t.points for t in self.tests)

    def configs(self):
        """The places its tests run, in first-use order ('host' first)."""
        places = []
        for test in sorted(self.tests, key=lambda t: t.where != 'host'):
            if test.where not in places:
                places.append(test.where)
        return places


_TEST_RE = re.compile(r'^(\S+)\s+(\S+)\s+(\d+)$')
_SETTING_RE = re.compile(r'^(guide|title)\s*=\s*(.+)$')


def read_labs(root=ROOT):
    """The labs of docs/labs/grade.conf, in its order: a list of Lab."""
    path = os.path.join(root, GRADE_CONF)
    labs, lab = [], None
    with open(path, encoding='utf-8') as f:
        for lineno, line in enumerate(f, 1):
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            where = f'{GRADE_CONF}:{lineno}'
            section = re.match(r'^\[' + _NAME + r'\]$', line)
            if section:
                lab = Lab(section.group(1))
                if any(other.name == lab.name for other in labs):
                    raise LabError(f'{where}: lab {lab.name} twice')
                labs.append(lab)
                continue
            if lab is None:
                raise LabError(f'{where}: a line before the first [lab]')
            setting = _SETTING_RE.match(line)
            test = _TEST_RE.match(line)
            if setting:
                setattr(lab, setting.group(1), setting.group(2))
            elif test:
                lab.tests.append(GradedTest(test.group(1), test.group(2),
                                            int(test.group(3)), lineno))
            else:
                raise LabError(f'{where}: expected "WHERE TEST POINTS", '
                               f'"guide = FILE" or "title = TEXT": {line!r}')
    for lab in labs:
        if not lab.tests:
            raise LabError(f'{GRADE_CONF}: lab {lab.name} grades no test')
    return labs


def lab_names(root=ROOT):
    return [lab.name for lab in read_labs(root)]


# ---------------------------------------------------------------------------
# Markers
# ---------------------------------------------------------------------------

class Region:
    """One marked region: lines [begin, end] of a file (0-based, the
    marker lines included); solution and stub are the lines between."""

    def __init__(self, path, lab, summary, begin, stub, end, lines):
        self.path, self.lab, self.summary = path, lab, summary
        self.begin, self.stub_line, self.end = begin, stub, end
        self.solution = lines[begin + 1:stub]
        self.stub = lines[stub + 1:end]


def _marker(line):
    """('begin'|'stub'|'end', name, summary) for a marker line, None for
    a line without "LAB(", and ('bad', ...) for one that holds it
    anywhere else or in another shape."""
    text = line.rstrip('\n')
    for kind, regex in (('begin', BEGIN_RE), ('stub', STUB_RE),
                        ('end', END_RE)):
        match = regex.match(text)
        if match:
            summary = match.group(2) if kind == 'begin' else ''
            return kind, match.group(1), summary
    if 'LAB(' in text:
        return 'bad', '', ''
    return None


def parse_regions(path, lines, known):
    """The regions of one file's lines; LabError on any bad marker."""
    regions, open_at, name, summary = [], None, None, ''
    for i, line in enumerate(lines):
        marker = _marker(line)
        if marker is None:
            continue
        kind, lab, text = marker
        where = f'{path}:{i + 1}'
        if kind == 'bad':
            raise LabError(f'{where}: not a LAB marker of the three shapes '
                           '("/* LAB(name): what to write */", "#if 0\t/* '
                           'LAB(name) stub */", "#endif\t/* END LAB(name) */"'
                           f'): {line.strip()}')
        if lab not in known:
            raise LabError(f'{where}: unknown lab {lab!r} (labs: '
                           f'{", ".join(known)}; see {GRADE_CONF})')
        if kind == 'begin':
            if open_at is not None:
                raise LabError(f'{where}: LAB({lab}) begins inside the '
                               f'region of LAB({name}) opened at line '
                               f'{open_at[0] + 1}')
            open_at, name, summary = (i, None), lab, text
        elif open_at is None:
            raise LabError(f'{where}: {kind} of LAB({lab}) without its '
                           'begin line')
        elif lab != name:
            raise LabError(f'{where}: {kind} of LAB({lab}) in the region '
                           f'of LAB({name}) opened at line {open_at[0] + 1}')
        elif kind == 'stub':
            if open_at[1] is not None:
                raise LabError(f'{where}: a second stub in LAB({lab})')
            open_at = (open_at[0], i)
        else:
            if open_at[1] is None:
                raise LabError(f'{where}: LAB({lab}) ends without its stub '
                               '("#if 0\t/* LAB(name) stub */")')
            regions.append(Region(path, lab, summary, open_at[0],
                                  open_at[1], i, lines))
            open_at = None
    if open_at is not None:
        raise LabError(f'{path}:{open_at[0] + 1}: LAB({name}) never ends '
                       '("#endif\t/* END LAB(name) */")')
    return regions


def code_lines(lines):
    """How many of lines hold code: not blank, not only a comment."""
    count, in_comment = 0, False
    for line in lines:
        text = line.strip()
        if in_comment:
            in_comment = '*/' not in text
            continue
        if text.startswith('/*'):
            in_comment = '*/' not in text
            continue
        if text:
            count += 1
    return count


def transform(lines, regions, lab):
    """The file as the student tree of lab has it: lab's regions keep
    their first line and get their stub, the others their solution."""
    out, at = [], 0
    for region in regions:
        out += lines[at:region.begin]
        if region.lab == lab:
            out.append(lines[region.begin])
            out += region.stub
        else:
            out += region.solution
        at = region.end + 1
    return out + lines[at:]


def tracked_files(root=ROOT):
    """The files git tracks in root (working-tree paths that exist)."""
    listing = subprocess.run(['git', 'ls-files', '-z'], cwd=root, check=True,
                             stdout=subprocess.PIPE).stdout.decode()
    paths = [p for p in listing.split('\0') if p]
    return [p for p in paths if os.path.lexists(os.path.join(root, p))]


def read_lines(root, path):
    with open(os.path.join(root, path), encoding='utf-8',
              newline='') as f:
        return f.read().splitlines(keepends=True)


def scan_tree(root=ROOT, known=None):
    """{path: (lines, regions)} for every tracked C file with markers."""
    if known is None:
        known = lab_names(root)
    marked = {}
    for path in tracked_files(root):
        if not path.endswith(MARKED_SUFFIXES) or \
                os.path.islink(os.path.join(root, path)):
            continue
        lines = read_lines(root, path)
        if not any('LAB(' in line for line in lines):
            continue
        marked[path] = (lines, parse_regions(path, lines, known))
    return marked


def student_lab(root=ROOT):
    """The lab a student tree is for (its .lab file), or None."""
    try:
        with open(os.path.join(root, STUDENT_FILE), encoding='utf-8') as f:
            for line in f:
                line = line.split('#', 1)[0].strip()
                if line:
                    return line
    except FileNotFoundError:
        return None
    return None


# ---------------------------------------------------------------------------
# The tests a lab may grade
# ---------------------------------------------------------------------------

_CASES_RE = re.compile(r'struct kunit_case\s+(\w+)\s*\[\]\s*=\s*\{(.*?)\};',
                       re.S)
_SUITE_RE = re.compile(r'struct kunit_suite\s+\w+\s*=\s*\{(.*?)\};', re.S)
_KUNIT_CASE_RE = re.compile(r'KUNIT_CASE\w*\(\s*(\w+)')
_USER_CASE_RE = re.compile(r'^\s*CASE\((\w+),', re.M)
_HOST_CASE_RE = re.compile(r'HOST_CASE\((\w+)\)')


def _user_program_cases(root, name):
    """The cases of the user program suite `name` (user/NAME/main.c)."""
    path = os.path.join(root, 'user', name, 'main.c')
    if not os.path.exists(path):
        return set()
    with open(path, encoding='utf-8') as f:
        return set(_USER_CASE_RE.findall(f.read()))


def known_tests(root=ROOT):
    """{'host': {PROGRAM.CASE}, 'kernel': {SUITE.CASE}}: every test the
    tree's sources declare (KUnit suites and their cases, the cases of
    user-program suites such as usertests, the host C programs')."""
    kernel, host = set(), set()
    for path in tracked_files(root):
        if not path.endswith('.c'):
            continue
        with open(os.path.join(root, path), encoding='utf-8',
                  errors='replace') as f:
            text = f.read()
        if path.startswith('tests/host/test_'):
            program = os.path.basename(path)[:-2]
            host.update(f'{program}.{case}'
                        for case in _HOST_CASE_RE.findall(text))
        if 'kunit_suite' not in text:
            continue
        arrays = {name: _KUNIT_CASE_RE.findall(body)
                  for name, body in _CASES_RE.findall(text)}
        for body in _SUITE_RE.findall(text):
            name = re.search(r'\.name\s*=\s*"(\w+)"', body)
            if not name:
                continue
            cases = re.search(r'\.test_cases\s*=\s*(\w+)', body)
            found = arrays.get(cases.group(1), []) if cases else []
            if re.search(r'\.program\s*=', body):
                found = _user_program_cases(root, name.group(1))
            kernel.update(f'{name.group(1)}.{case}' for case in found)
    return {'host': host, 'kernel': kernel}
