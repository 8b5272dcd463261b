"""The screen: terminal output turned into the lines a person would read,
and finding the shell's prompt among them."""

import re

# A prompt at the start of a screen line: "/ $ ", "/bin $ "...
PROMPT_RE = re.compile(r'^(/\S*) \$( |$)')


CSI_RE = re.compile(r'\x1b\[([0-9;?]*)([@-~])')


class Screen:
    """Turns terminal output into the lines a person would read.

    Only what a line-oriented shell uses is interpreted: CR, LF, BS, TAB,
    and the CSI sequences erase-in-line (K), cursor left/right (D, C) and
    column (G).  Other control characters and escape sequences are
    dropped.  `lines` holds the finished lines, `line` the one the cursor
    is on.
    """

    def __init__(self):
        self.lines = []
        self.chars = []
        self.col = 0
        self.pending = ''           # an escape sequence cut by a read

    @property
    def line(self):
        """The line the cursor is on, trailing spaces kept (a prompt
        ends with one)."""
        return ''.join(self.chars)

    def all_lines(self):
        """The finished lines and the current one."""
        return self.lines + [self.line]

    def feed(self, text):
        text = self.pending + text
        self.pending = ''
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == '\x1b':
                used = self._escape(text, i)
                if used == 0:               # incomplete: wait for more
                    self.pending = text[i:]
                    return
                i += used
                continue
            self._char(ch)
            i += 1

    def _escape(self, text, i):
        """Handle the escape sequence at text[i]; characters used, or 0."""
        if i + 1 >= len(text):
            return 0
        if text[i + 1] != '[':
            return 2                        # ESC x: ignored
        match = CSI_RE.match(text, i)
        if not match:
            rest = text[i + 2:]
            if re.fullmatch(r'[0-9;?]*', rest) and len(rest) < 16:
                return 0                    # the sequence is not complete
            return 2
        params, final = match.groups()
        numbers = [int(p) if p.isdigit() else 0
                   for p in params.lstrip('?').split(';')]
        n = numbers[0] if numbers else 0
        if final == 'K':
            if n == 0:
                del self.chars[self.col:]
            elif n == 1:
                self.chars[:self.col] = [' '] * min(self.col, len(self.chars))
            else:
                self.chars = []
        elif final == 'D':
            self.col = max(0, self.col - max(n, 1))
        elif final == 'C':
            self.col += max(n, 1)
        elif final == 'G':
            self.col = max(n, 1) - 1
        return match.end() - i

    def _char(self, ch):
        if ch == '\n':
            self.lines.append(self.line.rstrip())
            self.chars = []
            self.col = 0
        elif ch == '\r':
            self.col = 0
        elif ch == '\b':
            self.col = max(0, self.col - 1)
        elif ch == '\t':
            self._put(' ' * (8 - self.col % 8))
        elif ch < ' ' or ch == '\x7f':
            pass                            # bell and other controls
        else:
            self._put(ch)

    def _put(self, text):
        for ch in text:
            if self.col > len(self.chars):
                self.chars.extend(' ' * (self.col - len(self.chars)))
            if self.col == len(self.chars):
                self.chars.append(ch)
            else:
                self.chars[self.col] = ch
            self.col += 1


def find_prompt(lines, start):
    """Index of the first line at or after start that begins with a
    prompt, or None."""
    for index in range(start, len(lines)):
        if PROMPT_RE.match(lines[index]):
            return index
    return None
