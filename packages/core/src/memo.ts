/**
 * Derived state, computed again only when what it is derived from changed: `memo(fn)` remembers `fn`'s
 * last inputs (compared with `Object.is`) and answer. The one idiom for a value a render needs that costs
 * too much to compute each time (a sorted list, a filtered list, a place index).
 */
export function memo<A extends readonly unknown[], R>(fn: (...inputs: A) => R): (...inputs: A) => R {
  let last: A | undefined;
  let value!: R;
  return (...inputs: A) => {
    if (!last || inputs.length !== last.length || inputs.some((v, i) => !Object.is(v, last![i]))) {
      value = fn(...inputs);
      last = inputs;
    }
    return value;
  };
}
