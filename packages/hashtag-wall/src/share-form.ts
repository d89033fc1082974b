/**
 * "Share your story": loaded when the person opens it. The story goes through the outbox like every write
 * (stored on the device first, sent once, retried when the network comes back), and the person is told it
 * appears after review.
 */
import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { FormController, newId, read, safeUrl, sendWords, type FormHost, type Locale, type Words, postWriteReader, type PostWrite, chapterReader } from '@archipel/core';
import { videoOf } from './video.js';
import { shrinkPhoto } from './photo-resize.js';
import { shareFormWords } from './strings/share-form.js';
import { panelStyles } from './panel.styles.js';

/** What the story form needs of its wall. */
export interface ShareFormHost extends FormHost {
  readonly locale: Locale;
  /** The wall's hashtag, which every story carries. */
  readonly hashtag: string;
  readonly consentVersion: string;
  /** The chapter the wall is limited to, if any: a story sent from it belongs to it, and no chapter is asked. */
  readonly wallChapter: string | undefined;
  learn(words: readonly Words[], styles?: CSSResult | readonly CSSResult[]): Promise<void>;
  /** The tag of a heading `depth` levels below the wall's first. */
  heading(depth?: number): StaticValue;
}

const PICTURE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:$|[?#])/i;

const fieldStyles = css`
  .share .error {
    margin: 0;
    color: var(--_danger);
    font-weight: 400;
  }
  .share .mark {
    color: var(--_muted);
    font-weight: 400;
  }
`;

/** "" for no link, the address (with https:// added to "www.example.org/x"), or undefined when it is not a web address. */
function webAddress(text: string): string | undefined {
  if (!text) return '';
  // Against about:blank nothing relative resolves, so "not a url" is refused rather than read as a path of this site.
  const url = safeUrl(/^[\w-]+(\.[\w-]+)+(?:[/?#]|$)/.test(text) ? `https://${text}` : text, 'about:blank');
  return url && /^https?:\/\/[^/]*\./.test(url) ? url : undefined;
}

export class ShareForm {
  private chapters: { id: string; name: string }[] = [];
  private readonly form: FormController<PostWrite>;

  constructor(private readonly host: ShareFormHost) {
    this.form = new FormController<PostWrite>(host, { collection: 'posts', reader: postWriteReader, messageFor: (_issue, field) => (field === 'author' ? 'needName' : undefined) });
    void host.learn([shareFormWords, sendWords], [panelStyles, fieldStyles]);
    const adapter = host.dataAdapter;
    if (adapter && !host.wallChapter) {
      void read(adapter, 'chapters', chapterReader, {}, (r) => {
        this.chapters = r.items.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name, host.locale));
        host.requestUpdate();
      });
    }
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const { host, form } = this;
    const element = e.target as HTMLFormElement;
    const data = new FormData(element);
    const field = (k: string) => String(data.get(k) ?? '').trim();
    const link = webAddress(field('link'));
    const problems: Record<string, string> = {};
    if (link === undefined) problems.link = host.t('badLink', { link: field('link') });
    const file = data.get('photo');
    let photo: Blob | undefined;
    if (file instanceof Blob && file.size > 0) {
      photo = await shrinkPhoto(file).catch(() => undefined);
      if (!photo) problems.photo = host.t('photoNotImage');
      else if (!field('alt')) problems.alt = host.t('needAlt');
    }
    if (!field('text') && !field('link') && !photo) problems.text = host.t('needWords');
    if (!data.get('consent')) problems.consent = host.t('needConsent');
    const now = new Date().toISOString();
    const tag = host.hashtag.replace(/^#/, '');
    // An uploaded photo is the post's image: a link beside it stays a link (or a video).
    const kind = !link ? 'link' : videoOf(link) ? 'video' : PICTURE.test(link) && !photo ? 'image' : 'link';
    const record = form.check(
      {
        id: newId(),
        author: field('name'),
        text: field('text'),
        [kind]: link || undefined,
        // A description goes with a photo only: a video or a page describes itself.
        alt: kind === 'image' || photo ? field('alt') || undefined : undefined,
        contact: field('contact') || undefined,
        hashtags: tag ? [tag] : undefined,
        chapter: host.wallChapter ?? field('chapter'),
        consent: { purpose: 'publish-post', version: host.consentVersion, text: host.t('consent'), at: now },
        locale: host.locale,
        created: now,
      },
      { problems },
    );
    if (!record) return form.focusFirstProblem();
    // The photo waits in the outbox with the story (IndexedDB keeps it as a file) and is sent before it.
    const outcome = await form.send(photo ? Object.assign(record, { photo }) : record);
    if (outcome.status !== 'sent' && outcome.status !== 'queued') return;
    form.say(outcome.status === 'sent' ? { tone: 'success', text: host.t('thanks', { name: record.author }) } : { tone: 'info', text: `${form.standing(record.id)} ${host.t('queuedReview')}` });
    element.reset();
    form.restart();
    void form.focusNotice();
  }

  /** A control's label (saying so in words when the story cannot be sent without it), its problem if it has one, and the attributes that tie them. */
  private control(id: string, label: string, control: (a: { invalid: 'true' | 'false'; describedBy: string | typeof nothing }) => TemplateResult, required = false) {
    return html`<label for=${id}>${label}${required ? this.form.renderRequiredMark() : nothing}${control(this.form.invalid(id))}</label>${this.form.renderError(id)}`;
  }

  render(): TemplateResult {
    const { host, form } = this;
    const writable = host.dataAdapter?.writable;
    return html`<form part="form" class="share" aria-labelledby="f-title" novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
      ${staticHtml`<${host.heading(1)} id="f-title">${host.t('formTitle')}</${host.heading(1)}>`}
      ${writable
        ? html`<p>${host.t('formIntro')}</p>
            ${this.control('author', host.t('name'), (a) => html`<input id="author" name="name" required maxlength="120" autocomplete="name" aria-invalid=${a.invalid} aria-describedby=${a.describedBy} />`, true)}
            ${this.control('text', host.t('story'), (a) => html`<textarea id="text" name="text" rows="4" maxlength="4000" aria-invalid=${a.invalid} aria-describedby=${a.describedBy}></textarea>`)}
            ${this.control('link', host.t('link'), (a) => html`<input id="link" name="link" type="url" inputmode="url" aria-invalid=${a.invalid} aria-describedby="f-hint ${a.describedBy === nothing ? '' : a.describedBy}" />`)}
            <small id="f-hint">${host.t('linkHint')}</small>
            ${this.control('photo', host.t('photo'), (a) => html`<input id="photo" name="photo" type="file" accept="image/*" aria-invalid=${a.invalid} aria-describedby="f-photo-hint ${a.describedBy === nothing ? '' : a.describedBy}" />`)}
            <small id="f-photo-hint">${host.t('photoHint')}</small>
            ${this.control('alt', host.t('photoAlt'), (a) => html`<textarea id="alt" name="alt" rows="2" maxlength="1000" aria-invalid=${a.invalid} aria-describedby="f-alt-hint ${a.describedBy === nothing ? '' : a.describedBy}"></textarea>`)}
            <small id="f-alt-hint">${host.t('photoAltHint')}</small>
            ${this.control('contact', host.t('contact'), (a) => html`<input id="contact" name="contact" maxlength="320" autocomplete="email" aria-invalid=${a.invalid} aria-describedby="f-contact-hint ${a.describedBy === nothing ? '' : a.describedBy}" />`)}
            <small id="f-contact-hint">${host.t('contactHint')}</small>
            ${this.chapters.length
              ? html`<label>${host.t('yourChapter')}<select name="chapter"><option value="">${host.t('noChapter')}</option>${this.chapters.map((c) => html`<option value=${c.id} dir="auto">${c.name}</option>`)}</select></label>`
              : nothing}
            ${form.renderHoneypot()}
            <label class="check"><input id="consent" type="checkbox" name="consent" required aria-invalid=${form.invalid('consent').invalid} aria-describedby=${form.invalid('consent').describedBy} /> ${host.t('consent')}${form.renderRequiredMark()}</label>
            ${form.renderError('consent')}
            <button type="submit" ?disabled=${form.sending}>${host.t(form.sending ? 'sending' : 'send')}</button>`
        : form.renderReadOnly()}
      ${form.renderNotice()} ${form.renderLive()} ${form.renderRefused()}
    </form>`;
  }
}
