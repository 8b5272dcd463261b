/*
 * lspci [-knv] [-s [[BUS]:][SLOT][.[FUNC]]] [-P DIR]: list the PCI
 * functions the kernel found, as pciutils' lspci does with its
 * /proc/bus/pci back end (without a pci.ids file; names.c has the few
 * names it knows).
 *
 * It reads DIR/devices (DIR is /proc/bus/pci, or -P DIR, pciutils' -A
 * linux-proc -O proc.path=DIR), Linux's format (drivers/pci/proc.c
 * show_device()): one line per function, tab-separated hex fields
 *
 *	BBDF  VVVVDDDD  IRQ  7 x (base address | flags)  7 x size  [DRIVER]
 *
 * (BB the bus, DF the device and function as devfn; the seventh
 * resource is the expansion ROM; DRIVER empty when none is bound), and
 * each function's configuration space from DIR/BB/DD.F.  Functions are
 * shown in bus, device, function order.  -n prints numbers instead of
 * names (-nn both), -v the details (show.c), -k the kernel driver, -s
 * only the functions in the given slots (hex; an empty or "*" part
 * matches any).  A missing devices file is "lspci: Cannot open
 * DIR/devices: reason", status 1; a function whose configuration file
 * gives less than the 64-byte header is reported and left out (status
 * 1); a bad option or -s gives usage and status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lspci.h"

#define PROC_BUS_PCI	"/proc/bus/pci"
#define NR_FIELDS	(3 + 2 * NR_RESOURCES)	/* numbers on a line */

/* -s: each part, or -1 for any. */
struct slot_filter {
	int bus, dev, func;
};

static void usage(void)
{
	fprintf(stderr,
		"usage: lspci [-knv] [-s [[BUS]:][SLOT][.[FUNC]]] [-P DIR]\n"
		"  -n  numeric IDs (-nn: names and numbers)\n"
		"  -v  details: regions, capabilities, driver\n"
		"  -k  the kernel driver of each function\n"
		"  -s  only these slots (hex; empty or * matches any)\n"
		"  -P  read DIR instead of " PROC_BUS_PCI "\n");
}

/* One hex part of -s: empty or "*" is any (-1); -2 when bad or > max. */
static int parse_part(const char *s, size_t len, int max)
{
	unsigned int v = 0;
	size_t i;

	if (!len || (len == 1 && s[0] == '*'))
		return -1;
	for (i = 0; i < len; i++) {
		int c = s[i] | 0x20, d = c >= '0' && c <= '9' ? c - '0' :
					  c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;

		if (d < 0 || (v = v * 16 + d) > (unsigned int)max)
			return -2;
	}
	return v;
}

/* "[[bus]:][slot][.[func]]"; NULL, or what was wrong with it. */
static const char *parse_slot(const char *s, struct slot_filter *sf)
{
	const char *colon = strchr(s, ':'), *dot;

	sf->bus = -1;
	if (colon) {
		sf->bus = parse_part(s, colon - s, 0xff);
		if (sf->bus == -2)
			return "Invalid bus number";
		s = colon + 1;
	}
	dot = strchr(s, '.');
	sf->dev = parse_part(s, dot ? (size_t)(dot - s) : strlen(s), 0x1f);
	if (sf->dev == -2)
		return "Invalid slot number";
	sf->func = dot ? parse_part(dot + 1, strlen(dot + 1), 7) : -1;
	if (sf->func == -2)
		return "Invalid function number";
	return NULL;
}

static int slot_matches(const struct slot_filter *sf, const struct pci_func *f)
{
	return (sf->bus < 0 || sf->bus == (int)f->bus) &&
	       (sf->dev < 0 || sf->dev == (int)f->dev) &&
	       (sf->func < 0 || sf->func == (int)f->func);
}

