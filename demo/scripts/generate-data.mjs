#!/usr/bin/env node
// Deterministic demo-data generator for the Archipel showcase ("Vague Climat" campaign).
// Usage (from the repo root): node demo/scripts/generate-data.mjs
// No dependencies. All randomness comes from a seeded mulberry32 PRNG, so the
// output is byte-identical on every run. Everything is fictional; all web
// addresses use example.org (or are local files).
import { mkdirSync, writeFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'data');
mkdirSync(join(OUT, 'logos'), { recursive: true });
mkdirSync(join(OUT, 'images'), { recursive: true });

// ---------------------------------------------------------------- helpers
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rand = mulberry32(20261212);
const reseed = (s) => { rand = mulberry32(s); };
const rint = (a, b) => a + Math.floor(rand() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;
function weighted(pairs) { // [[value, weight], ...]
  const total = pairs.reduce((s, p) => s + p[1], 0);
  let r = rand() * total;
  for (const [v, w] of pairs) { if ((r -= w) < 0) return v; }
  return pairs[pairs.length - 1][0];
}
function shuffle(arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}
const sample = (arr, n) => shuffle(arr).slice(0, n);
const pad = (n, w = 2) => String(n).padStart(w, '0');
const round4 = (x) => Math.round(x * 1e4) / 1e4;
const jitter = (x) => round4(x + (rand() * 2 - 1) * 0.0095);
function haversine(lat1, lng1, lat2, lng2) {
  const R = 6371, rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad, dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}
const writeJSON = (name, data, dir = OUT) => writeFileSync(join(dir, name), JSON.stringify(data, null, 2) + '\n');
// Survey responses are personal (answers, contacts): they seed the demo's database from here, never from the
// public folder data/, which a static server publishes as it is.
const SEED = join(HERE, '..', 'seed');
mkdirSync(SEED, { recursive: true });
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const SITE = 'https://vagueclimat.example.org';
const TODAY = '2026-11-21';
const DAY_OF_ACTION = '2026-12-12';

// Calendar helpers on plain dates (UTC-based arithmetic, no local TZ involved)
const dayMs = 86400000;
const toDate = (s) => new Date(s + 'T00:00:00Z');
const fmtDate = (d) => d.toISOString().slice(0, 10);
const addDays = (s, n) => fmtDate(new Date(toDate(s).getTime() + n * dayMs));
const weekday = (s) => toDate(s).getUTCDay(); // 0 = Sunday
const daysBetween = (a, b) => Math.round((toDate(b) - toDate(a)) / dayMs);

// UTC offset ("+01:00") of an IANA zone at a given local wall-clock time.
function offsetFor(tz, localIso) {
  // Two passes: guess UTC = local, read the zone offset, correct, read again.
  const read = (utcMs) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }).formatToParts(new Date(utcMs));
    const name = parts.find((p) => p.type === 'timeZoneName').value; // "GMT+01:00" or "GMT"
    const m = name.match(/GMT([+-])(\d{2}):(\d{2})/);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  const localMs = Date.parse(localIso + ':00Z');
  let off = read(localMs);
  off = read(localMs - off * 60000);
  const sign = off < 0 ? '-' : '+', a = Math.abs(off);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

// ---------------------------------------------------------------- people (fictional)
const NAMES = {
  fr: { f: ['Léa', 'Inès', 'Chloé', 'Manon', 'Sarah', 'Aïcha', 'Louise', 'Jeanne', 'Nour', 'Clémence', 'Mathilde', 'Yasmine', 'Salomé', 'Élise', 'Margaux', 'Zoé', 'Anaïs', 'Lina'],
        m: ['Hugo', 'Théo', 'Karim', 'Lucas', 'Mehdi', 'Antoine', 'Julien', 'Bastien', 'Samuel', 'Youssef', 'Rémi', 'Nathan', 'Malik', 'Baptiste', 'Victor', 'Arthur'],
        n: ['Camille', 'Alex', 'Sacha', 'Charlie', 'Maé', 'Eden', 'Andréa', 'Morgan'],
        last: ['Moreau', 'Lefèvre', 'Garnier', 'Roussel', 'Benali', 'Nguyen', 'Diallo', 'Fontaine', 'Chevalier', 'Perrin', 'Marchand', 'Lemoine', 'Barbier', 'Mercier', 'Haddad', 'Bonnet', 'Colin', 'Girard', 'Faure', 'Rolland', 'Leclerc', 'Dupuis', 'Renaud', 'Carpentier', 'Aubert', 'Hamidi', 'Traoré', 'Vasseur', 'Le Goff', 'Kergoat', 'Meunier', 'Ferrand'] },
  qc: { f: ['Émilie', 'Laurence', 'Maude', 'Catherine', 'Rosalie', 'Noémie', 'Florence'],
        m: ['Félix', 'Gabriel', 'Olivier', 'Mathieu', 'Étienne', 'Samuel', 'Xavier'],
        n: ['Alexis', 'Sacha', 'Charlie', 'Camille'],
        last: ['Gagnon', 'Tremblay', 'Bouchard', 'Côté', 'Pelletier', 'Lavoie', 'Gauthier', 'Bélanger', 'Ouellet', 'Fortin', 'Paquette', 'Lévesque'] },
  sn: { f: ['Aminata', 'Fatou', 'Awa', 'Mariama', 'Khady', 'Ndèye', 'Coumba'],
        m: ['Moussa', 'Ousmane', 'Cheikh', 'Ibrahima', 'Mamadou', 'Abdoulaye', 'Pape'],
        n: ['Aminata', 'Moussa'],
        last: ['Ndiaye', 'Diop', 'Fall', 'Sow', 'Sarr', 'Ba', 'Faye', 'Mbaye', 'Gueye', 'Seck'] },
  es: { f: ['Lucía', 'Marta', 'Carmen', 'Valeria', 'Sofía', 'Paula', 'Ximena', 'Camila', 'Julieta', 'Inés', 'Daniela', 'Renata'],
        m: ['Javier', 'Pablo', 'Diego', 'Mateo', 'Andrés', 'Santiago', 'Tomás', 'Emiliano', 'Joaquín', 'Álvaro'],
        n: ['Alex', 'Ariel', 'Sasha', 'Noa'],
        last: ['García', 'Fernández', 'López', 'Martínez', 'Romero', 'Navarro', 'Torres', 'Ruiz', 'Herrera', 'Morales', 'Castillo', 'Ortega', 'Méndez', 'Rojas', 'Acosta', 'Sosa', 'Vidal', 'Pujol'] },
  en: { f: ['Hannah', 'Priya', 'Grace', 'Amira', 'Chloe', 'Freya', 'Imogen', 'Zainab'],
        m: ['Tom', 'Oliver', 'Kwame', 'Rhys', 'Callum', 'Dev', 'Owen', 'Ben'],
        n: ['Jamie', 'Robin', 'Ash', 'Sam', 'Frankie'],
        last: ['Patel', 'Okafor', 'Hughes', 'Walsh', 'Bennett', 'Ahmed', 'Clarke', 'Doyle', 'Morgan', 'Price', 'Mensah', 'Fletcher'] },
  de: { f: ['Lena', 'Mia', 'Hanna', 'Leonie', 'Aylin', 'Johanna', 'Greta'],
        m: ['Jonas', 'Felix', 'Lukas', 'Emre', 'Moritz', 'Jan'],
        n: ['Kim', 'Luca', 'Sascha'],
        last: ['Becker', 'Schulz', 'Wagner', 'Yilmaz', 'Hoffmann', 'Krüger', 'Vogel', 'Neumann', 'Brandt', 'Lorenz'] },
  nl: { f: ['Lotte', 'Fien', 'Noor', 'Ellen', 'Marie', 'Saar'],
        m: ['Wout', 'Pieter', 'Jens', 'Arne', 'Bram', 'Mohamed'],
        n: ['Robin', 'Sam'],
        last: ['Peeters', 'Claes', 'Maes', 'Wouters', 'Janssens', 'De Smet', 'Van den Broeck', 'Verhoeven', 'El Amrani'] },
};
const PRONOUNS = {
  fr: { f: 'elle', m: 'il', n: 'iel' }, qc: { f: 'elle', m: 'il', n: 'iel' }, sn: { f: 'elle', m: 'il', n: 'iel' },
  es: { f: 'ella', m: 'él', n: 'elle' }, en: { f: 'she/her', m: 'he/him', n: 'they/them' },
  de: { f: 'sie/ihr', m: 'er/ihm', n: 'they/them' }, nl: { f: 'zij/haar', m: 'hij/hem', n: 'hen/hun' },
};
function person(pool, gender) {
  const P = NAMES[pool];
  const g = gender || weighted([['f', 46], ['m', 42], ['n', 12]]);
  return { first: pick(P[g]), last: pick(P.last), g };
}
const slugify = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

// ---------------------------------------------------------------- chapters
// [id, city, region, country, lat, lng, lang, namePool, tz, slogan, description, neighbourhoods]
const CH = [
  ['paris', 'Paris', 'Île-de-France', 'FR', 48.8566, 2.3522, 'fr', 'fr', 'Europe/Paris', 'Paris monte avec la vague', "Vague Climat Paris rassemble des habitant·es de tous les arrondissements et de la petite couronne pour exiger une ville respirable et juste. Nous organisons des formations, du porte-à-porte et des marches, de Belleville à la porte de Versailles.", ['Belleville', 'Goutte d\'Or', 'Ménilmontant', 'Batignolles', 'Butte-aux-Cailles']],
  ['lyon', 'Lyon', 'Auvergne-Rhône-Alpes', 'FR', 45.7640, 4.8357, 'fr', 'fr', 'Europe/Paris', "De la Croix-Rousse au Rhône, on s'y met", "Né sur les pentes de la Croix-Rousse, le groupe lyonnais fédère aujourd'hui une douzaine de collectifs de quartier. Nous nous battons pour des transports accessibles et la rénovation thermique des logements pour toutes et tous.", ['Croix-Rousse', 'Guillotière', 'Vaise', 'États-Unis', 'Gerland']],
  ['marseille', 'Marseille', "Provence-Alpes-Côte d'Azur", 'FR', 43.2965, 5.3698, 'fr', 'fr', 'Europe/Paris', 'La mer monte, Marseille aussi', "Des quartiers Nord aux calanques, Vague Climat Marseille relie celles et ceux qui subissent déjà la chaleur et la pollution du port. On agit par des nettoyages de plages, des assemblées de quartier et des mobilisations festives.", ['Noailles', 'La Plaine', 'Belsunce', 'Saint-Mauront', 'La Joliette']],
  ['toulouse', 'Toulouse', 'Occitanie', 'FR', 43.6047, 1.4442, 'fr', 'fr', 'Europe/Paris', 'La ville rose passe au vert', "Vague Climat Toulouse réunit étudiant·es, salarié·es et habitant·es des quartiers autour d'une transition juste. Nos groupes locaux se retrouvent chaque semaine pour préparer les actions et accueillir les nouvelles personnes.", ['Arnaud-Bernard', 'Saint-Cyprien', 'Minimes', 'Bagatelle']],
  ['lille', 'Lille', 'Hauts-de-France', 'FR', 50.6292, 3.0573, 'fr', 'fr', 'Europe/Paris', 'Dans le Nord, on ne lâche rien', "Vague Climat Lille agit dans toute la métropole, de Roubaix à Villeneuve-d'Ascq. Nous défendons des logements bien isolés, des transports en commun gratuits et des emplois dignes dans la transition.", ['Wazemmes', 'Moulins', 'Fives', 'Vieux-Lille']],
  ['bordeaux', 'Bordeaux', 'Nouvelle-Aquitaine', 'FR', 44.8378, -0.5792, 'fr', 'fr', 'Europe/Paris', 'Bordeaux, à marée haute', "Entre Garonne et vignobles, notre groupe alerte sur les sécheresses et les incendies qui touchent déjà la Gironde. Nous organisons des ateliers, des vélorutions et des actions de sensibilisation sur les quais.", ['Saint-Michel', 'Bastide', 'Chartrons', 'Bacalan']],
  ['nantes', 'Nantes', 'Pays de la Loire', 'FR', 47.2184, -1.5536, 'fr', 'fr', 'Europe/Paris', 'Nantes, vague après vague', "Vague Climat Nantes est l'un des groupes les plus actifs du réseau, avec des équipes dans chaque quartier et jusqu'à Saint-Nazaire. Nous misons sur le porte-à-porte, la formation et l'accueil chaleureux des nouvelles recrues.", ['Bellevue', 'Malakoff', 'Chantenay', 'Doulon', 'Île de Nantes']],
  ['strasbourg', 'Strasbourg', 'Grand Est', 'FR', 48.5734, 7.7521, 'fr', 'fr', 'Europe/Paris', "Strasbourg, au cœur de l'Europe du climat", "Ville frontière, Strasbourg mobilise des deux côtés du Rhin avec nos ami·es de Kehl. Nous interpellons élu·es locaux et européens pour une Europe à la hauteur de l'urgence.", ['Neudorf', 'Krutenau', 'Hautepierre', 'Koenigshoffen']],
  ['rennes', 'Rennes', 'Bretagne', 'FR', 48.1173, -1.6778, 'fr', 'fr', 'Europe/Paris', 'Rennes en transition, pour de vrai', "Vague Climat Rennes rassemble étudiant·es, familles et agriculteur·ices du bassin rennais. Nous organisons des formations à l'action non-violente et des soirées d'accueil chaque mois.", ['Villejean', 'Maurepas', 'Bréquigny', 'Thabor']],
  ['grenoble', 'Grenoble', 'Auvergne-Rhône-Alpes', 'FR', 45.1885, 5.7245, 'fr', 'fr', 'Europe/Paris', 'Les glaciers fondent, Grenoble se lève', "Au pied des Alpes, nous voyons les glaciers reculer d'année en année. Vague Climat Grenoble agit pour une montagne vivante et des vallées enfin respirables.", ['Villeneuve', 'Berriat', 'Île Verte', 'Championnet']],
  ['montpellier', 'Montpellier', 'Occitanie', 'FR', 43.6108, 3.8767, 'fr', 'fr', 'Europe/Paris', 'Chaleur humaine contre canicule', "Face aux canicules à répétition, notre groupe défend l'ombre, l'eau et la justice sociale dans les quartiers. Nous sommes présent·es de la Paillade au littoral sétois.", ['La Paillade', 'Figuerolles', 'Beaux-Arts', 'Port Marianne']],
  ['nice', 'Nice', "Provence-Alpes-Côte d'Azur", 'FR', 43.7102, 7.2620, 'fr', 'fr', 'Europe/Paris', 'La Méditerranée en héritage', "Vague Climat Nice protège le littoral et les vallées de l'arrière-pays durement touchées par les tempêtes. Nous organisons des nettoyages de plage et des débats sur l'avenir de la Côte d'Azur.", ['Vieux-Nice', "L'Ariane", 'Libération', 'Port']],
  ['rouen', 'Rouen', 'Normandie', 'FR', 49.4432, 1.0999, 'fr', 'fr', 'Europe/Paris', 'Rouen, la Seine en partage', "Le groupe rouennais rassemble des riverain·es de la vallée de la Seine, soucieux de leur santé et de leur avenir. Nous agissons pour une industrie plus sûre et des quartiers plus verts.", ['Saint-Sever', 'Grammont', 'Hauts-de-Rouen', 'Saint-Marc']],
  ['dijon', 'Dijon', 'Bourgogne-Franche-Comté', 'FR', 47.3220, 5.0415, 'fr', 'fr', 'Europe/Paris', "Dijon sème l'avenir", "Vague Climat Dijon relie la ville aux campagnes bourguignonnes, entre jardins partagés et défense des terres agricoles. Nous organisons ateliers, conférences et plantations tout au long de l'année.", ['Grésilles', 'Fontaine d\'Ouche', 'Montchapet', 'Université']],
  ['clermont-ferrand', 'Clermont-Ferrand', 'Auvergne-Rhône-Alpes', 'FR', 45.7772, 3.0870, 'fr', 'fr', 'Europe/Paris', 'Des volcans à la ville, on se lève', "Au cœur de l'Auvergne, notre groupe se mobilise pour des transports ruraux dignes et la protection de l'eau. Nous nous retrouvons tous les mardis près de la place de Jaude ou en visio.", ['Croix-de-Neyrat', 'Saint-Jacques', 'Montferrand', 'La Gauthière']],
  ['tours', 'Tours', 'Centre-Val de Loire', 'FR', 47.3941, 0.6848, 'fr', 'fr', 'Europe/Paris', 'Tours, au fil de la Loire', "Vague Climat Tours veille sur la Loire et ses berges tout en militant pour une ville cyclable. Nos actions mêlent fêtes de quartier, formations et interpellations des élu·es.", ['Sanitas', 'Rives du Cher', 'Velpeau', 'Tours Nord']],
  ['brest', 'Brest', 'Bretagne', 'FR', 48.3904, -4.4861, 'fr', 'fr', 'Europe/Paris', 'Brest, face au large', "Au bout du Finistère, nous vivons avec l'océan et ses colères. Vague Climat Brest agit pour un littoral protégé et une pêche durable.", ['Recouvrance', 'Saint-Martin', 'Bellevue', 'Lambézellec']],
  ['besancon', 'Besançon', 'Bourgogne-Franche-Comté', 'FR', 47.2378, 6.0241, 'fr', 'fr', 'Europe/Paris', 'Besançon, la boucle est bouclée', "Le groupe bisontin rassemble des habitant·es de la Boucle et des villages alentour autour de la sobriété et de la solidarité. Nous organisons repair cafés, vélorutions et ciné-débats.", ['Battant', 'Planoise', 'Chaprais', 'Clairs-Soleils']],
  ['limoges', 'Limoges', 'Nouvelle-Aquitaine', 'FR', 45.8336, 1.2611, 'fr', 'fr', 'Europe/Paris', 'La campagne et la ville ensemble', "Vague Climat Limoges relie les habitant·es de la ville et du plateau de Millevaches pour une transition qui n'oublie personne. Nos bénévoles animent des ateliers et des permanences chaque semaine.", ['Beaubreuil', 'Le Vigenal', 'Carnot', 'Val de l\'Aurence']],
  ['perpignan', 'Perpignan', 'Occitanie', 'FR', 42.6887, 2.8948, 'fr', 'fr', 'Europe/Paris', 'La sécheresse ne passera pas', "Dans un département frappé par des sécheresses record, nous défendons un partage juste de l'eau. Vague Climat Perpignan agit avec les agriculteur·ices et les habitant·es de la côte.", ['Saint-Jacques', 'Saint-Mathieu', 'Moulin-à-Vent', 'Bas-Vernet']],
  ['metz', 'Metz', 'Grand Est', 'FR', 49.1193, 6.1757, 'fr', 'fr', 'Europe/Paris', 'Metz, en marche pour demain', "Le groupe messin se mobilise en Moselle pour une reconversion juste des territoires industriels. Nous organisons des rencontres publiques et du porte-à-porte dans les quartiers.", ['Borny', 'Sablon', 'Outre-Seille', 'Queuleu']],
  ['caen', 'Caen', 'Normandie', 'FR', 49.1829, -0.3707, 'fr', 'fr', 'Europe/Paris', 'Caen, la vague normande', "Vague Climat Caen agit du centre-ville jusqu'aux plages du Calvados menacées par l'érosion. Nous formons de nouvelles personnes chaque mois à l'organisation locale.", ['Guérinière', 'Vaucelles', 'Chemin Vert', 'Grâce de Dieu']],
  ['bruxelles', 'Bruxelles', 'Région de Bruxelles-Capitale', 'BE', 50.8503, 4.3517, 'fr', 'fr', 'Europe/Brussels', 'Bruxelles, capitale du climat', "Au pied des institutions européennes, Vague Climat Bruxelles rassemble des militant·es de toutes les communes de la région. Nous organisons des rassemblements, des formations et des actions festives et bilingues.", ['Molenbeek', 'Saint-Gilles', 'Schaerbeek', 'Anderlecht', 'Ixelles']],
  ['liege', 'Liège', 'Wallonie', 'BE', 50.6326, 5.5797, 'fr', 'fr', 'Europe/Brussels', 'Liège, la Meuse en colère', "Le groupe liégeois est né après les inondations de 2021 qui ont frappé la vallée de la Vesdre. Nous agissons pour la prévention des catastrophes et la solidarité entre quartiers.", ['Outremeuse', 'Sainte-Marguerite', 'Longdoz', 'Saint-Léonard']],
  ['namur', 'Namur', 'Wallonie', 'BE', 50.4674, 4.8720, 'fr', 'fr', 'Europe/Brussels', 'Namur, au confluent des luttes', "Vague Climat Namur agit au confluent de la Sambre et de la Meuse, de Jambes jusqu'à Charleroi. Nous organisons des marches, des formations et des soirées d'accueil dans le centre.", ['Jambes', 'Salzinnes', 'Bomel', 'Saint-Servais']],
  ['gent', 'Gent', 'Vlaanderen', 'BE', 51.0543, 3.7174, 'nl', 'nl', 'Europe/Brussels', 'Gent surft mee op de golf', "Climate Wave Gent brengt studenten, buurtbewoners en families samen voor een leefbare stad. We organiseren fietsparades, buurtgesprekken en trainingen in geweldloze actie.", ['Sluizeken', 'Brugse Poort', 'Ledeberg', 'Rabot']],
  ['geneve', 'Genève', 'Genève', 'CH', 46.2044, 6.1432, 'fr', 'fr', 'Europe/Zurich', "L'eau, le lac et nous", "Vague Climat Genève se mobilise entre le Léman et les organisations internationales pour que les engagements deviennent des actes. Nous organisons des rassemblements à Plainpalais et des formations ouvertes à toutes et tous.", ['Pâquis', 'Jonction', 'Eaux-Vives', 'Servette']],
  ['lausanne', 'Lausanne', 'Vaud', 'CH', 46.5197, 6.6323, 'fr', 'fr', 'Europe/Zurich', 'Du lac aux sommets', "Notre groupe lausannois rassemble étudiant·es, familles et retraité·es de tout le canton. Nous agissons pour une place financière suisse compatible avec le climat.", ['Flon', 'Sous-Gare', 'Bellevaux', 'Prélaz']],
  ['fribourg', 'Fribourg', 'Fribourg', 'CH', 46.8065, 7.1620, 'fr', 'fr', 'Europe/Zurich', 'Deux langues, une vague', "Vague Climat Fribourg réunit francophones et germanophones autour d'actions locales concrètes. Nous organisons des plantations, des ateliers et des rencontres en Basse-Ville.", ['Basse-Ville', 'Pérolles', 'Schoenberg', 'Jura']],
  ['neuchatel', 'Neuchâtel', 'Neuchâtel', 'CH', 46.9900, 6.9293, 'fr', 'fr', 'Europe/Zurich', 'La vague du lac', "Au bord du lac, notre petit groupe grandit vite et accueille chaque mois de nouvelles personnes. Nous agissons pour des transports régionaux accessibles et la protection des forêts jurassiennes.", ['Serrières', 'La Coudre', 'Maladière', 'Vauseyon']],
  ['montreal', 'Montréal', 'Québec', 'CA', 45.5017, -73.5673, 'fr', 'qc', 'America/Toronto', 'Montréal, la vague monte', "Vague Climat Montréal rassemble des citoyen·nes de tous les arrondissements, du Plateau à Hochelaga. Nous organisons des marches, du porte-à-porte et des formations en français et en anglais.", ['Hochelaga', 'Villeray', 'Plateau-Mont-Royal', 'Saint-Henri', 'Côte-des-Neiges']],
  ['quebec', 'Québec', 'Québec', 'CA', 46.8139, -71.2080, 'fr', 'qc', 'America/Toronto', 'Debout pour le fleuve', "À Québec, nous protégeons le fleuve Saint-Laurent et militons pour un transport collectif digne de la capitale. Nos rencontres ont lieu chaque semaine dans Saint-Roch.", ['Saint-Roch', 'Limoilou', 'Saint-Sauveur', 'Montcalm']],
  ['sherbrooke', 'Sherbrooke', 'Québec', 'CA', 45.4042, -71.8929, 'fr', 'qc', 'America/Toronto', "L'Estrie se mobilise", "Vague Climat Sherbrooke relie la ville universitaire aux villages de l'Estrie. Nous agissons pour les forêts, les lacs et une économie locale résiliente.", ['Centre-ville', 'Jacques-Cartier', 'Fleurimont', 'Mont-Bellevue']],
  ['dakar', 'Dakar', 'Dakar', 'SN', 14.7167, -17.4677, 'fr', 'sn', 'Africa/Dakar', 'La mer avance, nous aussi', "À Dakar, l'érosion côtière menace déjà des quartiers entiers. Vague Climat Dakar mobilise la jeunesse, les pêcheurs et les femmes transformatrices pour une adaptation juste.", ['Médina', 'Yoff', 'Grand Yoff', 'Ouakam', 'Parcelles Assainies']],
  ['barcelona', 'Barcelona', 'Cataluña', 'ES', 41.3874, 2.1686, 'es', 'es', 'Europe/Madrid', 'La ola que no para', "Ola Climática Barcelona reúne a vecinas y vecinos de todos los barrios frente a la sequía y la turistificación. Organizamos asambleas, limpiezas de playa y bicicletadas.", ['Raval', 'Gràcia', 'Poblenou', 'Sants', 'Nou Barris']],
  ['madrid', 'Madrid', 'Comunidad de Madrid', 'ES', 40.4168, -3.7038, 'es', 'es', 'Europe/Madrid', 'Madrid respira', "Ola Climática Madrid lucha por una ciudad con aire limpio, sombra y transporte público para todas. Nos reunimos cada semana en Lavapiés y en varios barrios del sur.", ['Lavapiés', 'Vallecas', 'Carabanchel', 'Usera', 'Tetuán']],
  ['ciudad-de-mexico', 'Ciudad de México', 'Ciudad de México', 'MX', 19.4326, -99.1332, 'es', 'es', 'America/Mexico_City', 'La ola sube desde el Valle', "Ola Climática Ciudad de México defiende el agua, los humedales y el derecho a respirar en la megalópolis. Organizamos talleres, jornadas de limpieza y marchas con colectivos de toda la ciudad.", ['Iztapalapa', 'Coyoacán', 'Santa María la Ribera', 'Xochimilco', 'Tlalpan']],
  ['buenos-aires', 'Buenos Aires', 'Ciudad Autónoma de Buenos Aires', 'AR', -34.6037, -58.3816, 'es', 'es', 'America/Argentina/Buenos_Aires', 'La ola del Río de la Plata', "Ola Climática Buenos Aires reúne a jóvenes, sindicatos y vecinas del conurbano por una transición justa. Organizamos marchas, charlas y jornadas en la Costanera.", ['La Boca', 'Barracas', 'Villa Crespo', 'Almagro', 'Parque Patricios']],
  ['london', 'London', 'England', 'GB', 51.5074, -0.1278, 'en', 'en', 'Europe/London', 'London rising with the wave', "Climate Wave London brings together neighbours from every borough to push for warm homes and clean air. We run trainings, phonebanks and big, joyful marches.", ['Hackney', 'Brixton', 'Tottenham', 'Peckham', 'Tower Hamlets']],
  ['berlin', 'Berlin', 'Berlin', 'DE', 52.5200, 13.4050, 'de', 'de', 'Europe/Berlin', 'Berlin schlägt Wellen', "Climate Wave Berlin bringt Menschen aus allen Kiezen zusammen, von Neukölln bis Pankow. Wir organisieren Trainings, Kiezgespräche und große Demos für eine gerechte Klimawende.", ['Neukölln', 'Wedding', 'Kreuzberg', 'Lichtenberg', 'Moabit']],
];
const BRAND = { fr: 'Vague Climat', en: 'Climate Wave', es: 'Ola Climática', de: 'Climate Wave', nl: 'Climate Wave' };
// 40 colours; three deliberately light ones (index 3 #f5d90a, 17 #7fdbff, 29 #b8f2c2) fail contrast with white text.
const COLORS = [
  ['#0b6e99', '#ffd23f'], ['#c2185b', '#ffe0ec'], ['#00796b', '#ffb300'], ['#f5d90a', '#1d3557'], ['#283593', '#80deea'],
  ['#6a1b9a', '#ffcc80'], ['#0277bd', '#ff7043'], ['#2e7d32', '#fff176'], ['#ad1457', '#b2ebf2'], ['#1565c0', '#c5e1a5'],
  ['#d84315', '#fff3e0'], ['#00838f', '#ffab91'], ['#4527a0', '#a5d6a7'], ['#558b2f', '#fce4ec'], ['#b71c1c', '#ffe082'],
  ['#37474f', '#4dd0e1'], ['#1a237e', '#f48fb1'], ['#7fdbff', '#003049'], ['#004d40', '#ffca28'], ['#bf360c', '#b3e5fc'],
  ['#311b92', '#ffd54f'], ['#006064', '#f06292'], ['#8e24aa', '#e6ee9c'], ['#e65100', '#1b5e20'], ['#01579b', '#ffab40'],
  ['#33691e', '#ffe57f'], ['#880e4f', '#80cbc4'], ['#0d47a1', '#ff8a65'], ['#3e2723', '#aed581'], ['#b8f2c2', '#0b3d2e'],
  ['#c62828', '#ffffff'], ['#1b5e20', '#ffd180'], ['#263238', '#ff6e40'], ['#ef6c00', '#263238'], ['#9c27b0', '#fff59d'],
  ['#0097a7', '#3e2723'], ['#5d4037', '#ffcc80'], ['#d81b60', '#ffee58'], ['#1e88e5', '#ffeb3b'], ['#2f4858', '#f6ae2d'],
];
const LINK_KINDS = [
  ['Instagram', (id) => `https://instagram.example.org/vagueclimat_${id.replace(/-/g, '_')}`],
  ['Mastodon', (id) => `https://mastodon.example.org/@vagueclimat_${id.replace(/-/g, '_')}`],
  ['Telegram', (id) => `https://t.example.org/vagueclimat_${id.replace(/-/g, '_')}`],
  ['Facebook', (id) => `https://facebook.example.org/vagueclimat.${id}`],
  ['Newsletter', (id) => `${SITE}/${id}/newsletter`],
];
const ROLES = {
  fr: { f: ['Coordinatrice', 'Responsable mobilisation', 'Référente formation', 'Trésorière', 'Porte-parole'],
        m: ['Coordinateur', 'Responsable mobilisation', 'Référent formation', 'Trésorier', 'Porte-parole'],
        n: ['Coordination', 'Responsable mobilisation', 'Référent·e formation', 'Trésorier·e', 'Porte-parole'] },
  es: { f: ['Coordinadora', 'Responsable de movilización', 'Formadora', 'Tesorera', 'Portavoz'],
        m: ['Coordinador', 'Responsable de movilización', 'Formador', 'Tesorero', 'Portavoz'],
        n: ['Coordinación', 'Responsable de movilización', 'Formación', 'Tesorería', 'Portavoz'] },
  en: { f: ['Coordinator', 'Lead organiser', 'Training lead', 'Treasurer', 'Spokesperson'] },
  de: { f: ['Koordination', 'Mobilisierung', 'Trainings', 'Kasse', 'Pressearbeit'] },
  nl: { f: ['Coördinatie', 'Mobilisatie', 'Vorming', 'Penningmeester', 'Woordvoerder'] },
};
const roleFor = (lang, g) => { const R = ROLES[lang]; return pick(R[g] || R.f); };

