/*
 * audit.c - the security-event ring.
 */
#include <string.h>
#include "kernel/audit.h"
#include "kernel/config.h"
#include "kernel/log.h"
#include "kernel/arch/x86_64/apic.h"
#include "include/abi/status.h"

static struct audit_record ring[AUDIT_RING_SIZE];
static uint64_t next_seq;

const char *audit_kind_name(uint32_t kind)
{
	static const char *const names[] = {
		"?", "spawn", "exit", "fault", "denied", "elf_reject", "kill",
		"revoke",
	};
	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "?";
}

static void copy_field(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strnlen(src, cap - 1) : 0;

	memcpy(dst, src, n);
	dst[n] = '\0';
}

void audit(enum audit_kind kind, uint32_t pid, const char *name, int64_t status,
	   uint64_t arg0, uint64_t arg1, const char *what)
{
	struct audit_record *r = &ring[next_seq % AUDIT_RING_SIZE];

	r->seq = next_seq++;
	r->time_ns = time_ns();
	r->kind = kind;
	r->pid = pid;
	r->status = status;
	r->arg0 = arg0;
	r->arg1 = arg1;
	copy_field(r->name, sizeof(r->name), name);
	copy_field(r->what, sizeof(r->what), what);
	klog("AUDIT seq=%lu kind=%s pid=%u name=%s status=%s a0=%lx a1=%lx what=%s",
	     (unsigned long)r->seq, audit_kind_name(kind), pid, r->name,
	     ts_status_name(status), (unsigned long)arg0, (unsigned long)arg1,
	     r->what);
}

uint64_t audit_count(void)
{
	return next_seq;
}
