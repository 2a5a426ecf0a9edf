/**
 * A synthetic council archive written as a content folder (docs/content-format.md), for `npm run bench`.
 * Ten committees meet on a rota, about 1,500 agenda items a year, 6–10 items a meeting, 300–900 words
 * of Markdown each; scrutiny minutes are referred to Cabinet and on to Full Council (sharing an issue),
 * about 10% of items are written in Welsh and 3% are exempt; a few meetings are cancelled and the last
 * few are scheduled. Seeded: the same item count always gives the same bytes.
 *
 *   npx tsx bench/generate.ts --items 1000 --out /tmp/archive
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { random } from './random.ts';

/** Relative path (with /) → file text, in path order. */
export type ContentFiles = Map<string, string>;

const ITEMS_PER_YEAR = 1_500;
/** Meetings in a year: 1,500 items at 8 a meeting on average. */
const MEETINGS_PER_YEAR = Math.round(ITEMS_PER_YEAR / 8);
/** The archive ends in this year; the scheduled meetings fall in the next. */
const LAST_YEAR = 2025;

type Category = 'council' | 'executive' | 'scrutiny' | 'regulatory' | 'other';
interface CommitteeSpec {
  slug: string;
  name: string;
  nameCy: string;
  category: Category;
  /** Prefix of its minute numbers ("C118"), or none for plain numbers. */
  prefix: string;
  time: string;
  venue: string;
}

const COMMITTEES: CommitteeSpec[] = [
  { slug: 'full-council', name: 'Full Council', nameCy: 'Y Cyngor Llawn', category: 'council', prefix: '', time: '14:00', venue: 'Council Chamber, Neuadd y Sir, Llanarian' },
  { slug: 'cabinet', name: 'Cabinet', nameCy: 'Cabinet', category: 'executive', prefix: 'C', time: '10:00', venue: 'Committee Room 1, Neuadd y Sir, Llanarian' },
  { slug: 'scrutiny-communities', name: 'Scrutiny Committee (Communities and Culture)', nameCy: 'Pwyllgor Craffu (Cymunedau a Diwylliant)', category: 'scrutiny', prefix: '', time: '17:30', venue: 'Committee Room 2, Neuadd y Sir, Llanarian' },
  { slug: 'scrutiny-environment', name: 'Scrutiny Committee (Environment and Transport)', nameCy: 'Pwyllgor Craffu (Amgylchedd a Thrafnidiaeth)', category: 'scrutiny', prefix: '', time: '17:30', venue: 'Committee Room 2, Neuadd y Sir, Llanarian' },
  { slug: 'scrutiny-resources', name: 'Scrutiny Committee (Corporate Resources)', nameCy: 'Pwyllgor Craffu (Adnoddau Corfforaethol)', category: 'scrutiny', prefix: '', time: '10:00', venue: 'Committee Room 2, Neuadd y Sir, Llanarian' },
  { slug: 'scrutiny-people', name: 'Scrutiny Committee (Education and Social Care)', nameCy: 'Pwyllgor Craffu (Addysg a Gofal Cymdeithasol)', category: 'scrutiny', prefix: '', time: '14:00', venue: 'Hybrid: Committee Room 3 and online' },
  { slug: 'planning', name: 'Planning Committee', nameCy: 'Pwyllgor Cynllunio', category: 'regulatory', prefix: 'P', time: '10:00', venue: 'Council Chamber, Neuadd y Sir, Llanarian' },
  { slug: 'licensing', name: 'Licensing Committee', nameCy: 'Pwyllgor Trwyddedu', category: 'regulatory', prefix: 'L', time: '10:00', venue: 'Committee Room 3, Neuadd y Sir, Llanarian' },
  { slug: 'audit-governance', name: 'Governance and Audit Committee', nameCy: 'Pwyllgor Llywodraethu ac Archwilio', category: 'other', prefix: '', time: '14:00', venue: 'Committee Room 1, Neuadd y Sir, Llanarian' },
  { slug: 'standards', name: 'Standards Committee', nameCy: 'Pwyllgor Safonau', category: 'other', prefix: '', time: '10:00', venue: 'Committee Room 3, Neuadd y Sir, Llanarian' },
];
const committeeBySlug = new Map(COMMITTEES.map((c) => [c.slug, c]));