// ---------------------------------------------------------------- build chapters + logos
function luminance(hex) {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
const textOn = (hex) => (luminance(hex) > 0.4 ? '#10202b' : '#ffffff');
function initials(city) {
  if (city === 'Ciudad de México') return 'CDMX';
  const words = city.split(/[\s-]+/).filter((w) => !/^(de|la|le|del)$/i.test(w));
  return words.length > 1 ? words.map((w) => w[0].toUpperCase()).join('').slice(0, 2) : city.slice(0, 2);
}
function logoSvg(ch, i) {
  const { id, name, color, accent } = ch;
  const ink = textOn(color);
  const ini = initials(ch.city);
  const fs = ini.length > 2 ? 15 : 22;
  const glyph = i % 3 === 2
    // island: sun, sea, island with a palm
    ? `<circle cx="47" cy="17" r="6" fill="${accent}"/><path d="M0 48q16-5 32 0t32 0v16H0z" fill="${accent}" opacity=".55"/><path d="M14 50q12-12 26 0z" fill="${accent}"/><path d="M26 44q1-8-2-13m2 0q-6-2-9 2m9-2q6-3 9 1" stroke="${accent}" stroke-width="2" fill="none" stroke-linecap="round"/>`
    // wave: two rolling crests
    : `<path d="M0 44q8-10 16-4t16 0 16-4 16 0v28H0z" fill="${accent}"/><path d="M0 52q8-6 16-2t16 0 16-2 16 0" stroke="${color}" stroke-width="3" fill="none"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-labelledby="t-${id}">` +
    `<title id="t-${id}">${esc(name)}</title><clipPath id="c-${id}"><rect width="64" height="64" rx="14"/></clipPath>` +
    `<g clip-path="url(#c-${id})"><rect width="64" height="64" fill="${color}"/>${glyph}</g>` +
    `<text x="${i % 3 === 2 ? 22 : 32}" y="${i % 3 === 2 ? 30 : 31}" text-anchor="middle" font-family="system-ui,Segoe UI,Helvetica,Arial,sans-serif" font-weight="700" font-size="${fs}" fill="${ink}">${esc(ini)}</text></svg>\n`;
}

// A few chapters' slogan and description in other languages (#19): a visitor reads them in theirs, and every other
// chapter in its own language, marked as such.
const CHAPTER_TRANSLATIONS = {
  paris: {
    en: { slogan: 'Paris rises with the wave', description: 'Climate Wave Paris brings together people from every arrondissement and the inner suburbs to demand a breathable, fair city. We run trainings, door-to-door canvassing and marches, from Belleville to the Porte de Versailles.' },
    es: { slogan: 'París sube con la ola', description: 'Ola Climática París reúne a vecinas y vecinos de todos los distritos y de las afueras para exigir una ciudad respirable y justa. Organizamos formaciones, puerta a puerta y marchas, de Belleville a la Porte de Versailles.' },
  },
  barcelona: {
    fr: { slogan: 'La vague qui ne s’arrête pas', description: 'Vague Climat Barcelone rassemble les habitantes et habitants de tous les quartiers face à la sécheresse et au surtourisme. Nous organisons des assemblées, des nettoyages de plage et des vélorutions.' },
    en: { slogan: 'The wave that never stops' },
  },
  berlin: {
    fr: { slogan: 'Berlin fait des vagues', description: 'Vague Climat Berlin réunit des gens de tous les quartiers, de Neukölln à Pankow. Nous organisons des formations, des discussions de quartier et de grandes manifestations pour une transition climatique juste.' },
    en: { slogan: 'Berlin makes waves', description: 'Climate Wave Berlin brings people together from every neighbourhood, from Neukölln to Pankow. We run trainings, neighbourhood conversations and big demonstrations for a fair climate transition.' },
    es: { slogan: 'Berlín hace olas' },
  },
  london: {
    fr: { slogan: 'Londres se lève avec la vague' },
    es: { slogan: 'Londres se alza con la ola', description: 'Ola Climática Londres reúne a vecinas y vecinos de todos los distritos para exigir hogares cálidos y aire limpio. Organizamos formaciones, llamadas y grandes marchas alegres.' },
  },
};

reseed(101);
const chapters = CH.map((c, i) => {
  const [id, city, region, country, lat, lng, lang, pool, tz, slogan, description] = c;
  const [color, accent] = COLORS[i];
  const name = `${BRAND[lang]} ${city}`;
  const links = [LINK_KINDS[0]].concat(sample(LINK_KINDS.slice(1), rint(0, 2)))
    .map(([label, f]) => ({ label, url: f(id) }));
  const n = weighted([[1, 3], [2, 5], [3, 3]]);
  const leaders = [];
  const used = new Set();
  const roleIdx = [0, ...sample([1, 2, 3, 4], 2)];
  while (leaders.length < n) {
    const p = person(pool);
    if (used.has(p.first) || used.has(p.last)) continue;
    used.add(p.first); used.add(p.last);
    const R = ROLES[['fr', 'qc', 'sn'].includes(pool) ? 'fr' : lang];
    leaders.push({
      name: `${p.first} ${p.last}`,
      role: (R[p.g] || R.f)[roleIdx[leaders.length]],
      pronouns: PRONOUNS[pool][p.g],
    });
  }
  return { id, name, slogan, description, city, region, country, lat, lng, logo: `logos/${id}.svg`, color, accent,
    website: `${SITE}/${id}`, email: `${id}@vagueclimat.example.org`, links, leaders,
    lang, ...(CHAPTER_TRANSLATIONS[id] ? { translations: CHAPTER_TRANSLATIONS[id] } : {}) };
});
const CHMETA = Object.fromEntries(CH.map((c) => [c[0], { lang: c[6], pool: c[7], tz: c[8], hoods: c[11], city: c[1], country: c[3] }]));
chapters.forEach((ch, i) => writeFileSync(join(OUT, ch.logo), logoSvg(ch, i)));
writeJSON('chapters.json', chapters);
function nearestChapter(lat, lng) {
  let best = null, bd = Infinity;
  for (const ch of chapters) { const d = haversine(lat, lng, ch.lat, ch.lng); if (d < bd) { bd = d; best = ch; } }
  return best;
}

// ---------------------------------------------------------------- places for actions
// Real towns with real centre coordinates. Venue kinds: s = square / meeting point,
// p = park, beach or river bank (outdoor), i = indoor room.
// venue: [kind, name, address (defaults to name), postcode (defaults to town's)]
const FR = { country: 'FR', tz: 'Europe/Paris', lang: 'fr' };
const BE = { country: 'BE', tz: 'Europe/Brussels', lang: 'fr' };
const NL = { country: 'BE', tz: 'Europe/Brussels', lang: 'nl' };
const CHE = { country: 'CH', tz: 'Europe/Zurich', lang: 'fr' };
const QC = { country: 'CA', tz: 'America/Toronto', lang: 'fr' };
const SN = { country: 'SN', tz: 'Africa/Dakar', lang: 'fr' };
const ESP = { country: 'ES', tz: 'Europe/Madrid', lang: 'es' };
const MX = { country: 'MX', tz: 'America/Mexico_City', lang: 'es' };
const AR = { country: 'AR', tz: 'America/Argentina/Buenos_Aires', lang: 'es' };
const GB = { country: 'GB', tz: 'Europe/London', lang: 'en' };
const DE = { country: 'DE', tz: 'Europe/Berlin', lang: 'de' };
const P = (g, city, postcode, lat, lng, venues, main = false) => ({ ...g, city, postcode, lat, lng, venues, main });
const PLACES = [
  P(FR, 'Paris', '75010', 48.8566, 2.3522, [['s', 'Place de la République', null, '75011'], ['p', 'Parc des Buttes-Chaumont', '1 rue Botzaris', '75019'], ['i', 'Bourse du travail', '3 rue du Château-d\'Eau', '75010'], ['s', 'Place de la Bastille', null, '75011'], ['i', 'Médiathèque Marguerite-Duras', '115 rue de Bagnolet', '75020'], ['p', 'Berges de Seine, quai de la Tournelle', 'Quai de la Tournelle', '75005'], ['s', 'Place de la Nation', null, '75012']], true),
  P(FR, 'Montreuil', '93100', 48.8638, 2.4485, [['s', 'Place Jean-Jaurès'], ['p', 'Parc des Beaumonts', 'Rue Paul-Doumer']]),
  P(FR, 'Saint-Denis', '93200', 48.9362, 2.3574, [['s', 'Parvis de la basilique', 'Place Victor-Hugo'], ['i', 'Bourse du travail de Saint-Denis', '9-11 rue Génin']]),
  P(FR, 'Nanterre', '92000', 48.8924, 2.2071, [['p', 'Parc André-Malraux', 'Avenue Pablo-Picasso']]),
  P(FR, 'Lyon', '69001', 45.7640, 4.8357, [['s', 'Place Bellecour', null, '69002'], ['p', "Parc de la Tête d'Or", 'Boulevard des Belges', '69006'], ['s', 'Place des Terreaux', null, '69001'], ['s', 'Place de la Croix-Rousse', null, '69004'], ['i', "Maison de l'environnement", '14 avenue Tony-Garnier', '69007'], ['p', 'Berges du Rhône, quai Victor-Augagneur', 'Quai Victor-Augagneur', '69003'], ['s', 'Place Guichard', null, '69003']], true),
  P(FR, 'Villeurbanne', '69100', 45.7719, 4.8902, [['s', 'Place Lazare-Goujon'], ['i', 'Centre culturel et de la vie associative', '234 cours Émile-Zola']]),
  P(FR, 'Vénissieux', '69200', 45.6975, 4.8867, [['s', 'Place Léon-Sublet'], ['p', 'Parc Louis-Dupic', 'Avenue Jean-Cagne']]),
  P(FR, 'Marseille', '13001', 43.2965, 5.3698, [['s', 'Ombrière du Vieux-Port', 'Quai de la Fraternité', '13001'], ['s', 'Place Jean-Jaurès (La Plaine)', 'Place Jean-Jaurès', '13005'], ['p', 'Plage des Catalans', '3 rue des Catalans', '13007'], ['s', 'Cours Julien', null, '13006'], ['i', 'Friche la Belle de Mai', '41 rue Jobin', '13003'], ['p', 'Plage de la Pointe-Rouge', 'Avenue de la Pointe-Rouge', '13008'], ['i', 'Cité des associations', '93 La Canebière', '13001']], true),
  P(FR, 'Aix-en-Provence', '13100', 43.5297, 5.4474, [['s', 'Cours Mirabeau'], ['s', 'Place de la Rotonde'], ['i', 'Cité du livre', '8-10 rue des Allumettes']]),
  P(FR, 'Toulouse', '31000', 43.6047, 1.4442, [['s', 'Place du Capitole'], ['p', 'Prairie des Filtres', 'Cours Dillon', '31300'], ['s', 'Place Jean-Jaurès'], ['i', 'Bourse du travail', '19 place Saint-Sernin'], ['p', 'Jardin des Plantes', 'Allée Jules-Guesde', '31400'], ['s', 'Place Arnaud-Bernard']], true),
  P(FR, 'Colomiers', '31770', 43.6112, 1.3353, [['s', 'Place du Marché'], ['i', 'Pavillon blanc', '1 place Alex-Raymond']]),
  P(FR, 'Lille', '59000', 50.6292, 3.0573, [['s', 'Grand-Place', 'Place du Général-de-Gaulle'], ['i', 'Maison régionale de l\'environnement et des solidarités', '23 rue Gosselet'], ['p', 'Parc de la Citadelle', 'Avenue Mathias-Delobel', '59800'], ['s', 'Place de la République'], ['s', 'Place de la Nouvelle-Aventure (Wazemmes)', 'Place de la Nouvelle-Aventure']], true),
  P(FR, 'Roubaix', '59100', 50.6942, 3.1746, [['s', 'Grand-Place de Roubaix', 'Grand-Place'], ['p', 'Parc Barbieux', 'Avenue Le Nôtre']]),
  P(FR, "Villeneuve-d'Ascq", '59650', 50.6233, 3.1450, [['p', 'Lac du Héron', 'Chemin du Lac']]),
  P(FR, 'Bordeaux', '33000', 44.8378, -0.5792, [['s', "Place de la Bourse (miroir d'eau)", 'Place de la Bourse'], ['s', 'Place Pey-Berland'], ['p', 'Quai des Chartrons', null, '33300'], ['i', 'Darwin Écosystème', '87 quai des Queyries', '33100'], ['s', 'Place de la Victoire'], ['p', 'Parc aux Angéliques', 'Quai des Queyries', '33100']], true),
  P(FR, 'Pessac', '33600', 44.8067, -0.6311, [['s', 'Place de la Ve-République'], ['p', 'Bois des Sources du Peugue', 'Avenue de Beutre']]),
  P(FR, 'Nantes', '44000', 47.2184, -1.5536, [['s', 'Place Royale'], ['p', 'Parc des Chantiers', 'Boulevard Léon-Bureau', '44200'], ['s', 'Place du Commerce'], ['p', 'Jardin des Plantes', 'Rue Stanislas-Baudry'], ['i', 'Maison des associations Manu', '10 bis boulevard de Stalingrad'], ['s', 'Place du Bouffay'], ['p', 'Berges de l\'Erdre, quai Ceineray', 'Quai Ceineray']], true),
  P(FR, 'Saint-Nazaire', '44600', 47.2735, -2.2138, [['p', 'Plage de Saint-Nazaire', 'Boulevard du Président-Wilson'], ['s', 'Place de l\'Amérique-Latine']]),
  P(FR, 'Rezé', '44400', 47.1833, -1.5500, [['s', 'Place du 8-Mai-1945'], ['p', 'Bords de Sèvre, Trentemoult', 'Quai Marcel-Boissard']]),
  P(FR, 'Strasbourg', '67000', 48.5734, 7.7521, [['s', 'Place Kléber'], ['p', "Parc de l'Orangerie", 'Avenue de l\'Europe'], ['s', 'Place de la République'], ['i', 'Maison des associations', '1a place des Orphelins'], ['p', 'Berges de l\'Ill, quai des Pêcheurs', 'Quai des Pêcheurs']], true),
  P(FR, 'Colmar', '68000', 48.0794, 7.3585, [['s', 'Place Rapp'], ['i', 'Salle Europe', '13 rue d\'Amsterdam']]),
  P(FR, 'Rennes', '35000', 48.1173, -1.6778, [['s', 'Place de la Mairie'], ['p', 'Parc du Thabor', 'Place Saint-Mélaine'], ['s', 'Esplanade Charles-de-Gaulle'], ['i', 'Maison de la consommation et de l\'environnement', '48 boulevard Magenta'], ['s', 'Place Sainte-Anne'], ['p', 'Prairies Saint-Martin', 'Rue de Trégain']], true),
  P(FR, 'Vannes', '56000', 47.6582, -2.7608, [['s', 'Place Gambetta'], ['p', 'Jardins des remparts', 'Rue Alexandre-Le-Pontois']]),
  P(FR, 'Saint-Malo', '35400', 48.6493, -2.0257, [['p', 'Plage du Sillon', 'Chaussée du Sillon']]),
  P(FR, 'Grenoble', '38000', 45.1885, 5.7245, [['s', 'Place Notre-Dame'], ['p', 'Jardin de Ville', 'Place Grenette'], ['p', 'Parc Paul-Mistral', 'Boulevard Jean-Pain'], ['i', 'Maison des associations', '6 rue Berthe-de-Boissieux'], ['s', 'Place Félix-Poulat'], ['p', "Quais de l'Isère", 'Quai Stéphane-Jay']], true),
  P(FR, 'Chambéry', '73000', 45.5646, 5.9178, [['s', 'Place Saint-Léger'], ['p', 'Parc du Verney', 'Boulevard du Théâtre']]),
  P(FR, 'Annecy', '74000', 45.8992, 6.1294, [['p', "Pâquier d'Annecy", 'Avenue d\'Albigny'], ['s', 'Place de l\'Hôtel-de-Ville'], ['i', 'Bonlieu', '1 rue Jean-Jaurès']]),
  P(FR, 'Montpellier', '34000', 43.6108, 3.8767, [['s', 'Place de la Comédie'], ['p', 'Esplanade Charles-de-Gaulle'], ['p', 'Promenade du Peyrou', 'Place Royale du Peyrou'], ['i', 'Halle Tropisme', '121 rue Fontcouverte', '34070'], ['s', 'Plan Cabanes']], true),
  P(FR, 'Sète', '34200', 43.4028, 3.6970, [['p', 'Plage de la Corniche', 'Promenade du Maréchal-Leclerc'], ['s', 'Place Aristide-Briand']]),
  P(FR, 'Nîmes', '30000', 43.8367, 4.3601, [['s', "Esplanade Charles-de-Gaulle"], ['p', 'Jardins de la Fontaine', 'Quai de la Fontaine']]),
  P(FR, 'Nice', '06000', 43.7102, 7.2620, [['p', 'Promenade du Paillon'], ['s', 'Place Masséna'], ['p', 'Plage de Carras', 'Promenade des Anglais', '06200'], ['s', 'Place Garibaldi', null, '06300'], ['i', 'Maison des associations Garibaldi', '12 ter place Garibaldi', '06300']], true),
  P(FR, 'Antibes', '06600', 43.5808, 7.1251, [['p', 'Plage de la Gravette', 'Quai Henri-Rambaud']]),
  P(FR, 'Cannes', '06400', 43.5528, 7.0174, [['s', 'Square Mérimée', 'Square Prosper-Mérimée'], ['p', 'Plage du Midi', 'Boulevard Jean-Hibert']]),
  P(FR, 'Rouen', '76000', 49.4432, 1.0999, [['s', 'Place du Vieux-Marché'], ['s', 'Parvis de la cathédrale', 'Place de la Cathédrale'], ['p', 'Quais rive gauche', 'Quai Jean-Moulin', '76100'], ['p', 'Jardin des Plantes', '114 ter avenue des Martyrs-de-la-Résistance', '76100'], ['i', 'Halle aux Toiles', 'Place de la Basse-Vieille-Tour']], true),
  P(FR, 'Elbeuf', '76500', 49.2866, 1.0077, [['s', 'Place Aristide-Briand'], ['p', 'Bords de Seine', 'Quai Hippolyte-Lesage']]),
  P(FR, 'Le Havre', '76600', 49.4944, 0.1079, [['p', 'Plage du Havre', 'Boulevard Albert-Ier'], ['s', "Place de l'Hôtel-de-Ville"], ['i', 'Le Volcan', '8 place Oscar-Niemeyer']]),
  P(FR, 'Dijon', '21000', 47.3220, 5.0415, [['s', 'Place de la Libération'], ['s', 'Place Darcy'], ['p', 'Lac Kir', 'Avenue Albert-Ier'], ['i', 'Maison des associations', '2 rue des Corroyeurs'], ['p', 'Jardin de l\'Arquebuse', '1 avenue Albert-Ier']], true),
  P(FR, 'Beaune', '21200', 47.0260, 4.8400, [['s', 'Place Carnot']]),
  P(FR, 'Clermont-Ferrand', '63000', 45.7772, 3.0870, [['s', 'Place de Jaude'], ['p', 'Jardin Lecoq', 'Boulevard Lafayette'], ['i', 'Maison du peuple', '29 rue Gabriel-Péri'], ['s', 'Place de la Victoire']], true),
  P(FR, 'Riom', '63200', 45.8936, 3.1126, [['s', 'Place Jeanne-d\'Arc']]),
  P(FR, 'Tours', '37000', 47.3941, 0.6848, [['s', 'Place Jean-Jaurès'], ['s', 'Place Plumereau'], ['p', 'Bords de Loire, quai du Pont-Neuf', 'Quai du Pont-Neuf'], ['i', 'Maison des associations', '1 rue Vallonnée'], ['p', 'Jardin botanique', '35 boulevard Tonnellé']], true),
  P(FR, 'Blois', '41000', 47.5861, 1.3359, [['s', 'Place Louis-XII'], ['p', 'Quai de la Loire', 'Quai de la Saussaye']]),
  P(FR, 'Brest', '29200', 48.3904, -4.4861, [['s', 'Place de la Liberté'], ['p', 'Plage du Moulin-Blanc', 'Rue du Moulin-Blanc'], ['i', 'Ateliers des Capucins', '25 rue de Pontaniou'], ['s', 'Place Guérin'], ['p', 'Jardin des explorateurs', 'Rue de la Pointe']], true),
  P(FR, 'Quimper', '29000', 47.9960, -4.1020, [['s', 'Place Saint-Corentin'], ['p', "Bords de l'Odet", 'Quai de l\'Odet']]),
  P(FR, 'Morlaix', '29600', 48.5776, -3.8279, [['s', 'Place des Otages']]),
  P(FR, 'Besançon', '25000', 47.2378, 6.0241, [['s', 'Place du Huit-Septembre'], ['p', 'Promenade Chamars', 'Promenade Chamars'], ['s', 'Place de la Révolution'], ['i', 'Maison des associations', '1 rue de la Préfecture'], ['p', 'Bords du Doubs, quai de Strasbourg', 'Quai de Strasbourg']], true),
  P(FR, 'Limoges', '87000', 45.8336, 1.2611, [['s', 'Place de la République'], ['p', "Jardin de l'Évêché", 'Place de l\'Évêché'], ['s', 'Place d\'Aine'], ['p', 'Bords de Vienne', 'Quai Saint-Martial'], ['i', 'Maison du temps libre', '35 rue de la Loi']], true),
  P(FR, 'Perpignan', '66000', 42.6887, 2.8948, [['s', 'Place de la Loge'], ['p', 'Promenade des Platanes', 'Boulevard Jean-Bourrat'], ['s', 'Place Arago'], ['p', 'Berges de la Têt', 'Quai Vauban']], true),
  P(FR, 'Canet-en-Roussillon', '66140', 42.7050, 3.0075, [['p', 'Plage de Canet', 'Promenade de la Côte-Vermeille']]),
  P(FR, 'Metz', '57000', 49.1193, 6.1757, [['s', 'Place de la République'], ['s', 'Place Saint-Louis'], ['p', "Plan d'eau", 'Rue Henri-de-Mercy'], ['i', 'Agora', '1 rue d\'Annecy', '57050'], ['p', 'Jardin des Amours', 'Rue des Récollets']], true),
  P(FR, 'Nancy', '54000', 48.6921, 6.1844, [['s', 'Place Stanislas'], ['p', 'Parc de la Pépinière', 'Place de la Carrière']]),
  P(FR, 'Thionville', '57100', 49.3579, 6.1681, [['s', 'Place du Marché']]),
  P(FR, 'Caen', '14000', 49.1829, -0.3707, [['s', 'Place Saint-Sauveur'], ['p', 'Colline aux Oiseaux', 'Avenue Amiral-Mountbatten'], ['s', 'Place de la République'], ['i', 'Maison des associations', '8 rue Neuve-Bourg-l\'Abbé'], ['p', "Prairie de Caen", 'Boulevard Yves-Guillou']], true),
  P(FR, 'Bayeux', '14400', 49.2764, -0.7024, [['s', 'Place de Gaulle']]),
  P(FR, 'Ouistreham', '14150', 49.2760, -0.2590, [['p', 'Plage de Riva-Bella', 'Boulevard Aristide-Briand']]),
  // Belgium
  P(BE, 'Bruxelles', '1000', 50.8503, 4.3517, [['s', 'Place de la Monnaie'], ['p', 'Parc du Cinquantenaire', 'Avenue de la Joyeuse Entrée', '1040'], ['s', 'Mont des Arts'], ['s', 'Place Flagey', null, '1050'], ['i', 'Maison des associations internationales', 'Rue Washington 40', '1050'], ['s', 'Gare du Nord (parvis)', 'Rue du Progrès 76', '1030'], ['p', 'Parc de Forest', 'Avenue du Parc', '1190']], true),
  P(BE, 'Mons', '7000', 50.4542, 3.9523, [['s', 'Grand-Place de Mons', 'Grand-Place'], ['p', 'Parc du Waux-Hall', 'Avenue Frère-Orban']]),
  P(BE, 'Louvain-la-Neuve', '1348', 50.6681, 4.6118, [['s', 'Place de l\'Université'], ['p', 'Lac de Louvain-la-Neuve', 'Boulevard de Lauzelle']]),
  P(BE, 'Liège', '4000', 50.6326, 5.5797, [['s', 'Place Saint-Lambert'], ['p', 'Parc de la Boverie', 'Parc de la Boverie', '4020'], ['i', 'La Cité Miroir', 'Place Xavier-Neujean 22'], ['s', 'Place du Marché'], ['p', 'Quai de la Batte', 'Quai de la Batte']], true),
  P(BE, 'Verviers', '4800', 50.5891, 5.8623, [['s', 'Place Verte'], ['p', 'Berges de la Vesdre', 'Quai Jules-Cerexhe']]),
  P(BE, 'Namur', '5000', 50.4674, 4.8720, [["s", "Place d'Armes"], ['p', 'Citadelle de Namur', 'Route Merveilleuse'], ['s', "Place de l'Ange"], ['i', 'Maison de la culture', 'Avenue Golenvaux 14'], ['p', 'Confluent Sambre-Meuse', 'Boulevard Baron-Louis-Huart']], true),
  P(BE, 'Charleroi', '6000', 50.4108, 4.4446, [['s', 'Place Charles-II'], ['p', 'Parc Reine-Astrid', 'Boulevard Audent'], ['i', 'Quai10', 'Quai Arthur-Rimbaud 10']]),
  P(NL, 'Gent', '9000', 51.0543, 3.7174, [['s', 'Sint-Pietersplein'], ['s', 'Vrijdagmarkt'], ['p', 'Citadelpark'], ['i', 'Vooruit (Viernulvier)', 'Sint-Pietersnieuwstraat 23'], ['p', 'Blaarmeersen', 'Zuiderlaan 5']], true),
  P(NL, 'Leuven', '3000', 50.8798, 4.7005, [['s', 'Ladeuzeplein'], ['p', 'Stadspark', 'Tiensevest']]),
  P(NL, 'Antwerpen', '2000', 51.2194, 4.4025, [['s', 'Groenplaats'], ['p', 'Park Spoor Noord', 'Damplein', '2060']]),
  // Switzerland
  P(CHE, 'Genève', '1204', 46.2044, 6.1432, [['s', 'Plaine de Plainpalais', null, '1205'], ['p', 'Parc des Bastions', 'Promenade des Bastions'], ['s', 'Place des Nations', null, '1202'], ['p', 'Bains des Pâquis', 'Quai du Mont-Blanc 30', '1201'], ['i', 'Maison des associations', 'Rue des Savoises 15', '1205']], true),
  P(CHE, 'Lausanne', '1003', 46.5197, 6.6323, [['s', 'Place de la Riponne', null, '1005'], ['s', 'Esplanade de Montbenon'], ['p', "Quai d'Ouchy", null, '1006'], ['i', 'Maison de quartier sous-gare', 'Avenue Dapples 50', '1006'], ['s', 'Place Saint-François']], true),
  P(CHE, 'Vevey', '1800', 46.4628, 6.8419, [['s', 'Place du Marché'], ['p', 'Quai Perdonnet']]),
  P(CHE, 'Yverdon-les-Bains', '1400', 46.7785, 6.6412, [['s', 'Place Pestalozzi'], ['p', 'Plage d\'Yverdon', 'Avenue des Sports']]),
  P(CHE, 'Fribourg', '1700', 46.8065, 7.1620, [['s', 'Place Georges-Python'], ['s', 'Place de l\'Hôtel-de-Ville'], ['p', 'Bords de la Sarine (Basse-Ville)', 'Planche-Supérieure'], ['i', 'Centre Fries', 'Rue Pierre-Aeby 6']], true),
  P(CHE, 'Bulle', '1630', 46.6193, 7.0577, [['s', 'Place du Marché']]),
  P(CHE, 'Neuchâtel', '2000', 46.9900, 6.9293, [['s', 'Place des Halles'], ['p', 'Jardin anglais', 'Avenue du Premier-Mars'], ['p', 'Jeunes-Rives', 'Quai Robert-Comtesse'], ['i', 'Maison du Concert', 'Rue de l\'Hôtel-de-Ville 4']], true),
  P(CHE, 'La Chaux-de-Fonds', '2300', 47.0999, 6.8259, [['s', 'Place du Marché'], ['p', 'Parc des Crêtets', 'Rue du Grenier']]),
  // Quebec
  P(QC, 'Montréal', 'H2X 1Y6', 45.5017, -73.5673, [['s', 'Place des Festivals', null, 'H2X 1Y6'], ['p', 'Parc La Fontaine', null, 'H2L 2V6'], ['s', 'Place Émilie-Gamelin', null, 'H2L 2C6'], ['i', 'Maison du développement durable', '50 rue Sainte-Catherine Ouest', 'H2X 3V4'], ['p', 'Parc Jarry', null, 'H2P 1V3'], ['p', 'Parc Jeanne-Mance', 'Avenue du Parc', 'H2W 1S8'], ['s', 'Square Cabot', null, 'H3H 1A1']], true),
  P(QC, 'Laval', 'H7N 5L2', 45.6066, -73.7124, [['p', 'Centre de la nature de Laval', '901 avenue du Parc']]),
  P(QC, 'Longueuil', 'J4K 2T7', 45.5312, -73.5181, [['s', 'Place Charles-Le Moyne']]),
  P(QC, 'Trois-Rivières', 'G9A 5L9', 46.3432, -72.5477, [['p', 'Parc portuaire', '1 rue des Forges'], ['i', 'Salle Anaïs-Allard-Rousseau', '1425 place de l\'Hôtel-de-Ville']]),
  P(QC, 'Québec', 'G1R 4S9', 46.8139, -71.2080, [['s', "Place D'Youville", null, 'G1R 4S9'], ['p', "Plaines d'Abraham", 'Avenue Wolfe-Montcalm', 'G1R 5H9'], ['i', 'Bibliothèque Gabrielle-Roy', '350 rue Saint-Joseph Est', 'G1K 3B2'], ['p', 'Parc Victoria', 'Rue du Pont', 'G1K 9C6'], ['s', 'Parvis de l\'église Saint-Roch', '590 rue Saint-Joseph Est', 'G1K 3B9']], true),
  P(QC, 'Lévis', 'G6V 6N6', 46.8032, -71.1779, [['p', 'Parcours des Anses', 'Rue Saint-Laurent']]),
  P(QC, 'Sherbrooke', 'J1H 1R6', 45.4042, -71.8929, [['p', 'Lac des Nations', 'Rue Wellington Sud', 'J1H 5C7'], ['s', 'Place de la Gare', '720 place de la Gare', 'J1H 0E2'], ['p', 'Parc Jacques-Cartier', 'Boulevard de Portland', 'J1J 1T6'], ['i', 'Centre culturel de l\'Université de Sherbrooke', '2500 boulevard de l\'Université', 'J1K 2R1']], true),
  P(QC, 'Magog', 'J1X 2E8', 45.2668, -72.1475, [['p', 'Plage des Cantons', 'Rue Merry Sud']]),
  // Senegal
  P(SN, 'Dakar', '10200', 14.7167, -17.4677, [["s", "Place de l'Indépendance"], ['p', 'Plage de Yoff', 'Route de Yoff', '12000'], ['i', 'Institut français', '89 rue Joseph-Gomis'], ['p', 'Corniche Ouest (Fann)', 'Route de la Corniche Ouest', '10700'], ['s', 'Place de la Nation', 'Place de l\'Obélisque', '12500'], ['i', 'Université Cheikh Anta Diop, amphi 2', 'Avenue Cheikh-Anta-Diop', '10700']], true),
  P(SN, 'Rufisque', '20000', 14.7165, -17.2733, [['p', 'Plage de Rufisque', 'Route de la Corniche']]),
  P(SN, 'Thiès', '21000', 14.7910, -16.9359, [['s', 'Place de France'], ['i', 'Centre culturel régional', 'Avenue Léopold-Sédar-Senghor']]),
  P(SN, 'Saint-Louis', '32000', 16.0326, -16.4818, [['p', 'Langue de Barbarie, quartier Guet Ndar', 'Guet Ndar'], ['s', 'Place Faidherbe']]),
  // Spain
  P(ESP, 'Barcelona', '08002', 41.3874, 2.1686, [['s', 'Plaça de Catalunya'], ['p', 'Platja de la Barceloneta', 'Passeig Marítim de la Barceloneta', '08003'], ['p', 'Parc de la Ciutadella', 'Passeig de Picasso', '08003'], ['s', 'Plaça de Sant Jaume'], ['i', 'Ateneu Popular', 'Carrer de la Cera 1', '08001'], ['s', 'Plaça del Sol (Gràcia)', 'Plaça del Sol', '08012']], true),
  P(ESP, 'Sabadell', '08201', 41.5463, 2.1086, [['s', 'Plaça del Doctor Robert']]),
  P(ESP, 'Tarragona', '43001', 41.1189, 1.2445, [['p', 'Platja del Miracle', 'Passeig Marítim Rafael Casanova'], ['s', 'Rambla Nova']]),
  P(ESP, 'Valencia', '46002', 39.4699, -0.3763, [['s', 'Plaza del Ayuntamiento'], ['p', 'Jardín del Turia', 'Paseo de la Alameda', '46010'], ['p', 'Playa de la Malvarrosa', 'Paseo Marítimo', '46011']]),
  P(ESP, 'Madrid', '28013', 40.4168, -3.7038, [['s', 'Puerta del Sol'], ['p', 'Parque del Retiro', 'Plaza de la Independencia 7', '28001'], ['s', 'Plaza de Cibeles', null, '28014'], ['i', 'Matadero Madrid', 'Plaza de Legazpi 8', '28045'], ['s', 'Plaza de Lavapiés', null, '28012'], ['p', 'Madrid Río', 'Paseo de la Virgen del Puerto', '28005']], true),
  P(ESP, 'Alcalá de Henares', '28801', 40.4820, -3.3635, [['s', 'Plaza de Cervantes']]),
  P(ESP, 'Sevilla', '41004', 37.3891, -5.9845, [['s', 'Plaza Nueva', null, '41001'], ['p', 'Parque de María Luisa', 'Paseo de las Delicias', '41013']]),
  // Mexico
  P(MX, 'Ciudad de México', '06000', 19.4326, -99.1332, [['s', 'Zócalo', 'Plaza de la Constitución'], ['s', 'Ángel de la Independencia', 'Paseo de la Reforma', '06600'], ['p', 'Bosque de Chapultepec', 'Paseo de la Reforma', '11580'], ['p', 'Parque México', 'Avenida México, Colonia Hipódromo', '06100'], ['i', 'Centro Cultural España', 'República de Guatemala 18', '06010'], ['p', 'Canales de Xochimilco, embarcadero Cuemanco', 'Periférico Sur', '16035']], true),
  P(MX, 'Puebla', '72000', 19.0414, -98.2063, [['s', 'Zócalo de Puebla', 'Avenida Reforma']]),
  P(MX, 'Cuernavaca', '62000', 18.9242, -99.2216, [['s', 'Jardín Juárez'], ['p', 'Parque Barranca de Chapultepec', 'Avenida Chapultepec']]),
  P(MX, 'Guadalajara', '44100', 20.6597, -103.3496, [['s', 'Plaza de la Liberación'], ['p', 'Bosque Los Colomos', 'Avenida Patria', '44660']]),
  // Argentina
  P(AR, 'Buenos Aires', 'C1087', -34.6037, -58.3816, [['s', 'Plaza de Mayo', null, 'C1087'], ['s', 'Plaza del Congreso', null, 'C1089'], ['p', 'Reserva Ecológica Costanera Sur', 'Avenida Tristán Achával Rodríguez 1550', 'C1107'], ['p', 'Parque Centenario', 'Avenida Díaz Vélez 4800', 'C1405'], ['i', 'Centro Cultural San Martín', 'Sarmiento 1551', 'C1042'], ['p', 'Riachuelo, Vuelta de Rocha', 'Avenida Pedro de Mendoza', 'C1169']], true),
  P(AR, 'La Plata', 'B1900', -34.9215, -57.9545, [['s', 'Plaza Moreno'], ['p', 'Paseo del Bosque', 'Avenida 1 y 60']]),
  P(AR, 'Rosario', 'S2000', -32.9442, -60.6505, [['s', 'Monumento a la Bandera', 'Santa Fe 581'], ['p', 'Parque de la Independencia', 'Bulevar Oroño']]),
  // United Kingdom
  P(GB, 'London', 'WC2N 5DN', 51.5074, -0.1278, [['s', 'Trafalgar Square', null, 'WC2N 5DN'], ['s', 'Parliament Square', null, 'SW1P 3BD'], ['i', 'Friends House', '173 Euston Road', 'NW1 2BJ'], ['s', 'Windrush Square, Brixton', 'Windrush Square', 'SW2 1JQ'], ['p', 'Hackney Marshes', 'Homerton Road', 'E9 5PF'], ['p', 'Burgess Park', 'Albany Road', 'SE5 0AL'], ['i', 'Hackney Town Hall', 'Mare Street', 'E8 1EA']], true),
  P(GB, 'Brighton', 'BN1 1UG', 50.8225, -0.1372, [['p', 'Brighton Beach', 'Madeira Drive', 'BN2 1TB'], ['s', 'The Level', 'Union Road', 'BN2 3FA']]),
  P(GB, 'Manchester', 'M2 5PD', 53.4808, -2.2426, [["s", "St Peter's Square"], ['i', 'Friends Meeting House', '6 Mount Street', 'M2 5NS']]),
  P(GB, 'Bristol', 'BS1 5TR', 51.4545, -2.5879, [['s', 'College Green', null, 'BS1 5TR'], ['p', 'Castle Park', 'Wine Street', 'BS1 2DN']]),
  // Germany
  P(DE, 'Berlin', '10117', 52.5200, 13.4050, [['s', 'Pariser Platz (Brandenburger Tor)', 'Pariser Platz', '10117'], ['p', 'Invalidenpark', 'Invalidenstraße', '10115'], ['p', 'Tempelhofer Feld', 'Oderstraße', '12049'], ['s', 'Alexanderplatz', null, '10178'], ['i', 'Nachbarschaftshaus Urbanstraße', 'Urbanstraße 21', '10961'], ['s', 'Hermannplatz', null, '10967'], ['p', 'Landwehrkanal, Maybachufer', 'Maybachufer', '12047']], true),
  P(DE, 'Potsdam', '14467', 52.3906, 13.0645, [['s', 'Alter Markt']]),
  P(DE, 'Hamburg', '20095', 53.5511, 9.9937, [['s', 'Jungfernstieg', null, '20354'], ['p', 'Elbstrand Övelgönne', 'Övelgönne', '22605']]),
  P(DE, 'Leipzig', '04109', 51.3397, 12.3731, [['s', 'Augustusplatz'], ['p', 'Clara-Zetkin-Park', 'Anton-Bruckner-Allee', '04107']]),
];
// Generic rooms that exist in most towns, for smaller places without an indoor venue.
const GENERIC_ROOMS = {
  FR: [['Salle des fêtes', 'Place de la Mairie', false], ['Médiathèque municipale', 'rue Victor-Hugo'], ['Maison des associations', 'rue de la République'], ['Café associatif « Le Bocal »', 'rue Gambetta'], ['Tiers-lieu « La Fabrique »', 'avenue Jean-Jaurès']],
  BE: [['Maison de quartier', 'rue de la Station'], ['Centre culturel', 'rue de l\'Église']],
  CH: [['Salle de paroisse', 'rue du Temple'], ['Maison de quartier', 'rue de la Gare']],
  CA: [['Centre communautaire', 'rue Principale'], ['Bibliothèque municipale', 'rue Notre-Dame']],
  SN: [['Maison des jeunes', 'avenue Léopold-Sédar-Senghor'], ['Centre culturel', 'avenue Lamine-Guèye']],
  ES: [['Centro cívico', 'Calle Mayor'], ['Biblioteca municipal', 'Avenida de la Constitución']],
  MX: [['Casa de la cultura', 'Calle Hidalgo'], ['Centro comunitario', 'Avenida Juárez']],
  AR: [['Biblioteca popular', 'Avenida San Martín'], ['Centro cultural barrial', 'Calle Belgrano']],
  GB: [['Community centre', 'High Street'], ['Library meeting room', 'Station Road']],
  DE: [['Stadtteilzentrum', 'Hauptstraße'], ['Café Kollektiv', 'Bahnhofstraße']],
  NLBE: [['Buurthuis', 'Stationsstraat'], ['Bibliotheek', 'Kerkstraat']],
};
function numberedAddress(street, country, lang) {
  const n = rint(2, 48);
  if (lang === 'nl' || ['ES', 'MX', 'AR', 'DE', 'CH', 'BE'].includes(country)) return `${street} ${n}`;
  return `${n} ${street}`;
}

// ---------------------------------------------------------------- actions
const TYPES = ['march', 'rally', 'training', 'meeting', 'canvass', 'phonebank', 'workshop', 'cleanup'];
const T = {
  fr: {
    march: ['Marche pour le climat', 'Marche pour le climat et la justice sociale', ['Vélorution : la ville à vélo', 'Une parade à vélo joyeuse et sonore pour réclamer des pistes cyclables continues. Tous les vélos sont bienvenus, remorques et tandems compris.'], 'Marche des familles pour le climat', 'Marche aux flambeaux pour le climat'],
    rally: ['Rassemblement « La vague monte »', 'Rassemblement pour le climat', 'Chaîne humaine pour le climat', 'Rassemblement pour des transports en commun gratuits', 'Rassemblement : des logements chauds, pas des passoires'],
    training: ["Formation à l'action non-violente", 'Formation : organiser son quartier', 'Formation prise de parole en public', 'Formation au porte-à-porte', 'Formation : animer une réunion', 'Formation sécurité et désescalade en manifestation'],
    meeting: ["Réunion d'accueil des nouvelles personnes", 'Assemblée locale', 'Réunion de préparation du 12 décembre', 'Apéro-rencontre Vague Climat', 'Assemblée de quartier {hood}', "Point d'étape mensuel"],
    canvass: ['Porte-à-porte quartier {hood}', 'Porte-à-porte {hood} : parlons chauffage et factures', ['Tractage au marché', 'On distribue des tracts et on discute avec les habitant·es entre les étals. Rendez-vous à l\'entrée du marché, tracts fournis.'], 'Porte-à-porte « Prêt·e à agir ? » – {hood}'],
    phonebank: ['Phoning : mobilisons pour le 12 décembre', 'Soirée phoning', 'Phoning : rappel des sympathisant·es', ['Phoning : appelez votre député·e', 'On appelle ensemble les permanences parlementaires pour demander un vrai budget pour la rénovation. Argumentaire fourni, prévoyez un téléphone chargé.']],
    workshop: ['Atelier banderoles', 'Atelier pancartes pour le 12 décembre', ['Ciné-débat « Demain »', 'Projection du documentaire suivie d\'un échange avec des initiatives locales. Entrée à prix libre.'], ['Fresque du climat', 'Trois heures pour comprendre les causes et conséquences du dérèglement climatique, en jouant avec des cartes. Places limitées à 14 personnes.'], ['Atelier réparation vélo', 'Apportez votre vélo, on vous aide à le réparer vous-même. Outils et pièces de base fournis.'], ['Repair café', 'Grille-pain, lampes, vêtements : venez réparer au lieu de jeter, avec l\'aide de bénévoles bricoleur·ses. Café et gâteaux offerts.'], ['Atelier chants et slogans', 'On invente et on répète les chants de la prochaine manif, avec percussions. Aucune oreille musicale requise !'], ['Atelier sérigraphie', 'Impression de t-shirts et de dossards aux couleurs de la vague. Apportez un vêtement clair.']],
    cleanup: ['Nettoyage citoyen – {place}', 'Grand ramassage de déchets – {place}', ["Plantation d'arbres – {place}", 'On plante des essences locales avec le service des espaces verts. Bêches fournies, venez avec des bottes !'], 'Opération « Rivière propre » – {place}'],
  },
  en: {
    march: ['Climate Wave march', 'March for warm homes', 'Family climate march', ['Bike ride for clean air', 'A joyful, noisy ride calling for safe, continuous cycle lanes. All bikes welcome, including trailers and tandems.'], 'Torchlit march for climate justice'],
    rally: ['Rally at {place}', 'Human chain for the climate', 'Vigil for climate justice', 'Rally: fund public transport now'],
    training: ['Nonviolent direct action training', 'Organising 101', 'Door-knocking training', 'Facilitation skills training', 'Media and spokesperson training'],
    meeting: ['New members welcome evening', 'Local assembly', '12 December planning meeting', 'Climate Wave social', '{hood} neighbourhood meeting'],
    canvass: ['Door-knocking in {hood}', 'Canvass: warm homes in {hood}', ['Leafleting at the market', 'We hand out leaflets and chat with shoppers between the stalls. Meet at the market entrance.']],
    phonebank: ['Phonebank: call your MP', 'Phonebank for 12 December', 'Phonebank: call our supporters'],
    workshop: ['Banner painting workshop', 'Placard-making party', ['Film night and discussion', 'A documentary screening followed by a discussion with local groups. Pay what you can.'], ['Bike repair workshop', 'Bring your bike and learn to fix it yourself. Tools and basic parts provided.'], ['Chants and songs workshop', 'We write and rehearse chants for the next march, with drums. No musical talent needed!']],
    cleanup: ['Beach clean – {place}', 'Litter pick – {place}', ['Tree planting – {place}', 'We plant native trees with the parks team. Spades provided, wellies recommended!']],
  },
  es: {
    march: ['Marcha por el clima', ['Bicicletada por el clima', 'Una marcha en bici, alegre y ruidosa, por carriles bici seguros y continuos. Todas las bicis son bienvenidas.'], 'Marcha por la justicia climática', 'Marcha de las familias por el clima'],
    rally: ['Concentración en {place}', 'Cadena humana por el clima', 'Concentración por el transporte público'],
    training: ['Formación en acción no violenta', 'Formación: organiza tu barrio', 'Formación para portavoces', 'Formación puerta a puerta'],
    meeting: ['Asamblea abierta', 'Reunión de bienvenida', 'Asamblea de barrio {hood}', 'Preparación del 12 de diciembre'],
    canvass: ['Puerta a puerta en {hood}', ['Reparto de octavillas en el mercado', 'Repartimos octavillas y charlamos con la gente entre los puestos. Nos vemos en la entrada del mercado.'], 'Puerta a puerta: hablemos de las facturas en {hood}'],
    phonebank: ['Tarde de llamadas: movilízate para el 12D', 'Llamadas a simpatizantes', 'Llamadas: habla con tu representante'],
    workshop: ['Taller de pancartas', ['Cine-fórum «Demain»', 'Proyección del documental y coloquio con iniciativas locales. Entrada libre.'], ['Taller de reparación de bicis', 'Trae tu bici y aprende a arreglarla. Herramientas y piezas básicas incluidas.'], ['Taller de serigrafía', 'Estampamos camisetas con los colores de la ola. Trae una prenda clara.'], ['Taller de cantos y consignas', 'Inventamos y ensayamos las consignas de la próxima marcha, con percusión.']],
    cleanup: ['Limpieza de la playa – {place}', 'Limpieza del río – {place}', ['Plantación de árboles – {place}', 'Plantamos especies autóctonas con el equipo de parques. Herramientas incluidas.'], 'Jornada de limpieza – {place}'],
  },
  de: {
    march: ['Klimademo', ['Fahrraddemo für saubere Luft', 'Eine laute, fröhliche Fahrradtour für sichere Radwege. Alle Räder willkommen, auch Lastenräder.'], 'Demo für Klimagerechtigkeit'],
    rally: ['Kundgebung: {place}', 'Menschenkette fürs Klima', 'Mahnwache für Klimagerechtigkeit'],
    training: ['Training: gewaltfreie Aktion', 'Organizing-Training für Einsteiger*innen', 'Training Haustürgespräche'],
    meeting: ['Offenes Treffen', 'Kieztreffen {hood}', 'Vorbereitungstreffen 12. Dezember', 'Kennenlernabend für Neue'],
    canvass: ['Haustürgespräche in {hood}', ['Flyern auf dem Wochenmarkt', 'Wir verteilen Flyer und kommen mit Leuten ins Gespräch. Treffpunkt am Markteingang.']],
    phonebank: ['Telefonaktion: Mobilisierung für den 12.12.', 'Telefonabend'],
    workshop: ['Transparente malen', ['Filmabend mit Diskussion', 'Dokumentarfilm und anschließendes Gespräch mit lokalen Initiativen. Eintritt auf Spendenbasis.'], ['Fahrrad-Reparaturcafé', 'Bring dein Rad mit und repariere es mit unserer Hilfe. Werkzeug ist da.'], ['Siebdruck-Workshop', 'Wir bedrucken T-Shirts in den Farben der Welle. Bring ein helles Shirt mit.']],
    cleanup: ['Müllsammelaktion – {place}', ['Baumpflanzaktion – {place}', 'Wir pflanzen heimische Bäume gemeinsam mit dem Grünflächenamt. Spaten sind vorhanden.']],
  },
  nl: {
    march: ['Klimaatmars', ['Fietsparade voor het klimaat', 'Een vrolijke fietstocht voor veilige fietspaden. Alle fietsen welkom, ook bakfietsen.']],
    rally: ['Manifestatie: {place}', 'Menselijke ketting voor het klimaat'],
    training: ['Training geweldloze actie', 'Training: organiseer je buurt'],
    meeting: ['Open vergadering', 'Buurtgesprek {hood}', 'Onthaalavond voor nieuwe leden'],
    canvass: ['Huis-aan-huis in {hood}', ['Flyeren op de markt', 'We delen flyers uit en praten met marktbezoekers. Afspraak aan de ingang van de markt.']],
    phonebank: ['Belavond: mobiliseren voor 12 december', 'Belavond met sympathisanten'],
    workshop: ['Spandoekenworkshop', ['Filmavond met debat', 'Documentaire gevolgd door een gesprek met lokale initiatieven. Vrije bijdrage.'], ['Fietsherstelatelier', 'Breng je fiets mee en leer hem zelf herstellen. Gereedschap voorzien.']],
    cleanup: ['Opruimactie – {place}', ['Bomen planten – {place}', 'We planten inheemse bomen samen met de groendienst. Spades voorzien.']],
  },
};
const FLAGSHIP = {
  fr: ['Grande marche du 12 décembre', 'Marche pour le climat – 12 décembre', 'La vague déferle : marche du 12 décembre'],
  en: ['12 December: Climate Wave march'], es: ['Marcha 12D: ¡llega la ola!'], de: ['Klimawelle-Demo am 12.12.'], nl: ['Klimaatgolf: mars op 12 december'],
};
const D = {
  fr: {
    march: ['Venez nombreux·ses avec vos proches, vos pancartes et vos instruments. Parcours accessible aux poussettes et fauteuils roulants.', 'Départ groupé puis défilé dans le centre-ville. Pensez à une tenue bleue, la couleur de la vague !'],
    rally: ['Un rassemblement court et visible pour interpeller les élu·es. Prises de parole des habitant·es puis moment convivial.', 'Rendez-vous avec vos pancartes, on prévoit boissons chaudes et sono.'],
    training: ["Deux heures pour découvrir les bases, par la pratique et en petits groupes. Aucune expérience requise, inscription conseillée.", "Une formation animée par des bénévoles expérimenté·es. Goûter partagé à la pause."],
    meeting: ['On fait le point sur les actions en cours et on accueille les nouvelles personnes. Tout le monde est bienvenu, même pour écouter.', 'Ordre du jour : bilan du mois, préparation du 12 décembre, répartition des rôles.'],
    canvass: ['Par binômes, on frappe aux portes pour parler factures d\'énergie et rénovation. Courte formation sur place avant de partir.', 'Rendez-vous au point de départ, on forme les équipes et on distribue les tracts.'],
    phonebank: ['Apportez votre téléphone et votre bonne humeur : on appelle les sympathisant·es pour les inviter au 12 décembre. Script et accompagnement fournis.', 'Une soirée conviviale pour appeler les personnes inscrites ; débutant·es bienvenu·es.'],
    workshop: ['Peinture, tissus et idées de slogans fournis. Venez avec de vieux draps si vous en avez !', 'Un moment créatif et convivial, ouvert aux enfants accompagnés.'],
    cleanup: ['Gants et sacs fournis, prévoyez des chaussures fermées. Les déchets collectés seront pesés et triés.', 'Une matinée utile et conviviale, suivie d\'un pique-nique partagé.'],
  },
  en: {
    march: ['Bring friends, family, placards and noise. The route is step-free and buggy-friendly.', 'We gather at the meeting point and march together through the centre. Wear something blue!'],
    rally: ['A short, visible rally with speeches from local residents. Hot drinks provided.', 'Join us to make our voices heard; bring a placard if you can.'],
    training: ['A hands-on session in small groups, no experience needed. Please sign up so we can plan numbers.', 'Run by experienced volunteers, with tea and cake at the break.'],
    meeting: ['Catch up on our campaigns and meet new members. Everyone is welcome, even just to listen.', 'Agenda: monthly review, 12 December plans, and roles.'],
    canvass: ['We knock on doors in pairs to talk about energy bills and insulation. Short briefing before we head out.', 'Meet at the start point for a quick briefing and leaflets.'],
    phonebank: ['Bring a phone and a laptop if you have one; we call supporters about 12 December. Script and support provided.', 'A friendly evening of calls, first-timers very welcome.'],
    workshop: ['Paint, fabric and slogan ideas provided. Bring old bedsheets if you have any!', 'A creative, relaxed session; children welcome with an adult.'],
    cleanup: ['Gloves and bags provided, wear sturdy shoes. Everything we collect will be sorted and weighed.', 'A useful morning outdoors, followed by a shared picnic.'],
  },
  es: {
    march: ['Ven con tu gente, tus pancartas y tus instrumentos. Recorrido accesible.', 'Salimos juntas desde el punto de encuentro. ¡Ven de azul, el color de la ola!'],
    rally: ['Una concentración breve y visible con intervenciones vecinales. Habrá bebidas calientes.', 'Trae tu pancarta y haz oír tu voz.'],
    training: ['Una sesión práctica en grupos pequeños, sin experiencia previa. Se recomienda inscribirse.', 'Impartida por personas voluntarias con experiencia; merienda compartida.'],
    meeting: ['Repasamos las acciones en marcha y damos la bienvenida a las personas nuevas. Todo el mundo es bienvenido.', 'Orden del día: balance del mes, preparación del 12D y reparto de tareas.'],
    canvass: ['En parejas, llamamos a las puertas para hablar de facturas de energía y rehabilitación de viviendas. Breve formación antes de salir.', 'Nos vemos en el punto de encuentro para formar equipos y repartir octavillas.'],
    phonebank: ['Trae tu teléfono: llamamos a simpatizantes para invitarles al 12D. Guion y acompañamiento incluidos.', 'Una tarde de llamadas en buen ambiente; primera vez bienvenida.'],
    workshop: ['Pintura, telas e ideas de lemas incluidas. ¡Trae sábanas viejas si tienes!', 'Un rato creativo y relajado, abierto a peques acompañados.'],
    cleanup: ['Guantes y bolsas incluidos; trae calzado cerrado. Pesaremos y separaremos los residuos.', 'Una mañana útil al aire libre, seguida de un picnic compartido.'],
  },
  de: {
    march: ['Bringt Freund*innen, Schilder und Krach mit. Die Route ist barrierefrei.', 'Wir treffen uns am Startpunkt und ziehen gemeinsam durch die Innenstadt.'],
    rally: ['Eine kurze, sichtbare Kundgebung mit Redebeiträgen aus dem Kiez. Heiße Getränke gibt es vor Ort.', 'Kommt vorbei und bringt ein Schild mit!'],
    training: ['Praxisnahes Training in kleinen Gruppen, keine Vorkenntnisse nötig. Bitte meldet euch an.', 'Angeleitet von erfahrenen Aktiven, mit Kaffee und Kuchen.'],
    meeting: ['Wir besprechen laufende Aktionen und begrüßen neue Leute. Alle sind willkommen.', 'Tagesordnung: Rückblick, Planung für den 12.12., Aufgabenverteilung.'],
    canvass: ['Zu zweit klopfen wir an Türen und sprechen über Energiekosten und Sanierung. Kurze Einführung vorab.', 'Treffpunkt für Teams und Flyer.'],
    phonebank: ['Bring dein Handy mit: Wir rufen Unterstützer*innen für den 12.12. an. Leitfaden und Begleitung inklusive.', 'Ein geselliger Telefonabend, Neue sind herzlich willkommen.'],
    workshop: ['Farbe, Stoff und Ideen für Sprüche sind da. Bringt alte Bettlaken mit!', 'Ein kreativer, entspannter Abend.'],
    cleanup: ['Handschuhe und Säcke sind vorhanden, bitte festes Schuhwerk. Der Müll wird sortiert und gewogen.', 'Ein nützlicher Vormittag draußen, danach gemeinsames Picknick.'],
  },
  nl: {
    march: ['Breng vrienden, borden en lawaai mee. Het parcours is toegankelijk.', 'We vertrekken samen vanaf het verzamelpunt. Trek iets blauws aan!'],
    rally: ['Een korte, zichtbare actie met getuigenissen van buurtbewoners. Warme drank voorzien.', 'Kom af en breng een bord mee!'],
    training: ['Een praktische training in kleine groepen, geen ervaring nodig. Graag inschrijven.', 'Begeleid door ervaren vrijwilligers, met koffie en taart.'],
    meeting: ['We overlopen de lopende acties en verwelkomen nieuwe mensen. Iedereen is welkom.', 'Agenda: terugblik, voorbereiding 12 december, taakverdeling.'],
    canvass: ['Per twee bellen we aan om te praten over energiefacturen en isolatie. Korte briefing vooraf.', 'Verzamelen voor teams en flyers.'],
    phonebank: ['Breng je gsm mee: we bellen sympathisanten voor 12 december. Script en begeleiding voorzien.', 'Een gezellige belavond, nieuwkomers welkom.'],
    workshop: ['Verf, stof en slogans voorzien. Breng oude lakens mee!', 'Een creatief en ontspannen moment.'],
    cleanup: ['Handschoenen en zakken voorzien, stevige schoenen aangeraden. Het afval wordt gesorteerd en gewogen.', 'Een nuttige ochtend buiten, daarna samen picknicken.'],
  },
};
const ONLINE = { fr: ' (en visio)', en: ' (online)', es: ' (en línea)', de: ' (online)', nl: ' (online)' };
const VIRTUAL_DESC = { fr: 'En visio : le lien de connexion est envoyé après inscription.', en: 'Online: the joining link is sent when you sign up.', es: 'En línea: el enlace se envía al inscribirte.', de: 'Online: Den Link bekommst du nach der Anmeldung.', nl: 'Online: de link krijg je na inschrijving.' };
const MEET = { fr: 'Point de rendez-vous', en: 'Meeting point', es: 'Punto de encuentro', de: 'Treffpunkt', nl: 'Verzamelpunt' };
const HOOD_WORD = { fr: 'Quartier', en: '', es: 'Barrio', de: 'Kiez', nl: 'Wijk' };
const GROUPS = {
  fr: ['Collectif {hood} en transition', 'Groupe jeunes {chap}', 'Parents pour le climat {city}', 'Collectif vélo {city}', 'Commission formation {chap}', 'Les Ami·es de la vague {city}', 'Cantine solidaire {hood}'],
  en: ['{hood} Climate Action', '{chap} youth group', 'Parents for Climate {city}', '{city} cycling collective'],
  es: ['Asamblea de {hood}', 'Jóvenes {chap}', 'Madres y padres por el clima {city}', 'Bicicrítica {city}'],
  de: ['Kiezgruppe {hood}', 'Jugendgruppe {chap}', 'Eltern fürs Klima {city}'],
  nl: ['Buurtgroep {hood}', 'Jongeren {chap}', 'Fietsersbond {city}'],
};
// Relative activity of each chapter (drives action places and survey responses).
const CH_WEIGHT = { paris: 12, lyon: 10, nantes: 9, marseille: 8, toulouse: 8, lille: 7, bordeaux: 7, strasbourg: 5, rennes: 6, grenoble: 6, montpellier: 6, nice: 4, rouen: 4, dijon: 3, 'clermont-ferrand': 3, tours: 3, brest: 3, besancon: 3, limoges: 2, perpignan: 2, metz: 2, caen: 3, bruxelles: 6, liege: 3, namur: 2, gent: 3, geneve: 4, lausanne: 4, fribourg: 2, neuchatel: 2, montreal: 6, quebec: 3, sherbrooke: 2, dakar: 4, barcelona: 5, madrid: 5, 'ciudad-de-mexico': 4, 'buenos-aires': 4, london: 5, berlin: 4 };
PLACES.forEach((p) => { p.chapter = nearestChapter(p.lat, p.lng).id; });
const mainPlace = Object.fromEntries(PLACES.filter((p) => p.main).map((p) => [p.chapter, p]));

reseed(202);
// Texts that mention the day of action only make sense before it.
const pickFor = (list, date) => {
  const ok = date < DAY_OF_ACTION ? list : list.filter((x) => !/12/.test(Array.isArray(x) ? x.join(' ') : x));
  return pick(ok.length ? ok : list);
};
const fill = (tpl, ctx) => tpl.replace(/\{(\w+)\}/g, (_, k) => ctx[k]);
const langOf = (place) => place.lang;
function hoodFor(place) {
  return place.main ? pick(CHMETA[place.chapter].hoods) : place.city;
}
// Neighbourhood templates read oddly with a town name; adapt them for smaller towns.
const townTpl = (tpl) => tpl.replace('Porte-à-porte quartier {hood}', 'Porte-à-porte à {hood}').replace('Porte-à-porte {hood}', 'Porte-à-porte à {hood}')
  .replace(' à {hood}', ' à {hood}').replace('de quartier {hood}', 'de quartier à {hood}').replace('de barrio {hood}', 'de barrio en {hood}')
  .replace('» à {hood}', '» à {hood}');
function venueFor(place, kinds) {
  const v = place.venues.filter((x) => kinds.includes(x[0]));
  if (v.length) { const [, name, address, postcode] = pick(v); return { venue: name, address: address || name, postcode: postcode || place.postcode }; }
  if (kinds.includes('i')) {
    const key = place.lang === 'nl' ? 'NLBE' : place.country;
    const [name, street, numbered] = pick(GENERIC_ROOMS[key]);
    return { venue: name, address: numbered === false ? street : numberedAddress(street, place.country, place.lang), postcode: place.postcode };
  }
  return null;
}
const KINDS = { march: ['s'], rally: ['s', 'p'], training: ['i'], meeting: ['i'], canvass: ['s'], phonebank: ['i'], workshop: ['i'], cleanup: ['p'] };
function placeWeight(p, type) {
  if (type === 'cleanup' && !p.venues.some((v) => v[0] === 'p')) return 0;
  const w = CH_WEIGHT[p.chapter];
  return p.main ? w : Math.max(0.6, w / 5);
}
function pickPlace(type, filter = () => true) {
  return weighted(PLACES.filter(filter).map((p) => [p, placeWeight(p, type)]));
}
const HOURS = {
  march: { we: ['10:30', '14:00', '14:00', '14:30', '15:00'], wd: ['18:00', '18:30'], dur: [2, 3, 3.5] },
  rally: { we: ['11:00', '14:00', '15:00'], wd: ['12:30', '18:00', '18:30'], dur: [1, 1.5, 2] },
  training: { we: ['10:00', '14:00', '09:30'], wd: ['18:30', '19:00'], dur: [2, 2.5, 3, 4] },
  meeting: { we: ['10:30', '16:00'], wd: ['19:00', '19:30', '18:30', '20:00'], dur: [1.5, 2] },
  canvass: { we: ['10:00', '14:00', '14:30'], wd: ['17:30', '18:00'], dur: [2, 2.5, 3] },
  phonebank: { we: ['14:00', '16:00'], wd: ['18:30', '19:00', '20:00'], dur: [1.5, 2, 2.5] },
  workshop: { we: ['14:00', '15:00', '10:00'], wd: ['18:30', '19:00'], dur: [2, 2.5, 3] },
  cleanup: { we: ['09:30', '10:00', '10:00'], wd: ['17:00'], dur: [2, 2.5, 3] },
};
function addHours(date, hhmm, h) {
  const [H, M] = hhmm.split(':').map(Number);
  const t = H * 60 + M + Math.round(h * 60);
  return `${date}T${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
}
// Dates: 2026-10-15 … 2027-03-31; ~15 % past, busiest in the run-up to 12 December.
function pickDate() {
  const start = '2026-10-15', span = daysBetween(start, '2027-03-31');
  for (;;) {
    const d = addDays(start, rint(0, span));
    if (d === DAY_OF_ACTION) continue;
    const rel = daysBetween(TODAY, d);
    let w = rel < 0 ? 0.35 : rel <= 21 ? 1.6 : rel <= 60 ? 1 : 0.6;
    const wd = weekday(d);
    if (wd === 0 || wd === 6) w *= 1.3;
    if (d >= '2026-12-24' && d <= '2027-01-02') w *= 0.15;
    if (rand() < w / 2.1) return d;
  }
}
function typeFor(date) {
  const we = [0, 6].includes(weekday(date));
  const prep = date > '2026-12-01' && date < DAY_OF_ACTION;
  return weighted(we
    ? [['march', 2], ['rally', 3], ['training', 3], ['meeting', 1], ['canvass', 4], ['phonebank', 1], ['workshop', 3 + (prep ? 4 : 0)], ['cleanup', 3]]
    : [['rally', 2], ['training', 4], ['meeting', 5], ['canvass', 2], ['phonebank', 3 + (prep ? 3 : 0)], ['workshop', 3 + (prep ? 2 : 0)], ['cleanup', 0.3], ['march', 0.4]]);
}
function hostFor(place, lang) {
  const chap = chapters.find((c) => c.id === place.chapter);
  const r = rand();
  if (r < 0.35) return chap.name;
  if (r < 0.7) { const p = person(CHMETA[place.chapter].pool); return `${p.first} ${p.last}`; }
  return fill(pick(GROUPS[lang]), { hood: hoodFor(place), chap: chap.name, city: place.city });
}

const specs = [];
// 1) one flagship event per chapter on the day of action
for (const ch of chapters) specs.push({ date: DAY_OF_ACTION, place: mainPlace[ch.id], type: CH_WEIGHT[ch.id] >= 4 ? 'march' : pick(['march', 'rally']), flagship: true });
// 2) twenty more local events on the day of action, mostly in smaller towns
for (let i = 0; i < 20; i++) {
  const type = pick(['rally', 'rally', 'march', 'cleanup', 'canvass', 'workshop']);
  specs.push({ date: DAY_OF_ACTION, type, place: pickPlace(type, (p) => !p.main || chance(0.3)) });
}
// 3) the rest of the season
while (specs.length < 360) {
  const date = pickDate();
  const type = typeFor(date);
  specs.push({ date, type, place: pickPlace(type) });
}
specs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

const actions = specs.map((s, i) => {
  const id = `act-${pad(i + 1, 4)}`;
  const { place, type, date } = s;
  const lang = langOf(place);
  const we = [0, 6].includes(weekday(date));
  let v = venueFor(place, KINDS[type]) || venueFor(place, ['s', 'p', 'i']);
  const hood = hoodFor(place);
  if (type === 'canvass' && place.main) v = { venue: `${MEET[lang]} : ${hood}`.replace(' : ', lang === 'fr' ? ' : ' : ': '), address: `${HOOD_WORD[lang]} ${hood}`.trim(), postcode: v.postcode };
  const entry = s.flagship ? pick(FLAGSHIP[lang]) : pickFor(T[lang][type], date);
  const [tpl, ownDesc] = Array.isArray(entry) ? entry : [entry, null];
  let title = fill(place.main ? tpl : townTpl(tpl), { hood, place: v.venue });
  if (s.flagship && s.type === 'rally') title = lang === 'fr' ? 'Rassemblement du 12 décembre' : title;
  const h = HOURS[type];
  let time = s.flagship ? (place.country === 'AR' ? '18:00' : place.country === 'SN' ? '10:00' : pick(['13:30', '14:00', '14:00', '14:30'])) : pick(we ? h.we : h.wd);
  const dur = s.flagship ? pick([2.5, 3, 3.5]) : pick(h.dur);
  const start = `${date}T${time}`;
  const end = addHours(date, time, dur);
  const priority = s.flagship ? (CH_WEIGHT[place.chapter] >= 5 ? 1 : 2) : weighted([[1, 7], [2, 40], [3, 53]]);
  const desc = ownDesc || pickFor(D[lang][type], date);
  return {
    id, title, type, description: desc, start, end, timezone: place.tz,
    venue: v.venue, address: v.address, city: place.city, postcode: v.postcode, country: place.country,
    lat: jitter(place.lat), lng: jitter(place.lng), virtual: false, url: `${SITE}/rsvp/${id}`,
    chapter: nearestChapter(place.lat, place.lng).id, priority, host: s.flagship ? chapters.find((c) => c.id === place.chapter).name : hostFor(place, lang),
    _flagship: !!s.flagship, _lang: lang,
  };
});
// ~10 % virtual (never the day-of-action events)
const virtualPool = actions.filter((a) => !a._flagship && a.start.slice(0, 10) !== DAY_OF_ACTION && ['training', 'meeting', 'phonebank', 'workshop'].includes(a.type) && !/Repair|repara|Fahrrad|Fiets|vélo|bike|banderoles|pancartes|Banner|Placard|Transparente|Spandoek|pancartas|sérigraphie|serigraf|Siebdruck/i.test(a.title));
for (const a of sample(virtualPool, 36)) {
  a.virtual = true;
  a.url = `${SITE}/visio/${a.id}`;
  if (!/phon|llamad|Telefon|Bel/i.test(a.title)) a.title += ONLINE[a._lang];
  a.description = `${a.description.split('. ')[0].replace(/\.?$/, '.')} ${VIRTUAL_DESC[a._lang]}`;
  for (const k of ['venue', 'address', 'city', 'postcode', 'lat', 'lng']) delete a[k];
}
// ~10 % without end; ~15 with an explicit UTC offset; ~5 % without chapter
for (const a of sample(actions.filter((x) => !x._flagship), 36)) delete a.end;
for (const a of sample(actions, 15)) {
  a.start = `${a.start}:00${offsetFor(a.timezone, a.start)}`;
  if (a.end) a.end = `${a.end}:00${offsetFor(a.timezone, a.end)}`;
}
for (const a of sample(actions.filter((x) => !x._flagship), 18)) delete a.chapter;
// Every action says its language; the day of action's marches say their title, and the French ones their
// description, in the other languages Archipel speaks (#19). Other texts show in their own language, marked.
const FLAGSHIP_TRANSLATIONS = {
  'Grande marche du 12 décembre': { en: 'The great march of 12 December', es: 'Gran marcha del 12 de diciembre' },
  'Marche pour le climat – 12 décembre': { en: 'Climate march – 12 December', es: 'Marcha por el clima – 12 de diciembre' },
  'La vague déferle : marche du 12 décembre': { en: 'The wave breaks: 12 December march', es: 'La ola rompe: marcha del 12 de diciembre' },
  '12 December: Climate Wave march': { fr: '12 décembre : marche de la Vague Climat', es: '12 de diciembre: marcha de la Ola Climática' },
  'Marcha 12D: ¡llega la ola!': { fr: 'Marche du 12 décembre : la vague arrive !', en: '12 December march: the wave is coming!' },
  'Klimawelle-Demo am 12.12.': { fr: 'Manifestation de la Vague Climat le 12 décembre', en: 'Climate Wave demo on 12 December', es: 'Manifestación de la Ola Climática el 12 de diciembre' },
  'Klimaatgolf: mars op 12 december': { fr: 'Vague Climat : marche du 12 décembre', en: 'Climate Wave: march on 12 December', es: 'Ola Climática: marcha del 12 de diciembre' },
};
const FLAGSHIP_DESCRIPTIONS = {
  'Venez nombreux·ses avec vos proches, vos pancartes et vos instruments. Parcours accessible aux poussettes et fauteuils roulants.': {
    en: 'Come in numbers with your loved ones, your placards and your instruments. The route is accessible to buggies and wheelchairs.',
    es: 'Ven con tu gente, tus pancartas y tus instrumentos. El recorrido es accesible para carritos y sillas de ruedas.',
  },
  'Départ groupé puis défilé dans le centre-ville. Pensez à une tenue bleue, la couleur de la vague !': {
    en: 'We set off together, then march through the city centre. Wear something blue, the colour of the wave!',
    es: 'Salimos juntas y desfilamos por el centro. ¡Ven de azul, el color de la ola!',
  },
};
for (const a of actions) {
  a.lang = a._lang;
  const titles = a._flagship && FLAGSHIP_TRANSLATIONS[a.title];
  if (!titles) continue;
  const descriptions = FLAGSHIP_DESCRIPTIONS[a.description] ?? {};
  a.translations = Object.fromEntries(Object.entries(titles).map(([l, title]) => [l, descriptions[l] ? { title, description: descriptions[l] } : { title }]));
}
// fixed key order, drop helper fields
const ORDER = ['id', 'title', 'type', 'description', 'start', 'end', 'timezone', 'venue', 'address', 'city', 'postcode', 'country', 'lat', 'lng', 'virtual', 'url', 'chapter', 'priority', 'host', 'lang', 'translations'];
const actionsOut = actions.map((a) => Object.fromEntries(ORDER.filter((k) => k in a).map((k) => [k, a[k]])));
// two deliberately malformed rows, for the importer's error reporting
actionsOut.push(
  { id: 'act-0361', type: 'meeting', description: 'Ligne volontairement invalide : le titre manque.', start: '2026-12-03T19:00', end: '2026-12-03T21:00', timezone: 'Europe/Paris', venue: 'Maison des associations', address: '6 rue Berthe-de-Boissieux', city: 'Grenoble', postcode: '38000', country: 'FR', lat: 45.1885, lng: 5.7245, virtual: false, url: `${SITE}/rsvp/act-0361`, chapter: 'grenoble', priority: 3, host: 'Vague Climat Grenoble' },
  { id: 'act-0362', title: 'Atelier banderoles', type: 'workshop', description: 'Ligne volontairement invalide : date et latitude illisibles.', start: 'bientôt', timezone: 'Europe/Paris', venue: 'Halle Tropisme', address: '121 rue Fontcouverte', city: 'Montpellier', postcode: '34070', country: 'FR', lat: 'north', lng: 3.8767, virtual: false, url: `${SITE}/rsvp/act-0362`, chapter: 'montpellier', priority: 2, host: 'Vague Climat Montpellier' },
);
writeJSON('actions.json', actionsOut);

// ---------------------------------------------------------------- posts
// Testimony fragments. Openers carry a topic (used to pick a matching illustration);
// "coast" openers are only used for chapters by the sea.
const COAST = new Set(['marseille', 'nice', 'brest', 'montpellier', 'perpignan', 'caen', 'nantes', 'dakar', 'barcelona', 'london', 'rennes']);
const TXT = {
  fr: {
    open: [
      ['march', "Première manif de ma vie samedi dernier, et j'en suis ressortie le cœur plein.", '', 'f'],
      ['meeting', 'Hier soir, quinze voisin·es sont venu·es à notre première réunion de quartier.'],
      ['canvass', "J'ai fait mon premier porte-à-porte aujourd'hui, j'avais un trac terrible."],
      ['beach', 'On a ramassé 42 kg de déchets sur la plage ce matin, sous un vent à décorner les bœufs.', 'coast'],
      ['banner', 'Avec ma fille de 9 ans, on a peint notre toute première banderole.'],
      ['meeting', "Après vingt ans à me dire que ça ne servait à rien, je me suis enfin inscrit à une formation.", '', 'm'],
      ['general', "Je suis infirmière et je vois chaque été les effets des canicules sur mes patient·es âgé·es.", '', 'f'],
      ['phone', "Ce soir au phoning, une dame de 78 ans m'a dit qu'elle viendrait à la marche avec son déambulateur."],
      ['meeting', 'Notre groupe local a doublé depuis la rentrée.'],
      ['canvass', "J'étais sceptique sur le porte-à-porte, et puis un monsieur m'a offert un café pour continuer la discussion."],
      ['banner', "Premier atelier banderoles au local : on était trente, on avait prévu dix chaises."],
      ['general', "Je suis agriculteur et la sécheresse de cet été m'a fait perdre la moitié de ma récolte de maïs.", '', 'm'],
      ['tree', "On a planté 120 arbres avec les enfants de l'école du quartier."],
      ['march', 'Ma grand-mère a 84 ans et elle tient absolument à venir à la marche.'],
      ['canvass', "Je pensais être la seule de mon immeuble à m'inquiéter pour le climat.", '', 'f'],
      ['meeting', "La formation à l'action non-violente m'a appris à garder mon calme, même sous la pluie."],
      ['canvass', 'Dans notre quartier, les factures de chauffage ont explosé depuis l\'an dernier.'],
      ['bike', "Trois heures de vélorution sous un grand soleil d'automne, des sourires partout."],
      ['march', "Je suis lycéenne et c'est la première fois que je prenais la parole devant autant de monde.", '', 'f'],
      ['canvass', "À la sortie du marché, une vendeuse m'a pris vingt tracts pour ses client·es."],
      ['meeting', 'Notre ciné-débat affichait complet, il a fallu rajouter des bancs au fond de la salle.'],
      ['bike', 'On a réparé onze vélos au repair café ce samedi, dont celui de ma voisine qui dormait à la cave depuis 2015.'],
      ['beach', "Nettoyage des berges dimanche : des canettes, des pneus et même un caddie.", ''],
      ['meeting', "On a tenu notre assemblée dans la laverie du quartier, faute de salle, et c'était parfait."],
      ['march', 'Pancarte faite maison, thermos de thé, et deux mille personnes dans la rue malgré le froid.'],
      ['general', "Cet été, la rivière de mon village était à sec pour la première fois de ma vie."],
      ['phone', "J'ai passé ma soirée à appeler des inconnu·es, et presque toutes les conversations étaient chaleureuses."],
      ['banner', 'Trois générations autour de la même banderole dimanche : ma mère, moi et mon fils.'],
      ['canvass', "Au quatrième étage sans ascenseur, une famille nous attendait avec des questions sur l'isolation."],
      ['tree', 'Nos jardins partagés ont donné cette année de quoi remplir trois paniers solidaires par semaine.'],
      ['meeting', "Je suis arrivée en France il y a deux ans, et c'est au groupe local que je me suis fait mes premières amies.", '', 'f'],
      ['general', "Je suis boulanger, et ma facture d'électricité a triplé en deux ans.", '', 'm'],
      ['march', "Dix bus affrétés pour rejoindre la marche régionale, tous pleins."],
      ['general', "Mon fils m'a demandé ce que je faisais pour le climat, et je n'avais pas de réponse."],
    ],
    mid: [
      "Ce qui frappe, c'est la bienveillance de tout le monde.",
      "On a parlé de factures, d'isolation et de nos enfants, bien plus que de chiffres.",
      "Personne ne m'a demandé de tout savoir, juste d'être là.",
      "Les gens ont envie d'agir, il suffit souvent de leur proposer quelque chose de concret.",
      "J'ai compris qu'on était des centaines à s'inquiéter dans la ville.",
      'On repart avec une liste de trente personnes prêtes à s\'impliquer.',
      "Il y avait des familles, des retraité·es, des étudiant·es, des voisin·es que je n'avais jamais croisé·es.",
      "Ça fait un bien fou de transformer l'angoisse en action.",
      'On a beaucoup ri, et un peu pleuré aussi.',
      'La mairie a promis de nous recevoir avant la fin du mois.',
      "J'ai appris plus en une soirée qu'en des mois à lire les infos.",
      'Sur quarante portes, une seule s\'est fermée sèchement.',
    ],
    close: ['Rendez-vous le 12 décembre !', 'Merci à toute l\'équipe de {city} 💙', 'Si vous hésitez, venez juste voir : c\'est comme ça que j\'ai commencé.', 'On ne lâche rien.', 'La vague monte, et on est dedans.', 'Prochaine étape : convaincre tout mon immeuble.', 'Je reviens la semaine prochaine, avec ma sœur.', 'Vivement la prochaine !'],
    tags: [['12décembre', 4], ['JusticeClimatique', 2], ['PrêtàAgir', 1], [null, 8]],
  },
  en: {
    open: [
      ['canvass', 'First ever door-knocking session tonight and I was terrified.'],
      ['banner', 'Forty of us turned up to paint banners in a church hall on a wet Tuesday.'],
      ['march', 'My neighbour Doris is 81 and she is coming to the march on the 12th.'],
      ['general', "I've been anxious about the climate for years, but tonight I finally felt useful."],
      ['phone', 'We phoned 300 supporters in two hours at the phonebank.'],
      ['beach', 'Beach clean this morning: eighteen bags of rubbish and one very confused seagull.', 'coast'],
      ['general', "I'm a nurse and I see what heatwaves do to my older patients every summer."],
      ['meeting', "Our tenants' association voted to join the campaign last week."],
      ['march', "Took my kids to their first march and they haven't stopped chanting since."],
      ['meeting', 'I never thought of myself as an activist.'],
      ['meeting', 'The nonviolent action training was the best Saturday I have had in ages.'],
      ['march', 'Rain, wind, and still more than a hundred people on the square.'],
      ['bike', 'The bike ride ended with a sound system and a hundred bells ringing.'],
      ['canvass', 'A woman on the tenth floor told us her flat has been damp for six winters.'],
      ['banner', 'Three generations painted the same banner on Sunday: my mum, me and my son.'],
      ['meeting', 'We held our assembly in the launderette because every hall was booked, and it was perfect.'],
      ['phone', 'Spent the evening calling strangers and almost every conversation was warm.'],
      ['general', 'I work in a bakery and our electricity bill has tripled in two years.'],
      ['march', 'Homemade placard, a flask of tea and two thousand people out despite the cold.'],
      ['tree', 'We planted sixty saplings along the canal with the local primary school.'],
    ],
    mid: [
      'Nobody expected me to know everything, just to show up.',
      'We talked about heating bills and damp walls far more than about graphs.',
      'People want to act; they just need someone to ask them.',
      'It turns out half my street feels the same way.',
      'Turning worry into action feels so much better.',
      'The trainers were patient, funny and incredibly well organised.',
      'Only one door out of forty was slammed in our faces.',
    ],
    close: ['See you on 12 December!', 'Come along, honestly, the first step is the hardest.', 'Huge thanks to the {city} crew.', "We're not going anywhere.", 'The wave is rising.'],
    tags: [['ClimateWave', 4], ['12December', 2], [null, 5]],
  },
  es: {
    open: [
      ['canvass', 'Ayer hice mi primer puerta a puerta y estaba muy nerviosa.', '', 'f'],
      ['banner', 'Éramos treinta pintando pancartas en el centro vecinal.'],
      ['beach', 'Esta mañana recogimos 35 kilos de basura en la playa.', 'coast'],
      ['general', 'Soy maestra y este verano tuvimos que suspender clases por el calor.', '', 'f'],
      ['meeting', 'Llevé a mi abuela a su primera asamblea y no paró de hablar.'],
      ['canvass', 'En mi barrio las facturas de la luz se han disparado.'],
      ['meeting', 'Nunca me había considerado activista.'],
      ['meeting', 'La formación en acción no violenta me cambió la forma de ver las cosas.'],
      ['phone', 'Llamamos a doscientas personas en una sola tarde.'],
      ['tree', 'Plantamos sesenta árboles con las vecinas del barrio.'],
      ['bike', 'La bicicletada del sábado fue una auténtica fiesta.'],
      ['meeting', 'Hicimos la asamblea en la lavandería del barrio porque no había sala, y salió genial.'],
      ['banner', 'Tres generaciones pintando la misma pancarta el domingo: mi madre, yo y mi hijo.'],
      ['phone', 'Pasé la tarde llamando a desconocidas y casi todas las conversaciones fueron cálidas.'],
      ['general', 'Este verano el río de mi pueblo se secó por primera vez.'],
      ['march', 'Pancarta hecha en casa, termo de mate y miles de personas en la calle.'],
      ['canvass', 'Una vecina del décimo piso nos contó que su casa tiene humedad desde hace seis inviernos.'],
      ['march', 'Mi hija de doce años me convenció de ir a la marcha, y fue ella quien llevó la pancarta.'],
    ],
    mid: [
      'Nadie me pidió saberlo todo, solo estar.',
      'Hablamos de facturas, de calor y de nuestras hijas, mucho más que de cifras.',
      'La gente quiere actuar, solo hace falta proponerle algo concreto.',
      'Convertir la angustia en acción sienta muy bien.',
      'Había familias, jubiladas, estudiantes y vecinos que nunca había visto.',
      'Salimos con una lista de veinte personas dispuestas a organizarse.',
    ],
    close: ['¡Nos vemos el 12 de diciembre!', 'Si dudas, ven a mirar: así empecé yo.', 'Gracias al equipo de {city}.', 'La ola sube.', 'No vamos a parar.'],
    tags: [['OlaClimática', 5], ['12D', 3], [null, 3]],
  },
};
const TOPIC_IMAGES = {
  march: [1, 2, 3, 9, 18, 20, 22, 23], beach: [4, 11, 21], bike: [5, 12], banner: [6], tree: [8, 14, 19],
  meeting: [15, 10], canvass: [16, 17], phone: [15], general: [7, 13, 17, 24, 10],
};
const POST_LANG_CHAPTERS = {
  fr: chapters.filter((c) => CHMETA[c.id].lang === 'fr').map((c) => [c.id, CH_WEIGHT[c.id]]),
  en: [['london', 8], ['montreal', 2], ['berlin', 2], ['gent', 1], ['bruxelles', 1], ['geneve', 1]],
  es: [['barcelona', 3], ['madrid', 3], ['ciudad-de-mexico', 3], ['buenos-aires', 3]],
};
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const YT = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const randStr = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');

reseed(303);
const postLangs = shuffle([...Array(83).fill('fr'), ...Array(37).fill('en'), ...Array(30).fill('es')]);
const seenTexts = new Set();
const openerUse = new Map();
const rawPosts = postLangs.map((lang) => {
  const L = TXT[lang];
  const chapter = weighted(POST_LANG_CHAPTERS[lang]);
  const ch = chapters.find((c) => c.id === chapter);
  let text, topic, gender;
  for (;;) {
    const opens = L.open.filter((o) => (o[2] !== 'coast' || COAST.has(chapter)) && (openerUse.get(o[1]) || 0) < 3);
    const o = pick(opens);
    topic = o[0]; gender = o[3];
    const n = weighted([[1, 2], [2, 4], [3, 4], [4, 2]]);
    const parts = [o[1]];
    if (n >= 3) parts.push(pick(L.mid));
    if (n === 4) parts.push(pick(L.mid.filter((m) => m !== parts[1])));
    if (n >= 2) parts.push(pick(L.close).replace('{city}', ch.city));
    const second = weighted(L.tags);
    const tags = ['VagueClimat', ...(second ? [second] : [])];
    text = `${parts.join(' ')} ${tags.map((t) => '#' + t).join(' ')}`;
    if (!seenTexts.has(text)) { seenTexts.add(text); openerUse.set(o[1], (openerUse.get(o[1]) || 0) + 1); return { lang, chapter, text, tags, topic, gender, ch }; }
  }
});
const postStart = Date.parse('2026-09-20T00:00:00Z'), postEnd = Date.parse('2026-11-20T22:00:00Z');
rawPosts.forEach((p) => { p.created = new Date(postStart + Math.floor(rand() * (postEnd - postStart) / 60000) * 60000).toISOString().replace('.000Z', 'Z'); });
rawPosts.sort((a, b) => (a.created < b.created ? -1 : 1));
// moderation: pending ones are recent; hidden ones anywhere
const idx = rawPosts.map((_, i) => i);
const pendingIdx = new Set(sample(idx.slice(-40), 15));
const hiddenIdx = new Set(sample(idx.filter((i) => !pendingIdx.has(i)), 5));
const withVideo = new Set(sample(idx, 12));
const withImage = new Set(sample(idx.filter((i) => !withVideo.has(i)), 90));
const withLink = new Set(sample(idx, 15));
const imageUse = {};
const LINK_PATHS = ['blog/retour-sur-la-formation', 'blog/bilan-du-porte-a-porte', 'actions', 'rejoindre', 'blog/12-decembre-le-parcours', 'presse/communique-12-decembre'];
const posts = rawPosts.map((p, i) => {
  const post = { id: `post-${pad(i + 1, 3)}`, author: ((a) => `${a.first} ${a.last[0]}.`)(person(CHMETA[p.chapter].pool, p.gender)), text: p.text };
  if (withImage.has(i)) { // least-used matching illustration, so all 24 files get used
    const cands = TOPIC_IMAGES[p.topic] || TOPIC_IMAGES.general;
    const min = Math.min(...cands.map((n) => imageUse[n] || 0));
    const n = pick(cands.filter((c) => (imageUse[c] || 0) === min));
    imageUse[n] = (imageUse[n] || 0) + 1;
    post.image = `images/post-${pad(n)}.svg`;
  }
  if (withVideo.has(i)) {
    post.video = weighted([
      [() => `https://www.youtube.com/watch?v=${randStr(YT, 11)}`, 6],
      [() => `https://vimeo.com/${rint(100000000, 999999999)}`, 3],
      [() => `https://peertube.example.org/w/${randStr(B58, 22)}`, 3],
    ])();
  }
  if (withLink.has(i)) post.link = pick([`${SITE}/${p.chapter}/${pick(LINK_PATHS)}`, `https://journal-local.example.org/${p.chapter}/2026/11/la-vague-climat-mobilise`]);
  post.hashtags = p.tags;
  post.chapter = p.chapter;
  post.created = p.created;
  post.status = pendingIdx.has(i) ? 'pending' : hiddenIdx.has(i) ? 'hidden' : 'approved';
  post.source = 'archipel';
  post.lang = p.lang;
  return post;
});
// exactly two pinned posts: recent, approved, illustrated
posts.filter((p) => p.status === 'approved' && p.image).slice(-8).filter((_, i) => i === 1 || i === 5).forEach((p) => { p.pinned = true; });
// The pinned posts and one more, translated by the team (#19); the others show in their author's language.
const POST_TRANSLATIONS = {
  'Llevé a mi abuela a su primera asamblea y no paró de hablar. No vamos a parar. #VagueClimat #12D': {
    fr: 'J’ai emmené ma grand-mère à sa première assemblée et elle n’a pas arrêté de parler. On ne va pas s’arrêter. #VagueClimat #12D',
    en: 'I took my grandmother to her first assembly and she never stopped talking. We’re not going to stop. #VagueClimat #12D',
  },
  "Je suis agriculteur et la sécheresse de cet été m'a fait perdre la moitié de ma récolte de maïs. Les gens ont envie d'agir, il suffit souvent de leur proposer quelque chose de concret. Il y avait des familles, des retraité·es, des étudiant·es, des voisin·es que je n'avais jamais croisé·es. Merci à toute l'équipe de Grenoble 💙 #VagueClimat": {
    en: 'I’m a farmer, and this summer’s drought cost me half my maize harvest. People want to act; often you just have to offer them something concrete. There were families, retired people, students, neighbours I had never met. Thank you to the whole Grenoble team 💙 #VagueClimat',
    es: 'Soy agricultor y la sequía de este verano me hizo perder la mitad de mi cosecha de maíz. La gente tiene ganas de actuar; a menudo basta con proponerle algo concreto. Había familias, jubiladas, estudiantes, vecinas a las que nunca había visto. Gracias a todo el equipo de Grenoble 💙 #VagueClimat',
  },
  'Forty of us turned up to paint banners in a church hall on a wet Tuesday. Huge thanks to the Montréal crew. #VagueClimat #ClimateWave': {
    fr: 'Nous étions quarante à peindre des banderoles dans une salle paroissiale un mardi pluvieux. Un immense merci à l’équipe de Montréal. #VagueClimat #ClimateWave',
  },
};
for (const p of posts) {
  const words = POST_TRANSLATIONS[p.text];
  if (words) p.translations = Object.fromEntries(Object.entries(words).map(([l, text]) => [l, { text }]));
}
const POST_ORDER = ['id', 'author', 'text', 'image', 'video', 'link', 'hashtags', 'chapter', 'created', 'status', 'pinned', 'source', 'lang', 'translations'];
writeJSON('posts.json', posts.map((p) => Object.fromEntries(POST_ORDER.filter((k) => k in p).map((k) => [k, p[k]]))));

