/**
 * Math's functions, read once. Under Jest every module runs inside a vm context, where each global
 * lookup (`Math`, `Number`, ...) goes through an interceptor that costs 10-20x in a hot loop; the
 * synthetic generator and the date arithmetic import these instead. Plain Node is unaffected.
 */
export const { abs, ceil, cos, exp, floor, imul, log, max, min, PI, round, sin, sqrt } = Math;