/** The order committees meet in: each scrutiny meeting comes before a Cabinet, Cabinets before a Full Council. */
const ROTA = [
  'scrutiny-communities', 'planning', 'cabinet', 'scrutiny-environment', 'licensing', 'cabinet', 'scrutiny-resources', 'planning',
  'full-council', 'audit-governance', 'scrutiny-people', 'cabinet', 'planning', 'licensing', 'standards', 'full-council',
];

const PLACES = ['Llanarian', 'Pont-y-Gŵr', 'Aberllys', 'Bryn-y-Gŵyn', 'Cwm-y-Dŵr', 'Tŷ-nant', 'Glan Morfa', 'Rhos-y-Bryn', 'Penrhyn', 'Nant-y-Fedw', 'Cefn Coed', 'Trefelin'];
const COUNCILLORS = [
  'M. Llewelyn', 'P. Hughes', 'J. Carter', 'E. Morgan', 'K. Patel', 'L. Thomas', 'S. Mahoney', 'N. Walsh', 'R. Pritchard', 'G. Owain',
  'D. Evans-Lloyd', 'A. Begum', 'T. Griffiths', 'H. Roberts', 'B. Jenkins', 'C. Rees', 'F. Davies', 'I. Price', 'O. Bowen', 'W. Parry',
  'Y. Lewis', 'Z. Khan', 'V. Powell', 'U. Howells',
];
const OFFICERS = [
  'Chief Executive', 'Director of Communities and Culture', 'Director of Environment and Transport', 'Director of Education',
  'Director of Social Services', 'Head of Finance', 'Head of Planning', 'Head of Highways', 'Head of Housing', 'Head of Waste and Recycling',
  'Head of Legal Services', 'Monitoring Officer', 'Head of Property and Estates', 'Head of Libraries', 'Chief Internal Auditor',
  'Head of Regulatory Services',
];
const OFFICERS_CY = ['Prif Weithredwr', 'Cyfarwyddwr Cymunedau a Diwylliant', 'Pennaeth Cyllid', 'Pennaeth Cynllunio', 'Pennaeth Tai', 'Swyddog Monitro', 'Pennaeth Priffyrdd'];

/** Substantive business, by committee category; {place} and {year} are filled in. */
const TOPICS: Record<Category, string[]> = {
  scrutiny: [
    'Library Service Review', 'Household Waste Recycling Centre Opening Hours', 'School Transport Policy', 'Active Travel Network Map',
    'Street Lighting Replacement Programme', 'Housing Allocation Policy', 'Social Care Workforce Strategy', 'Coast Path Improvements at {place}',
    'Flood Risk Management Plan', 'Car Parking Charges', 'Climate Emergency Action Plan', 'Leisure Centre Provision in {place}',
    'Play Sufficiency Assessment', 'Destination Management Plan', 'Youth Service Review', 'Domiciliary Care Commissioning',
  ],
  executive: [
    'Medium Term Financial Plan {year}–{year3}', 'Capital Programme Monitoring', 'Revenue Budget Monitoring', 'Treasury Management Strategy',
    'Community Asset Transfer of {place} Community Centre', 'School Reorganisation in the {place} Area', 'Town Centre Regeneration – {place}',
    'Corporate Plan Performance Report', 'Council Tax Reduction Scheme', 'Welsh Language Standards Annual Report', 'Biodiversity Duty Report',
  ],
  council: [
    'Notice of Motion: Coast Path at {place}', 'Council Tax Setting {year}/{year1}', 'Annual Report of the Scrutiny Committees',
    'Pay Policy Statement {year}/{year1}', 'Amendments to the Constitution', 'Appointments to Outside Bodies', 'Questions from Members of the Public',
  ],
  regulatory: [
    'Planning Application {ref} – Land at {place}', 'Planning Application {ref} – Former School, {place}', 'Planning Appeals Update',
    'Taxi Licensing Policy', 'Review of the Statement of Licensing Policy', 'Hackney Carriage Fares', 'Enforcement Update: {place}',
  ],
  other: [
    'Annual Governance Statement', 'Corporate Risk Register', 'Internal Audit Progress Report', 'External Audit Annual Plan',
    'Statement of Accounts {year}/{year1}', 'Code of Conduct Complaints', 'Ombudsman Annual Letter', 'Counter Fraud Strategy',
  ],
};
const TOPICS_CY = [
  'Adolygiad o’r Gwasanaeth Llyfrgelloedd', 'Oriau Agor y Ganolfan Ailgylchu', 'Gŵyl Ddewi {year}', 'Strategaeth Hybu’r Gymraeg',
  'Cynllun Rheoli Perygl Llifogydd Cwm-y-Dŵr', 'Trosglwyddo Tŷ Hamdden i’r Gymuned', 'Adroddiad Blynyddol Safonau’r Gymraeg',
  'Polisi Dyrannu Tai', 'Cynllun Teithio Llesol {place}', 'Adfywio Canol Tref {place}',
];
const EXEMPT_TITLES = ['Disposal of Land at {place}', 'Contract Award: Highways Maintenance', 'Staffing Matter', 'Acquisition of Property in {place}', 'Settlement of a Legal Claim'];
const EXEMPT_REASONS = [
  'Paragraph 14 of Schedule 12A to the Local Government Act 1972 (information about the financial or business affairs of a particular person)',
  'Paragraph 12 of Schedule 12A to the Local Government Act 1972 (information relating to a particular individual)',
  'Paragraph 16 of Schedule 12A to the Local Government Act 1972 (legal professional privilege)',
];
const HEADINGS = ['Background', 'Financial implications', 'Consultation', 'Options considered', 'Legal implications', 'Equality impact', 'Welsh language', 'Questions and discussion', 'Risks', 'Next steps', 'Performance'];
const HEADINGS_CY = ['Cefndir', 'Goblygiadau ariannol', 'Ymgynghori', 'Opsiynau', 'Trafodaeth', 'Y camau nesaf'];

