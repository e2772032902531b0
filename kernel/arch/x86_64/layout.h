/*
 * layout.h - the fixed virtual memory layout (no KASLR: structure, not
 * secrecy).  Shared by assembly and C.  See docs/ARCHITECTURE.md.
 *
 *   0x0000000000400000 .. 0x00007fffffe00000  user space (PML4 0..255)
 *   0xffff800000000000 ..                     direct map of all RAM, RW NX (PML4 256)
 *   0xffffffff40000000 ..                     device MMIO window, RW NX UC
 *   0xffffffff80100000 ..                     kernel image (PML4 511, PDPT 510)
 */
#ifndef TESSERA_X86_LAYOUT_H
#define TESSERA_X86_LAYOUT_H

#define KERNEL_VMA 0xffffffff80000000
#define KERNEL_PHYS 0x100000
#define DMAP_BASE 0xffff800000000000
#define MMIO_BASE 0xffffffff40000000
#define PAGE_SIZE 4096

/* GDT selectors.  The order is fixed by syscall/sysret (see cpu.c). */
#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UDATA 0x23 /* 0x20 | RPL 3 */
#define SEL_UCODE 0x2b /* 0x28 | RPL 3 */
#define SEL_TSS 0x30

/* Vectors. */
#define VEC_TIMER 0x20
#define VEC_PIC_BASE 0xe0 /* legacy PIC remapped here and masked: spurious only */
#define VEC_SPURIOUS 0xff
#define VEC_SYSCALL 0x100 /* pseudo-vector recorded in frames made by syscall */

/* struct trap_frame size in bytes (22 quadwords), used by entry.S. */
#define TRAP_FRAME_SIZE (22 * 8)

#define ENTRY_STACK_SIZE 8192
#define IST_STACK_SIZE 4096
#define KERNEL_STACK_SIZE 16384

#endif