// ---------------------------------------------------------------- post illustrations (800×600, photo-like flat scenes)
reseed(404);
const f1 = (n) => Math.round(n);
function svgDoc(n, title, defs, body) {
  body = body.replace(/-?\d+\.\d{2,}/g, (m) => String(Math.round(Number(m))));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600" role="img" aria-labelledby="t${n}"><title id="t${n}">${esc(title)}</title><defs>${defs}</defs>${body}</svg>\n`;
}
const grad = (id, stops, vertical = true) => `<linearGradient id="${id}"${vertical ? ' x2="0" y2="1"' : ''}>${stops.map((c, i) => `<stop offset="${f1((i / (stops.length - 1)) * 100)}%" stop-color="${c}"/>`).join('')}</linearGradient>`;
const skyRect = (id) => `<rect width="800" height="600" fill="url(#${id})"/>`;
const sun = (x, y, r, c, o = 1) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${c}"${o < 1 ? ` opacity="${o}"` : ''}/>`;
function hills(y, amp, color) {
  let d = `M0 ${y}`; let x = 0;
  while (x < 800) { const w = rint(120, 220); d += `q${f1(w / 2)} ${-rint(amp / 2, amp)} ${w} ${rint(-amp / 3, amp / 3)}`; x += w; }
  return `<path d="${d}V600H0z" fill="${color}"/>`;
}
function skyline(y, color, minH = 40, maxH = 200) {
  let d = `M0 ${y}`; let x = 0;
  while (x < 800) { const w = rint(30, 80); d += `V${y - rint(minH, maxH)}h${w}`; x += w; }
  return `<path d="${d}V${y}z" fill="${color}"/>`;
}
function windows(y, color) { // scattered lit windows on a skyline
  let d = '';
  for (let i = 0; i < 26; i++) d += `M${rint(5, 790)} ${rint(y - 150, y - 15)}h6v8h-6z`;
  return `<path d="${d}" fill="${color}" opacity=".7"/>`;
}
const ground = (y, color) => `<rect y="${y}" width="800" height="${600 - y}" fill="${color}"/>`;
function crowdBand(y, color, r = 11) { // distant crowd: a band of heads
  let d = `M0 ${y + 40}V${y}`;
  for (let x = 0; x < 800; x += r * 2) d += `a${r} ${r} 0 0 1 ${r * 2} ${rint(-3, 3)}`;
  return `<path d="${d}V${y + 60}H0z" fill="${color}"/>`;
}
// foreground people: returns {heads, bodies, tops:[{x,y,s}]}
function people(n, yMin, yMax, colors, x0 = 20, x1 = 780, mul = 1) {
  const pts = Array.from({ length: n }, () => ({ x: rint(x0, x1), y: rint(yMin, yMax) })).sort((a, b) => a.y - b.y);
  const paths = colors.map(() => '');
  for (const p of pts) {
    const s = (p.y / 480) * mul; const r = f1(13 * s); const w = f1(24 * s); const h = f1(110 * s), sh = f1(30 * s);
    const k = rint(0, colors.length - 1);
    paths[k] += `M${p.x - r} ${p.y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0M${p.x - w} ${p.y + r + h}v-${h - sh}q0-${sh} ${w}-${sh}t${w} ${sh}v${h - sh}z`;
    p.s = s;
  }
  return { svg: paths.map((d, i) => `<path d="${d}" fill="${colors[i]}"/>`).join(''), pts };
}
const SIGNS = { fr: ['AGIR', '1,5°C', 'LA VAGUE', 'CLIMAT', 'JUSTICE'], en: ['ACT NOW', 'WARM HOMES', '1.5°C'], es: ['¡YA!', 'CLIMA', 'LA OLA'] };
function placards(pts, lang, palette, every = 3) {
  let sticks = '', boards = '';
  pts.forEach((p, i) => {
    if (i % every) return;
    const s = p.s, w = f1(70 * s), h = f1(44 * s), x = p.x + f1(10 * s), top = p.y - f1(95 * s);
    sticks += `M${x} ${top + h}v${f1(80 * s)}`;
    const c = palette[i % palette.length];
    boards += `<rect x="${x - w / 2}" y="${top}" width="${w}" height="${h}" rx="3" fill="${c}"/>`;
    if (i % (every * 2) === 0) boards += `<text x="${x}" y="${top + h * 0.64}" font-size="${f1(13 * s)}" font-family="Arial,sans-serif" font-weight="700" text-anchor="middle" fill="#1d2b36">${esc(pick(SIGNS[lang]))}</text>`;
  });
  return `<path d="${sticks}" stroke="#5b4636" stroke-width="3"/>${boards}`;
}
function banner(x, y, w, h, text, fill, ink) {
  return `<path d="M${x} ${y}v${h + 90}M${x + w} ${y}v${h + 90}" stroke="#4a3b30" stroke-width="5"/><path d="M${x} ${y}h${w}v${h}q-${w / 2} 14-${w} 0z" fill="${fill}"/><text x="${x + w / 2}" y="${y + h * 0.62}" font-size="${f1(h * 0.45)}" font-family="Arial,sans-serif" font-weight="700" text-anchor="middle" fill="${ink}">${esc(text)}</text>`;
}
function turbine(x, y, h, c) {
  const r = h * 0.45, a = rint(0, 119);
  let blades = '';
  for (let i = 0; i < 3; i++) { const t = ((a + i * 120) * Math.PI) / 180; blades += `M${x} ${y - h}L${f1(x + r * Math.cos(t) - 4 * Math.sin(t))} ${f1(y - h + r * Math.sin(t) + 4 * Math.cos(t))}L${f1(x + r * Math.cos(t))} ${f1(y - h + r * Math.sin(t))}z`; }
  return `<path d="M${x - 4} ${y}L${x - 2} ${y - h}h4L${x + 4} ${y}z${blades}" fill="${c}"/>`;
}
function tree(x, y, s, trunk, crown) {
  s = Math.round(s * 10) / 10;
  return `<rect x="${x - 5 * s}" y="${y - 60 * s}" width="${10 * s}" height="${60 * s}" fill="${trunk}"/><circle cx="${x}" cy="${y - 80 * s}" r="${38 * s}" fill="${crown}"/><circle cx="${x - 26 * s}" cy="${y - 60 * s}" r="${24 * s}" fill="${crown}"/><circle cx="${x + 26 * s}" cy="${y - 62 * s}" r="${24 * s}" fill="${crown}"/>`;
}
function bike(x, y, c, body) {
  return `<g fill="none" stroke="${c}" stroke-width="4"><circle cx="${x}" cy="${y}" r="26"/><circle cx="${x + 74}" cy="${y}" r="26"/><path d="M${x} ${y}l26-38h38l10 38M${x + 26} ${y - 38}l12 38 26-38"/></g><path d="M${x + 24} ${y - 44}l10-50h22l-8 50z" fill="${body}"/><circle cx="${x + 46}" cy="${y - 108}" r="13" fill="${body}"/>`;
}
function rain() {
  let d = '';
  for (let i = 0; i < 40; i++) { const x = rint(0, 800), y = rint(0, 560); d += `M${x} ${y}l-6 18`; }
  return `<path d="${d}" stroke="#c9d6e3" stroke-width="2" opacity=".6"/>`;
}
function snow() {
  let d = '';
  for (let i = 0; i < 36; i++) { const x = rint(0, 800), y = rint(0, 590); d += `M${x} ${y}h.1`; }
  return `<path d="${d}" stroke="#fff" stroke-width="6" stroke-linecap="round" opacity=".85"/>`;
}
function umbrellas(pts, colors) {
  return pts.filter((_, i) => i % 2 === 0).map((p, i) => { const r = f1(34 * p.s); return `<path d="M${p.x - r} ${p.y - f1(18 * p.s)}a${r} ${r * 0.8} 0 0 1 ${2 * r} 0z" fill="${colors[i % colors.length]}"/>`; }).join('');
}
function sea(y, c1, c2) {
  let d = '';
  for (let k = 0; k < 4; k++) { const yy = y + 14 + k * 16; d += `M${rint(0, 200)} ${yy}q20-6 40 0t40 0M${rint(350, 600)} ${yy}q20-6 40 0t40 0`; }
  return `<rect y="${y}" width="800" height="${600 - y}" fill="${c1}"/><path d="${d}" stroke="${c2}" stroke-width="3" fill="none" opacity=".6"/>`;
}
function bags(n, y0, y1, c) { let d = ''; for (let i = 0; i < n; i++) { const x = rint(40, 760), y = rint(y0, y1); d += `M${x} ${y}q-14 0-12 -24h24q2 24-12 24zM${x - 4} ${y - 24}l4-8 4 8`; } return `<path d="${d}" fill="${c}"/>`; }

