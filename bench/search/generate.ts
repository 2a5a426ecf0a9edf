import type { AgendaItem, Committee, Council, ItemType, Meeting } from '../../src/model/types.ts';
import { urls } from '../../src/model/urls.ts';
import { random } from '../random.ts';

/**
 * A synthetic council archive for measuring search: `items` agenda items over twenty years,
 * about 15 per meeting, 25 committees, 10% Welsh, 4% exempt. Text draws on a real council
 * vocabulary for the commonest words and a Zipf-distributed tail of made-up words, numbers and
 * application references, so posting lists are as skewed as in real minutes. Seeded: same output
 * every run.
 */

const COMMON = `council committee report cabinet member officer director head service services budget plan planning
application applications policy strategy review consultation proposal proposals recommendation recommendations agreed
approved resolved noted meeting members public county community communities local housing school schools education
library libraries road roads highways transport waste recycling environment flood scheme schemes funding grant grants
cost costs financial finance year years annual monitoring performance scrutiny development land property building
buildings site sites use change changes support care social adult adults children young people health wellbeing
council tax rent charges fees income capital revenue reserve reserves savings contract contracts procurement
tender staff workforce employees pay pension audit risk governance constitution legal statutory duty duties welsh
language standards equality impact assessment climate carbon energy lighting street streets parking traffic safety
coast path park parks leisure centre centres sport culture heritage museum archive tourism events festival business
businesses economy economic town centre regeneration transport bus rail active travel cycle walking trees biodiversity
water quality air noise licensing taxi alcohol premises food hygiene trading standards enforcement permission granted
refused conditions condition appeal inspector objection objections representation representations neighbours ward
councillor councillors chair vice motion notice amendment vote votes carried lost abstention declaration interest
apologies minutes previous accuracy matters arising item items urgent exempt press information schedule paragraph`
  .split(/\s+/)
  .filter(Boolean);

const WELSH = `cyngor pwyllgor adroddiad cabinet aelod swyddog cyfarwyddwr pennaeth gwasanaeth cyllideb cynllun cynllunio
cais polisi strategaeth adolygiad ymgynghoriad cynnig argymhelliad cytunwyd penderfynwyd nodwyd cyfarfod cyhoeddus sir
cymuned tai ysgol ysgolion addysg llyfrgell ffordd priffyrdd gwastraff ailgylchu amgylchedd llifogydd cyllid grant cost
blwyddyn perfformiad craffu datblygu tir eiddo adeilad safle newid cefnogi gofal cymdeithasol oedolion plant pobl ifanc
iechyd lles treth rhent ffioedd incwm cyfalaf refeniw cronfa arbedion contract staff gweithlu archwilio risg llywodraethu
cyfreithiol dyletswydd cymraeg iaith safonau cydraddoldeb effaith asesiad hinsawdd carbon ynni goleuadau stryd parcio
traffig diogelwch arfordir llwybr parc hamdden canolfan chwaraeon diwylliant treftadaeth amgueddfa archif twristiaeth
gŵyl digwyddiadau busnes economi tref adfywio bws trên teithio beicio cerdded coed bioamrywiaeth dŵr ansawdd aer sŵn
trwyddedu tacsi bwyd hylendid caniatâd amodau apêl gwrthwynebiad cynghorydd cadeirydd pleidlais côr eisteddfod`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = 'bar ten lin mor cas del fen gar hol jin kel lam nor pel ros sar tal ver wen yor dun bry cwm llan aber pont tre'.split(' ');


