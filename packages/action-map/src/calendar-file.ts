/**
 * "Add to my calendar": the action as an iCalendar file made in the browser (core's actionIcs: its times in its
 * own zone, with the zone's rules), whatever the source, and saved as a download that calendar apps open. Loaded
 * only when someone asks for it.
 */
import { actionIcs, type Action } from '@archipel/core';

/** The action's calendar file. */
export function calendarFile(a: Action & { id: string }): File {
  const text = actionIcs(a, { host: location.hostname || 'archipel' });
  const name = `${a.title.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || a.id}.ics`;
  return new File([text], name, { type: 'text/calendar' });
}

/** Saves the file: the browser downloads it, and the calendar app opens it from there. */
export function saveCalendar(a: Action & { id: string }): File {
  const file = calendarFile(a);
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return file;
}