const NOUNS = `service budget plan policy strategy review consultation proposal scheme programme report assessment contract
grant reserve charge fee income saving target standard duty framework partnership provision network centre library school road
bridge depot site building property workforce budget pressure overspend underspend allocation tender risk register audit`.split(/\s+/).filter(Boolean);
const ADJECTIVES = `revised draft annual capital revenue statutory local regional national current proposed interim additional
sustainable affordable rural coastal community corporate strategic preferred alternative existing`.split(/\s+/).filter(Boolean);
const COMMON = `council committee report cabinet member officer director head service budget plan planning application policy
strategy review consultation proposal recommendation agreed approved noted meeting members public county community housing school
education library road highways transport waste recycling environment flood scheme funding grant cost financial year monitoring
performance scrutiny development land property building site change support care social adults children young people health
wellbeing tax rent charges fees income capital revenue reserve savings contract procurement tender staff workforce pay pension audit
risk governance constitution legal statutory duty welsh language standards equality impact assessment climate carbon energy lighting
street parking traffic safety coast path park leisure centre sport culture heritage museum archive tourism events festival business
economy town regeneration bus rail active travel cycle walking trees biodiversity water quality air noise licensing taxi premises
food hygiene enforcement permission granted refused conditions appeal inspector objection representation neighbours ward`.split(/\s+/).filter(Boolean);
const WELSH = `cyngor pwyllgor adroddiad aelod swyddog cyfarwyddwr pennaeth gwasanaeth cyllideb cynllun cynllunio cais polisi
strategaeth adolygiad ymgynghoriad cynnig argymhelliad cyfarfod cyhoeddus sir cymuned tai ysgol ysgolion addysg llyfrgell ffordd
priffyrdd gwastraff ailgylchu amgylchedd llifogydd cyllid grant blwyddyn perfformiad craffu datblygu tir eiddo adeilad safle newid
gofal cymdeithasol oedolion plant pobl ifanc iechyd lles treth rhent ffioedd incwm cyfalaf refeniw cronfa arbedion staff gweithlu
archwilio risg llywodraethu dyletswydd cymraeg iaith safonau cydraddoldeb effaith asesiad hinsawdd carbon ynni goleuadau stryd
parcio traffig diogelwch arfordir llwybr parc hamdden canolfan chwaraeon diwylliant treftadaeth amgueddfa archif twristiaeth gŵyl
ŵyl digwyddiadau busnes economi tref adfywio bws trên teithio beicio cerdded coed bioamrywiaeth dŵr tŷ tŷ'r ansawdd aer sŵn
trwyddedu tacsi bwyd hylendid caniatâd amodau apêl cynghorydd cadeirydd pleidlais ŷd`.split(/\s+/).filter(Boolean);
const FILLER_EN = ['the', 'of', 'and', 'to', 'that', 'for', 'with', 'was', 'be', 'on', 'by', 'a', 'in', 'would', 'had'];
const FILLER_CY = ['y', 'yr', 'a', 'ac', 'i', 'o', 'yn', 'ar', 'gan', 'bod', 'wedi', 'fel'];