const SCENES = [
  ['Marche pour le climat en plein jour, foule et pancartes', 'march-day'],
  ['Marche au coucher du soleil, silhouettes et pancartes', 'march-sunset'],
  ['Rassemblement sur une place avec une grande banderole', 'rally-banner'],
  ['Nettoyage de plage, bénévoles et sacs de déchets', 'beach'],
  ['Vélorution : parade de vélos dans la campagne', 'bikes-country'],
  ['Atelier banderoles : table, peinture et tissu', 'workshop'],
  ['Éoliennes sur les collines au petit matin', 'turbines-hills'],
  ["Plantation d'arbres avec des bénévoles", 'planting'],
  ['Foule avec pancartes devant les immeubles de la ville', 'march-city'],
  ['Veillée aux bougies pour la justice climatique', 'vigil'],
  ['Nettoyage des berges de la rivière', 'river'],
  ['Parade à vélo en ville', 'bikes-city'],
  ['Éoliennes en mer au large de la côte', 'turbines-sea'],
  ['Enfants plantant de jeunes arbres', 'planting-kids'],
  ["Réunion d'accueil dans une salle municipale", 'meeting'],
  ['Porte-à-porte dans une rue de maisons', 'canvass'],
  ['Panneaux solaires sur les toits du quartier', 'solar'],
  ['Grande banderole « La vague monte » en tête de cortège', 'march-wave'],
  ['Jardin partagé et bacs de légumes', 'garden'],
  ['Marche sous la neige', 'march-snow'],
  ['Nettoyage de plage au coucher du soleil', 'beach-sunset'],
  ['Marche sous la pluie avec parapluies', 'march-rain'],
  ["Rassemblement devant l'hôtel de ville", 'townhall'],
  ['Rassemblement au pied d\'un glacier en montagne', 'glacier'],
];
const PEOPLE_COLS = [['#2b2d42', '#3d405b', '#22333b'], ['#3a2e39', '#1e2d2f', '#453a49'], ['#283618', '#1b263b', '#3c2f2f']];
const BOARD = ['#fdf0d5', '#ffd166', '#f4f1de', '#caf0f8', '#ffafcc'];
function scene(n, kind) {
  const g = `s${n}`;
  const pc = pick(PEOPLE_COLS);
  let defs = grad(g, ['#7ec8e3', '#d8f1fb']), b = skyRect(g);
  switch (kind) {
    case 'march-day': case 'march-city': case 'march-wave': {
      b += sun(640, 110, 46, '#fff6c8');
      b += kind === 'march-day' ? hills(330, 60, '#9bc18b') : skyline(330, '#8fa9bd');
      b += ground(330, '#b9b4a8') + crowdBand(310, '#58606e');
      const p = people(kind === 'march-wave' ? 14 : kind === 'march-city' ? 16 : 18, 360, 470, pc);
      b += p.svg + placards(p.pts, 'fr', BOARD, kind === 'march-wave' ? 4 : 3);
      if (kind === 'march-wave') b += banner(150, 330, 500, 70, 'LA VAGUE MONTE', '#0b6e99', '#fff');
      break;
    }
    case 'march-sunset': {
      defs = grad(g, ['#2d1e4f', '#e76f51', '#f4a261']); b = skyRect(g) + sun(400, 330, 90, '#ffd29d', 0.9) + hills(350, 40, '#5a3d5c') + crowdBand(330, '#3b2c3f');
      const p = people(19, 370, 480, ['#1f1326', '#2a1b30']);
      b += p.svg + placards(p.pts, 'es', ['#2a1b30'], 3).replace(/fill="#1d2b36"/g, 'fill="#f4a261"');
      break;
    }
    case 'rally-banner': case 'townhall': {
      b += sun(120, 90, 40, '#fff3b0');
      if (kind === 'townhall') b += `<path d="M220 300V170h360v130zM200 170l200-70 200 70z" fill="#e9e3d5"/><path d="M250 300v-110M300 300v-110M350 300v-110M450 300v-110M500 300v-110M550 300v-110" stroke="#c8bfae" stroke-width="14"/><rect x="375" y="210" width="50" height="90" fill="#6d597a"/>`;
      else b += skyline(320, '#a3b5c6', 80, 220);
      b += ground(300, '#cfc6b8') + crowdBand(300, '#6b705c');
      const p = people(16, 380, 480, pc);
      b += p.svg + banner(190, 320, 420, 64, kind === 'townhall' ? 'CLIMATE WAVE' : 'VAGUE CLIMAT', '#f5d90a', '#10202b') + placards(p.pts, 'en', BOARD, 3);
      break;
    }
    case 'beach': case 'beach-sunset': {
      if (kind === 'beach-sunset') { defs = grad(g, ['#355070', '#e56b6f', '#eaac8b']); b = skyRect(g) + sun(560, 250, 70, '#ffcf99'); } else b += sun(150, 100, 44, '#fffbe0');
      b += sea(260, kind === 'beach' ? '#2a9d8f' : '#6d597a', '#e9f5f2') + `<path d="M0 360q200-30 400 0t400 0V600H0z" fill="${kind === 'beach' ? '#e9d8a6' : '#c9a27e'}"/>`;
      const p = people(9, 380, 470, pc);
      b += p.svg + bags(7, 420, 560, '#4a4e69');
      break;
    }
    case 'bikes-country': case 'bikes-city': {
      b += sun(680, 90, 40, '#fff6c8') + (kind === 'bikes-city' ? skyline(360, '#9fb3c8') : hills(340, 70, '#a7c957'));
      b += ground(360, kind === 'bikes-city' ? '#adb5bd' : '#6a994e') + `<rect y="430" width="800" height="90" fill="#495057"/>`;
      for (let i = 0; i < 5; i++) b += bike(40 + i * 150 + rint(-10, 10), 490 + rint(-8, 8), '#212529', pick(['#e63946', '#1d3557', '#f4a261', '#2a9d8f']));
      break;
    }
    case 'workshop': case 'meeting': {
      defs = grad(g, ['#f1e3d3', '#d9c4a9']); b = skyRect(g) + `<rect x="0" y="420" width="800" height="180" fill="#a68a64"/>`;
      if (kind === 'meeting') {
        b += `<rect x="230" y="60" width="340" height="200" rx="6" fill="#fff"/><path d="M260 110h200M260 150h260M260 190h140" stroke="#0b6e99" stroke-width="14" stroke-linecap="round"/><rect x="90" y="90" width="90" height="120" fill="#c8e6c9"/>`;
        let heads = ''; for (let row = 0; row < 3; row++) for (let i = 0; i < 8; i++) { const x = 70 + i * 92 + rint(-10, 10), y = 340 + row * 80, r = 18 + row * 3; heads += `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0M${x - 2 * r} ${y + 80}q0-${r * 3} ${2 * r}-${r * 3}t${2 * r} ${r * 3}z`; }
        b += `<path d="${heads}" fill="#3d405b"/>`;
      } else {
        b += `<rect x="60" y="330" width="680" height="150" fill="#8d6e63"/><rect x="110" y="340" width="580" height="110" fill="#fdfcdc"/><text x="400" y="410" font-size="52" font-family="Arial,sans-serif" font-weight="700" text-anchor="middle" fill="#e63946">ON SE LÈVE</text>`;
        b += `<path d="M150 350l30 20M620 430l40-10" stroke="#1d3557" stroke-width="8" stroke-linecap="round"/><circle cx="660" cy="300" r="14" fill="#ffd166"/><circle cx="130" cy="310" r="14" fill="#2a9d8f"/>`;
        const p = people(4, 235, 250, pc, 140, 660, 1.9); b = b.replace('<rect x="60"', p.svg + '<rect x="60"');
      }
      break;
    }
    case 'turbines-hills': case 'turbines-sea': {
      defs = grad(g, ['#a2d2ff', '#fde2e4']); b = skyRect(g) + sun(120, 420, 60, '#ffe5b4');
      b += kind === 'turbines-sea' ? sea(400, '#457b9d', '#f1faee') : hills(380, 90, '#84a98c') + hills(450, 60, '#52796f');
      for (let i = 0; i < 5; i++) { const y = kind === 'turbines-sea' ? 405 : 400 + rint(-30, 20); b += turbine(140 + i * 140 + rint(-20, 20), y, rint(150, 230) - i * 8, '#f8f9fa'); }
      break;
    }
    case 'planting': case 'planting-kids': case 'garden': {
      b += sun(660, 100, 44, '#fff3b0') + hills(330, 50, '#95d5b2') + ground(400, '#7f5539');
      for (let i = 0; i < 6; i++) b += tree(60 + i * 140, 300, 0.9 + rand() * 0.4, '#6f4e37', pick(['#2d6a4f', '#40916c', '#52b788']));
      if (kind === 'garden') { let d = ''; for (let r = 0; r < 3; r++) for (let i = 0; i < 10; i++) d += `M${40 + i * 76} ${450 + r * 45}a16 10 0 1 0 32 0a16 10 0 1 0-32 0`; b += `<path d="${d}" fill="#74c69d"/>`; }
      const p = people(kind === 'planting-kids' ? 8 : 6, kind === 'planting-kids' ? 430 : 380, 460, pc);
      b += p.svg + `<path d="${p.pts.map((q) => `M${q.x + 22} ${q.y + 10}l26 70`).join('')}" stroke="#6c757d" stroke-width="5"/>`;
      if (kind !== 'garden') for (let i = 0; i < 5; i++) b += tree(80 + i * 160, 570, 0.4, '#6f4e37', '#74c69d');
      break;
    }
    case 'vigil': {
      defs = grad(g, ['#0b132b', '#1c2541', '#3a506b']) + '<radialGradient id="g' + n + '"><stop offset="0" stop-color="#ffd166" stop-opacity=".9"/><stop offset="1" stop-color="#ffd166" stop-opacity="0"/></radialGradient>';
      b = skyRect(g) + sun(650, 90, 30, '#f1faee', 0.8) + skyline(330, '#1c2541') + windows(330, '#ffd166') + ground(330, '#14213d');
      const p = people(18, 370, 470, ['#0b132b', '#111a33']); b += p.svg;
      b += p.pts.filter((_, i) => i % 2 === 0).map((q) => `<circle cx="${q.x + 14}" cy="${q.y + 40}" r="${f1(30 * q.s)}" fill="url(#g${n})"/><rect x="${q.x + 11}" y="${q.y + 40}" width="6" height="16" fill="#f1faee"/>`).join('');
      break;
    }
    case 'river': {
      b += sun(140, 90, 40, '#fff6c8') + hills(300, 50, '#90be6d') + `<path d="M0 360q200-40 400 0t400 0V470q-200 30-400 0T0 470z" fill="#4d908e"/>` + `<rect y="470" width="800" height="130" fill="#6a994e"/>`;
      const p = people(7, 430, 470, pc); b += p.svg + bags(6, 520, 590, '#f9c74f');
      break;
    }
    case 'canvass': {
      b += sun(680, 80, 38, '#fff6c8');
      const cols = ['#e76f51', '#e9c46a', '#f4a261', '#a8dadc', '#ddbea9'];
      for (let i = 0; i < 5; i++) b += `<rect x="${i * 160}" y="${150 + (i % 2) * 20}" width="160" height="${300 - (i % 2) * 20}" fill="${cols[i]}"/><rect x="${i * 160 + 60}" y="350" width="44" height="100" fill="#3d405b"/><path d="M${i * 160 + 22} ${210 + (i % 2) * 20}h36v40h-36zM${i * 160 + 102} ${210 + (i % 2) * 20}h36v40h-36z" fill="#caf0f8"/>`;
      b += ground(450, '#adb5bd');
      const p = people(2, 360, 370, pc, 380, 470, 1.2); b += p.svg + `<rect x="${p.pts[0].x + 14}" y="${p.pts[0].y + 40}" width="26" height="34" fill="#fff" stroke="#6c757d"/>`;
      break;
    }
    case 'solar': {
      b += sun(640, 100, 50, '#ffe66d');
      for (let i = 0; i < 4; i++) { const x = i * 200; b += `<path d="M${x} 300l100-90 100 90v200H${x}z" fill="${pick(['#e5989b', '#b5838d', '#ffcdb2', '#cdb4db'])}"/><path d="M${x + 40} 280l50-45 40 36-50 45z" fill="#1d3557" stroke="#a8dadc" stroke-width="2"/><rect x="${x + 80}" y="400" width="40" height="100" fill="#6d6875"/>`; }
      b += ground(500, '#8ab17d');
      break;
    }
    case 'march-snow': {
      defs = grad(g, ['#b8c6d1', '#e8eef2']); b = skyRect(g) + skyline(330, '#8d99ae') + ground(330, '#f8f9fa') + crowdBand(315, '#5c677d');
      const p = people(15, 370, 480, ['#2b2d42', '#8d0801', '#1d3557']); b += p.svg + placards(p.pts, 'fr', BOARD, 3) + snow();
      break;
    }
    case 'march-rain': {
      defs = grad(g, ['#6c757d', '#adb5bd']); b = skyRect(g) + skyline(330, '#495057') + ground(330, '#6c757d') + crowdBand(315, '#343a40');
      const p = people(17, 370, 480, ['#212529', '#343a40']); b += p.svg + umbrellas(p.pts, ['#e63946', '#ffb703', '#219ebc', '#8ecae6', '#fb8500']) + rain();
      break;
    }
    case 'glacier': {
      defs = grad(g, ['#4ea8de', '#caf0f8']); b = skyRect(g) + `<path d="M0 380L160 150l90 110 130-190 150 200 90-90 180 210z" fill="#6c757d"/><path d="M330 140l50-70 60 80-30 20-30-20-20 15zM130 200l30-50 40 50-25-8z" fill="#fff"/>` + hills(400, 40, '#74a57f');
      const p = people(14, 420, 490, pc); b += p.svg + banner(250, 400, 300, 50, 'VAGUE CLIMAT', '#7fdbff', '#003049');
      break;
    }
  }
  return svgDoc(n, SCENES[n - 1][0], defs, b);
}
SCENES.forEach(([, kind], i) => writeFileSync(join(OUT, 'images', `post-${pad(i + 1)}.svg`), scene(i + 1, kind)));

