/**
 * Video links as the wall plays them: which platform, and the player address
 * to load only once the person presses play. YouTube goes through
 * youtube-nocookie.com and Vimeo with `dnt=1`, so even then no tracking cookie
 * is set; a PeerTube instance embeds from its own /videos/embed/.
 */
export interface Video {
  /** The name a person knows: "YouTube", "Vimeo", "PeerTube" or the host of a video file. */
  platform: string;
  /** The host the player loads from, named before anything is requested. */
  host: string;
  /** What to load on play. */
  src: string;
  /** An iframe player, or a video file for a <video> element. */
  kind: 'iframe' | 'file';
}

const ID = '([\\w-]{6,})';
const YOUTUBE = new RegExp(`^(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?(?:.*&)?v=|shorts/|embed/|live/)|youtu\\.be/)${ID}`);
const VIMEO = /^(?:www\.|player\.)?vimeo\.com\/(?:video\/)?(\d+)/;
const PEERTUBE = /^([^/]+)\/(?:w|videos\/watch|videos\/embed)\/([\w-]{6,})/;
const FILE = /\.(?:mp4|webm|ogv|mov|m4v)(?:$|\?)/i;

export function videoOf(link: string | undefined): Video | undefined {
  // Most posts have no video: no address to parse, and no exception to build for each card.
  if (!link) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const rest = url.host + url.pathname + url.search;
  let m: RegExpMatchArray | null;
  if ((m = rest.match(YOUTUBE))) {
    return { platform: 'YouTube', host: 'www.youtube-nocookie.com', src: `https://www.youtube-nocookie.com/embed/${m[1]}?autoplay=1`, kind: 'iframe' };
  }
  if ((m = rest.match(VIMEO))) return { platform: 'Vimeo', host: 'player.vimeo.com', src: `https://player.vimeo.com/video/${m[1]}?autoplay=1&dnt=1`, kind: 'iframe' };
  if ((m = rest.match(PEERTUBE))) return { platform: 'PeerTube', host: m[1]!, src: `https://${m[1]}/videos/embed/${m[2]}?autoplay=1&warningTitle=0`, kind: 'iframe' };
  if (FILE.test(url.pathname)) return { platform: url.hostname, host: url.hostname, src: url.href, kind: 'file' };
  return undefined;
}
