/** The words every form needs, in English. */
export default {
  readonly: 'This form is not open yet. Please come back later.',
  queued: 'Saved on this device; it will be sent automatically.',
  waiting: { one: '# waiting to be sent', other: '# waiting to be sent' },
  failed: 'Not sent. {reason} It is kept on this device.',
  unsaved: 'Not sent. {reason} This browser does not let the form keep it, so send it again in a moment.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Leave this field empty',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(required)',
  fieldMissing: 'Please fill in this field.',
  fieldEmail: 'Write an email address such as name@example.org.',
  fieldPhone: 'Write a phone number: digits, spaces and +.',
  fieldContact: 'Give an email address or a phone number.',
  sentNow: 'Sent.',
  queuedBlocked: 'Saved on this device: the campaign’s server does not accept forms from this page yet. It will be sent once the campaign fixes that.',
  refusedAt: 'Not sent ({time}). {reason}',
  refusedUnreachable: 'The campaign could not be reached.',
  refusedDuplicate: 'It had already been received, so it is not counted twice.',
  refusedTooLarge: 'It is too large to send: make it shorter or smaller.',
  refusedInvalid: 'The campaign did not accept what was written: check it, then send it again.',
  refusedSetup: 'The campaign cannot receive it from this page yet.',
  discard: 'Discard',
};
