"""The classroom labs (docs/labs/): markers, student trees and grading.

For each lab of docs/labs/grade.conf, tools/mklab writes the student
tree into a temporary directory and the test checks, without booting:

  - the tree is a git repository with one commit and nothing left out
    of it, and names its lab in .lab;
  - every file is the source's, except the marked ones, which are the
    source with this lab's regions turned into their stubs and the other
    labs' markers dropped; no marker but this lab's first lines is left;
  - the C files the lab changes compile in the student tree (the
    kernel's flags, -Werror) and define every global symbol the
    solution's do, so the tree links;
  - the host test programs the lab grades, built in the student tree,
    fail (so `make grade` there scores below full marks), and pass here.

Then: every test grade.conf names exists in the tree and runs where it
says; the markers parser refuses every malformed marker; mklab refuses
what it must; the grader's scoring from test results.  Booting each
student tree and grading it is `make grade` in that tree, by hand.

In a student tree (it has a .lab file) there is nothing to check.
"""

import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HOST_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HOST_DIR))
sys.path.insert(0, os.path.join(ROOT, 'tools'))
sys.path.insert(0, os.path.dirname(HOST_DIR))
import grade  # noqa: E402
import ktap  # noqa: E402
import labs  # noqa: E402

IS_STUDENT_TREE = labs.student_lab(ROOT) is not None
MKLAB = os.path.join(ROOT, 'tools', 'mklab')
TIMEOUT = 300


def load_mklab():
    import importlib.machinery
    import importlib.util
    loader = importlib.machinery.SourceFileLoader('mklab', MKLAB)
    spec = importlib.util.spec_from_loader('mklab', loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def run(command, cwd, **kwargs):
    return subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=TIMEOUT,
                          **kwargs)


def defined_globals(obj):
    """The global symbols an object file defines."""
    out = run(['nm', '--defined-only', '-g', obj], ROOT)
    if out.returncode != 0:
        raise AssertionError(out.stdout.decode())
    return {line.split()[-1] for line in out.stdout.decode().splitlines()}


def including_file(root, header):
    """A kernel C file that includes header (include/linux/x.h)."""
    name = header.split('/', 1)[1] if header.startswith('include/') else \
        header
    needle = f'#include <{name}>'
    for path in labs.tracked_files(root):
        if path.endswith('.c') and not path.startswith(('tests/', 'user/',
                                                         'bench/')):
            with open(os.path.join(root, path), encoding='utf-8',
                      errors='replace') as f:
                if needle in f.read():
                    return path
    raise AssertionError(f'no kernel C file includes {header}')


@unittest.skipIf(IS_STUDENT_TREE, 'a student tree has no markers')
class LabTable(unittest.TestCase):
    """docs/labs/grade.conf against the tree."""

    def test_every_lab_has_regions(self):
        marked = labs.scan_tree(ROOT)
        found = {r.lab for _, regions in marked.values() for r in regions}
        for lab in labs.read_labs(ROOT):
            with self.subTest(lab=lab.name):
                self.assertIn(lab.name, found,
                              f'lab {lab.name} has no LAB({lab.name}) region')
                guide = os.path.join(ROOT, lab.guide)
                self.assertTrue(os.path.exists(guide),
                                f'{lab.guide}: no such guide')
                with open(guide, encoding='utf-8') as f:
                    text = f.read()
                for test in lab.tests:      # the guide says what grades it
                    self.assertIn(test.test.split('.', 1)[0], text,
                                  f'{lab.guide} never names {test.test}')
        for path, (lines, regions) in marked.items():
            for region in regions:
                self.assertTrue(any(x.strip() for x in region.solution),
                                f'{path}:{region.begin + 1}: empty solution')

    def test_graded_tests_exist_where_they_run(self):
        sys.path.insert(0, os.path.join(ROOT, 'tests'))
        from harness.config import load_configs
        configs = {c.name: c for c in load_configs()}
        known = labs.known_tests(ROOT)
        for lab in labs.read_labs(ROOT):
            for test in lab.tests:
                where = f'{labs.GRADE_CONF}:{test.lineno}'
                names = known['host' if test.where == 'host' else 'kernel']
                self.assertTrue(fnmatch.filter(names, test.test),
                                f'{where}: {test.test} names no test')
                self.assertGreater(test.points, 0, where)
                if test.where == 'host':
                    continue
                self.assertIn(test.where, configs,
                              f'{where}: no configuration {test.where}')
                self.assertIsNotNone(
                    configs[test.where].test_filter(test.test),
                    f'{where}: {test.where} does not run {test.test}')