export function generateCouncil(items = 30_000, seed = 1): Council {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const tail: string[] = [];
  for (let i = 0; tail.length < 40_000; i++) {
    const n = 2 + Math.floor(rnd() * 2);
    let word = '';
    for (let j = 0; j < n; j++) word += pick(SYLLABLES);
    tail.push(word);
  }
  // Zipf over the common words then the tail: word r is drawn with probability ∝ 1/(r+1)^1.05.
  const english = [...COMMON, ...tail];
  const welsh = [...WELSH, ...tail.slice(20_000)];
  const cumulative = (size: number) => {
    const c: number[] = [];
    let sum = 0;
    for (let r = 0; r < size; r++) c.push((sum += 1 / Math.pow(r + 1, 1.05)));
    return c.map((v) => v / sum);
  };
  const cumEn = cumulative(english.length);
  const cumCy = cumulative(welsh.length);
  const zipf = (words: string[], cum: number[]) => {
    const x = rnd();
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const FILLER_EN = ['the', 'of', 'and', 'to', 'that', 'for', 'with', 'was', 'be', 'on', 'by', 'a'];
  const FILLER_CY = ['y', 'yr', 'a', 'ac', 'i', 'o', 'yn', 'ar', 'gan', 'bod'];
  const sentence = (lang: 'en' | 'cy', words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const r = rnd();
      if (r < 0.35) out.push(pick(lang === 'en' ? FILLER_EN : FILLER_CY));
      else if (r < 0.38) out.push(String(Math.floor(rnd() * 5000)));
      else if (r < 0.385) out.push(`${20 + Math.floor(rnd() * 10)}/${String(Math.floor(rnd() * 9999)).padStart(4, '0')}/FUL`);
      else out.push(lang === 'en' ? zipf(english, cumEn) : zipf(welsh, cumCy));
    }
    const text = out.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (lang: 'en' | 'cy', sentences: number) =>
    Array.from({ length: sentences }, () => sentence(lang, 12 + Math.floor(rnd() * 16))).join(' ');

  const committees: Committee[] = Array.from({ length: 25 }, (_, i) => {
    const slug = `committee-${String(i + 1).padStart(2, '0')}`;
    return { slug, name: `Committee ${i + 1}`, category: 'other', termsOfReference: '', url: urls.committee(slug), meetings: [], sourcePath: `content/committees/${slug}.md` };
  });
  const meetings: Meeting[] = [];
  const agenda: AgendaItem[] = [];
  const meetingCount = Math.ceil(items / 15);
  const startDay = Date.UTC(2006, 0, 2) / 86_400_000;
  const types: ItemType[] = ['minutes', 'minutes', 'minutes', 'reference', 'resolution'];
  let minute = 1;
  for (let m = 0; m < meetingCount && agenda.length < items; m++) {
    const date = new Date((startDay + Math.floor((m * 7300) / meetingCount)) * 86_400_000).toISOString().slice(0, 10);
    const committee = committees[m % committees.length]!;
    const slug = `${date}-${committee.slug}`;
    const meeting: Meeting = {
      slug, committee: committee.slug, date, status: 'held', attendees: [], apologies: [], notes: '',
      url: urls.meeting(slug), pack: urls.meetingPack(slug), items: [], sourcePath: `content/meetings/${slug}/index.md`,
    };
    committee.meetings.push(slug);
    meetings.push(meeting);
    for (let n = 1; n <= 15 && agenda.length < items; n++) {
      const lang = rnd() < 0.1 ? 'cy' : 'en';
      const itemSlug = `${String(n).padStart(2, '0')}-item-${n}`;
      const common = {
        id: `${slug}/${itemSlug}`, slug: itemSlug, meeting: slug, committee: committee.slug, date, item: String(n),
        title: sentence(lang, 4 + Math.floor(rnd() * 6)).slice(0, -1),
        url: urls.item(slug, itemSlug), pdf: urls.itemPdf(slug, itemSlug), sourcePath: `content/meetings/${slug}/${itemSlug}.md`,
      };
      meeting.items.push(common.id);
      if (rnd() < 0.04) {
        agenda.push({ ...common, exempt: true, exemptReason: 'Paragraph 14 of Schedule 12A' });
        continue;
      }
      const decided = rnd() < 0.6;
      agenda.push({
        ...common,
        exempt: false,
        type: pick(types),
        minute: String(minute++),
        lang,
        referredTo: [],
        ...(decided && { decision: sentence(lang, 10 + Math.floor(rnd() * 10)) }),
        resolved: decided ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sentence(lang, 20 + Math.floor(rnd() * 15))) : [],
        recommended: [],
        keyDecision: rnd() < 0.08,
        attachments: [],
        body: Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => paragraph(lang, 2 + Math.floor(rnd() * 4))).join('\n\n'),
      });
    }
  }
  return { site: { name: 'Synthetic County Council', timezone: 'Europe/London' }, committees, meetings, items: agenda, issues: [] };
}