/* One line of the devices file into *f; 0, or -1 if it is malformed. */
static int parse_devices_line(char *line, struct pci_func *f)
{
	unsigned long long v[NR_FIELDS];
	char *p = line, *end;
	int i;

	for (i = 0; i < NR_FIELDS; i++) {
		while (*p == ' ')
			p++;
		v[i] = strtoull(p, &end, 16);
		if (end == p || (*end != '\t' && *end != '\n' && *end))
			return -1;
		p = *end == '\t' ? end + 1 : end;
	}
	memset(f, 0, sizeof(*f));
	f->bus = v[0] >> 8;
	f->dev = (v[0] >> 3) & 0x1f;
	f->func = v[0] & 7;
	f->vendor = v[1] >> 16;
	f->device = v[1] & 0xffff;
	f->irq = v[2];
	for (i = 0; i < NR_RESOURCES; i++) {
		f->base[i] = v[3 + i];
		f->size[i] = v[3 + NR_RESOURCES + i];
	}
	p[strcspn(p, "\t\n")] = '\0';
	strncpy(f->driver, p, sizeof(f->driver) - 1);
	return v[0] > 0xffff ? -1 : 0;
}

/* Read DIR/BB/DD.F; 0, or -1 when it gives less than the header. */
static int read_config(const char *dir, struct pci_func *f)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%02x/%02x.%x", dir, f->bus, f->dev,
		 f->func);
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		while (f->config_len < CONFIG_SIZE &&
		       (n = read(fd, f->config + f->config_len,
				 CONFIG_SIZE - f->config_len)) > 0)
			f->config_len += n;
		close(fd);
	}
	if (f->config_len >= CONFIG_HEADER)
		return 0;
	fprintf(stderr, "lspci: Unable to read the standard configuration "
		"space header of device 0000:%02x:%02x.%d\n", f->bus, f->dev,
		f->func);
	return -1;
}

struct func_list {
	struct pci_func *v;
	int n, cap;
};

static struct pci_func *func_list_add(struct func_list *l)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 16;
		struct pci_func *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		l->v = v;
		l->cap = cap;
	}
	return &l->v[l->n++];
}

/* Read every function the filter selects; the exit status so far. */
static int scan(const char *dir, const struct slot_filter *sf,
		struct func_list *l)
{
	char path[512], line[1024];
	struct pci_func *f;
	int status = 0;
	FILE *in;

	snprintf(path, sizeof(path), "%s/devices", dir);
	in = fopen(path, "r");
	if (!in) {
		fprintf(stderr, "lspci: Cannot open %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), in)) {
		f = func_list_add(l);
		if (!f) {
			fprintf(stderr, "lspci: %s\n", strerror(ENOMEM));
			status = 1;
			break;
		}
		if (parse_devices_line(line, f) < 0) {
			fprintf(stderr, "lspci: %s: malformed line\n", path);
			l->n--;
			status = 1;
		} else if (!slot_matches(sf, f)) {
			l->n--;
		} else if (read_config(dir, f) < 0) {
			l->n--;
			status = 1;
		}
	}
	fclose(in);
	return status;
}

static int func_cmp(const void *a, const void *b)
{
	const struct pci_func *x = a, *y = b;
	unsigned int kx = x->bus << 8 | x->dev << 3 | x->func;
	unsigned int ky = y->bus << 8 | y->dev << 3 | y->func;

	return kx < ky ? -1 : kx > ky;
}

int main(int argc, char **argv)
{
	struct slot_filter sf = { -1, -1, -1 };
	struct lspci_opts opts = { 0, 0, 0 };
	struct func_list list = { NULL, 0, 0 };
	const char *dir = PROC_BUS_PCI, *err;
	int c, i, status;

	while ((c = getopt(argc, argv, "knvs:P:")) != -1) {
		switch (c) {
		case 'k': opts.kernel = 1; break;
		case 'n': opts.numeric++; break;
		case 'v': opts.verbose = 1; break;
		case 'P': dir = optarg; break;
		case 's':
			err = parse_slot(optarg, &sf);
			if (err) {
				fprintf(stderr, "lspci: -s: %s\n", err);
				goto usage;
			}
			break;
		default:
			goto usage;
		}
	}
	if (optind != argc)
		goto usage;
	opts.numeric = opts.numeric > 2 ? 2 : opts.numeric;
	status = scan(dir, &sf, &list);
	if (status < 0)
		return 1;
	qsort(list.v, list.n, sizeof(*list.v), func_cmp);
	for (i = 0; i < list.n; i++)
		show_func(&list.v[i], &opts);
	free(list.v);
	if (fflush(stdout)) {
		fprintf(stderr, "lspci: write error: %s\n", strerror(errno));
		return 1;
	}
	return status;
usage:
	usage();
	return 2;
}
