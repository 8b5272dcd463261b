"""The pieces of tests/e2e_shell.py, the end-to-end shell test.

    screen   what a person reads, from what the guest sends
    session  a program (QEMU, or a stand-in shell) on a pseudo-terminal:
             reading its screen, typing and pasting into it

tests/e2e_shell.py itself holds the checks and runs them.
"""
