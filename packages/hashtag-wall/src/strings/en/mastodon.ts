/** What the wall says about a Mastodon server, in English. */
export default {
  mastodonLocked:
    '{host} shows its public posts only to people signed in there (its administrators require sign-in for public timelines), so its #{tag} posts cannot appear on this wall. Posts shared here still do.',
  mastodonBusy: '{host} asked us to slow down; its #{tag} posts will be checked again at {time}.',
  mastodonFailed: 'The #{tag} posts from {host} could not be read. The wall shows the others.',
  mastodonNoTag: 'To show posts from {host}, give the wall a hashtag attribute.',
  sensitive: 'Sensitive content',
};