// ---------------------------------------------------------------- survey
const survey = {
  id: 'pret-a-agir',
  lang: 'fr',
  title: 'Prêt·e à agir pour le 12 décembre ?',
  intro: "Le 12 décembre, la vague doit déferler dans chaque ville et chaque quartier. Dites-nous en deux minutes comment vous souhaitez vous impliquer, et votre groupe local vous recontactera.",
  public_results: false,
  questions: [
    { id: 'implication', type: 'single', label: "Jusqu'ici, quelle a été votre implication avec Vague Climat ?", options: ['Je découvre', "J'ai signé ou partagé un appel", "J'ai participé à une action", 'Je participe régulièrement', "J'organise déjà des actions"], required: true },
    { id: 'actions', type: 'multi', label: 'À quelles actions aimeriez-vous participer ?', options: ['Marche', 'Rassemblement', 'Porte-à-porte', 'Phoning', 'Atelier banderoles', 'Nettoyage', 'Formation'], required: true },
    { id: 'pret_organiser', type: 'scale', label: 'À quel point vous sentez-vous prêt·e à organiser une action près de chez vous ?', min: 1, max: 5, required: true },
    { id: 'accueillir', type: 'yesno', label: 'Prêt·e à accueillir une action dans votre quartier ?', options: ['oui', 'non'], required: true, readiness: 'host' },
    { id: 'animer', type: 'yesno', label: 'Prêt·e à animer un groupe local ?', options: ['oui', 'non'], required: true, readiness: 'lead' },
    { id: 'disponibilite', type: 'single', label: 'Quand êtes-vous le plus disponible ?', options: ['En semaine, en soirée', 'Le week-end', 'En semaine, en journée', 'Ponctuellement, selon les dates'], required: false },
    { id: 'commentaire', type: 'text', label: 'Autre chose à nous dire ?', required: false },
  ],
  // In the other languages Archipel speaks (#19): answers keep the French options above, whatever the visitor read.
  translations: {
    en: {
      title: 'Ready to act on 12 December?',
      intro: 'On 12 December, the wave must break over every town and every neighbourhood. Tell us in two minutes how you would like to take part, and your local group will get back to you.',
      questions: {
        implication: { label: 'So far, how have you been involved with Climate Wave?', options: ['I’m new to it', 'I have signed or shared an appeal', 'I have taken part in an action', 'I take part regularly', 'I already organise actions'] },
        actions: { label: 'Which actions would you like to join?', options: ['March', 'Rally', 'Door-to-door', 'Phone bank', 'Banner workshop', 'Clean-up', 'Training'] },
        pret_organiser: { label: 'How ready do you feel to organise an action near you?' },
        accueillir: { label: 'Ready to host an action in your neighbourhood?', options: ['yes', 'no'] },
        animer: { label: 'Ready to lead a local group?', options: ['yes', 'no'] },
        disponibilite: { label: 'When are you most available?', options: ['Weekday evenings', 'Weekends', 'Weekdays, in the daytime', 'Now and then, depending on the dates'] },
        commentaire: { label: 'Anything else to tell us?' },
      },
    },
    es: {
      title: '¿Lista o listo para actuar el 12 de diciembre?',
      intro: 'El 12 de diciembre, la ola debe llegar a cada ciudad y a cada barrio. Cuéntanos en dos minutos cómo quieres participar, y tu grupo local se pondrá en contacto contigo.',
      questions: {
        implication: { label: 'Hasta ahora, ¿cómo has participado en Ola Climática?', options: ['Lo estoy descubriendo', 'He firmado o compartido un llamamiento', 'He participado en una acción', 'Participo con regularidad', 'Ya organizo acciones'] },
        actions: { label: '¿En qué acciones te gustaría participar?', options: ['Marcha', 'Concentración', 'Puerta a puerta', 'Llamadas', 'Taller de pancartas', 'Limpieza', 'Formación'] },
        pret_organiser: { label: '¿Hasta qué punto te sientes lista o listo para organizar una acción cerca de tu casa?' },
        accueillir: { label: '¿Lista o listo para acoger una acción en tu barrio?', options: ['sí', 'no'] },
        animer: { label: '¿Lista o listo para coordinar un grupo local?', options: ['sí', 'no'] },
        disponibilite: { label: '¿Cuándo tienes más disponibilidad?', options: ['Entre semana, por la tarde', 'Los fines de semana', 'Entre semana, de día', 'De vez en cuando, según las fechas'] },
        commentaire: { label: '¿Algo más que quieras decirnos?' },
      },
    },
  },
};
// A second, public survey: a quick poll whose counts anyone may see (the results page shows them to visitors,
// and written answers only to staff behind the sign-in).
const poll = {
  id: 'choix-du-12',
  lang: 'fr',
  title: 'Le 12 décembre, quelle action chez vous ?',
  intro: 'Votez pour l’action que vous voulez voir dans votre ville. Les résultats sont publics et se mettent à jour en direct.',
  public_results: true,
  questions: [
    { id: 'action', type: 'single', label: 'Quelle action voulez-vous pour le 12 décembre ?', options: ['Marche pour le climat', 'Chaîne humaine', 'Vélorution', 'Pique-nique revendicatif', 'Concert de rue'], required: true },
    { id: 'venir', type: 'scale', label: 'À quel point êtes-vous sûr·e de venir ?', min: 1, max: 5, required: true },
    { id: 'accompagne', type: 'yesno', label: 'Viendrez-vous avec quelqu’un ?', options: ['oui', 'non'], required: false },
    { id: 'slogan', type: 'text', label: 'Une idée de slogan pour la banderole ?', required: false },
  ],
};
writeJSON('surveys.json', [survey, poll]);

