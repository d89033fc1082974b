// What a page's own TypeScript may write against the published `archipel` package (tests/packaging).
import 'archipel/hub-signup';
import type { Signup, SubmittedDetail } from 'archipel';

const signup = document.createElement('hub-signup');
signup.strings = { submit: 'Je m’inscris' };
signup.fields = 'name email postcode';
signup.addEventListener('archipel-submitted', (event) => {
  const detail: SubmittedDetail = event.detail;
  const status: 'sent' | 'queued' = detail.status;
  console.log(status);
});
const record: Partial<Signup> = { email: 'lea@example.org' };
console.log(record);

// @ts-expect-error a widget's property keeps its type
signup.kiosk = 'yes';
// @ts-expect-error an event's detail is typed
document.querySelector('action-map')?.addEventListener('archipel-load', (event) => event.detail.nothing);
