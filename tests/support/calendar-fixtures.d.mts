/** Types of calendar-fixtures.mjs, for the TypeScript tests that start its server. */
export interface CalendarAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export function calendarAnswer(method: string, path: string, requestBody?: string): CalendarAnswer;

export interface CalendarServer {
  url: string;
  /** Every answer a 503 while true. */
  down: boolean;
  /** Other bytes served at a path (relative to the root, "alternatiba-lyon.ics"). */
  replace: Map<string, string>;
  requests: number;
  close(): Promise<void>;
}

export function startCalendarServer(): Promise<CalendarServer>;