class Markers(unittest.TestCase):
    """The markers parser and the transformation, on made-up files."""

    KNOWN = ['one', 'two']
    GOOD = ['int f(void)\n', '{\n',
            '\t/* LAB(one): write f() */\n', '\treturn 1;\n',
            '#if 0\t/* LAB(one) stub */\n', '\treturn 0;\n',
            '#endif\t/* END LAB(one) */\n', '}\n',
            '/* LAB(two): write g() */\n', 'int g(void) { return 2; }\n',
            '#if 0\t/* LAB(two) stub */\n', '#endif\t/* END LAB(two) */\n']

    def parse(self, lines):
        return labs.parse_regions('x.c', lines, self.KNOWN)

    def test_good_file(self):
        regions = self.parse(self.GOOD)
        self.assertEqual([(r.lab, r.begin, r.stub_line, r.end)
                          for r in regions],
                         [('one', 2, 4, 6), ('two', 8, 10, 11)])
        self.assertEqual(labs.transform(self.GOOD, regions, 'one'),
                         ['int f(void)\n', '{\n', '\t/* LAB(one): write f() */\n',
                          '\treturn 0;\n', '}\n',
                          'int g(void) { return 2; }\n'])
        self.assertEqual(labs.transform(self.GOOD, regions, 'two'),
                         ['int f(void)\n', '{\n', '\treturn 1;\n', '}\n',
                          '/* LAB(two): write g() */\n'])
        self.assertEqual(labs.transform(self.GOOD, regions, 'none'),
                         ['int f(void)\n', '{\n', '\treturn 1;\n', '}\n',
                          'int g(void) { return 2; }\n'])

    def refused(self, lines, words):
        with self.assertRaises(labs.LabError) as caught:
            self.parse(lines)
        for word in words:
            self.assertIn(word, str(caught.exception))

    def test_bad_markers_refused(self):
        g = self.GOOD
        self.refused(g[:6], ['x.c:3', 'never ends'])               # open
        self.refused(g[:2] + g[4:], ['x.c:3', 'without its begin'])
        self.refused(g[:4] + g[6:], ['x.c:5', 'without its stub'])
        self.refused(g[:3] + g[8:9] + g[3:], ['x.c:4', 'inside'])  # nested
        self.refused(g[:4] + ['#if 0\t/* LAB(two) stub */\n'] + g[5:],
                     ['x.c:5', 'LAB(two) in the region of LAB(one)'])
        self.refused(g[:5] + g[4:], ['second stub'])
        self.refused(['/* LAB(three): x */\n'], ['unknown lab', 'three'])
        for bad in ['/* LAB(one) */\n', '/* LAB(one):x */\n',
                    '\t/* LAB(one): write f() */ \n',
                    '  #if 0\t/* LAB(one) stub */\n',
                    '#if 0\t/* LAB(one) stub: */\n',
                    '#endif /* LAB(one) */\n', 'f(); /* see LAB(one) */\n']:
            with self.subTest(line=bad):
                self.refused(g[:2] + [bad], ['x.c:3', 'not a LAB marker'])


