/* crt0.S - a user program starts here: call main, exit with its value. */
	.section .text.start, "ax"
	.global _start
_start:
	xorl %ebp, %ebp
	andq $-16, %rsp
	call main
	movl %eax, %edi
	call sys_exit
	ud2