// ---------------------------------------------------------------- responses
reseed(505);
const READINESS = {};
for (const ch of chapters) READINESS[ch.id] = 0.2 + rand() * 0.35;
Object.assign(READINESS, { lyon: 0.82, nantes: 0.78, grenoble: 0.66, dakar: 0.62, rennes: 0.58, montreal: 0.55, paris: 0.45, marseille: 0.5, metz: 0.18, nice: 0.22, london: 0.3 });
const COMMENTS = {
  fr: ["Je peux prêter ma cour pour un atelier banderoles.", "J'ai une voiture, je peux aider au transport du matériel.", "Je suis disponible surtout le samedi matin.", "Merci pour tout ce que vous faites !", "Je débute, j'aimerais être accompagné·e la première fois.", "Je peux traduire des tracts en arabe.", "Est-ce qu'il y aura une garderie pendant la marche ?", "Je connais bien la mairie, je peux aider pour les autorisations.", "Je suis musicien, on peut monter une fanfare.", "Je travaille de nuit, les phonings en journée m'arrangeraient.", "Pensez aux personnes à mobilité réduite sur le parcours.", "Notre amicale de locataires est partante.", "Je préfère les actions calmes, pas trop de foule.", "Je peux faire des photos pendant l'action."],
  es: ['Puedo ayudar con la difusión en redes.', 'Tengo experiencia organizando asambleas vecinales.', '¡Gracias por organizar esto!', 'Solo puedo los fines de semana.'],
  en: ['Happy to help with photos on the day.', 'I can bring a sound system.', 'Thanks for organising!'],
};
const POSTCODES = {};
for (const pl of PLACES) {
  const set = (POSTCODES[pl.chapter] ||= new Set());
  set.add(pl.postcode); pl.venues.forEach((v) => v[3] && set.add(v[3]));
}
const extraPostcodes = {
  paris: Array.from({ length: 20 }, (_, i) => `750${pad(i + 1)}`), lyon: Array.from({ length: 9 }, (_, i) => `6900${i + 1}`),
  marseille: Array.from({ length: 16 }, (_, i) => `130${pad(i + 1)}`), toulouse: ['31000', '31100', '31200', '31300', '31400', '31500'],
  nantes: ['44000', '44100', '44200', '44300'], bordeaux: ['33000', '33100', '33200', '33300', '33800'], lille: ['59000', '59160', '59260', '59777', '59800'],
};
for (const [k, v] of Object.entries(extraPostcodes)) v.forEach((c) => POSTCODES[k].add(c));
const respChapters = [...chapters.flatMap((c) => [c.id, c.id, c.id])];
const chWeights = chapters.map((c) => [c.id, CHMETA[c.id].country === 'FR' ? CH_WEIGHT[c.id] * 1.6 : CH_WEIGHT[c.id]]);
while (respChapters.length < 600) respChapters.push(weighted(chWeights));
const clamp = (x, a, b) => Math.max(a, Math.min(b, x));
const respStart = Date.parse('2026-10-20T00:00:00Z'), respEnd = Date.parse('2026-11-20T23:00:00Z');
const Q = Object.fromEntries(survey.questions.map((q) => [q.id, q]));
const rawResponses = shuffle(respChapters).map((chapter) => {
  const R = clamp(READINESS[chapter] + (rand() - 0.5) * 0.5, 0, 1);
  const lang = CHMETA[chapter].lang;
  const answers = {};
  answers.implication = Q.implication.options[clamp(Math.floor(R * 4.2 + rand() * 1.3), 0, 4)];
  const acts = Q.actions.options.filter((o) => rand() < (o === 'Marche' ? 0.75 : o === 'Formation' ? 0.2 + R * 0.4 : 0.15 + R * 0.35));
  answers.actions = acts.length ? acts : ['Marche'];
  answers.pret_organiser = clamp(Math.round(1 + R * 4 + (rand() - 0.5) * 1.2), 1, 5);
  const host = rand() < R * 0.85;
  answers.accueillir = host ? 'oui' : 'non';
  answers.animer = rand() < R * (host ? 0.7 : 0.25) ? 'oui' : 'non';
  if (rand() < 0.93) answers.disponibilite = pick(Q.disponibilite.options);
  if (rand() < 0.2) answers.commentaire = pick(lang === 'es' ? COMMENTS.es : lang === 'en' ? COMMENTS.en : COMMENTS.fr);
  const created = new Date(respStart + Math.floor(rand() * (respEnd - respStart) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const r = { survey: 'pret-a-agir', answers, postcode: pick([...POSTCODES[chapter]]), chapter, created };
  if (rand() < 0.3 + R * 0.05) {
    const p = person(CHMETA[chapter].pool);
    r.contact = { name: `${p.first} ${p.last}`, email: `${slugify(p.first)}.${slugify(p.last)}${rint(0, 3) ? '' : rint(1, 99)}@example.org`, consent: { purpose: 'contact', version: '2026-11', at: created } };
  }
  return r;
});
rawResponses.sort((a, b) => (a.created < b.created ? -1 : 1));
const responses = rawResponses.map((r, i) => {
  const out = { id: `resp-${pad(i + 1, 4)}`, survey: r.survey, answers: r.answers, postcode: r.postcode, chapter: r.chapter };
  if (r.contact) out.contact = r.contact;
  out.created = r.created;
  return out;
});

// The poll's votes, after the survey's (so that the survey's responses stay as they were).
reseed(606);
const PQ = Object.fromEntries(poll.questions.map((q) => [q.id, q]));
const SLOGANS = ['Pas de planète B', 'Le climat, pas le profit', 'On est plus chaud que le climat', 'Changeons le système, pas le climat', 'La vague monte'];
const pollStart = Date.parse('2026-11-12T08:00:00Z'), pollEnd = Date.parse('2026-11-20T22:00:00Z');
const votes = Array.from({ length: 240 }, () => {
  const chapter = weighted(chWeights);
  const answers = { action: weighted(PQ.action.options.map((o, i) => [o, [9, 5, 4, 3, 2][i]])), venir: clamp(Math.round(2.5 + READINESS[chapter] * 2.5 + (rand() - 0.5) * 2), 1, 5) };
  if (rand() < 0.8) answers.accompagne = rand() < 0.6 ? 'oui' : 'non';
  if (rand() < 0.15) answers.slogan = pick(SLOGANS);
  const created = new Date(pollStart + Math.floor(rand() * (pollEnd - pollStart) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return { survey: poll.id, answers, postcode: pick([...POSTCODES[chapter]]), chapter, created };
}).sort((a, b) => (a.created < b.created ? -1 : 1));
votes.forEach((v, i) => responses.push({ id: `vote-${pad(i + 1, 4)}`, ...v }));
writeJSON('responses.json', responses, SEED);

// ---------------------------------------------------------------- validation (re-reads everything from disk)
const problems = [];
const check = (cond, msg) => { if (!cond) problems.push(msg); return cond; };
const load = (name) => JSON.parse(readFileSync(join(OUT, name), 'utf8'));
const BOX = { // [latMin, latMax, lngMin, lngMax]
  FR: [41.3, 51.1, -5.2, 9.6], BE: [49.5, 51.5, 2.5, 6.4], CH: [45.8, 47.8, 5.9, 10.5], CA: [44.9, 62.6, -79.8, -57.1],
  SN: [12.3, 16.7, -17.6, -11.3], ES: [36, 43.8, -9.3, 3.3], MX: [14.5, 32.7, -118.4, -86.7], AR: [-55.1, -21.8, -73.6, -53.6],
  GB: [49.9, 58.7, -8.2, 1.8], DE: [47.3, 55.1, 5.9, 15.1],
};
const inBox = (o) => { const b = BOX[o.country]; return !!b && typeof o.lat === 'number' && typeof o.lng === 'number' && o.lat >= b[0] && o.lat <= b[1] && o.lng >= b[2] && o.lng <= b[3]; };
const count = (arr, f) => arr.reduce((m, x) => { const k = f(x); m[k] = (m[k] || 0) + 1; return m; }, {});
const fmt = (m) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(', ');
const urlOk = (u) => { try { const h = new URL(u).hostname; return h === 'example.org' || h.endsWith('.example.org'); } catch { return false; } };
const lines = [];

// chapters + logos
const cj = load('chapters.json');
const chapterIds = new Set(cj.map((c) => c.id));
check(cj.length === 40, `chapters: expected 40, got ${cj.length}`);
check(chapterIds.size === cj.length, 'chapters: duplicate ids');
for (const c of cj) {
  check(inBox(c), `chapter ${c.id}: coordinates outside ${c.country}`);
  check(/^#[0-9a-f]{6}$/.test(c.color) && /^#[0-9a-f]{6}$/.test(c.accent), `chapter ${c.id}: bad colour`);
  check(c.leaders.length >= 1 && c.leaders.length <= 3, `chapter ${c.id}: leaders count`);
  check([c.website, ...c.links.map((l) => l.url)].every(urlOk) && c.email.endsWith('@vagueclimat.example.org'), `chapter ${c.id}: non example.org URL`);
  const logo = join(OUT, c.logo);
  if (check(existsSync(logo), `chapter ${c.id}: missing logo`)) {
    const svg = readFileSync(logo, 'utf8');
    check(statSync(logo).size < 1024 && svg.includes('viewBox="0 0 64 64"') && svg.includes(`<title id="t-${c.id}">${esc(c.name)}</title>`), `logo ${c.id}: size/viewBox/title`);
  }
}
const lightCount = cj.filter((c) => luminance(c.color) > 0.4).length;
lines.push(`chapters.json   ${cj.length} chapters (${fmt(count(cj, (c) => c.country))}); ${cj.length} logos < 1 KB; ${lightCount} light colours`);

// actions
const aj = load('actions.json');
const isLocal = (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(s);
const isOffset = (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(s);
const malformed = aj.filter((a) => !a.title || !(isLocal(a.start) || isOffset(a.start)) || (!a.virtual && typeof a.lat !== 'number'));
const valid = aj.filter((a) => !malformed.includes(a));
check(aj.length === 362 && valid.length === 360 && malformed.length === 2, `actions: expected 360 valid + 2 malformed, got ${valid.length} + ${malformed.length}`);
const wallMs = (s) => Date.parse(s.slice(0, 16) + ':00Z');
for (const a of valid) {
  check(TYPES.includes(a.type), `${a.id}: bad type`);
  if ('chapter' in a) check(chapterIds.has(a.chapter), `${a.id}: unknown chapter ${a.chapter}`);
  check(a.start.slice(0, 10) >= '2026-10-15' && a.start.slice(0, 10) <= '2027-03-31', `${a.id}: date out of range`);
  if (a.end) { const h = (wallMs(a.end) - wallMs(a.start)) / 3600000; check(h >= 1 && h <= 4, `${a.id}: duration ${h} h`); }
  if (isOffset(a.start)) check(a.start.slice(19) === offsetFor(a.timezone, a.start.slice(0, 16)), `${a.id}: offset mismatch`);
  check(urlOk(a.url) && a.url.endsWith('/' + a.id), `${a.id}: url`);
  if (a.virtual) check(a.url.includes('/visio/') && !('lat' in a) && !('venue' in a), `${a.id}: virtual fields`);
  else check(inBox(a) && a.url.includes('/rsvp/'), `${a.id}: coordinates outside ${a.country} or url`);
}
const doa = valid.filter((a) => a.start.startsWith(DAY_OF_ACTION));
const doaCountries = new Set(doa.map((a) => a.country));
check(doaCountries.size === Object.keys(BOX).length, `actions: day of action misses countries`);
lines.push(`actions.json    ${valid.length} actions + ${malformed.length} malformed (${malformed.map((a) => a.id).join(', ')}); ${doa.length} on ${DAY_OF_ACTION} in ${doaCountries.size} countries; ` +
  `${valid.filter((a) => a.virtual).length} virtual; ${valid.filter((a) => !a.end).length} without end; ${valid.filter((a) => isOffset(a.start)).length} with offset; ` +
  `${valid.filter((a) => !('chapter' in a)).length} without chapter; ${valid.filter((a) => a.start.slice(0, 10) < TODAY).length} past; priority ${fmt(count(valid, (a) => a.priority))}; types ${fmt(count(valid, (a) => a.type))}`);

// posts + images
const pj = load('posts.json');
check(pj.length === 150, `posts: expected 150, got ${pj.length}`);
const imageNames = Array.from({ length: 24 }, (_, i) => `images/post-${pad(i + 1)}.svg`);
for (const f of imageNames) {
  const p = join(OUT, f);
  if (check(existsSync(p), `missing ${f}`)) { const s = readFileSync(p, 'utf8'); check(statSync(p).size < 4096 && s.includes('viewBox="0 0 800 600"') && /<title[^>]*>[^<]+<\/title>/.test(s), `${f}: size/viewBox/title`); }
}
for (const p of pj) {
  if (p.image) check(existsSync(join(OUT, p.image)), `${p.id}: image ${p.image} missing`);
  check(chapterIds.has(p.chapter), `${p.id}: unknown chapter`);
  check(p.text.includes('#VagueClimat') && p.hashtags.includes('VagueClimat') && p.hashtags.every((t) => p.text.includes('#' + t)), `${p.id}: hashtags`);
  check(p.created >= '2026-09-20' && p.created < '2026-11-21' && p.created.endsWith('Z'), `${p.id}: created`);
  if (p.link) check(urlOk(p.link), `${p.id}: link not example.org`);
  if (p.video) check(/^https:\/\/(www\.youtube\.com\/watch\?v=[\w-]{11}|vimeo\.com\/\d+|peertube\.example\.org\/w\/\w+)$/.test(p.video), `${p.id}: video url`);
}
const pinned = pj.filter((p) => p.pinned);
check(pinned.length === 2 && pinned.every((p) => p.status === 'approved'), 'posts: pinned');
lines.push(`posts.json      ${pj.length} posts; status ${fmt(count(pj, (p) => p.status))}; ${pinned.length} pinned; ${pj.filter((p) => p.image).length} with image (${new Set(pj.map((p) => p.image).filter(Boolean)).size} distinct files, all present); ${pj.filter((p) => p.video).length} video; ${pj.filter((p) => p.link).length} link; ${imageNames.length} SVG illustrations < 4 KB`);

// survey
const sj = load('surveys.json');
const qTypes = new Set(sj[0].questions.map((q) => q.type));
check(sj.length === 2 && ['single', 'multi', 'scale', 'yesno', 'text'].every((t) => qTypes.has(t)), 'survey: question types');
check(!sj[0].public_results && sj[1].public_results === true, 'surveys: the first is staff-only, the poll public');
check(sj[0].questions.some((q) => q.readiness === 'host') && sj[0].questions.some((q) => q.readiness === 'lead'), 'survey: readiness questions');
lines.push(`surveys.json    ${sj.length} surveys: "${sj[0].id}", ${sj[0].questions.length} questions (${[...qTypes].join(', ')}); "${sj[1].id}" with public results, ${sj[1].questions.length} questions`);

// responses
const all = JSON.parse(readFileSync(join(SEED, 'responses.json'), 'utf8'));
const rj = all.filter((r) => r.survey === sj[0].id);
check(rj.length === 600, `responses: expected 600, got ${rj.length}`);
check(all.filter((r) => r.survey === sj[1].id).length === 240, 'responses: expected 240 votes in the poll');
check(new Set(all.map((r) => r.id)).size === all.length, 'responses: ids are not unique');
const qById = Object.fromEntries(sj.map((s) => [s.id, Object.fromEntries(s.questions.map((q) => [q.id, q]))]));
for (const r of all) {
  check(chapterIds.has(r.chapter), `${r.id}: unknown chapter`);
  for (const [k, v] of Object.entries(r.answers)) {
    const q = qById[r.survey]?.[k];
    if (!check(q, `${r.id}: unknown question ${k}`)) continue;
    if (q.type === 'multi') check(Array.isArray(v) && v.every((o) => q.options.includes(o)), `${r.id}: ${k}`);
    else if (q.type === 'scale') check(Number.isInteger(v) && v >= q.min && v <= q.max, `${r.id}: ${k}`);
    else if (q.type === 'text') check(typeof v === 'string', `${r.id}: ${k}`);
    else check(q.options.includes(v), `${r.id}: ${k}`);
  }
  if (r.contact) check(r.contact.email.endsWith('@example.org') && r.contact.consent.at === r.created, `${r.id}: contact`);
  check(r.created >= '2026-10-20' && r.created < '2026-11-21', `${r.id}: created`);
}
const perChapter = count(rj, (r) => r.chapter);
check(cj.every((c) => (perChapter[c.id] || 0) >= 3), 'responses: a chapter has fewer than 3');
const hostRate = (id) => { const v = rj.filter((r) => r.chapter === id); return v.filter((r) => r.answers.accueillir === 'oui').length / v.length; };
const ranking = cj.map((c) => [c.id, hostRate(c.id)]).sort((a, b) => b[1] - a[1]);
lines.push(`responses.json  ${rj.length} responses + ${all.length - rj.length} poll votes; ${rj.filter((r) => r.contact).length} with contact; ${rj.filter((r) => r.answers.commentaire).length} with comment; min ${Math.min(...Object.values(perChapter))} per chapter; top "host" readiness: ${ranking.slice(0, 3).map(([k, v]) => `${k} ${Math.round(v * 100)}%`).join(', ')}`);

for (const l of lines) console.log(l);
if (problems.length) { console.error(`\n${problems.length} problem(s):\n- ${problems.slice(0, 30).join('\n- ')}`); process.exit(1); }
console.log('all checks passed');
