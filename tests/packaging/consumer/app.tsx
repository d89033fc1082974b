// React 19 with the generated JSX types and the @lit/react wrappers (tests/packaging).
import type {} from 'archipel/jsx';
import { HubSignup } from 'archipel/react';

export function Page() {
  return (
    <>
      <hub-signup strings={{ submit: 'Join' }} onarchipel-submitted={(event) => console.log(event.detail.status)} />
      <HubSignup source="/api" strings={{ submit: 'Join' }} onArchipelSubmitted={(event) => console.log(event.detail.record.email)} />
      {/* @ts-expect-error an unknown property */}
      <hub-signup colour="red" />
    </>
  );
}
