"""Output: each outcome's summary line and its failures, printed whole
even while the host stage reports from a thread of its own."""

import threading

import ktap

def counts_text(passed, failed, skipped):
    """'41 passed, 0 failed' plus ', 2 skipped' when anything was skipped."""
    text = f'{passed} passed, {failed} failed'
    if skipped:
        text += f', {skipped} skipped'
    return text


REPORT_LOCK = threading.RLock()    # the host stage reports from its thread


class LockedStdout:
    """sys.stdout for two threads: a text stream is not safe to write from
    both at once (lines can be lost), so each write holds REPORT_LOCK."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text):
        with REPORT_LOCK:
            return self.stream.write(text)

    def __getattr__(self, name):
        return getattr(self.stream, name)


def report(outcome):
    """Print an Outcome's summary line and its failures; return it."""
    lines = [f'{outcome.label}: {counts_text(*outcome.counts())} in '
             f'{outcome.elapsed:.1f} s{outcome.note}']
    for result in outcome.results:
        if result.status != ktap.FAIL:
            continue
        if result.reason:
            lines.append(f'FAIL {outcome.label}: {result.reason}')
        else:
            lines.append(f'FAIL {outcome.label} {result.name}')
        lines += [f'    {line}' for line in result.diagnostics]
    with REPORT_LOCK:
        print('\n'.join(lines))
    return outcome
