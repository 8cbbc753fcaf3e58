import { fromSafe, params, type HelperFn } from './common';

/** Mockoon's add/subtract/multiply/divide: folds the arguments, skipping those that are not numbers (and, for divide, zeros). */
function fold(op: (a: number, b: number) => number, skipZero = false): HelperFn {
  return (...args) => {
    if (args.length === 1) return '';
    return args.reduce((acc, item, index) => {
      const n = Number(fromSafe(item));
      if (!isNaN(n) && index !== args.length - 1 && !(skipZero && n === 0)) return op(Number(acc), Number(item));
      return Number(acc);
    });
  };
}

function unary(op: (n: number) => number): HelperFn {
  return (...args) => {
    const p = params(args);
    return p.length === 0 ? '' : op(Number(p[0]));
  };
}

/** Arithmetic (Mockoon's math helpers). */
export const mathHelpers: Record<string, HelperFn> = {
  add: fold((a, b) => a + b),
  subtract: fold((a, b) => a - b),
  multiply: fold((a, b) => a * b),
  divide: fold((a, b) => a / b, true),
  modulo(...args) {
    const p = params(args);
    if (p.length <= 1 || Number(p[1]) === 0) return '';
    return Number(p[0]) % Number(p[1]);
  },
  ceil: unary(Math.ceil),
  floor: unary(Math.floor),
  round: unary(Math.round),
};
