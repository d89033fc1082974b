/**
 * A field's schema as one plain test (#23): whether a value, already coerced (coerce.ts), passes the schema. The first
 * look at a large source asks it of 100,000 rows, where zod's own run, made to say what is wrong, cost a third of
 * the look. The test is zod's: the value's kind as zod tests it, then the schema's own checks, each run as zod runs
 * it, until one fails. Worked out only for the kinds of fields a pin is made of; for any other, undefined, and zod is asked.
 */
import type * as z from 'zod/mini';

/** A check as zod keeps it: it adds an issue to the payload when the value fails it. */
interface Check {
  _zod: { def: { when?: (payload: Payload) => boolean; check?: string }; traits: Set<string>; check: (payload: Payload) => unknown };
}

interface Payload {
  value: unknown;
  issues: unknown[];
}

interface Def {
  type: string;
  coerce?: boolean;
  innerType?: z.core.$ZodType;
  checks?: Check[];
}

const KINDS: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
};

/** `schema.safeParse(value).success` for a value as coercion leaves it, or undefined when it cannot be told here. */
export type Checker = (value: unknown) => boolean | undefined;

/**
 * The test of a field's schema (optional, or a string, number or boolean with checks that zod runs one by one), or
 * undefined for any other schema. The test answers undefined when a check cannot be told at once (an async refine).
 */
export function checker(schema: z.core.$ZodType): Checker | undefined {
  const def = schema._zod.def as unknown as Def;
  if (def.type === 'optional') {
    const inner = checker(def.innerType!);
    return inner && ((v) => (v === undefined ? true : inner(v)));
  }
  const kind = KINDS[def.type];
  if (!kind || def.coerce) return undefined;
  // A format (a slug, an instant, a whole number) is a check of its own, run before the others, as zod runs it.
  const self = schema as unknown as Check;
  const checks = [...(self._zod.traits.has('$ZodCheck') ? [self] : []), ...(def.checks ?? [])];
  // A check that changes the value (a trim) is zod's to run.
  if (checks.some((c) => c._zod.def.check === 'overwrite')) return undefined;
  const payload: Payload = { value: undefined, issues: [] };
  return (v) => {
    if (!kind(v)) return false;
    // The first failed check decides. Until then no issue is raised, and a check with a condition (a length's: the value
    // has one) runs when the condition holds, as zod runs it.
    for (const c of checks) {
      payload.value = v;
      payload.issues.length = 0;
      if (c._zod.def.when && !c._zod.def.when(payload)) continue;
      if (c._zod.check(payload) instanceof Promise) return undefined;
      if (payload.issues.length) return false;
    }
    return true;
  };
}
