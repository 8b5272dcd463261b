/*
 * Running commands.
 *
 * A pipeline of one builtin runs inside the shell, with its
 * redirections applied to the shell's own descriptors and undone
 * afterwards.  Anything else is forked: one child per command, joined
 * by pipes, all in one new process group whose id is the first
 * child's pid (both parent and child call setpgid, so neither order
 * of events leaves a child outside the group).  Under job control that
 * group is made the terminal's foreground group while it runs, and
 * the shell takes the terminal back when every child has ended.
 *
 * Status ($?): the last command's exit status, or 128 + N when signal
 * N ended it; a command that is not found gives 127, one that cannot
 * be executed 126, a failed redirection 1.  A child ended by a signal
 * is reported in one line ("Segmentation fault"), except SIGINT (a
 * newline: the terminal already showed ^C) and SIGPIPE (normal in
 * pipelines).
 *
 * Invariants: the shell holds no pipe descriptor once a pipeline has
 * started; stdio buffers are flushed before every fork.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "sh.h"

#define MAX_PIPELINE 64
#define MAX_SAVED_FDS 16

int last_status;
int term_fd = -1;
pid_t shell_pgid;

/* The terminal's job-control signals: ignored by an interactive shell. */
static const int job_signals[] = {
	SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU,
};

#define NR_JOB_SIGNALS ((int)(sizeof(job_signals) / sizeof(int)))

void exec_setup(int interactive)
{
	int i;

	/* Taking the terminal back from the background must not stop us. */
	signal(SIGTTOU, SIG_IGN);
	if (interactive) {
		for (i = 0; i < NR_JOB_SIGNALS; i++)
			signal(job_signals[i], SIG_IGN);
		setpgid(0, 0);	/* fails harmlessly for a session leader */
		tcsetpgrp(STDIN_FILENO, getpgrp());
	}
	shell_pgid = getpgrp();
	if (isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) == shell_pgid)
		term_fd = STDIN_FILENO;
}

/* ---- redirections ---- */

struct saved_fd {
	int fd;			/* redirected descriptor */
	int copy;		/* its old file, or -1 if it was closed */
};

static int redir_error(const char *what)
{
	fprintf(stderr, "sh: %s: %s\n", what, strerror(errno));
	return -1;
}

/* The file of one redirection, as a descriptor; -1 after a message. */
static int redir_open(const struct redir *r)
{
	int flags;

	switch (r->kind) {
	case REDIR_IN:
		flags = O_RDONLY;
		break;
	case REDIR_OUT:
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	default:
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	}
	return open(r->target, flags, 0666);
}

static int redir_apply_one(const struct redir *r)
{
	char *end;
	long src;
	int fd;

	if (r->kind == REDIR_DUP) {
		if (!strcmp(r->target, "-"))
			return close(r->fd) < 0 && errno != EBADF ? -1 : 0;
		src = strtol(r->target, &end, 10);
		if (*end || end == r->target || src < 0 || src > 9999) {
			fprintf(stderr, "sh: %s: bad file descriptor\n",
				r->target);
			return -1;
		}
		if (src != r->fd && dup2(src, r->fd) < 0)
			return redir_error(r->target);
		return 0;
	}
	fd = redir_open(r);
	if (fd < 0)
		return redir_error(r->target);
	if (fd != r->fd) {
		if (dup2(fd, r->fd) < 0) {
			close(fd);
			return redir_error(r->target);
		}
		close(fd);
	}
	return 0;
}

/*
 * Apply a command's redirections in order.  With save, remember each
 * descriptor's old file first, so redir_undo() can put it back.
 */
static int redir_apply(struct redir *r, struct saved_fd *save, int *nsave)
{
	for (; r; r = r->next) {
		if (save) {
			if (*nsave == MAX_SAVED_FDS) {
				fprintf(stderr, "sh: too many redirections\n");
				return -1;
			}
			save[*nsave].fd = r->fd;
			save[*nsave].copy = dup(r->fd);
			(*nsave)++;
		}
		if (redir_apply_one(r) < 0)
			return -1;
	}
	return 0;
}

