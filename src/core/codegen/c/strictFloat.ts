/**
 * The preamble of every kernel source that does float32 arithmetic: no fused multiply-add, so that each
 * product and each sum is rounded to float32 on its own, as TFLite's reference kernels and the studio's
 * interpreter compute them. GCC contracts `acc += a * b` into an FMA on cores that have one (Cortex-M4F
 * VFMA) unless told not to, and ignores the standard pragma; Clang honours the standard pragma.
 */
export const STRICT_FLOAT_PREAMBLE = String.raw`/* Round every float32 product and sum on its own (no fused multiply-add): the interpreter's bits. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif
`;
