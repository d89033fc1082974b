// Importing a widget registers its tag; `archipel/jsx` tells TypeScript about every tag's properties and events.
import 'archipel/hub-signup';
import 'archipel/readiness-survey';
import type {} from 'archipel/jsx';
import type { Signup, SubmittedDetail } from 'archipel';
import { useState } from 'react';

// An object property: React 19 sets it on the element as a property, not as an attribute.
const strings = { heading: 'Join the React team', submit: 'Count me in' };

export function App() {
  const [joined, setJoined] = useState<SubmittedDetail<Signup>[]>([]);
  return (
    <main>
      <h1>Archipel in React</h1>
      <hub-signup
        source="/api"
        fields="name email postcode"
        strings={strings}
        onarchipel-submitted={(event) => setJoined((all) => [...all, event.detail])}
      />
      <output>
        {joined.map(({ record, status }) => (
          <p key={record.email}>
            {record.name} joined ({status})
          </p>
        ))}
      </output>
      <readiness-survey source="/api" survey="pret-a-agir" />
    </main>
  );
}
