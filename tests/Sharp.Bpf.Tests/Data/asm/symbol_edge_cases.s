# Listing edge cases llvm-objdump decides: no symbol at offset 0 (the section names itself), two symbols at one
# address (the last by name wins), local labels, branch targets before the section start and past its end,
# pseudo loads (ld_pseudo), a section without symbols, and bytes that do not decode.
	.text
	r0 = 1
	goto LBB0_2
	goto -5
	.globl	f
	.type	f,@function
f:
g:
	if r1 > 2 goto LBB0_2
	r0 = 2
LBB0_2:
	r0 += 1
	goto -5
	gotol +100
	ld_pseudo r1, 1, 3
	ld_pseudo r1, 2, 3
	exit

	.section xdp,"ax",@progbits
	.globl h
	.type h,@function
h:
	.globl aa
	.type aa,@function
aa:
	if r1 > 2 goto +1
	call h
	goto -1
	exit

	.section tc,"ax",@progbits
	r0 = 0
	if r1 > 2 goto +0
	exit
	.quad 0xffffffffffffffff
	.quad 0x0000000000000018
