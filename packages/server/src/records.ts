/**
 * The one place where the server checks a record with core's write readers
 * (coercion, then the strict zod schema), the same ones the widgets use, so
 * that both refuse alike.
 */
import { writeReaders, describeIssue } from '@archipel/core/server';
import { Problem } from './problems.js';

export type WrittenCollection = keyof typeof writeReaders;

/** A record as the schema gives it back: normalised, unknown fields dropped. */
export type WrittenRecord = Record<string, unknown> & { id: string; chapter?: string; created?: string; author?: string; survey?: string; region?: string; answers?: unknown };

export function validateRecord(collection: WrittenCollection, body: Record<string, unknown>): WrittenRecord {
  const result = writeReaders[collection].read(body);
  if (!result.success) {
    const errors = result.error.issues.map((i) => ({ field: i.path.join('.'), message: describeIssue(i) }));
    throw new Problem(422, 'Invalid record', errors.map((e) => e.message).join('; '), { errors });
  }
  return result.data as WrittenRecord;
}
