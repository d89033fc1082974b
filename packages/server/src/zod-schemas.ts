/**
 * Fastify with zod schemas for routes: a validator compiler that runs a
 * route's zod schema and a type provider that gives handlers the parsed types.
 * A refusal is a problem document (400, "Bad <parameter>") rather than
 * Fastify's own error shape.
 */
import type { FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import type * as z from 'zod';
import { Problem } from './problems.js';

export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data };
  const issue = result.error.issues[0]!;
  return { error: new Problem(400, `Bad ${String(issue.path[0] ?? 'request')}`, issue.message) };
};
