/**
 * Hosting and joining actions. A proposal is an action someone offers to host, with the proposer's contact (personal
 * data: never public) and their consent; a chapter's lead or staff approve it, and it becomes an action. An RSVP is
 * one person coming to one action: name, contact and consent, counted once per person.
 */
import * as z from 'zod/mini';
import { text, required, slug, url, wholeBetween, instant, clientId, email, phone } from './fields.js';
import { ConsentSchema } from './consent.js';
import { recordReader } from '../reader.js';
import { actionContent, inItsZone } from './actions.js';

/** Who proposes an action: to be called back by the chapter, never shown to anyone else. */
export const ProposerSchema = z.object({
  name: required(120),
  email: z.optional(email),
  phone: z.optional(phone),
});

export const ProposalSchema = z
  .object({
    id: clientId,
    ...actionContent,
    capacity: z.optional(wholeBetween(1, 100_000)),
    proposer: ProposerSchema,
    consent: z.array(ConsentSchema).check(z.minLength(1, { error: 'consentMissing' })),
    locale: z.optional(text(16)),
    created: instant,
  })
  .check(
    z.refine((a) => !a.end || a.end >= a.start, { path: ['end'], error: 'endBeforeStart' }),
    z.refine((a) => Boolean(a.proposer.email || a.proposer.phone), { path: ['proposer', 'email'], error: 'contactNeeded' }),
    // An action happens somewhere: a place on the map, or online with its link. The form says it in the person's
    // words (the map's `hostPlaceUnknown`), the server in its own (routes/hosting.ts): every page's catalogue of
    // issues stays as it was.
    z.refine((a) => Boolean((a.lat !== undefined && a.lng !== undefined) || a.city || a.address || (a.virtual && a.url)), { path: ['place'], error: 'placeNeeded' }),
  );

export type Proposal = z.infer<typeof ProposalSchema>;

/** Wall times ("14:00") are read in the action's own zone, as an action's are. */
export const proposalReader = recordReader(ProposalSchema, { prepare: inItsZone });

export const RsvpSchema = z
  .object({
    id: clientId,
    action: slug,
    name: required(120),
    email: z.optional(email),
    phone: z.optional(phone),
    consent: z.array(ConsentSchema).check(z.minLength(1, { error: 'consentMissing' })),
    locale: z.optional(text(16)),
    created: instant,
  })
  .check(z.refine((r) => Boolean(r.email || r.phone), { path: ['email'], error: 'contactNeeded' }));

export type Rsvp = z.infer<typeof RsvpSchema>;

export const rsvpReader = recordReader(RsvpSchema);

/** Who an RSVP is, for counting each person once per action: their email, else their phone's digits. */
export const rsvpContactKey = (r: { email?: string; phone?: string }) => (r.email ? r.email.trim().toLowerCase() : (r.phone ?? '').replace(/[^\d+]/g, ''));
