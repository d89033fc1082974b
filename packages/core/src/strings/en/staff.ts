/** The staff sign-in's words, in English. */
export default {
  staffToken: 'Staff token',
  staffOpen: 'Open',
};
