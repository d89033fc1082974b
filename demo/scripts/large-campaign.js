/**
 * A large campaign, made up: `largeCampaign(n)` gives `n` actions over 39 cities of Europe, Québec and West Africa,
 * in 20 time zones, over the next 90 days, and the campaign's 39 chapters, one a city. The same actions at each call (a seeded
 * generator). Used by demo/action-map-large.html and by the map's benchmark (tests/bench/action-map.bench.ts), which
 * compares the widget with raw MapLibre on them. Everything is fictional; links use campaign.example.
 */
// name, lat, lng, zone, country, postcode prefix, weight
const CITIES = [
  ['Paris', 48.8566, 2.3522, 'Europe/Paris', 'FR', '75', 14], ['Lyon', 45.764, 4.8357, 'Europe/Paris', 'FR', '69', 6],
  ['Marseille', 43.2965, 5.3698, 'Europe/Paris', 'FR', '13', 5], ['Toulouse', 43.6047, 1.4442, 'Europe/Paris', 'FR', '31', 4],
  ['Lille', 50.6292, 3.0573, 'Europe/Paris', 'FR', '59', 4], ['Nantes', 47.2184, -1.5536, 'Europe/Paris', 'FR', '44', 4],
  ['Bordeaux', 44.8378, -0.5792, 'Europe/Paris', 'FR', '33', 4], ['Strasbourg', 48.5734, 7.7521, 'Europe/Paris', 'FR', '67', 3],
  ['Rennes', 48.1173, -1.6778, 'Europe/Paris', 'FR', '35', 3], ['Grenoble', 45.1885, 5.7245, 'Europe/Paris', 'FR', '38', 3],
  ['Bruxelles', 50.8503, 4.3517, 'Europe/Brussels', 'BE', '10', 5], ['Liège', 50.6326, 5.5797, 'Europe/Brussels', 'BE', '40', 2],
  ['Genève', 46.2044, 6.1432, 'Europe/Zurich', 'CH', '12', 2], ['Lausanne', 46.5197, 6.6323, 'Europe/Zurich', 'CH', '10', 2],
  ['Luxembourg', 49.6116, 6.1319, 'Europe/Luxembourg', 'LU', '', 1], ['Berlin', 52.52, 13.405, 'Europe/Berlin', 'DE', '10', 3],
  ['Madrid', 40.4168, -3.7038, 'Europe/Madrid', 'ES', '28', 3], ['Barcelona', 41.3874, 2.1686, 'Europe/Madrid', 'ES', '08', 3],
  ['Lisboa', 38.7223, -9.1393, 'Europe/Lisbon', 'PT', '', 2], ['Roma', 41.9028, 12.4964, 'Europe/Rome', 'IT', '00', 2],
  ['London', 51.5072, -0.1276, 'Europe/London', 'GB', '', 3], ['Amsterdam', 52.3676, 4.9041, 'Europe/Amsterdam', 'NL', '', 2],
  ['Montréal', 45.5019, -73.5674, 'America/Toronto', 'CA', 'H2', 7], ['Québec', 46.8139, -71.208, 'America/Toronto', 'CA', 'G1', 3],
  ['Sherbrooke', 45.4042, -71.8929, 'America/Toronto', 'CA', 'J1', 1], ['Gatineau', 45.4765, -75.7013, 'America/Toronto', 'CA', 'J8', 1],
  ['Trois-Rivières', 46.343, -72.5477, 'America/Toronto', 'CA', 'G9', 1], ['Saguenay', 48.428, -71.068, 'America/Toronto', 'CA', 'G7', 1],
  ['Dakar', 14.7167, -17.4677, 'Africa/Dakar', 'SN', '', 4], ['Saint-Louis', 16.0326, -16.4818, 'Africa/Dakar', 'SN', '', 1],
  ['Abidjan', 5.36, -4.0083, 'Africa/Abidjan', 'CI', '', 4], ['Bouaké', 7.6899, -5.0318, 'Africa/Abidjan', 'CI', '', 1],
  ['Bamako', 12.6392, -8.0029, 'Africa/Bamako', 'ML', '', 2], ['Ouagadougou', 12.3714, -1.5197, 'Africa/Ouagadougou', 'BF', '', 2],
  ['Cotonou', 6.3703, 2.3912, 'Africa/Porto-Novo', 'BJ', '', 2], ['Lomé', 6.1319, 1.2228, 'Africa/Lome', 'TG', '', 2],
  ['Niamey', 13.5116, 2.1254, 'Africa/Niamey', 'NE', '', 1], ['Conakry', 9.6412, -13.5784, 'Africa/Conakry', 'GN', '', 1],
  ['Accra', 5.6037, -0.187, 'Africa/Accra', 'GH', '', 2],
];
const WEIGHTED = CITIES.flatMap((c) => Array(c[6]).fill(c));
const TYPES = [['march', 2], ['rally', 2], ['training', 2], ['meeting', 3], ['canvass', 3], ['phonebank', 2], ['workshop', 2], ['cleanup', 1]].flatMap(([t, w]) => Array(w).fill(t));
const TITLES = { march: 'Marche pour le climat', rally: 'Rassemblement', training: 'Formation action non-violente', meeting: 'Réunion du groupe local', canvass: 'Porte-à-porte', phonebank: 'Phonebank', workshop: 'Atelier banderoles', cleanup: 'Nettoyage de berges' };
const HOSTS = ['Awa Diop', 'Julien Moreau', 'Marie-Ève Tremblay', 'Kofi Mensah', 'Léa Martin', 'Inès Benali', 'Samuel Kouassi', 'Chloé Lefebvre'];
const pad = (x, n = 2) => String(x).padStart(n, '0');
const localStamp = (ms) => { const d = new Date(ms); return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + 'T' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()); };
const slug = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** `n` actions, and the campaign's chapters. */
export function largeCampaign(n) {
  // A small deterministic PRNG, so every call gives the same actions.
  let seed = 20261212;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const actions = [];
  for (let i = 0; i < n; i++) {
    const [city, lat, lng, timezone, country, prefix] = pick(WEIGHTED);
    const type = pick(TYPES);
    const online = rnd() < 0.04;
    const rural = rnd() < 0.3;
    const spread = rural ? 0.9 : 0.12;
    // Local wall-clock time in the action's zone, as a sheet would hold it.
    const start = today + Math.floor(rnd() * 90) * 86_400_000 + (9 + Math.floor(rnd() * 12)) * 3_600_000 + (rnd() < 0.5 ? 0 : 1_800_000);
    const a = {
      id: 'a' + i,
      title: TITLES[type] + ' ' + (online ? '(en ligne)' : '– ' + city) + ' #' + (i + 1),
      type,
      start: localStamp(start),
      end: localStamp(start + (1 + Math.floor(rnd() * 3)) * 3_600_000),
      timezone,
      priority: rnd() < 0.1 ? 1 : rnd() < 0.35 ? 2 : 3,
      chapter: slug(city),
      host: pick(HOSTS),
      url: 'https://campaign.example/rsvp/a' + i + '?ref=map',
    };
    if (i % 3 === 0) a.description = 'Rendez-vous 15 minutes avant. Apportez de l’eau et de bonnes chaussures; tout le monde est bienvenu.';
    if (online) a.virtual = true;
    else {
      Object.assign(a, { city, country, lat: +(lat + gauss() * spread).toFixed(5), lng: +(lng + gauss() * spread * 1.4).toFixed(5), venue: 'Place ' + (1 + (i % 40)) });
      if (prefix) a.postcode = country === 'CA' ? prefix + String.fromCharCode(65 + (i % 26)) + ' ' + (i % 10) + 'A' + (i % 9) : prefix + pad(i % 1000, 3);
    }
    actions.push(a);
  }
  return { actions, chapters: CITIES.map(([name, lat, lng, , country]) => ({ id: slug(name), name: 'Vague Climat ' + name, city: name, country, lat, lng })) };
}
