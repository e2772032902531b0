/*
 * syscall.h - the system call dispatcher.  Numbers and the calling
 * convention are in include/abi/syscall.h; docs/SYSCALLS.md documents each.
 */
#ifndef TESSERA_KERNEL_SYSCALL_H
#define TESSERA_KERNEL_SYSCALL_H

#include "kernel/proc.h"

void syscall_dispatch(struct thread *t);
ts_status sys_proc(struct thread *t, int op); /* sysproc.c */

#endif