static void redir_undo(struct saved_fd *save, int nsave)
{
	while (nsave-- > 0) {
		if (save[nsave].copy >= 0) {
			dup2(save[nsave].copy, save[nsave].fd);
			close(save[nsave].copy);
		} else {
			close(save[nsave].fd);
		}
	}
}

/* ---- expansion of a whole command ---- */

struct job_cmd {
	char **argv;
	int argc;
	struct redir *redirs;
};

static int expand_command(struct arena *a, struct command *c,
			  struct job_cmd *jc)
{
	struct redir *r;
	int i;

	jc->argv = arena_alloc(a, (c->nwords + 1) * sizeof(char *));
	jc->argc = 0;
	for (i = 0; i < c->nwords; i++) {
		char *w = expand_word(a, c->words[i]);

		if (w)
			jc->argv[jc->argc++] = w;
	}
	jc->argv[jc->argc] = NULL;
	for (r = c->redirs; r; r = r->next) {
		r->target = expand_word(a, r->word);
		if (!r->target) {
			fprintf(stderr, "sh: %s: ambiguous redirect\n",
				r->word);
			return -1;
		}
	}
	jc->redirs = c->redirs;
	return 0;
}

/* ---- running inside the shell ---- */

static int run_in_shell(struct job_cmd *jc)
{
	struct saved_fd save[MAX_SAVED_FDS];
	builtin_fn fn = jc->argc ? find_builtin(jc->argv[0]) : NULL;
	int nsave = 0, status = 1;

	if (redir_apply(jc->redirs, save, &nsave) == 0)
		status = fn ? fn(jc->argc, jc->argv) : 0;
	fflush(stdout);
	fflush(stderr);
	redir_undo(save, nsave);
	return status;
}

/* ---- children ---- */

static __attribute__((noreturn)) void exec_failed(const char *name)
{
	if (errno == ENOENT && !strchr(name, '/'))
		fprintf(stderr, "sh: %s: not found\n", name);
	else
		fprintf(stderr, "sh: %s: %s\n", name, strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* In the child: join the group, take the terminal, wire up fds. */
static void child_setup(pid_t pgid, int in, int out, int other)
{
	int i;

	setpgid(0, pgid);
	if (term_fd >= 0 && pgid == 0)
		tcsetpgrp(term_fd, getpid());
	for (i = 0; i < NR_JOB_SIGNALS; i++)
		signal(job_signals[i], SIG_DFL);
	if (in != STDIN_FILENO) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (out != STDOUT_FILENO) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	if (other >= 0)
		close(other);
}

static __attribute__((noreturn)) void child_run(struct job_cmd *jc)
{
	builtin_fn fn;
	int status;

	if (redir_apply(jc->redirs, NULL, NULL) < 0)
		_exit(1);
	if (jc->argc == 0)
		_exit(0);
	fn = find_builtin(jc->argv[0]);
	if (fn) {
		status = fn(jc->argc, jc->argv);
		fflush(NULL);
		_exit(status);
	}
	execvp(jc->argv[0], jc->argv);
	exec_failed(jc->argv[0]);
}

/* ---- waiting ---- */

static void report_signal(int status, int *interrupted)
{
	int sig = WTERMSIG(status);

	if (sig == SIGINT)
		*interrupted = 1;
	else if (sig != SIGPIPE)
		fprintf(stderr, "%s%s\n", strsignal(sig),
			WCOREDUMP(status) ? " (core dumped)" : "");
}

/*
 * Wait for one child to end.  There is no way to resume a stopped job
 * later, so a child stopped by ^Z (where the kernel stops processes)
 * is continued at once rather than left to hang the shell.
 */
static pid_t wait_child(pid_t pid, pid_t pgid, int *status)
{
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, WUNTRACED);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || !WIFSTOPPED(*status))
			return r;
		fprintf(stderr, "sh: stopped jobs are not supported: "
			"continuing\n");
		kill(-pgid, SIGCONT);
	}
}

