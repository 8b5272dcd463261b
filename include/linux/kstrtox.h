/*
 * Converting strings to numbers (lib/kstrtox.c), as Linux's kstrtox.h:
 * the whole string must be the number (one trailing newline allowed);
 * base 0 means 0x... is hex, a leading 0 octal, else decimal.  0, or
 * -EINVAL for a malformed string, -ERANGE for one that does not fit.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);

#endif
