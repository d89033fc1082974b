/**
 * "Share your story": loaded when the person opens it. The story goes through
 * the outbox like every write (stored on the device first, sent once, retried
 * when the network comes back), and the person is told it appears after review.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { describeIssue, read, safeUrl } from '@archipel/core/shared';
import { sendRecord } from '@archipel/core/outbox';
import { postWriteReader } from '@archipel/core/schemas/post-write';
import { chapterReader } from '@archipel/core/schemas/chapters';
import { videoOf } from './video.js';
import { shareFormWords } from './strings/share-form.js';
import { sendWords } from '@archipel/core/shared';
import { panelStyles } from './panel.styles.js';
import type { HashtagWall } from './hashtag-wall.component.js';

const PICTURE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:$|[?#])/i;

/** "" for no link, the address (with https:// added to "www.example.org/x"), or undefined when it is not a web address. */
function webAddress(text: string): string | undefined {
  if (!text) return '';
  // Against about:blank nothing relative resolves, so "not a url" is refused rather than read as a path of this site.
  const url = safeUrl(/^[\w-]+(\.[\w-]+)+(?:[/?#]|$)/.test(text) ? `https://${text}` : text, 'about:blank');
  return url && /^https?:\/\/[^/]*\./.test(url) ? url : undefined;
}

export class ShareForm {
  private started = Date.now();
  private chapters: { id: string; name: string }[] = [];
  private sending = false;
  private message?: { tone: 'ok' | 'error'; text: string };

  constructor(private readonly host: HashtagWall) {
    host.learn([shareFormWords, sendWords], panelStyles);
    const adapter = host.dataAdapter;
    if (adapter && !host.currentChapter) {
      void read(adapter, 'chapters', chapterReader, {}, (r) => {
        this.chapters = r.items.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name, host.locale));
        host.requestUpdate();
      });
    }
  }

  private say(tone: 'ok' | 'error', text: string): void {
    this.message = { tone, text };
    this.host.requestUpdate();
  }

  /** Says what to fix, and takes the person to the field. */
  private refuse(form: HTMLFormElement, name: string, text: string): void {
    this.say('error', text);
    (form.elements.namedItem(name) as HTMLElement | null)?.focus();
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const { host } = this;
    const form = e.target as HTMLFormElement;
    const adapter = host.dataAdapter;
    if (!adapter?.writable || this.sending) return;
    const f = new FormData(form);
    const field = (k: string) => String(f.get(k) ?? '').trim();
    const link = webAddress(field('link'));
    if (!field('name')) return this.refuse(form, 'name', host.t('needName'));
    if (link === undefined) return this.refuse(form, 'link', host.t('badLink', { link: field('link') }));
    if (!field('text') && !link) return this.refuse(form, 'text', host.t('needWords'));
    if (!f.get('consent')) return this.refuse(form, 'consent', host.t('needConsent'));
    const now = new Date().toISOString();
    const tag = host.hashtag.replace(/^#/, '');
    const kind = !link ? 'link' : videoOf(link) ? 'video' : PICTURE.test(link) ? 'image' : 'link';
    const parsed = postWriteReader.read({
      id: crypto.randomUUID(),
      author: field('name'),
      text: field('text') || undefined,
      [kind]: link || undefined,
      hashtags: tag ? [tag] : undefined,
      chapter: host.currentChapter ?? (field('chapter') || undefined),
      consent: { purpose: 'publish-post', version: host.consentVersion, text: host.t('consent'), at: now },
      locale: host.locale,
      created: now,
    });
    if (!parsed.success) return this.say('error', host.t('problem', { problem: describeIssue(parsed.error.issues[0]!, (k, v) => host.t(k as never, v)) }));
    const record = parsed.data;
    this.sending = true;
    this.message = undefined;
    host.requestUpdate();
    await sendRecord(host, adapter, 'posts', record, { hp: field('website'), elapsed: Date.now() - this.started }, (o) => {
      this.sending = false;
      if (!o) return host.requestUpdate();
      if (o.status === 'failed') return this.say('error', host.t(o.kept === false ? 'unsaved' : 'failed', { reason: o.message ?? '' }));
      this.say('ok', o.status === 'sent' ? host.t('thanks', { name: record.author }) : `${host.t('queued')} ${host.t('queuedReview')}`);
      form.reset();
      this.started = Date.now();
    });
  }

  render(): TemplateResult {
    const { host } = this;
    const writable = host.dataAdapter?.writable;
    return html`<form part="form" class="share" aria-labelledby="f-title" novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
      <h3 id="f-title">${host.t('formTitle')}</h3>
      ${writable
        ? html`<p>${host.t('formIntro')}</p>
            <label>${host.t('name')}<input name="name" required maxlength="120" autocomplete="name" /></label>
            <label>${host.t('story')}<textarea name="text" rows="4" maxlength="4000"></textarea></label>
            <label>${host.t('link')}<input name="link" type="url" inputmode="url" aria-describedby="f-hint" /></label>
            <small id="f-hint">${host.t('linkHint')}</small>
            ${this.chapters.length
              ? html`<label>${host.t('yourChapter')}<select name="chapter"><option value="">${host.t('noChapter')}</option>${this.chapters.map((c) => html`<option value=${c.id}>${c.name}</option>`)}</select></label>`
              : nothing}
            <label class="hp" aria-hidden="true">${host.t('honeypot')}<input name="website" tabindex="-1" autocomplete="off" /></label>
            <label class="check"><input type="checkbox" name="consent" required /> ${host.t('consent')}</label>
            <button type="submit" ?disabled=${this.sending}>${host.t(this.sending ? 'sending' : 'send')}</button>`
        : html`<p class="notice">${host.t('readonly')}</p>`}
      <p role="status" class=${this.message?.tone === 'ok' ? 'notice' : ''}>${this.message?.tone === 'ok' ? this.message.text : ''}</p>
      <p role="alert" class=${this.message?.tone === 'error' ? 'notice' : ''} data-tone="error">${this.message?.tone === 'error' ? this.message.text : ''}</p>
    </form>`;
  }
}
