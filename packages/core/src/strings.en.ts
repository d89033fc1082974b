/** The words every widget needs for its states, in English. */
export default {
  loading: 'Loading…',
  empty: 'Nothing to show yet.',
  error: 'Could not load the data. {reason}',
  retry: 'Try again',
  offline: 'You are offline. Showing what was saved {when}.',
  unrefreshed: 'Could not refresh: {reason} Showing what was saved {when}.',
  noSource: 'No data source: set the source attribute to a Google Sheet, a folder of JSON files or an API address.',
  skipped: '# entry could not be read and is not shown.|# entries could not be read and are not shown.',
};
