/*
 * echo [-n] [STRING...]: write the strings separated by spaces and
 * followed by a newline (none with -n).  Only leading "-n" arguments
 * are options; anything else, "-x" included, is printed as it is.
 */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	int newline = 1, i = 1;

	for (; i < argc && !strcmp(argv[i], "-n"); i++)
		newline = 0;
	for (; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	if (fflush(stdout) == EOF) {
		perror("echo: write error");
		return 1;
	}
	return 0;
}
