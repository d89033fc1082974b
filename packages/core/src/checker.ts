/**
 * A schema as one plain test (#23): whether a value, already coerced (coerce.ts), passes it. A large source's first
 * look and its read ask it of 100,000 rows, where zod's own run, made to say what is wrong, cost a third of each. The
 * test is zod's: the value's kind as zod tests it, then the schema's own checks, each run as zod runs it, until one
 * fails. Worked out for fields of text, numbers and yes/no, and for records of them; for any other, zod is asked.
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
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
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
 * The schema's own checks (a format, a length, a bound, a refine), run one by one on a value of the right kind as zod
 * runs them: undefined when one of them changes the value (a trim), which is zod's to run.
 */
function checksOf(schema: z.core.$ZodType, def: Def): Checker | undefined {
  // A format (a slug, an instant, a whole number) is a check of its own, run before the others, as zod runs it.
  const self = schema as unknown as Check;
  const checks = [...(self._zod.traits.has('$ZodCheck') ? [self] : []), ...(def.checks ?? [])];
  if (checks.some((c) => c._zod.def.check === 'overwrite')) return undefined;
  let payload: Payload = { value: undefined, issues: [] };
  return (v) => {
    // The first failed check decides. Until then no issue is raised, and a check with a condition (a length's: the value
    // has one) runs when the condition holds, as zod runs it. The list of issues is emptied once one is in it, not
    // before each check: emptying an empty array, eight fields a row, was a third of a large source's checks (#23).
    payload.value = v;
    for (const c of checks) {
      if (c._zod.def.when && !c._zod.def.when(payload)) continue;
      if (c._zod.check(payload) instanceof Promise) {
        // An async check adds its issue later, to this payload: the next value gets a payload of its own.
        payload = { value: undefined, issues: [] };
        return undefined;
      }
      if (payload.issues.length) {
        payload.issues = [];
        return false;
      }
    }
    return true;
  };
}

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
  const checks = kind && !def.coerce ? checksOf(schema, def) : undefined;
  return checks && ((v) => (kind!(v) ? checks(v) : false));
}

/**
 * Whether a record, as coercion leaves it (only its schema's fields, each absent when empty), surely passes its
 * schema (a record of fields that `checker` tests, and its own checks after them): true when it does, false when zod
 * must say, because it fails or because a field present has a kind only zod tests (translations, lists). A record that
 * passes is its own answer: coerced, it is what zod would give. Undefined for a schema that is no such record.
 */
export function recordChecker(schema: z.core.$ZodType): ((value: Record<string, unknown>) => boolean) | undefined {
  const def = schema._zod.def as unknown as Def;
  // A strict record names what it does not know; a record's fields then its own checks.
  if (def.type !== 'object' || def.catchall) return undefined;
  const fields = Object.entries(def.shape ?? {}).map(([name, field]) => {
    const optional = (field._zod.def as unknown as Def).type === 'optional';
    return [name, checker(field) ?? ((v: unknown) => (optional && v === undefined ? true : undefined))] as const;
  });
  const checks = checksOf(schema, def);
  return (
    checks &&
    ((value) => {
      for (const [name, test] of fields) if (test(value[name]) !== true) return false;
      return checks(value) === true;
    })
  );
}