/* Wait for every child of the pipeline; the status of the last one. */
static int wait_all(pid_t *pids, int n, pid_t pgid)
{
	int i, status = 0, result = 1, interrupted = 0;
	pid_t r;

	for (i = 0; i < n; i++) {
		r = wait_child(pids[i], pgid, &status);
		if (r < 0) {
			fprintf(stderr, "sh: wait: %s\n", strerror(errno));
			result = 1;
			continue;
		}
		if (WIFSIGNALED(status))
			report_signal(status, &interrupted);
		result = WIFSIGNALED(status) ? 128 + WTERMSIG(status) :
			 WEXITSTATUS(status);
	}
	if (interrupted && term_fd >= 0)
		fputc('\n', stderr);
	return result;
}

/* ---- pipelines ---- */

/* Fork the commands; returns how many started, pids in pids[]. */
static int start_children(struct job_cmd *jc, int ncmds, pid_t *pids,
			  pid_t *pgid)
{
	int i, in = STDIN_FILENO, p[2] = { -1, -1 };
	pid_t pid;

	for (i = 0; i < ncmds; i++) {
		int last = i == ncmds - 1;

		if (!last && pipe(p) < 0) {
			redir_error("pipe");
			break;
		}
		pid = fork();
		if (pid < 0) {
			redir_error("fork");
			if (!last) {
				close(p[0]);
				close(p[1]);
			}
			break;
		}
		if (pid == 0) {
			child_setup(*pgid, in, last ? STDOUT_FILENO : p[1],
				    last ? -1 : p[0]);
			child_run(&jc[i]);
		}
		if (!*pgid)
			*pgid = pid;
		setpgid(pid, *pgid);
		pids[i] = pid;
		if (in != STDIN_FILENO)
			close(in);
		in = STDIN_FILENO;
		if (!last) {
			close(p[1]);
			in = p[0];
		}
	}
	if (in != STDIN_FILENO)
		close(in);
	return i;
}

static int run_forked(struct job_cmd *jc, int ncmds)
{
	pid_t pids[MAX_PIPELINE], pgid = 0;
	int started, status;

	fflush(NULL);
	started = start_children(jc, ncmds, pids, &pgid);
	if (started && term_fd >= 0)
		tcsetpgrp(term_fd, pgid);
	status = wait_all(pids, started, pgid);
	if (term_fd >= 0)
		tcsetpgrp(term_fd, shell_pgid);
	return started == ncmds ? status : 1;
}

static int run_pipeline(struct arena *a, struct pipeline *pl)
{
	struct job_cmd jc[MAX_PIPELINE];
	struct command *c;
	int i = 0;

	if (pl->ncmds > MAX_PIPELINE) {
		fprintf(stderr, "sh: pipeline too long\n");
		return 2;
	}
	for (c = pl->cmds; c; c = c->next)
		if (expand_command(a, c, &jc[i++]) < 0)
			return 1;
	if (pl->ncmds == 1 &&
	    (jc[0].argc == 0 || find_builtin(jc[0].argv[0])))
		return run_in_shell(&jc[0]);
	return run_forked(jc, pl->ncmds);
}

void run_list(struct arena *a, struct pipeline *list)
{
	enum connector prev = CONN_SEQ;
	struct pipeline *pl;

	for (pl = list; pl && !exit_requested; pl = pl->next) {
		if ((prev == CONN_AND && last_status != 0) ||
		    (prev == CONN_OR && last_status == 0)) {
			prev = pl->conn;
			continue;
		}
		last_status = run_pipeline(a, pl);
		prev = pl->conn;
	}
}