@unittest.skipIf(IS_STUDENT_TREE, 'a student tree has no markers')
class Mklab(unittest.TestCase):
    """mklab's refusals, and each lab's student tree."""

    @classmethod
    def setUpClass(cls):
        cls.mklab = load_mklab()
        cls.tmp = tempfile.mkdtemp(prefix='ferry-labs-')
        cls.labs = labs.read_labs(ROOT)
        cls.marked = labs.scan_tree(ROOT)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_refusals(self):
        make = self.mklab.make_tree
        full = os.path.join(self.tmp, 'full')
        os.makedirs(full)
        with open(os.path.join(full, 'x'), 'w') as f:
            f.write('x')
        for args, words in [(('nosuchlab', os.path.join(self.tmp, 'a')),
                             ['unknown lab']),
                            ((self.labs[0].name, full), ['not an empty'])]:
            with self.assertRaises(labs.LabError) as caught:
                make(ROOT, *args, commit=False)
            for word in words:
                self.assertIn(word, str(caught.exception))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, 'a')))
        self.assertEqual(os.listdir(full), ['x'])

    def test_student_trees(self):
        for lab in self.labs:
            with self.subTest(lab=lab.name):
                self.check_student_tree(lab)

    def check_student_tree(self, lab):
        out = os.path.join(self.tmp, lab.name)
        changed = self.mklab.make_tree(ROOT, lab.name, out)
        self.check_repository(out, lab)
        self.check_files(out, lab)
        self.check_compiles(out, sorted(changed))
        self.check_host_tests_fail(out, lab)

    def check_repository(self, out, lab):
        log = run(['git', 'log', '--oneline'], out).stdout.decode()
        self.assertEqual(len(log.splitlines()), 1, log)
        status = run(['git', 'status', '--porcelain', '--ignored'], out)
        self.assertEqual(status.stdout.decode(), '')
        self.assertEqual(labs.student_lab(out), lab.name)
        self.assertEqual(sorted(labs.tracked_files(out)),
                         sorted(labs.tracked_files(ROOT) + ['.lab']))

    def check_files(self, out, lab):
        """Unmarked files as they are; marked ones transformed; no
        marker left but this lab's first lines, one per region."""
        begins = 0
        for path in labs.tracked_files(ROOT):
            got = labs.read_lines(out, path)
            if path in self.marked:
                lines, regions = self.marked[path]
                self.assertEqual(got, labs.transform(lines, regions,
                                                     lab.name), path)
                for line in got:
                    self.assertFalse(labs.STUB_RE.match(line.rstrip('\n')) or
                                     labs.END_RE.match(line.rstrip('\n')),
                                     f'{path}: {line}')
                mine = [r for r in regions if r.lab == lab.name]
                begins += len(mine)
                self.assertEqual(sum('LAB(' in x for x in got), len(mine),
                                 path)
            else:
                self.assertEqual(got, labs.read_lines(ROOT, path), path)
        self.assertGreater(begins, 0)

    def objects(self, tree, build, sources):
        """Compile sources in tree into build with the kernel's flags
        (make's own rule); return the object paths."""
        objs = [os.path.join(build, os.path.splitext(s)[0] + '.o')
                for s in sources]
        made = run(['make', '-s', '-j2', f'B={build}'] + objs, tree)
        self.assertEqual(made.returncode, 0,
                         f'in {tree}:\n{made.stdout.decode()}')
        return objs

    def check_compiles(self, out, changed):
        sources = [p for p in changed if p.endswith('.c')]
        for header in (p for p in changed if p.endswith('.h')):
            sources.append(including_file(ROOT, header))
        sources = sorted(set(sources))
        student = self.objects(out, os.path.join(out, 'build'), sources)
        solution = self.objects(ROOT, os.path.join(out, 'solution-build'),
                                sources)
        for mine, theirs, source in zip(student, solution, sources):
            missing = defined_globals(theirs) - defined_globals(mine)
            self.assertEqual(missing, set(),
                             f'{source}: the stubs lose these symbols')

    def check_host_tests_fail(self, out, lab):
        programs = sorted({t.test.split('.', 1)[0] for t in lab.tests
                           if t.where == 'host'})
        for program in programs:
            made = run(['make', '-s', '-j2', f'build/host/{program}'], out)
            self.assertEqual(made.returncode, 0, made.stdout.decode())
            ran = run([os.path.join('build', 'host', program)], out)
            results = ktap.results(ktap.parse(
                ran.stdout.decode(errors='replace').splitlines()))
            graded = [t for t in lab.tests if t.test.startswith(program + '.')]
            for result in results:
                result.name = f'{program}.{result.name}'
            passed = [grade.outcome(t, results)[0] for t in graded]
            self.assertNotEqual(ran.returncode, 0, f'{program} passed')
            self.assertFalse(all(passed),
                             f'{program}: every graded case passes on the '
                             'stubs')


class Scoring(unittest.TestCase):
    """The grader's verdicts from test results (what `make grade` prints
    from the logs of its runs)."""

    def lab(self):
        lab = labs.Lab('demo')
        lab.tests = [labs.GradedTest('numa2', 'page_alloc.a', 5, 1),
                     labs.GradedTest('numa2', 'numa.*', 3, 2),
                     labs.GradedTest('host', 'test_x.c', 2, 3)]
        return lab

    def results(self, text):
        return ktap.results(ktap.parse(text.splitlines()))

    LOG = '''KTAP version 1
1..2
    KTAP version 1
    # Subtest: page_alloc
    1..2
    {a} 1 a
    ok 2 b
{a} 1 page_alloc
    KTAP version 1
    # Subtest: numa
    1..2
    ok 1 c
    {d} 2 d
{d} 2 numa
'''

    def score(self, a='ok', d='ok', host='ok 1 c'):
        results = {'numa2': self.results(self.LOG.format(a=a, d=d)),
                   'host': [r for r in self.results(
                       f'KTAP version 1\n1..1\n{host}\n') if r.name]}
        for r in results['host']:
            r.name = 'test_x.' + r.name
        lines = []
        real_say, grade.say = grade.say, lines.append
        try:
            earned, points = grade.report_lab(self.lab(), results)
        finally:
            grade.say = real_say
        return earned, points, lines

    def test_full_marks(self):
        earned, points, lines = self.score()
        self.assertEqual((earned, points), (10, 10))
        self.assertEqual(lines[0].split(), ['demo', 'numa2', 'page_alloc.a',
                                            '5/5', 'PASS'])
        self.assertEqual(lines[-1], 'Score demo: 10/10')

    def test_failures_cost_their_points(self):
        self.assertEqual(self.score(a='not ok')[:2], (5, 10))
        self.assertEqual(self.score(d='not ok')[:2], (7, 10))  # glob: all
        self.assertEqual(self.score(d='ok', host='ok 1 c # SKIP no')[:2],
                         (8, 10))
        self.assertEqual(self.score(host='ok 1 other')[:2], (8, 10))
        earned, points, lines = self.score(a='not ok')
        self.assertIn('demo numa2 page_alloc.a 0/5 FAIL',
                      ' '.join(' '.join(x.split()) for x in lines))


if __name__ == '__main__':
    unittest.main()
