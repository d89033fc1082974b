import type {} from 'archipel/jsx';

export const Mistake = () => (
  <hub-signup
    strings={42}
    onarchipel-submitted={(event) => event.detail.nothing}
  />
);