/** Text as a YAML scalar: JSON strings are valid YAML double-quoted strings. */
const q = (value: string) => JSON.stringify(value);
const slugify = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Writes words of council prose; every draw comes from one seeded stream. */
class Writer {
  constructor(readonly rnd: () => number) {}
  int = (lo: number, hi: number) => lo + Math.floor(this.rnd() * (hi - lo + 1));
  pick = <T>(list: readonly T[]): T => list[Math.floor(this.rnd() * list.length)]!;
  chance = (p: number) => this.rnd() < p;
  money = () => (this.chance(0.5) ? `£${this.int(12, 990)},000` : `£${this.int(1, 40)}.${this.int(1, 9)} million`);

  nounPhrase() {
    return `the ${this.chance(0.6) ? `${this.pick(ADJECTIVES)} ` : ''}${this.pick(NOUNS)}`;
  }

  /** One English sentence, from a template or (a third of the time) a run of council vocabulary. */
  sentence(): string {
    const np = () => this.nounPhrase();
    const templates = [
      () => `The ${this.pick(OFFICERS)} presented the report, which set out ${np()} for ${this.pick(PLACES)}.`,
      () => `Councillor ${this.pick(COUNCILLORS)} asked whether ${np()} would be reviewed before ${this.int(2, 12)} months had passed.`,
      () => `The ${this.pick(OFFICERS)} explained that ${np()} had changed by ${this.int(2, 38)} per cent since ${this.int(2009, 2024)}.`,
      () => {
        const year = this.int(2010, 2029);
        return `Members noted that ${np()} would cost ${this.money()} in ${year}/${String(year + 1).slice(2)}.`;
      },
      () => `In ${this.pick(PLACES)}, ${np()} had been delivered on time and within ${np()}.`,
      () => `Concern was expressed about ${np()} and its effect on residents of ${this.pick(PLACES)}.`,
      () => `It was confirmed that ${np()} would be reported back to the Committee in ${this.pick(['the spring', 'the summer', 'the autumn', 'six months', 'the new year'])}.`,
      () => `The Chair thanked officers for ${np()} and for the work on ${np()}.`,
    ];
    if (this.chance(0.33)) {
      const words = Array.from({ length: this.int(10, 24) }, () => (this.chance(0.4) ? this.pick(FILLER_EN) : this.pick(COMMON)));
      const text = words.join(' ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    }
    return this.pick(templates)();
  }

  sentenceCy(): string {
    const templates = [
      () => `Cyflwynodd y ${this.pick(OFFICERS_CY)} yr adroddiad ar y gwasanaeth yn ${this.pick(PLACES)}.`,
      () => `Gofynnodd y Cynghorydd ${this.pick(COUNCILLORS)} a fyddai’r cynllun yn cael ei adolygu cyn pen ${this.int(2, 12)} mis.`,
      () => `Nododd yr aelodau y byddai’r gwaith ar y tŷ a’r cyflenwad dŵr yn costio ${this.money()}.`,
      () => `Diolchodd y Cadeirydd i’r swyddogion am eu gwaith ar yr ŵyl yn ${this.pick(PLACES)}.`,
    ];
    if (this.chance(0.5)) {
      const words = Array.from({ length: this.int(10, 22) }, () => (this.chance(0.35) ? this.pick(FILLER_CY) : this.pick(WELSH)));
      const text = words.join(' ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    }
    return this.pick(templates)();
  }

  /** A Markdown body of about `words` words: paragraphs, some headings, lists and now and then a table. */
  body(words: number, lang: 'en' | 'cy'): string {
    const sentence = () => (lang === 'cy' ? this.sentenceCy() : this.sentence());
    const blocks: string[] = [];
    let count = 0;
    const add = (block: string) => {
      blocks.push(block);
      count += block.split(/\s+/).length;
    };
    let table = this.chance(0.08);
    while (count < words) {
      const r = this.rnd();
      if (blocks.length > 0 && r < 0.12) add(`### ${this.pick(lang === 'cy' ? HEADINGS_CY : HEADINGS)}`);
      else if (blocks.length > 0 && r < 0.22) {
        const ordered = this.chance(0.4);
        add(Array.from({ length: this.int(3, 5) }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence()}`).join('\n'));
      } else if (table && blocks.length > 1) {
        table = false;
        const rows = PLACES.slice(0, this.int(3, 7)).map((p) => `| ${p} | ${this.int(100, 9000)} | ${this.int(100, 9000)} | ${this.int(-20, 20)}% |`);
        add(['| Area | 2023/24 | 2024/25 | Change |', '|:---|---:|---:|---:|', ...rows].join('\n'));
      } else add(Array.from({ length: this.int(2, 5) }, sentence).join(' '));
    }
    return `${blocks.join('\n\n')}\n`;
  }
}

interface MeetingPlan {
  folder: string;
  committee: CommitteeSpec;
  date: string;
  status: 'held' | 'cancelled' | 'scheduled';
  items: number;
}

/** A minute waiting to be taken up by a later meeting of another committee. */
interface Referral {
  committee: string;
  date: string;
  minute: string;
  title: string;
  issue: string;
}

interface State {
  w: Writer;
  minutes: Map<string, number>;
  pending: Map<string, Referral[]>;
  issues: number;
}

/** Files of the whole archive: `items` agenda items (exactly), plus committees, meetings and site.yml. */
export function generateArchive(items: number, seed = 1): ContentFiles {
  const files: ContentFiles = new Map();
  const w = new Writer(random(seed));
  files.set('site.yml', ['name: Bryn Arian County Council', 'name_cy: Cyngor Sir Bryn Arian', 'base_url: https://papers.example.org', 'timezone: Europe/London', 'colour: "#17503a"', ''].join('\n'));
  for (const c of COMMITTEES) {
    files.set(
      `committees/${c.slug}.md`,
      `---\nname: ${q(c.name)}\nname_cy: ${q(c.nameCy)}\ncategory: ${c.category}\n---\n${w.body(80, 'en')}`,
    );
  }
  const state: State = { w, minutes: new Map(), pending: new Map(), issues: 0 };
  const years = Math.max(1, Math.ceil(items / ITEMS_PER_YEAR));
  const firstYear = LAST_YEAR - years + 1;
  let left = items;
  let m = 0;
  let lastDay = 0;
  while (left > 0) {
    const plan = planMeeting(m++, firstYear, w);
    lastDay = dayOf(plan.date);
    if (plan.status === 'held') plan.items = Math.min(left, plan.items);
    left -= plan.items;
    writeMeeting(files, plan, state);
  }
  // The next few meetings are in the diary, with no papers yet.
  for (let k = 1; k <= 3; k++) {
    const committee = committeeBySlug.get(ROTA[(m + k) % ROTA.length]!)!;
    writeMeeting(files, { folder: `${isoDay(lastDay + 7 * k)}-${committee.slug}`, committee, date: isoDay(lastDay + 7 * k), status: 'scheduled', items: 0 }, state);
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Meeting `m` of the rota: its committee, a weekday date in its year, and its item count. */
function planMeeting(m: number, firstYear: number, w: Writer): MeetingPlan {
  const year = firstYear + Math.floor(m / MEETINGS_PER_YEAR);
  const slot = m % MEETINGS_PER_YEAR;
  let day = Date.UTC(year, 0, 6) / 86_400_000 + Math.floor((slot * 355) / MEETINGS_PER_YEAR);
  const weekday = new Date(day * 86_400_000).getUTCDay();
  if (weekday === 6) day += 2;
  if (weekday === 0) day += 1;
  const committee = committeeBySlug.get(ROTA[m % ROTA.length]!)!;
  const date = isoDay(day);
  const cancelled = w.chance(0.015);
  return { folder: `${date}-${committee.slug}`, committee, date, status: cancelled ? 'cancelled' : 'held', items: cancelled ? 0 : w.int(6, 10) };
}

function writeMeeting(files: ContentFiles, plan: MeetingPlan, state: State) {
  const { w } = state;
  const { committee, date } = plan;
  const members = [...new Set(Array.from({ length: w.int(6, 10) }, () => w.pick(COUNCILLORS)))];
  const apologies = members.splice(0, w.int(0, 2));
  const notes =
    plan.status === 'cancelled'
      ? `This meeting was cancelled by the Chair because no business was ready for the Committee. Items will be reported to the next meeting.\n`
      : plan.status === 'scheduled'
        ? `The agenda will be published five clear working days before the meeting.\n`
        : w.chance(0.3)
          ? `The meeting was held in hybrid form and broadcast live.\n`
          : '';
  const front = [`committee: ${committee.slug}`, `date: ${date}`, `time: "${committee.time}"`, `venue: ${q(committee.venue)}`, `status: ${plan.status}`];
  if (plan.status === 'held') {
    front.push('attendees:', ...members.map((n, i) => `  - ${q(`Councillor ${n}${i === 0 ? ' (Chair)' : ''}`)}`));
    front.push(apologies.length ? 'apologies:' : 'apologies: []', ...apologies.map((n) => `  - ${q(`Councillor ${n}`)}`));
  }
  files.set(`meetings/${plan.folder}/index.md`, `---\n${front.join('\n')}\n---\n${notes}`);

  const referrals = state.pending.get(committee.slug) ?? [];
  for (let n = 1; n <= plan.items; n++) {
    const minuteNo = (state.minutes.get(committee.slug) ?? 0) + 1;
    state.minutes.set(committee.slug, minuteNo);
    const minute = `${committee.prefix}${minuteNo}`;
    const item = writeItem(plan, n, minute, n === 1 ? 'apologies' : n > 2 && n <= 4 && referrals.length ? referrals.shift()! : undefined, state);
    files.set(`meetings/${plan.folder}/${String(n).padStart(2, '0')}-${slugify(item.title)}.md`, item.text);
  }
}

/** One agenda item's file: front matter in the content format, then its Markdown body. */
function writeItem(plan: MeetingPlan, n: number, minute: string, kind: 'apologies' | Referral | undefined, state: State): { title: string; text: string } {
  const { w } = state;
  const { committee, date } = plan;
  const year = Number(date.slice(0, 4));
  const fill = (t: string) =>
    t.replaceAll('{place}', w.pick(PLACES)).replaceAll('{year}', String(year)).replaceAll('{year1}', String(year + 1).slice(2)).replaceAll('{year3}', String(year + 3))
      .replaceAll('{ref}', `${String(year).slice(2)}/${String(w.int(1, 2999)).padStart(4, '0')}/FUL`);
  const front: string[] = [];
  let title: string;
  let body: string;

  if (kind === 'apologies') {
    title = 'Apologies for absence';
    front.push(`title: ${q(title)}`, 'type: minutes', `item: ${n}`, `minute: ${q(minute)}`);
    body = `Apologies for absence were received from Councillor ${w.pick(COUNCILLORS)}. ${w.sentence()}\n`;
    return { title, text: `---\n${front.join('\n')}\n---\n${body}` };
  }
  const lang: 'en' | 'cy' = !kind && w.chance(0.1) ? 'cy' : 'en';
  const words = w.int(300, 900);

  if (!kind && w.chance(0.03)) {
    title = fill(w.pick(EXEMPT_TITLES));
    front.push(`title: ${q(title)}`, 'type: resolution', `item: ${n}`, `minute: ${q(minute)}`, 'exempt: true', `exempt_reason: ${q(w.pick(EXEMPT_REASONS))}`);
    front.push(`decision: ${q(w.sentence())}`);
    return { title, text: `---\n${front.join('\n')}\n---\n${w.body(words, 'en')}` };
  }

  if (kind) {
    const from = committeeBySlug.get(kind.committee)!;
    title = `Reference from ${from.name}: ${kind.title}`;
    front.push(`title: ${q(title)}`, 'type: reference', `item: ${n}`, `minute: ${q(minute)}`, `report_of: ${q(w.pick(OFFICERS))}`, `issue: ${kind.issue}`);
    front.push('referred_from:', `  committee: ${kind.committee}`, `  date: ${kind.date}`, `  minute: ${q(kind.minute)}`);
    body = `${committee.name} considered the reference from the ${from.name} of ${kind.date}.\n\n${w.body(words, 'en')}`;
    title = kind.title;
  } else {
    title = lang === 'cy' ? fill(w.pick(TOPICS_CY)) : fill(w.pick(TOPICS[committee.category]));
    const type = committee.category === 'regulatory' || w.chance(0.3) ? 'resolution' : 'minutes';
    front.push(`title: ${q(title)}`, `type: ${type}`, `item: ${n}`, `minute: ${q(minute)}`, `report_of: ${q(lang === 'cy' ? w.pick(OFFICERS_CY) : w.pick(OFFICERS))}`);
    if (lang === 'cy') front.push('lang: cy');
    body = w.body(words, lang);
  }

  const sentence = () => (lang === 'cy' ? w.sentenceCy() : w.sentence());
  const resolutions = (count: number) => Array.from({ length: count }, () => `  - ${q(`That ${w.nounPhrase()} be ${w.pick(['approved', 'noted', 'agreed', 'endorsed', 'adopted'])}${w.chance(0.5) ? `, subject to ${w.nounPhrase()}` : ''}.`)}`);

  if (committee.category === 'scrutiny' && !kind && lang === 'en' && w.chance(0.2)) {
    // Scrutiny recommends, and refers the minute to Cabinet; the issue follows it there.
    const issue = `${slugify(title)}-${++state.issues}`;
    front.push(`issue: ${issue}`, `decision: ${q(`The Committee's recommendations were referred to Cabinet.`)}`, 'recommended:', ...resolutions(w.int(2, 5)));
    front.push(`reasons: ${q(sentence())}`);
    queue(state, 'cabinet', { committee: committee.slug, date, minute, title, issue });
  } else if (committee.category === 'executive' || committee.category === 'council' || w.chance(0.6)) {
    front.push(`decision: ${q(sentence())}`, 'resolved:', ...resolutions(w.int(1, 5)), `reasons: ${q(sentence())}`);
    if (committee.category === 'executive' && w.chance(0.3)) {
      front.push('key_decision: true', `call_in_deadline: ${isoDay(dayOf(date) + 7)}`);
    }
    if (committee.category === 'executive' && kind && w.chance(0.4)) queue(state, 'full-council', { committee: committee.slug, date, minute, title: kind.title, issue: kind.issue });
  }
  return { title, text: `---\n${front.join('\n')}\n---\n${body}` };
}

function queue(state: State, to: string, referral: Referral) {
  const list = state.pending.get(to) ?? [];
  list.push(referral);
  state.pending.set(to, list);
}

/**
 * One more held Cabinet meeting with 8 items, a week after everything in the archive of `items` items
 * (its scheduled meetings included): what a clerk publishes after a meeting.
 */
export function extraMeeting(items: number, seed = 1): ContentFiles {
  const archive = generateArchive(items, seed);
  const last = [...archive.keys()].filter((f) => f.startsWith('meetings/')).map((f) => f.slice(9, 19)).sort().at(-1)!;
  const files: ContentFiles = new Map();
  const date = isoDay(dayOf(last) + 7);
  const state: State = { w: new Writer(random(seed + 1)), minutes: new Map([['cabinet', 90_000]]), pending: new Map(), issues: 90_000 };
  writeMeeting(files, { folder: `${date}-cabinet`, committee: committeeBySlug.get('cabinet')!, date, status: 'held', items: 8 }, state);
  return files;
}

/** Write `files` under `dir`, creating folders as needed. */
export async function writeFiles(dir: string, files: ContentFiles): Promise<void> {
  const folders = new Set([...files.keys()].map((f) => path.dirname(path.join(dir, f))));
  for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map(([f, text]) => writeFile(path.join(dir, f), text)));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
  const items = Number(arg('--items') ?? 1000);
  const out = arg('--out') ?? 'bench-archive';
  const files = generateArchive(items);
  await writeFiles(out, files);
  console.log(`${files.size} files, ${items} items in ${out}`);
}
