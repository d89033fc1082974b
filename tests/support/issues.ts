/** Skipped rows in the English words a webmaster reads, to compare with what a test expects. */
import { describeIssue } from '../../packages/core/src/server.ts';
import type { SkippedRow } from '../../packages/core/src/parse.ts';

export const inWords = (rows: readonly SkippedRow[]) => rows.map(({ row, issue }) => ({ row, reason: describeIssue(issue) }));
export const reasons = (rows: readonly SkippedRow[]) => rows.map(({ issue }) => describeIssue(issue));
