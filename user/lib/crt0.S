/*
 * _start: the first user instruction of every program.
 *
 * The kernel (or Linux's execve) leaves, per the System V x86_64 ABI:
 * (%rsp) = argc, 8(%rsp) = argv[0] ... argv[argc] = NULL, then envp[]
 * ending with NULL, then the auxiliary vector; %rsp is 16-byte aligned
 * and %rdx may hold a function to register with atexit (0 here).  We
 * pass argc, argv and envp to __libc_start_main(), which never returns.
 */
	.text
	.globl	_start
	.type	_start, @function
_start:
	xorl	%ebp, %ebp		/* outermost frame: ends backtraces */
	movq	(%rsp), %rdi		/* argc */
	leaq	8(%rsp), %rsi		/* argv */
	leaq	16(%rsp,%rdi,8), %rdx	/* envp = &argv[argc + 1] */
	andq	$-16, %rsp		/* the ABI's alignment at a call */
	call	__libc_start_main
	ud2				/* not reached */
	.size	_start, . - _start

	.section .note.GNU-stack, "", @progbits
