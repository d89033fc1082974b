/** The "share your story" form's words, in English. */

export default {
  formTitle: 'Share your story',
  formIntro: 'Tell us why you take part, or share a photo or a video. A moderator reads every post before it appears on the wall.',
  name: 'Your name (as it will appear)',
  story: 'Your story',
  link: 'Link to a photo or a video (optional)',
  linkHint: 'The address of a picture, or a YouTube, Vimeo or PeerTube video.',
  photoAlt: 'Description of the photo (optional)',
  photoAltHint: 'What it shows, for people who cannot see it: “Thirty of us on the town hall steps with a green banner.”',
  yourChapter: 'Your local group (optional)',
  noChapter: 'None or not listed',
  consent: 'I agree that my name, my story and my link are published on this wall after review.',
  send: 'Send my story',
  sending: 'Sending…',
  thanks: 'Thank you, {name}! Your story will appear on the wall once a moderator has read it.',
  queuedReview: 'It will appear on the wall after review.',
  needName: 'Write your name as it should appear with your story.',
  badLink: '“{link}” is not a web address: paste one that starts with https://',
  needWords: 'Write a few words or add a link.',
  needConsent: 'Tick the box to agree to publication, or your story cannot appear.',
};
