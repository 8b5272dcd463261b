/* klogctl(): syslog(2), one call; see <sys/klog.h>. */
#include <sys/klog.h>
#include "internal.h"

int klogctl(int type, char *bufp, int len)
{
	return __syscall_ret(__syscall3(__NR_syslog, type, (long)bufp, len));
}
