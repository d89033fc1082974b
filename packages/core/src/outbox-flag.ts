/** Set in localStorage while this browser holds writes, so that any Archipel page loads the outbox to send them. */
export const WAITING_FLAG = 'archipel-outbox-waiting';
